#include "cascade/diffusion/linear_threshold.h"

#include "run_steps.h"

namespace cascade {

void run_linear_threshold(const Graph& graph, const DiffusionModel& model,
                          std::span<const NodeId> seeds, const RunRandomness& random,
                          RunWorkspace& workspace, RunOutcome& outcome,
                          std::vector<Activation>* trace) {
  detail::activate_seeds(seeds, workspace, outcome, trace, [](NodeId) { return Sentiment::kPositive; });
  detail::run_steps(model, workspace, outcome, [&](std::uint32_t step, float factor) {
    for (const NodeId u : workspace.frontier) {
      const auto targets = graph.out_neighbors(u);
      const auto weights = graph.out_probabilities(u);
      outcome.arcs_examined += targets.size();
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const NodeId v = targets[i];
        if (workspace.active(v)) continue;
        float& total = workspace.value(v);
        total += weights[i] * factor;
        // v's influence starts next step (it joins `next`), so activating now keeps steps
        // synchronous; the active check stops further accumulation this step.
        if (total > 0 && total >= random.node_coin(v)) {
          workspace.activate(v, Sentiment::kPositive);
          workspace.next.push_back(v);
          if (trace) trace->push_back({step, u, v, Sentiment::kPositive});
        }
      }
    }
  });
}

}  // namespace cascade

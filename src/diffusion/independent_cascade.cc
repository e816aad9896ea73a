#include "cascade/diffusion/independent_cascade.h"

#include "run_steps.h"

namespace cascade {
namespace {
constexpr std::size_t kPrefetchDistance = 8;
}  // namespace

void run_independent_cascade(const Graph& graph, const DiffusionModel& model,
                             std::span<const NodeId> seeds, const RunRandomness& random,
                             RunWorkspace& workspace, RunOutcome& outcome,
                             std::vector<Activation>* trace) {
  detail::activate_seeds(seeds, workspace, outcome, trace, [](NodeId) { return Sentiment::kPositive; });
  const auto& offsets = graph.arrays().out_offsets;
  // Raw pointers in the inner loop: through the workspace's vectors the compiler would reload
  // them after every store (measured: a third of the time on soc-Epinions).
  const std::uint32_t* active = workspace.active_stamps();
  const std::uint32_t epoch = workspace.epoch();
  const float* probabilities_base = graph.has_probabilities() ? graph.out_probabilities(0).data() : nullptr;
  detail::run_steps(model, workspace, outcome, [&](std::uint32_t step, float factor) {
    const std::vector<NodeId>& frontier = workspace.frontier;
    for (std::size_t f = 0; f < frontier.size(); ++f) {
      // Rows of successive frontier nodes lie far apart: fetch a few ahead, or each row start
      // waits on memory (measured: about half the time on soc-Epinions).
      if (f + kPrefetchDistance < frontier.size()) {
        const ArcIndex ahead = offsets[frontier[f + kPrefetchDistance]];
        __builtin_prefetch(graph.arrays().out_targets.data() + ahead);
        __builtin_prefetch(probabilities_base + ahead);
      }
      const NodeId u = frontier[f];
      const ArcIndex first = offsets[u];
      const std::size_t degree = offsets[u + 1] - first;
      const NodeId* targets = graph.out_neighbors(u).data();
      const float* probabilities = graph.out_probabilities(u).data();
      outcome.arcs_examined += degree;
      for (std::size_t i = 0; i < degree; ++i) {
        const NodeId v = targets[i];
        // Both tests without a branch between them: whether a target is already active is close
        // to a coin toss on social graphs, and a mispredicted branch costs more than the coin.
        const bool fires = (random.arc_coin(first + i) < probabilities[i] * factor) &
                           (active[v] != epoch);
        if (fires) {
          workspace.activate(v, Sentiment::kPositive);
          workspace.next.push_back(v);
          if (trace) trace->push_back({step, u, v, Sentiment::kPositive});
        }
      }
    }
  });
}

}  // namespace cascade

#include "cascade/diffusion/positive_negative.h"

#include <algorithm>

#include "run_steps.h"

namespace cascade {

void run_positive_negative(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const RunRandomness& random,
                           RunWorkspace& workspace, RunOutcome& outcome,
                           std::vector<Activation>* trace) {
  const auto quality = static_cast<float>(model.quality);
  const auto negativity = static_cast<float>(model.negativity);
  auto satisfied = [&](NodeId v) {
    return random.node_coin(v) < quality ? Sentiment::kPositive : Sentiment::kNegative;
  };
  detail::activate_seeds(seeds, workspace, outcome, trace, satisfied);
  const auto& offsets = graph.arrays().out_offsets;
  detail::run_steps(model, workspace, outcome, [&](std::uint32_t step, float factor) {
    // Reached this step: count(v) = 1 + the speaker that reached it (a negative one if any),
    // value(v) = 1 once a negative speaker reached it. Activation waits for the step's end.
    workspace.candidates.clear();
    for (const NodeId u : workspace.frontier) {
      const bool negative = workspace.sentiment(u) == Sentiment::kNegative;
      const auto targets = graph.out_neighbors(u);
      const auto probabilities = graph.out_probabilities(u);
      const ArcIndex first = offsets[u];
      outcome.arcs_examined += targets.size();
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const NodeId v = targets[i];
        if (workspace.active(v)) continue;
        const float p = negative ? std::min(1.0f, negativity * probabilities[i]) : probabilities[i];
        if (random.arc_coin(first + i) >= p * factor) continue;
        std::uint32_t& speaker = workspace.count(v);
        float& heard_negative = workspace.value(v);
        if (speaker == 0) workspace.candidates.push_back(v);
        if (speaker == 0 || (negative && heard_negative == 0)) speaker = u + 1;
        if (negative) heard_negative = 1;
      }
    }
    for (const NodeId v : workspace.candidates) {
      const Sentiment sentiment = workspace.value(v) != 0 ? Sentiment::kNegative : satisfied(v);
      workspace.activate(v, sentiment);
      workspace.next.push_back(v);
      if (trace) trace->push_back({step, workspace.count(v) - 1, v, sentiment});
    }
  });
}

}  // namespace cascade

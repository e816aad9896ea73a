#include "cascade/diffusion/complex_contagion.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "run_steps.h"

namespace cascade {

void run_complex_contagion(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const RunRandomness& random,
                           RunWorkspace& workspace, RunOutcome& outcome,
                           std::vector<Activation>* trace) {
  detail::activate_seeds(seeds, workspace, outcome, trace, [](NodeId) { return Sentiment::kPositive; });
  const auto& offsets = graph.arrays().out_offsets;
  auto needed = [&](NodeId v) -> std::uint32_t {
    if (model.threshold_fraction <= 0) return model.threshold_count;
    const double exposures = std::ceil(model.threshold_fraction * graph.in_degree(v) - 1e-9);
    return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(exposures));
  };
  // With a trace (one run of many), every exposure that got through is remembered so that an
  // adopter's trace names every contact that counted, not only the last one.
  std::unordered_map<NodeId, std::vector<NodeId>> heard_from;
  detail::run_steps(model, workspace, outcome, [&](std::uint32_t step, float factor) {
    for (const NodeId u : workspace.frontier) {
      const auto targets = graph.out_neighbors(u);
      const ArcIndex first = offsets[u];
      outcome.arcs_examined += targets.size();
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const NodeId v = targets[i];
        if (workspace.active(v)) continue;
        const float chance =
            (model.exposure_uses_probability ? graph.out_probabilities(u)[i] : 1.0f) * factor;
        if (chance < 1.0f && random.arc_coin(first + i) >= chance) continue;
        if (trace) heard_from[v].push_back(u);
        if (++workspace.count(v) >= needed(v)) {
          workspace.activate(v, Sentiment::kPositive);
          workspace.next.push_back(v);
          if (trace) {
            for (const NodeId source : heard_from[v]) {
              trace->push_back({step, source, v, Sentiment::kPositive});
            }
          }
        }
      }
    }
  });
}

}  // namespace cascade

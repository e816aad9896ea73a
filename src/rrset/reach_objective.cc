#include "cascade/rrset/reach_objective.h"

#include <fmt/format.h>

#include <cmath>

#include "cascade/error.h"

namespace cascade {

void check_reach_objective(const Graph& graph, const ReachObjective& objective) {
  const NodeId n = graph.num_nodes();
  std::vector<char> reached(n, 0);
  for (const NodeId v : objective.reached) {
    if (v >= n) {
      throw UsageError("reached", fmt::format("found node {}; expected a node id below {}", v, n));
    }
    if (reached[v]) {
      throw UsageError("reached",
                       fmt::format("found '{}' twice; expected each person once", graph.label(v)));
    }
    reached[v] = 1;
  }
  if (n > 0 && objective.reached.size() >= n) {
    throw UsageError("reached", fmt::format("found all {} people; expected someone not yet "
                                            "reached to seed",
                                            n));
  }
  if (objective.blocking()) {
    if (objective.targeted() || objective.has_reached()) {
      throw UsageError("against", fmt::format("found against with {}; expected the rumor's reach "
                                              "over everyone, nobody reached yet",
                                              objective.targeted() ? "targets" : "reached"));
    }
    std::vector<char> rumor(n, 0);
    for (const NodeId v : objective.against) {
      if (v >= n) {
        throw UsageError("against", fmt::format("found node {}; expected a node id below {}", v, n));
      }
      if (rumor[v]) {
        throw UsageError("against",
                         fmt::format("found '{}' twice; expected each person once", graph.label(v)));
      }
      rumor[v] = 1;
    }
    if (objective.against.size() >= n) {
      throw UsageError("against", fmt::format("found all {} people; expected someone outside the "
                                              "rumor to seed",
                                              n));
    }
  }
  if (!objective.targeted()) return;
  if (objective.target_weights.size() != n) {
    throw UsageError("targets", fmt::format("found {} weights; expected one per node ({})",
                                            objective.target_weights.size(), n));
  }
  double total = 0;
  for (NodeId v = 0; v < n; ++v) {
    const double w = objective.target_weights[v];
    if (!(w >= 0) || !std::isfinite(w)) {
      throw UsageError("targets", fmt::format("found weight {} for '{}'; expected a finite number "
                                              ">= 0",
                                              w, graph.label(v)));
    }
    if (!reached[v]) total += w;
  }
  if (!(total > 0)) {
    throw UsageError("targets",
                     objective.has_reached()
                         ? std::string("found no positive weight on anyone not yet reached; "
                                       "expected someone left in the audience")
                         : std::string("found no positive weight; expected someone in the "
                                       "audience"));
  }
}

void refuse_blocking(const ReachObjective& objective, const char* what) {
  if (objective.blocking()) {
    throw UsageError("against", fmt::format("{} does not block a rumor; expected rumor blocking "
                                            "through OPIM-C (seeding/rumor_blocking.h)",
                                            what));
  }
}

std::vector<double> counted_weights(const Graph& graph, const ReachObjective& objective) {
  std::vector<double> weights =
      objective.targeted() ? objective.target_weights : std::vector<double>(graph.num_nodes(), 1.0);
  for (const NodeId v : objective.reached) weights[v] = 0;
  return weights;
}

}  // namespace cascade

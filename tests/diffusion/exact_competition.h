// Slow, obviously correct reference for competitive ic (competitive_cascade.h): every live-edge
// world of a tiny graph enumerated, and in each the rule by distances, not by simulation: v ends
// with the rumor iff d(rumor, v) is finite and d(rumor, v) < d(protectors, v) (<= when the rumor
// wins ties). Only for graphs of a handful of arcs (the cost is exponential).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade::testing {

struct ExactCompetition {
  double rumor_alone = 0;  // expected people reached by the rumor without protectors
  double rumor = 0;        // with them
  double saved = 0;        // rumor_alone - rumor
};

// Live distances from `sources` in the world `live` (out-arc order); unreachable: UINT32_MAX.
std::vector<std::uint32_t> live_distances(const Graph& graph, const std::vector<char>& live,
                                          const std::vector<NodeId>& sources);

// Calls visit(live, probability) for every live-edge world (2^arcs of them).
void for_each_world(const Graph& graph,
                    const std::function<void(const std::vector<char>&, double)>& visit);

ExactCompetition exact_competition(const Graph& graph, const std::vector<NodeId>& rumor,
                                   const std::vector<NodeId>& protectors, bool rumor_wins_ties);

}  // namespace cascade::testing

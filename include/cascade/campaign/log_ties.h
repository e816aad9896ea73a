// Ties the log reveals: who may have influenced whom when the social graph is missing or partial.
//
// An adoption log shows that u adopted an item before v, within the window (learn_probabilities.h:
// u's chance is (t_u, t_u + W]); `parents any` lets `learn` credit every such earlier adopter,
// linked in GRAPH or not, as the independent cascade learned without a known graph does (K. Saito,
// R. Nakano, M. Kimura, KES 2008, learn on any pair of users; the IC baselines of Bourigault,
// Lamprier, Gallinari, WSDM 2016 and of Wang et al., ICDM 2017 likewise). graph_with_log_ties
// builds the graph those probabilities live on: GRAPH's nodes and arcs, plus a node for each user
// of the log outside GRAPH (after GRAPH's nodes, in the log's order), plus an arc (u, v) for each
// pair the log shows within the window. Users adopting at the same time are not each other's
// parents. Probabilities are not carried over (the result has none; `learn` assigns them).
//
// Cost: O(sum over items of (adopters in the window)^2) time to enumerate the pairs, and
// O(n + m + pairs) memory; refuses (UsageError naming `parents`) when the pairs exceed max_ties,
// before building anything. The result does not depend on the thread count.
#pragma once

#include <cstdint>

#include "cascade/campaign/adoption_log.h"
#include "cascade/graph/graph.h"

namespace cascade {

inline constexpr std::uint64_t kDefaultMaxLogTies = 200'000'000;

// `window` as resolved (resolve_window in adoption_log.h); `log` read against `graph`.
Graph graph_with_log_ties(const Graph& graph, const AdoptionLog& log, double window,
                          std::uint64_t max_ties = kDefaultMaxLogTies);

// Re-expresses `log` (read against a graph of `graph_nodes` nodes) against `extended`, a graph
// that keeps those nodes and adds some of the log's outside users as nodes (by label): their
// adoptions move to those nodes; the other outside users stay outside, renumbered.
void move_outside_users_into(AdoptionLog& log, const Graph& extended);

}  // namespace cascade

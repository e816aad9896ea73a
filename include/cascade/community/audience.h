// How real an audience is. An account's audience is the people its word reaches directly: its
// out-neighbours (for a who-follows-whom file, give arcs from the followed to the follower). A real
// audience is a community that talks among itself; a bought one is a crowd of strangers.
// O(sum of the audience's degrees) plus the clustering coefficients' cost.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct AudienceAudit {
  std::uint32_t size = 0;
  std::uint64_t pairs = 0;            // size (size - 1) / 2
  std::uint64_t connected_pairs = 0;  // audience pairs linked either way
  double connected_share = 0;         // connected_pairs / pairs
  double mean_clustering = 0;         // mean local clustering coefficient of the audience
  double graph_density = 0;           // the whole graph's share of connected pairs, for scale
};

AudienceAudit audit_audience(const Graph& graph, NodeId account);

// Of `likers`, those with no link (either way) to any member of `community` and not in it
// themselves: a signal of bought likes, never proof.
std::vector<NodeId> likers_without_ties(const Graph& graph, const std::vector<std::uint32_t>& community_of,
                                        std::uint32_t community, const std::vector<NodeId>& likers);

}  // namespace cascade

// How cohesive each community is: do its members talk to each other? Computed on the graph as
// given (arcs) and as undirected and simple (links), in O(n + m) plus the clustering
// coefficients' O(sum of d^2).
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct CommunityCohesion {
  std::uint32_t size = 0;
  std::uint64_t internal_arcs = 0;  // arcs with both ends inside
  double density = 0;               // internal_arcs / (size (size - 1)); 0 for a single member
  double share_inside = 0;          // of the members' link ends, the share that stay inside
  double conductance = 0;           // links leaving / min(link ends inside, link ends outside)
  double clustering = 0;            // mean local clustering coefficient of the members
  // Members hardly talk to each other: most of their links leave the group.
  bool loose() const { return size > 1 && share_inside < 0.5; }
};

// community: per node, 0..count-1.
std::vector<CommunityCohesion> community_cohesion(const Graph& graph,
                                                  const std::vector<std::uint32_t>& community,
                                                  std::uint32_t count);

}  // namespace cascade

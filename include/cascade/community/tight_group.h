// A tight group of k people: the contrast to scattered hubs in a seeding comparison. From the
// Leiden community with the most links inside (of those with at least k members), grow a group
// greedily: start from the member with most links inside the community, then add the member with
// most links into the group so far (ties to more links inside the community, then the earlier
// label in label_order, leiden.h: the smaller id for integer labels).
// The result is as close to a clique as the community allows. The community is the densest heart
// of the network rather than the most insular one (the largest share of links inside): an insular
// group's word cannot leave it by construction, which would make the comparison meaningless. If
// no community has k members, the group grows the same way over the whole graph.
// O(n + m + k n).
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/community/leiden.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct TightGroup {
  std::vector<NodeId> members;
  std::int64_t community = -1;  // the community it came from, or -1
  double links_per_member = 0;  // links inside the group per member
};

TightGroup tight_group(const Graph& graph, const CommunityPartition& partition, std::uint32_t k);

}  // namespace cascade

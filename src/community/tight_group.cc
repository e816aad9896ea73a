#include "cascade/community/tight_group.h"

#include <algorithm>

#include "cascade/community/cohesion.h"
#include "cascade/graph/links.h"

namespace cascade {
namespace {

// Links of v (either direction, counted once) to nodes marked in `in`.
std::uint32_t links_to(const Graph& graph, NodeId v, const std::vector<char>& in) {
  std::uint32_t count = 0;
  for_each_link(graph, v, [&](NodeId u) { count += in[u] != 0; });
  return count;
}

}  // namespace

TightGroup tight_group(const Graph& graph, const CommunityPartition& partition, std::uint32_t k) {
  const NodeId n = graph.num_nodes();
  TightGroup group;
  k = std::min<std::uint32_t>(k, n);
  if (k == 0) return group;
  const std::vector<CommunityCohesion> cohesion =
      community_cohesion(graph, partition.community, partition.count);
  double best_links = -1;
  for (std::uint32_t c = 0; c < partition.count; ++c) {
    const auto links = static_cast<double>(cohesion[c].internal_arcs);
    if (cohesion[c].size >= k && links > best_links) {
      best_links = links;
      group.community = c;
    }
  }
  std::vector<char> pool(n, 0), chosen(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    pool[v] = group.community < 0 || partition.community[v] == static_cast<std::uint32_t>(group.community);
  }
  // Ties go to the earlier label in label_order, not to the smaller internal id, which depends on
  // how the labels were typed (for integer labels the two agree).
  std::vector<NodeId> rank(n);
  {
    const std::vector<NodeId> order = label_order(graph);
    for (NodeId i = 0; i < n; ++i) rank[order[i]] = i;
  }
  std::vector<std::uint32_t> inside(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    if (pool[v]) inside[v] = links_to(graph, v, pool);
  }
  NodeId first = n;
  for (NodeId v = 0; v < n; ++v) {
    if (pool[v] && (first == n || inside[v] > inside[first] ||
                    (inside[v] == inside[first] && rank[v] < rank[first]))) {
      first = v;
    }
  }
  std::vector<std::uint32_t> to_group(n, 0);
  auto add = [&](NodeId v) {
    chosen[v] = 1;
    group.members.push_back(v);
    for_each_link(graph, v, [&](NodeId u) { ++to_group[u]; });
  };
  add(first);
  while (group.members.size() < k) {
    NodeId best = n;
    for (NodeId v = 0; v < n; ++v) {
      if (!pool[v] || chosen[v]) continue;
      if (best == n || to_group[v] > to_group[best] ||
          (to_group[v] == to_group[best] &&
           (inside[v] > inside[best] || (inside[v] == inside[best] && rank[v] < rank[best])))) {
        best = v;
      }
    }
    if (best == n) break;
    add(best);
  }
  std::uint64_t links = 0;
  for (const NodeId v : group.members) links += links_to(graph, v, chosen);
  group.links_per_member = static_cast<double>(links) / static_cast<double>(group.members.size());
  return group;
}

}  // namespace cascade

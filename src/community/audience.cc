#include "cascade/community/audience.h"

#include "cascade/graph/clustering.h"
#include "cascade/graph/links.h"

namespace cascade {

AudienceAudit audit_audience(const Graph& graph, NodeId account) {
  AudienceAudit audit;
  const auto audience = graph.out_neighbors(account);
  audit.size = static_cast<std::uint32_t>(audience.size());
  std::vector<char> member(graph.num_nodes(), 0);
  for (const NodeId v : audience) member[v] = 1;
  // Each linked pair is seen from both ends: count it from its smaller end only.
  for (const NodeId v : audience) {
    for_each_link(graph, v, [&](NodeId u) { audit.connected_pairs += member[u] && u > v; });
  }
  const double s = audit.size;
  audit.pairs = audit.size > 1 ? audit.size * static_cast<std::uint64_t>(audit.size - 1) / 2 : 0;
  audit.connected_share =
      audit.pairs > 0 ? static_cast<double>(audit.connected_pairs) / static_cast<double>(audit.pairs) : 0;
  if (audit.size > 0) {
    double sum = 0;
    for (const double c : local_clustering_coefficients(graph, audience)) sum += c;
    audit.mean_clustering = sum / s;
  }
  // The whole graph's link density: distinct linked pairs over all pairs.
  std::uint64_t links = 0;
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    for_each_link(graph, v, [&](NodeId u) { links += u > v; });
  }
  const double n = graph.num_nodes();
  audit.graph_density = n > 1 ? static_cast<double>(links) / (n * (n - 1) / 2) : 0;
  return audit;
}

std::vector<NodeId> likers_without_ties(const Graph& graph,
                                        const std::vector<std::uint32_t>& community_of,
                                        std::uint32_t community, const std::vector<NodeId>& likers) {
  std::vector<NodeId> strangers;
  for (const NodeId v : likers) {
    bool tied = community_of[v] == community;
    for (const auto row : {graph.out_neighbors(v), graph.in_neighbors(v)}) {
      for (const NodeId u : row) tied = tied || community_of[u] == community;
    }
    if (!tied) strangers.push_back(v);
  }
  return strangers;
}

}  // namespace cascade

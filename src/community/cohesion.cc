#include "cascade/community/cohesion.h"

#include <algorithm>

#include "cascade/graph/clustering.h"
#include "cascade/graph/links.h"

namespace cascade {

std::vector<CommunityCohesion> community_cohesion(const Graph& graph,
                                                  const std::vector<std::uint32_t>& community,
                                                  std::uint32_t count) {
  std::vector<CommunityCohesion> result(count);
  std::vector<std::uint64_t> ends_inside(count, 0), ends_total(count, 0);
  std::vector<double> clustering_sum(count, 0);
  const std::vector<double> clustering = local_clustering_coefficients(graph);
  std::uint64_t all_ends = 0;
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    const std::uint32_t c = community[v];
    ++result[c].size;
    clustering_sum[c] += clustering[v];
    for (const NodeId u : graph.out_neighbors(v)) result[c].internal_arcs += community[u] == c;
    for_each_link(graph, v, [&](NodeId u) {
      ++ends_total[c];
      ends_inside[c] += community[u] == c;
      ++all_ends;
    });
  }
  for (std::uint32_t c = 0; c < count; ++c) {
    CommunityCohesion& r = result[c];
    const double s = r.size;
    r.density = r.size > 1 ? static_cast<double>(r.internal_arcs) / (s * (s - 1)) : 0.0;
    r.share_inside = ends_total[c] > 0 ? static_cast<double>(ends_inside[c]) /
                                             static_cast<double>(ends_total[c])
                                       : 0.0;
    const double cut = static_cast<double>(ends_total[c] - ends_inside[c]);
    const double volume = static_cast<double>(ends_total[c]);
    const double rest = static_cast<double>(all_ends - ends_total[c]);
    const double smaller = std::min(volume, rest);
    r.conductance = smaller > 0 ? cut / smaller : 0.0;
    r.clustering = r.size > 0 ? clustering_sum[c] / s : 0.0;
  }
  return result;
}

}  // namespace cascade

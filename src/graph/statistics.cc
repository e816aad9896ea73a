#include "cascade/graph/statistics.h"

#include <algorithm>
#include <vector>

namespace cascade {

DegreeSummary summarize_degrees(std::span<const std::uint32_t> degrees) {
  DegreeSummary summary;
  if (degrees.empty()) return summary;
  std::vector<std::uint32_t> sorted(degrees.begin(), degrees.end());
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  summary.min = sorted.front();
  summary.max = sorted.back();
  summary.median = n % 2 == 1 ? sorted[n / 2]
                              : (static_cast<double>(sorted[n / 2 - 1]) + sorted[n / 2]) / 2.0;
  double total = 0;
  for (const auto d : sorted) total += d;
  summary.mean = total / static_cast<double>(n);
  return summary;
}

GraphStatistics compute_statistics(const Graph& graph, const ClusteringOptions& clustering) {
  GraphStatistics statistics;
  const NodeId n = graph.num_nodes();
  std::vector<std::uint32_t> in(n), out(n);
  for (NodeId v = 0; v < n; ++v) {
    in[v] = graph.in_degree(v);
    out[v] = graph.out_degree(v);
    if (in[v] == 0 && out[v] == 0) ++statistics.isolated_nodes;
  }
  statistics.in_degree = summarize_degrees(in);
  statistics.out_degree = summarize_degrees(out);
  const Components components = weakly_connected_components(graph);
  statistics.components = components.count;
  statistics.largest_component = components.largest_size;
  statistics.clustering = average_clustering(graph, clustering);
  return statistics;
}

}  // namespace cascade

#include "cascade/graph/clustering.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "cascade/graph/links.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

// Undirected simple adjacency: the sorted union of out- and in-neighbours.
struct UndirectedAdjacency {
  std::vector<ArcIndex> offsets;
  std::vector<NodeId> neighbors;
  std::span<const NodeId> of(NodeId v) const {
    return {neighbors.data() + offsets[v], static_cast<std::size_t>(offsets[v + 1] - offsets[v])};
  }
};

UndirectedAdjacency undirected_adjacency(const Graph& graph) {
  const NodeId n = graph.num_nodes();
  UndirectedAdjacency adjacency;
  std::vector<ArcIndex> degree(n);
  parallel_for(0, n, [&](std::uint64_t node) {
    const auto v = static_cast<NodeId>(node);
    ArcIndex count = 0;
    for_each_link(graph, v, [&](NodeId) { ++count; });
    degree[v] = count;
  }, 1024);
  adjacency.offsets.assign(n + 1, 0);
  for (NodeId v = 0; v < n; ++v) adjacency.offsets[v + 1] = adjacency.offsets[v] + degree[v];
  adjacency.neighbors.resize(adjacency.offsets[n]);
  parallel_for(0, n, [&](std::uint64_t node) {
    const auto v = static_cast<NodeId>(node);
    ArcIndex next = adjacency.offsets[v];
    for_each_link(graph, v, [&](NodeId u) { adjacency.neighbors[next++] = u; });
  }, 1024);
  return adjacency;
}

// C(v) with `mark` a per-thread array of n flags, all false on entry and on exit.
double local_clustering(const UndirectedAdjacency& adjacency, NodeId v, std::vector<char>& mark) {
  const auto neighbors = adjacency.of(v);
  const std::size_t d = neighbors.size();
  if (d < 2) return 0.0;
  for (const NodeId u : neighbors) mark[u] = 1;
  std::uint64_t twice_links = 0;
  for (const NodeId u : neighbors) {
    for (const NodeId w : adjacency.of(u)) twice_links += static_cast<std::uint64_t>(mark[w]);
  }
  for (const NodeId u : neighbors) mark[u] = 0;
  return static_cast<double>(twice_links) / (static_cast<double>(d) * static_cast<double>(d - 1));
}

}  // namespace

ClusteringEstimate average_clustering(const Graph& graph, const ClusteringOptions& options) {
  const NodeId n = graph.num_nodes();
  ClusteringEstimate estimate;
  if (n == 0) return estimate;
  const UndirectedAdjacency adjacency = undirected_adjacency(graph);
  std::uint64_t work = 0;
  for (NodeId v = 0; v < n; ++v) {
    const std::uint64_t d = adjacency.offsets[v + 1] - adjacency.offsets[v];
    work += d * d;
  }
  estimate.exact = work <= options.exact_work_limit || options.samples >= n;
  const std::uint64_t count = estimate.exact ? n : options.samples;
  std::vector<double> values(count);
  std::vector<std::vector<char>> marks(static_cast<std::size_t>(num_threads()));
  parallel_for(0, count, [&](std::uint64_t i) {
    std::vector<char>& mark = marks[static_cast<std::size_t>(thread_index())];
    if (mark.empty()) mark.assign(n, 0);
    NodeId v = static_cast<NodeId>(i);
    if (!estimate.exact) {
      RandomStream stream(options.seed, StreamPurpose::kClusteringSample, i);
      v = static_cast<NodeId>(stream.below(n));
    }
    values[i] = local_clustering(adjacency, v, mark);
  }, 64);
  // Fixed-order sums, so the figure does not depend on the thread count.
  double sum = 0, sum_squares = 0;
  for (const double value : values) {
    sum += value;
    sum_squares += value * value;
  }
  const double c = static_cast<double>(count);
  estimate.average = sum / c;
  if (!estimate.exact) {
    estimate.samples = count;
    const double variance = std::max(0.0, (sum_squares - sum * sum / c) / (c - 1));
    estimate.standard_error = std::sqrt(variance / c);
  }
  return estimate;
}

}  // namespace cascade

namespace cascade {

std::vector<double> local_clustering_coefficients(const Graph& graph, std::span<const NodeId> nodes) {
  const NodeId n = graph.num_nodes();
  std::vector<double> values(nodes.size(), 0.0);
  if (nodes.empty()) return values;
  const UndirectedAdjacency adjacency = undirected_adjacency(graph);
  std::vector<std::vector<char>> marks(static_cast<std::size_t>(num_threads()));
  parallel_for(0, nodes.size(), [&](std::uint64_t i) {
    std::vector<char>& mark = marks[static_cast<std::size_t>(thread_index())];
    if (mark.empty()) mark.assign(n, 0);
    values[i] = local_clustering(adjacency, nodes[i], mark);
  }, 64);
  return values;
}

std::vector<double> local_clustering_coefficients(const Graph& graph) {
  std::vector<NodeId> all(graph.num_nodes());
  std::iota(all.begin(), all.end(), NodeId{0});
  return local_clustering_coefficients(graph, all);
}

}  // namespace cascade

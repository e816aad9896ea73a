// Average local clustering coefficient (Watts, Strogatz, Nature 1998) of the graph taken as
// undirected and simple: C(v) = links among v's neighbours / (d(v) (d(v) - 1) / 2), 0 when d(v) < 2,
// averaged over all nodes (the convention of networkx and igraph's "zero" mode).
//
// Exact when the work, sum over nodes of d(v)^2, is within `exact_work_limit`: time O(sum d^2),
// memory O(n + m) plus O(n) per thread. Beyond that, the mean of C(v) over `samples` nodes drawn
// uniformly with replacement, with its standard error; each sample has its own random stream, so
// the estimate does not depend on the thread count.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct ClusteringOptions {
  std::uint64_t exact_work_limit = 400'000'000;
  std::uint64_t samples = 20'000;
  std::uint64_t seed = 1;
};

struct ClusteringEstimate {
  double average = 0;
  double standard_error = 0;  // 0 when exact
  bool exact = true;
  std::uint64_t samples = 0;  // nodes sampled when not exact
};

ClusteringEstimate average_clustering(const Graph& graph, const ClusteringOptions& options = {});

// Every node's local coefficient C(v), exactly: time O(sum of d(v)^2).
std::vector<double> local_clustering_coefficients(const Graph& graph);
// C(v) for the given nodes only, in their order: time O(n + m + their share of sum d^2).
std::vector<double> local_clustering_coefficients(const Graph& graph, std::span<const NodeId> nodes);

}  // namespace cascade

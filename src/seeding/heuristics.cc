#include "cascade/seeding/heuristics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

// The k nodes with the largest score, ties to the smaller id.
template <typename Score>
std::vector<NodeId> top_k(NodeId n, std::uint32_t k, Score&& score) {
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  k = std::min<std::uint32_t>(k, n);
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](NodeId a, NodeId b) {
    const auto sa = score(a), sb = score(b);
    return sa != sb ? sa > sb : a < b;
  });
  order.resize(k);
  return order;
}

}  // namespace

std::vector<NodeId> highest_degree(const Graph& graph, std::uint32_t k) {
  return top_k(graph.num_nodes(), k, [&](NodeId v) { return graph.out_degree(v); });
}

std::vector<NodeId> degree_discount(const Graph& graph, std::uint32_t k) {
  const NodeId n = graph.num_nodes();
  double p = 0.01;
  if (graph.has_probabilities() && graph.num_arcs() > 0) {
    double total = 0;
    for (NodeId v = 0; v < n; ++v) {
      for (const float x : graph.out_probabilities(v)) total += x;
    }
    p = total / static_cast<double>(graph.num_arcs());
  }
  std::vector<double> score(n);
  std::vector<std::uint32_t> chosen_neighbors(n, 0);
  std::vector<char> chosen(n, 0);
  for (NodeId v = 0; v < n; ++v) score[v] = graph.out_degree(v);
  std::vector<NodeId> seeds;
  k = std::min<std::uint32_t>(k, n);
  for (std::uint32_t i = 0; i < k; ++i) {
    NodeId best = n;
    for (NodeId v = 0; v < n; ++v) {
      if (!chosen[v] && (best == n || score[v] > score[best])) best = v;
    }
    chosen[best] = 1;
    seeds.push_back(best);
    // best may convince its out-neighbours, whose own reach then counts for less.
    for (const NodeId v : graph.out_neighbors(best)) {
      if (chosen[v]) continue;
      const double t = ++chosen_neighbors[v];
      const double d = graph.out_degree(v);
      score[v] = d - 2 * t - (d - t) * t * p;
    }
  }
  return seeds;
}

std::vector<double> pagerank_scores(const Graph& graph, double damping) {
  const NodeId n = graph.num_nodes();
  if (n == 0) return {};
  // Walks follow arcs backwards: rank flows from v to its in-neighbours.
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (int round = 0; round < 200; ++round) {
    double dangling = 0;
    for (NodeId v = 0; v < n; ++v) {
      if (graph.in_degree(v) == 0) dangling += rank[v];
    }
    const double base = (1.0 - damping) / n + damping * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (NodeId v = 0; v < n; ++v) {
      const auto sources = graph.in_neighbors(v);
      if (sources.empty()) continue;
      const double share = damping * rank[v] / static_cast<double>(sources.size());
      for (const NodeId u : sources) next[u] += share;
    }
    double change = 0;
    for (NodeId v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < 1e-10) break;
  }
  return rank;
}

std::vector<NodeId> pagerank(const Graph& graph, std::uint32_t k) {
  const std::vector<double> rank = pagerank_scores(graph);
  return top_k(graph.num_nodes(), k, [&](NodeId v) { return rank[v]; });
}

std::vector<NodeId> random_seeds(const Graph& graph, std::uint32_t k, std::uint64_t seed) {
  const NodeId n = graph.num_nodes();
  k = std::min<std::uint32_t>(k, n);
  // A partial Fisher-Yates shuffle over a sparse map keeps it O(k) for huge n.
  std::unordered_map<NodeId, NodeId> swapped;
  auto at = [&](NodeId i) {
    const auto it = swapped.find(i);
    return it == swapped.end() ? i : it->second;
  };
  RandomStream random(seed, StreamPurpose::kRandomSeeds, 0);
  std::vector<NodeId> seeds;
  for (std::uint32_t i = 0; i < k; ++i) {
    const auto j = static_cast<NodeId>(i + random.below(n - i));
    const NodeId pick = at(j), here = at(i);
    swapped[j] = here;
    swapped[i] = pick;
    seeds.push_back(pick);
  }
  return seeds;
}

}  // namespace cascade

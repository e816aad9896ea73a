#include "cascade/select/max_coverage.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

#include "cascade/error.h"

namespace cascade {

std::vector<NodeId> out_degree_order(const Graph& graph) {
  std::vector<NodeId> order(graph.num_nodes());
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    return graph.out_degree(a) > graph.out_degree(b);
  });
  return order;
}

CoverageSelection greedy_max_coverage(const RRCollection& sets, std::span<const NodeId> fill_order,
                                      std::uint32_t k) {
  const std::uint64_t theta = sets.size();
  if (theta > std::numeric_limits<std::uint32_t>::max()) {
    throw UsageError(fmt::format("{} RR sets in one selection; at most 2^32 - 1 are supported", theta));
  }
  const auto num_nodes = static_cast<NodeId>(fill_order.size());
  {
    std::vector<char> seen(num_nodes, 0);
    for (const NodeId v : fill_order) {
      if (v >= num_nodes || seen[v]) {
        throw UsageError(fmt::format(
            "greedy_max_coverage: the fill order must list each of the {} nodes once; found {}",
            num_nodes, v));
      }
      seen[v] = 1;
    }
  }
  k = std::min<std::uint32_t>(k, num_nodes);
  // count[v]: uncovered sets containing v; index: v -> the sets containing it.
  std::vector<std::uint64_t> count(num_nodes, 0);
  for (std::uint64_t s = 0; s < theta; ++s) {
    for (const NodeId v : sets.set(s)) ++count[v];
  }
  std::vector<std::uint64_t> start(num_nodes + 1, 0);
  std::partial_sum(count.begin(), count.end(), start.begin() + 1);
  std::vector<std::uint32_t> index(start[num_nodes]);
  {
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    for (std::uint64_t s = 0; s < theta; ++s) {
      for (const NodeId v : sets.set(s)) index[next[v]++] = static_cast<std::uint32_t>(s);
    }
  }
  std::vector<char> covered(theta, 0), chosen(num_nodes, 0);
  std::vector<std::uint64_t> scratch;
  CoverageSelection result;
  result.optimal_upper_bound = std::numeric_limits<std::uint64_t>::max();
  auto top_k_sum = [&] {
    scratch.assign(count.begin(), count.end());
    std::nth_element(scratch.begin(), scratch.begin() + (k - 1), scratch.end(),
                     std::greater<std::uint64_t>());
    return std::accumulate(scratch.begin(), scratch.begin() + k, std::uint64_t{0});
  };
  bool exhausted = false;  // every count is 0 (and stays 0: counts only go down)
  std::size_t fill_next = 0;
  for (std::uint32_t i = 0; i < k; ++i) {
    // Every step gives a valid bound; taking it at steps 0, 1, 2, 4, 8, ... keeps the cost at
    // O(n log k) instead of O(n k) and loses little, since the bound tightens fastest early.
    if ((i & (i - 1)) == 0) {
      result.optimal_upper_bound = std::min(result.optimal_upper_bound,
                                            result.coverage + (exhausted ? 0 : top_k_sum()));
    }
    NodeId best = num_nodes;
    if (!exhausted) {
      best = static_cast<NodeId>(std::max_element(count.begin(), count.end()) - count.begin());
      // A chosen node's sets are all covered, so its count is 0: a positive maximum is never a
      // repeat. At 0 greedy cannot tell anyone apart, and the fill order decides.
      exhausted = count[best] == 0;
    }
    if (exhausted) {
      while (chosen[fill_order[fill_next]]) ++fill_next;
      best = fill_order[fill_next];
      ++result.filled;
    }
    chosen[best] = 1;
    result.seeds.push_back(best);
    result.marginal_coverage.push_back(count[best]);
    result.coverage += count[best];
    for (std::uint64_t a = start[best]; a < start[best + 1]; ++a) {
      const std::uint32_t s = index[a];
      if (covered[s]) continue;
      covered[s] = 1;
      for (const NodeId v : sets.set(s)) --count[v];
    }
  }
  if (k == 0) result.optimal_upper_bound = 0;
  // After the last pick every further marginal is still an upper bound contribution.
  result.optimal_upper_bound =
      std::min(result.optimal_upper_bound, result.coverage + (k && !exhausted ? top_k_sum() : 0));
  return result;
}

CoverageSelection greedy_max_coverage(const RRCollection& sets, const Graph& graph, std::uint32_t k) {
  const std::vector<NodeId> order = out_degree_order(graph);
  return greedy_max_coverage(sets, order, k);
}

std::uint64_t coverage_of(const RRCollection& sets, NodeId num_nodes,
                          const std::vector<NodeId>& seeds) {
  std::vector<char> is_seed(num_nodes, 0);
  for (const NodeId s : seeds) is_seed[s] = 1;
  std::uint64_t covered = 0;
  for (std::uint64_t s = 0; s < sets.size(); ++s) {
    for (const NodeId v : sets.set(s)) {
      if (is_seed[v]) {
        ++covered;
        break;
      }
    }
  }
  return covered;
}

}  // namespace cascade

#include "cascade/select/budgeted_greedy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

#include "cascade/error.h"

namespace cascade {

namespace {

// An upper bound on what any affordable set T (fee within `budget`, at most `max_seeds` people
// when max_seeds > 0) adds to the coverage: the sum of T's marginal coverages, which is at most
// the fractional knapsack of the marginals within the budget and at most the max_seeds largest.
double marginal_bound(const std::vector<std::uint64_t>& count, const std::vector<double>& costs,
                      double budget, std::uint32_t max_seeds, std::vector<NodeId>& scratch) {
  scratch.clear();
  for (NodeId v = 0; v < count.size(); ++v) {
    if (count[v] > 0 && costs[v] <= budget) scratch.push_back(v);
  }
  // Free people first (they all fit), then by coverage per unit cost. A heap, not a sort: the
  // budget is usually spent after a few dozen people of tens of thousands (a full sort at every
  // bound was an eighth of budgeted selection's time on soc-Epinions).
  auto less_effective = [&](NodeId a, NodeId b) {
    return static_cast<double>(count[a]) * costs[b] < static_cast<double>(count[b]) * costs[a];
  };
  std::make_heap(scratch.begin(), scratch.end(), less_effective);
  double knapsack = 0, room = budget;
  for (auto end = scratch.end(); end != scratch.begin(); --end) {
    std::pop_heap(scratch.begin(), end, less_effective);
    const NodeId v = *(end - 1);
    if (costs[v] <= room) {
      knapsack += static_cast<double>(count[v]);
      room -= costs[v];
    } else {
      knapsack += static_cast<double>(count[v]) * room / costs[v];
      break;
    }
  }
  if (max_seeds == 0 || max_seeds >= scratch.size()) return knapsack;
  std::nth_element(scratch.begin(), scratch.begin() + (max_seeds - 1), scratch.end(),
                   [&](NodeId a, NodeId b) { return count[a] > count[b]; });
  double largest = 0;
  for (std::uint32_t i = 0; i < max_seeds; ++i) largest += static_cast<double>(count[scratch[i]]);
  return std::min(knapsack, largest);
}

}  // namespace

BudgetedSelection budgeted_max_coverage(const RRCollection& sets, const std::vector<double>& costs,
                                        double budget, std::uint32_t max_seeds) {
  const auto n = static_cast<NodeId>(costs.size());
  for (NodeId v = 0; v < n; ++v) {
    if (!(costs[v] >= 0) || std::isinf(costs[v])) {
      throw UsageError(fmt::format("cost of node {}: found {}; expected a finite number >= 0", v,
                                   costs[v]));
    }
  }
  if (!(budget >= 0)) {
    throw UsageError("budget", fmt::format("found {}; expected a number at least 0", budget));
  }
  std::vector<std::uint64_t> count(n, 0);
  for (std::uint64_t s = 0; s < sets.size(); ++s) {
    for (const NodeId v : sets.set(s)) ++count[v];
  }
  // The safeguard: the best single affordable node.
  NodeId single = n;
  for (NodeId v = 0; v < n; ++v) {
    if (costs[v] <= budget && (single == n || count[v] > count[single])) single = v;
  }
  std::vector<std::uint64_t> start(n + 1, 0);
  std::partial_sum(count.begin(), count.end(), start.begin() + 1);
  // Written in full below: no need to zero it first (that memset was a tenth of the time).
  const auto index = std::make_unique_for_overwrite<std::uint64_t[]>(start[n]);
  {
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    for (std::uint64_t s = 0; s < sets.size(); ++s) {
      for (const NodeId v : sets.set(s)) index[next[v]++] = s;
    }
  }
  std::vector<char> covered(sets.size(), 0);
  BudgetedSelection result;
  std::vector<NodeId> scratch;
  double upper = std::numeric_limits<double>::infinity();
  auto bound_here = [&] {
    upper = std::min(upper, static_cast<double>(result.selection.coverage) +
                                marginal_bound(count, costs, budget, max_seeds, scratch));
  };
  // Lazy greedy: each entry holds the coverage its node had when pushed, an upper bound on its
  // coverage now (coverage only falls); a popped entry that is out of date is pushed back with
  // the current value. Same picks as scanning every node at every step (O(picks x n), which
  // was most of budgeted selection's time on soc-Epinions), ties to the smaller id.
  struct Entry {
    std::uint64_t count;
    NodeId node;
  };
  auto below = [&](const Entry& a, const Entry& b) {
    const bool free_a = costs[a.node] == 0, free_b = costs[b.node] == 0;
    if (free_a != free_b) return free_b;
    const double left = free_a ? static_cast<double>(a.count)
                               : static_cast<double>(a.count) * costs[b.node];
    const double right = free_b ? static_cast<double>(b.count)
                                : static_cast<double>(b.count) * costs[a.node];
    if (left != right) return left < right;
    return a.node > b.node;
  };
  std::vector<Entry> heap;
  for (NodeId v = 0; v < n; ++v) {
    if (count[v] > 0 && costs[v] <= budget) heap.push_back({count[v], v});
  }
  std::make_heap(heap.begin(), heap.end(), below);
  double spent = 0;
  for (std::size_t picks = 0;; ++picks) {
    // Every greedy step bounds the optimum; steps 0, 1, 2, 4, ... keep the cost at O(n log n log k).
    if ((picks & (picks - 1)) == 0) bound_here();
    if (max_seeds > 0 && picks == max_seeds) break;
    NodeId best = n;
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), below);
      Entry top = heap.back();
      heap.pop_back();
      // No longer affordable or adding nothing: never again (spending only grows).
      if (count[top.node] == 0 || spent + costs[top.node] > budget) continue;
      if (count[top.node] != top.count) {
        top.count = count[top.node];
        heap.push_back(top);
        std::push_heap(heap.begin(), heap.end(), below);
        continue;
      }
      best = top.node;
      break;
    }
    if (best == n) break;
    spent += costs[best];
    result.selection.seeds.push_back(best);
    result.selection.marginal_coverage.push_back(count[best]);
    result.selection.coverage += count[best];
    for (std::uint64_t a = start[best]; a < start[best + 1]; ++a) {
      const std::uint64_t s = index[a];
      if (covered[s]) continue;
      covered[s] = 1;
      for (const NodeId v : sets.set(s)) --count[v];
    }
  }
  bound_here();
  result.selection.optimal_upper_bound = static_cast<std::uint64_t>(
      std::min(std::floor(upper + 1e-9), static_cast<double>(sets.size())));
  result.cost = spent;
  std::uint64_t single_coverage = 0;
  if (single != n) {
    single_coverage = static_cast<std::uint64_t>(start[single + 1] - start[single]);
  }
  if (single != n && single_coverage > result.selection.coverage) {
    result.selection = CoverageSelection{
        {single}, {single_coverage}, single_coverage, result.selection.optimal_upper_bound, 0};
    result.cost = costs[single];
    result.single_node_won = true;
  }
  return result;
}

}  // namespace cascade

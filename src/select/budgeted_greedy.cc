#include "cascade/select/budgeted_greedy.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "cascade/error.h"

namespace cascade {

BudgetedSelection budgeted_max_coverage(const RRCollection& sets, const std::vector<double>& costs,
                                        double budget) {
  const auto n = static_cast<NodeId>(costs.size());
  for (NodeId v = 0; v < n; ++v) {
    if (!(costs[v] > 0) || std::isinf(costs[v])) {
      throw UsageError(fmt::format("cost of node {}: found {}; expected a positive number", v, costs[v]));
    }
  }
  if (!(budget >= 0)) {
    throw UsageError(fmt::format("--budget: found {}; expected a number at least 0", budget));
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
  std::vector<std::uint64_t> index(start[n]);
  {
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    for (std::uint64_t s = 0; s < sets.size(); ++s) {
      for (const NodeId v : sets.set(s)) index[next[v]++] = s;
    }
  }
  std::vector<char> covered(sets.size(), 0), chosen(n, 0);
  BudgetedSelection result;
  double spent = 0;
  while (true) {
    NodeId best = n;
    for (NodeId v = 0; v < n; ++v) {
      if (chosen[v] || count[v] == 0 || spent + costs[v] > budget) continue;
      // count[v] / costs[v] > count[best] / costs[best], without division
      if (best == n || static_cast<double>(count[v]) * costs[best] >
                           static_cast<double>(count[best]) * costs[v]) {
        best = v;
      }
    }
    if (best == n) break;
    chosen[best] = 1;
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
  result.cost = spent;
  std::uint64_t single_coverage = 0;
  if (single != n) {
    single_coverage = static_cast<std::uint64_t>(start[single + 1] - start[single]);
  }
  if (single != n && single_coverage > result.selection.coverage) {
    result.selection = CoverageSelection{{single}, {single_coverage}, single_coverage, 0};
    result.cost = costs[single];
    result.single_node_won = true;
  }
  return result;
}

}  // namespace cascade

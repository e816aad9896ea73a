#include "cascade/select/max_coverage.h"

#include <gtest/gtest.h>

#include <numbers>

#include "cascade/error.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/select/budgeted_greedy.h"

namespace cascade {
namespace {

RRCollection collection(const std::vector<std::vector<NodeId>>& sets) {
  RRCollection out;
  for (const auto& s : sets) {
    const std::vector<std::uint64_t> offsets{0, s.size()};
    out.append(offsets, s);
  }
  return out;
}

std::vector<NodeId> id_order(NodeId n) {
  std::vector<NodeId> order(n);
  for (NodeId v = 0; v < n; ++v) order[v] = v;
  return order;
}

// Slow reference: recount coverage of S + v for every v at every step.
std::vector<NodeId> slow_greedy(const RRCollection& sets, NodeId n, std::uint32_t k) {
  std::vector<NodeId> seeds;
  for (std::uint32_t i = 0; i < k; ++i) {
    NodeId best = 0;
    std::uint64_t best_coverage = 0;
    for (NodeId v = 0; v < n; ++v) {
      std::vector<NodeId> with = seeds;
      with.push_back(v);
      const std::uint64_t c = coverage_of(sets, n, with);
      if (c > best_coverage) {
        best = v;
        best_coverage = c;
      }
    }
    seeds.push_back(best);
  }
  return seeds;
}

//   sets: {0,1} {0,2} {0,3} {1,2} {1,4} {4}   greedy: 0 (3 sets), then 1 or 4 (2 each: 1 wins)
TEST(MaxCoverage, HandWorkedGreedy) {
  const RRCollection sets = collection({{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 4}, {4}});
  const CoverageSelection result = greedy_max_coverage(sets, id_order(5), 2);
  EXPECT_EQ(result.seeds, (std::vector<NodeId>{0, 1}));
  EXPECT_EQ(result.marginal_coverage, (std::vector<std::uint64_t>{3, 2}));
  EXPECT_EQ(result.coverage, 5u);
  // Best pair covers 6? {0,4}: {0,1},{0,2},{0,3},{1,4},{4} = 5; {1,0} = 5: the optimum is 5.
  EXPECT_GE(result.optimal_upper_bound, 5u);
  EXPECT_LE(result.optimal_upper_bound, 3u + 3u);  // top-2 counts at step 0: 3 + 3
}

TEST(MaxCoverage, MatchesSlowGreedyAndBoundsTheOptimum) {
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    RandomStream random(seed, StreamPurpose::kTest, 0);
    const NodeId n = 9;
    std::vector<std::vector<NodeId>> raw;
    for (int s = 0; s < 60; ++s) {
      std::vector<NodeId> set;
      for (NodeId v = 0; v < n; ++v) {
        if (random.uniform() < 0.2) set.push_back(v);
      }
      if (set.empty()) set.push_back(static_cast<NodeId>(random.below(n)));
      raw.push_back(set);
    }
    const RRCollection sets = collection(raw);
    const CoverageSelection fast = greedy_max_coverage(sets, id_order(n), 3);
    EXPECT_EQ(fast.coverage, coverage_of(sets, n, fast.seeds));
    EXPECT_EQ(coverage_of(sets, n, fast.seeds), coverage_of(sets, n, slow_greedy(sets, n, 3)));
    std::uint64_t optimum = 0;
    for (NodeId a = 0; a < n; ++a)
      for (NodeId b = a + 1; b < n; ++b)
        for (NodeId c = b + 1; c < n; ++c) optimum = std::max(optimum, coverage_of(sets, n, {a, b, c}));
    EXPECT_GE(fast.optimal_upper_bound, optimum);
    EXPECT_GE(static_cast<double>(fast.coverage), (1 - 1 / std::numbers::e) * static_cast<double>(optimum));
  }
}

//   node 0 covers 10 sets at cost 11; nodes 1..4 cover 1 set each at cost 1. Budget 11.
//   Cost-effective greedy takes 1..4 (ratio 1 > 10/11): 4 sets for cost 4, then 0 no longer
//   fits. The single node 0 covers 10: the safeguard wins.
TEST(BudgetedGreedy, SafeguardBeatsCheapNodes) {
  std::vector<std::vector<NodeId>> raw;
  for (int i = 0; i < 10; ++i) raw.push_back({0});
  for (NodeId v = 1; v <= 4; ++v) raw.push_back({v});
  const RRCollection sets = collection(raw);
  const std::vector<double> costs{11, 1, 1, 1, 1};
  const BudgetedSelection result = budgeted_max_coverage(sets, costs, 11);
  EXPECT_TRUE(result.single_node_won);
  EXPECT_EQ(result.selection.seeds, (std::vector<NodeId>{0}));
  EXPECT_EQ(result.selection.coverage, 10u);
  // With a budget of 15, cost-effective greedy fits everyone.
  const BudgetedSelection all = budgeted_max_coverage(sets, costs, 15);
  EXPECT_FALSE(all.single_node_won);
  EXPECT_EQ(all.selection.coverage, 14u);
  EXPECT_DOUBLE_EQ(all.cost, 15);
  EXPECT_THROW(budgeted_max_coverage(sets, {1, -1, 1, 1, 1}, 3), UsageError);
}


//   Free people 0 and 1 cover 3 and 2 sets; paid node 2 covers 4 sets at cost 1.
//   sets: {0} {0} {0,2} {1} {1} {2} {2} {2}
// Greedy takes 0 (3 sets, free), then 1 (2 sets, free), then 2 (3 more sets): every set.
TEST(BudgetedGreedy, FreePeopleComeFirstLargestFirst) {
  const RRCollection sets = collection({{0}, {0}, {0, 2}, {1}, {1}, {2}, {2}, {2}});
  const std::vector<double> costs = {0, 0, 1};
  const BudgetedSelection all = budgeted_max_coverage(sets, costs, 1);
  EXPECT_EQ(all.selection.seeds, (std::vector<NodeId>{0, 1, 2}));
  EXPECT_EQ(all.selection.coverage, 8u);
  EXPECT_EQ(all.cost, 1.0);
  // With one seat, greedy's free node 0 (3 sets) loses to the safeguard, node 2 alone (4 sets).
  const BudgetedSelection one = budgeted_max_coverage(sets, costs, 1, 1);
  EXPECT_EQ(one.selection.seeds, (std::vector<NodeId>{2}));
  EXPECT_TRUE(one.single_node_won);
  EXPECT_GE(one.selection.optimal_upper_bound, 4u);
  // Budget 0.5: only the free people are affordable, and both fit; the bound is exact.
  const BudgetedSelection free_only = budgeted_max_coverage(sets, costs, 0.5);
  EXPECT_EQ(free_only.selection.seeds, (std::vector<NodeId>{0, 1}));
  EXPECT_EQ(free_only.selection.optimal_upper_bound, 5u);
  EXPECT_EQ(free_only.cost, 0.0);
  EXPECT_THROW(budgeted_max_coverage(sets, {0, -1, 1}, 1), UsageError);
}

}  // namespace
}  // namespace cascade

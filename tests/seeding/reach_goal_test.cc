// A reach goal: the seeds' exact expected reach is at least (1 - eps) R whenever it is proven, the
// lower bound on the fewest seeds (or least fees) never exceeds the exact optimum found by trying
// every subset of tiny graphs, the printed size ratio holds against that optimum, with and
// without fees (some free), audiences and people already reached; R beyond everyone is refused.
#include "cascade/seeding/reach_goal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "../diffusion/exact_spread.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/parallel/random_stream.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(CoverCostLowerBound, WorkedByHand) {
  // Unit costs: the largest marginals 5 and 3 cover a gap of 6: two people.
  EXPECT_EQ(cover_cost_lower_bound({5, 3, 2, 0}, {}, 6), 2.0);
  EXPECT_EQ(cover_cost_lower_bound({5, 3, 2, 0}, {}, 5), 1.0);
  // Fees 1, 1, 4: by coverage per fee 5, 3, 0.5; 5 for fee 1, then a third of the next: 1 1/3.
  EXPECT_DOUBLE_EQ(cover_cost_lower_bound({5, 3, 2, 0}, {1, 1, 4, 7}, 6), 1.0 + 1.0 / 3.0);
  // A free person's 2 sets first, then 2 of the 5 sets that cost 2: 0.8.
  EXPECT_DOUBLE_EQ(cover_cost_lower_bound({2, 5}, {0, 2}, 4), 0.8);
  EXPECT_EQ(cover_cost_lower_bound({2, 5}, {0, 2}, 0), 0.0);
  EXPECT_EQ(cover_cost_lower_bound({2, 5}, {}, 8), kInf);
}

struct Case {
  bool fees = false;
  bool targets = false;
  bool reached = false;
};

class ReachGoalBruteForce : public ::testing::TestWithParam<Case> {};

// Every subset of a 7-person graph: its exact expected reach (every live-edge world), cost, and
// the cheapest cost among those reaching R.
TEST_P(ReachGoalBruteForce, AgainstEverySubset) {
  const Case c = GetParam();
  constexpr NodeId n = 7;
  int proven = 0;
  for (std::uint64_t seed = 0; seed < 5; ++seed) {
    const Graph g = testing::tiny_probability_graph(seed, n);
    RandomStream random(seed, StreamPurpose::kTest, 31);
    ReachGoalOptions options;
    std::vector<double> weights;
    if (c.targets) {
      for (NodeId v = 0; v < n; ++v) weights.push_back(static_cast<double>(random.below(3)));
      weights[0] = 2;
      options.objective.target_weights = weights;
    }
    if (c.reached) options.objective.reached = {static_cast<NodeId>(1 + seed % 3)};
    if (c.fees) {
      for (NodeId v = 0; v < n; ++v) options.fees.push_back(static_cast<double>(random.below(4)));
    }
    const std::vector<NodeId>& spent = options.objective.reached;
    auto reach_of = [&](const std::vector<NodeId>& s) {
      return testing::exact_weighted_reach(g, false, s, weights, testing::kNoDeadline, spent);
    };
    double everyone = 0;
    for (NodeId v = 0; v < n; ++v) {
      const bool is_spent = std::find(spent.begin(), spent.end(), v) != spent.end();
      if (!is_spent) everyone += c.targets ? weights[v] : 1.0;
    }
    for (const double share : {0.2, 0.45, 0.7, 1.0}) {
      options.reach = share * everyone;
      options.delta = 0.01;
      options.epsilon = 0.2;
      options.seed = seed;
      const ReachGoalResult result = reach_goal_seeds(g, DiffusionModel::parse("ic"), options);
      const ReachGoal& goal = result.goal;
      double best = kInf;
      for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
        std::vector<NodeId> subset;
        double cost = 0;
        bool allowed = true;
        for (NodeId v = 0; v < n; ++v) {
          if ((mask & (1u << v)) == 0) continue;
          if (std::find(spent.begin(), spent.end(), v) != spent.end()) allowed = false;
          subset.push_back(v);
          cost += c.fees ? options.fees[v] : 1.0;
        }
        if (allowed && cost < best && reach_of(subset) >= options.reach - 1e-9) best = cost;
      }
      ASSERT_LT(best, kInf);  // seeding everyone reaches W
      const double exact = reach_of(result.selection.seeds);
      double cost = 0;
      for (const NodeId v : result.selection.seeds) cost += c.fees ? options.fees[v] : 1.0;
      EXPECT_DOUBLE_EQ(goal.cost, cost);
      EXPECT_EQ(goal.everyone, everyone);
      EXPECT_LE(goal.proven_reach, exact + 1e-9) << seed << " " << share;
      if (goal.proven) {
        ++proven;
        EXPECT_GE(exact, (1 - options.epsilon) * options.reach - 1e-9) << seed << " " << share;
      }
      EXPECT_LE(goal.optimum_lower, best + 1e-9) << seed << " " << share;
      EXPECT_LE(cost, goal.size_ratio * best + 1e-9) << seed << " " << share;
      for (const NodeId v : result.selection.seeds) {
        EXPECT_EQ(std::find(spent.begin(), spent.end(), v), spent.end());
      }
    }
  }
  EXPECT_GE(proven, 15);  // the sample proves the goal in most cases
}

INSTANTIATE_TEST_SUITE_P(Objectives, ReachGoalBruteForce,
                         ::testing::Values(Case{}, Case{true, false, false},
                                           Case{false, true, false}, Case{false, false, true},
                                           Case{true, true, true}));

TEST(ReachGoal, UnreachableAndBadValuesAreRefused) {
  const Graph g = testing::tiny_probability_graph(3, 6);
  ReachGoalOptions options;
  options.reach = 6.5;  // more than the 6 people
  EXPECT_THROW(reach_goal_seeds(g, DiffusionModel::parse("ic"), options), UsageError);
  options.reach = 6;
  EXPECT_NO_THROW(reach_goal_seeds(g, DiffusionModel::parse("ic"), options));
  options.objective.reached = {0};  // five people left to reach
  EXPECT_THROW(reach_goal_seeds(g, DiffusionModel::parse("ic"), options), UsageError);
  options.objective.reached.clear();
  options.reach = 0;
  EXPECT_THROW(reach_goal_seeds(g, DiffusionModel::parse("ic"), options), UsageError);
  options.reach = 2;
  options.fees = {1, 1, -1, 1, 1, 1};
  EXPECT_THROW(reach_goal_seeds(g, DiffusionModel::parse("ic"), options), UsageError);
}

TEST(ReachGoal, SameSeedsOnOneAndTwoThreads) {
  Graph g = testing::random_graph(2000, 12000, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  ReachGoalOptions options;
  options.reach = 300;
  options.seed = 4;
  set_num_threads(1);
  const ReachGoalResult one = reach_goal_seeds(g, DiffusionModel::parse("ic"), options);
  set_num_threads(2);
  const ReachGoalResult two = reach_goal_seeds(g, DiffusionModel::parse("ic"), options);
  set_num_threads(0);
  EXPECT_EQ(one.selection.seeds, two.selection.seeds);
  EXPECT_EQ(one.goal.proven_reach, two.goal.proven_reach);
  EXPECT_TRUE(one.goal.proven);
  EXPECT_GE(one.goal.size_ratio, 1.0);
}

}  // namespace
}  // namespace cascade

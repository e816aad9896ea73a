// Budgeted seed selection: the fee-aware upper bound on the best affordable coverage holds against
// brute force, the seeds respect the budget and the -k cap, and the proven ratio holds against
// the exact optimum on tiny graphs.
#include "cascade/seeding/budgeted.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <functional>
#include <set>

#include "../diffusion/exact_spread.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/select/budgeted_greedy.h"
#include "cascade/select/max_coverage.h"
#include "test_graphs.h"

namespace cascade {
namespace {

// A tiny graph (test_graphs.h) with fees 1 to 4.
struct Priced {
  Graph graph;
  std::vector<double> fees;
};

// With `free_people`, fees 0 to 4, about one person in five free (employees, fans).
Priced tiny_priced_graph(std::uint64_t seed, NodeId n, bool free_people = false) {
  Priced priced{testing::tiny_probability_graph(seed, n, 11), {}};
  RandomStream random(seed, StreamPurpose::kTest, 12);
  for (NodeId v = 0; v < n; ++v) {
    priced.fees.push_back(static_cast<double>(random.below(free_people ? 5 : 4)) +
                          (free_people ? 0.0 : 1.0));
  }
  return priced;
}

// Calls visit(subset) for every subset of 0..n-1 whose fees total at most `budget` and whose size
// is at most max_seeds (0: any size).
void for_each_affordable(NodeId n, const std::vector<double>& fees, double budget,
                         std::uint32_t max_seeds,
                         const std::function<void(const std::vector<NodeId>&)>& visit) {
  for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
    std::vector<NodeId> subset;
    double total = 0;
    for (NodeId v = 0; v < n; ++v) {
      if (mask & (1u << v)) {
        subset.push_back(v);
        total += fees[v];
      }
    }
    if (total <= budget && (max_seeds == 0 || subset.size() <= max_seeds)) visit(subset);
  }
}

class BudgetedGreedyFees : public ::testing::TestWithParam<bool> {};

TEST_P(BudgetedGreedyFees, UpperBoundHoldsAgainstBruteForce) {
  for (std::uint64_t seed = 0; seed < 12; ++seed) {
    const Priced p = tiny_priced_graph(seed, 8, GetParam());
    RRCollection sets;
    RRSampler(p.graph, DiffusionModel::parse("ic")).generate(sets, 0, 300, seed);
    for (const double budget : {1.0, 3.0, 5.0, 9.0}) {
      for (const std::uint32_t cap : {0u, 1u, 2u}) {
        const BudgetedSelection chosen = budgeted_max_coverage(sets, p.fees, budget, cap);
        std::uint64_t best = 0;
        for_each_affordable(8, p.fees, budget, cap, [&](const std::vector<NodeId>& subset) {
          best = std::max(best, coverage_of(sets, 8, subset));
        });
        EXPECT_GE(chosen.selection.optimal_upper_bound, best) << seed << " " << budget << " " << cap;
        EXPECT_LE(chosen.selection.coverage, best);
        EXPECT_EQ(chosen.selection.coverage, coverage_of(sets, 8, chosen.selection.seeds));
        EXPECT_LE(chosen.cost, budget);
        if (cap > 0) {
          EXPECT_LE(chosen.selection.seeds.size(), cap);
        }
        const std::set<NodeId> distinct(chosen.selection.seeds.begin(), chosen.selection.seeds.end());
        EXPECT_EQ(distinct.size(), chosen.selection.seeds.size());
        // Free people who add coverage come first (unless the single best person won).
        if (!chosen.single_node_won) {
          bool paid_seen = false;
          for (const NodeId v : chosen.selection.seeds) {
            if (p.fees[v] > 0) paid_seen = true;
            EXPECT_FALSE(paid_seen && p.fees[v] == 0) << seed << " " << budget << " " << cap;
          }
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutFreePeople, BudgetedGreedyFees, ::testing::Bool());

class BudgetedSeedsFees : public ::testing::TestWithParam<bool> {};

TEST_P(BudgetedSeedsFees, ProvenRatioHoldsAgainstTheExactOptimum) {
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    const Priced p = tiny_priced_graph(seed, 7, GetParam());
    for (const std::uint32_t cap : {0u, 2u}) {
      BudgetOptions options;
      options.fees = p.fees;
      options.budget = 4;
      options.max_seeds = cap;
      options.delta = 0.001;
      options.seed = seed;
      const SeedSelection s = budgeted_seeds(p.graph, DiffusionModel::parse("ic"), options);
      double best = 0;
      for_each_affordable(7, p.fees, 4, cap, [&](const std::vector<NodeId>& subset) {
        best = std::max(best, testing::exact_independent_cascade(p.graph, subset).reach);
      });
      double spent = 0;
      for (const NodeId v : s.seeds) spent += p.fees[v];
      EXPECT_LE(spent, 4.0);
      if (cap > 0) {
        EXPECT_LE(s.seeds.size(), cap);
      }
      EXPECT_GT(s.guarantee, 0.0);
      EXPECT_GE(testing::exact_independent_cascade(p.graph, s.seeds).reach,
                s.guarantee * best - 1e-9)
          << "seed " << seed << " cap " << cap;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutFreePeople, BudgetedSeedsFees, ::testing::Bool());

TEST(BudgetedSeeds, SameSeedsOnOneAndTwoThreads) {
  Graph g = testing::random_graph(2000, 12000, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  BudgetOptions options;
  for (NodeId v = 0; v < g.num_nodes(); ++v) options.fees.push_back(1.0 + (v % 5));
  options.budget = 20;
  options.seed = 4;
  set_num_threads(1);
  const SeedSelection one = budgeted_seeds(g, DiffusionModel::parse("ic"), options);
  set_num_threads(2);
  const SeedSelection two = budgeted_seeds(g, DiffusionModel::parse("ic"), options);
  set_num_threads(0);
  EXPECT_EQ(one.seeds, two.seeds);
  EXPECT_EQ(one.guarantee, two.guarantee);
}

TEST(BudgetedSeeds, NobodyAffordableAndBadFeesAreRefused) {
  const Priced p = tiny_priced_graph(1, 5);
  BudgetOptions options;
  options.fees = p.fees;
  options.budget = 0.5;
  EXPECT_THROW(budgeted_seeds(p.graph, DiffusionModel::parse("ic"), options), UsageError);
  options.budget = 3;
  options.fees[2] = -1;
  EXPECT_THROW(budgeted_seeds(p.graph, DiffusionModel::parse("ic"), options), UsageError);
  options.fees.pop_back();
  EXPECT_THROW(budgeted_seeds(p.graph, DiffusionModel::parse("ic"), options), UsageError);
}

}  // namespace
}  // namespace cascade

#include "cascade/seeding/rumor_blocking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/select/max_coverage.h"
#include "diffusion/exact_competition.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using testing::exact_competition;
using testing::tiny_probability_graph;

constexpr double kOneMinusInvE = 1.0 - 1.0 / 2.718281828459045;

DiffusionModel ic() { return DiffusionModel{}; }

ReachObjective against(std::vector<NodeId> rumor, TieRule tie) {
  ReachObjective objective;
  objective.against = std::move(rumor);
  objective.rumor_wins_ties = tie == TieRule::kRumor;
  return objective;
}

// n x the share of blocking RR sets that P meets is P's expected number saved: within 4
// standard errors of the exact value, for several P, both tie rules, on tiny random graphs.
TEST(RumorBlocking, RRSetsEstimateTheExactSaved) {
  const std::vector<std::vector<NodeId>> protector_sets = {{1}, {2, 3}, {4}, {1, 6}};
  for (std::uint64_t g = 1; g <= 4; ++g) {
    const Graph graph = tiny_probability_graph(g, 7);
    const std::vector<NodeId> rumor = {0, 5};
    for (const TieRule tie : {TieRule::kProtector, TieRule::kRumor}) {
      const RRSampler sampler(graph, ic(), against(rumor, tie));
      EXPECT_EQ(sampler.eligible_seeds(), 5u);
      RRCollection sets;
      const std::uint64_t theta = 100'000;
      sampler.generate(sets, 0, theta, 11, StreamPurpose::kTest);
      for (std::uint64_t i = 0; i < theta; ++i) {
        for (const NodeId v : sets.set(i)) {
          if (v == 0 || v == 5) ADD_FAILURE() << "the rumor's people are never in a set";
        }
      }
      for (const auto& protectors : protector_sets) {
        const double n = graph.num_nodes();
        const double p = static_cast<double>(coverage_of(sets, graph.num_nodes(), protectors)) /
                         static_cast<double>(theta);
        const double estimate = n * p;
        const double error = n * std::sqrt(p * (1 - p) / static_cast<double>(theta));
        const double exact =
            exact_competition(graph, rumor, protectors, tie == TieRule::kRumor).saved;
        EXPECT_LE(std::abs(estimate - exact), 4 * error + 1e-9)
            << "graph " << g << " tie " << to_string(tie) << ": " << estimate << " vs " << exact;
      }
    }
  }
}

// Every 2-subset of the people outside the rumor, valued exactly: the chosen protectors save at
// least (1 - 1/e - eps) x the best (the guarantee holds with probability 1 - delta; the seeds of
// these runs are fixed, so the test is deterministic).
TEST(RumorBlocking, ChosenProtectorsWithinTheGuaranteeOfTheBestPair) {
  for (std::uint64_t g = 1; g <= 8; ++g) {
    const Graph graph = tiny_probability_graph(g, 7, 3);
    const std::vector<NodeId> rumor = {0};
    for (const TieRule tie : {TieRule::kProtector, TieRule::kRumor}) {
      const bool rumor_wins = tie == TieRule::kRumor;
      double best = 0;
      for (NodeId a = 1; a < 7; ++a) {
        for (NodeId b = a + 1; b < 7; ++b) {
          best = std::max(best, exact_competition(graph, rumor, {a, b}, rumor_wins).saved);
        }
      }
      RumorBlockingOptions options;
      options.k = 2;
      options.epsilon = 0.1;
      options.seed = g;
      options.against = rumor;
      options.tie = tie;
      const SeedSelection chosen = rumor_blocking(graph, ic(), options);
      ASSERT_EQ(chosen.seeds.size(), 2u);
      EXPECT_NE(chosen.seeds[0], chosen.seeds[1]);
      for (const NodeId v : chosen.seeds) EXPECT_NE(v, 0u);
      const double saved = exact_competition(graph, rumor, chosen.seeds, rumor_wins).saved;
      EXPECT_GE(saved, (kOneMinusInvE - 0.1) * best - 1e-9)
          << "graph " << g << " tie " << to_string(tie) << ": " << saved << " of " << best;
      if (best > 0) {
        EXPECT_GE(chosen.guarantee, kOneMinusInvE - 0.1 - 1e-12);
      }
    }
  }
}

// 0 -> 1 -> 2 -> 3 and a hub 5 -> 6, 7, 8, 9, every arc certain, the rumor at 0. Influence
// maximization would seed the hub; blocking protects 1, saving 1, 2 and 3.
TEST(RumorBlocking, BlocksThePathNotTheHub) {
  Graph graph = testing::graph_from_text("0 1\n1 2\n2 3\n5 6\n5 7\n5 8\n5 9\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:1"), 1);
  auto id = [&](const char* label) { return *graph.labels().find(label); };
  RumorBlockingOptions options;
  options.k = 1;
  options.against = {id("0")};
  const SeedSelection chosen = rumor_blocking(graph, ic(), options);
  ASSERT_EQ(chosen.seeds.size(), 1u);
  EXPECT_EQ(chosen.seeds[0], id("1"));
  EXPECT_NEAR(chosen.estimated_spread, 3.0, 0.9);  // from its own sample: 3 of 9 roots
}

// A rumor with no arc out reaches nobody else: every choice saves 0, proven exactly.
TEST(RumorBlocking, ARumorWithoutArcsOutSavesNothing) {
  Graph graph = testing::graph_from_text("1 2\n2 3\n3 0\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.5"), 1);
  RumorBlockingOptions options;
  options.k = 2;
  options.against = {*graph.labels().find("0")};
  const SeedSelection chosen = rumor_blocking(graph, ic(), options);
  EXPECT_EQ(chosen.seeds.size(), 2u);
  EXPECT_EQ(chosen.guarantee, 1.0);
  for (const NodeId v : chosen.seeds) EXPECT_NE(v, options.against[0]);
}

TEST(RumorBlocking, SameProtectorsOnOneAndTwoThreads) {
  Graph graph = testing::random_graph(1500, 9000, 3, false, false);
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  RumorBlockingOptions options;
  options.k = 8;
  options.against = {3, 30, 300};
  const int threads = num_threads();
  set_num_threads(1);
  const SeedSelection one = rumor_blocking(graph, ic(), options);
  set_num_threads(2);
  const SeedSelection two = rumor_blocking(graph, ic(), options);
  set_num_threads(threads);
  EXPECT_EQ(one.seeds, two.seeds);
  EXPECT_EQ(one.estimated_spread, two.estimated_spread);
  EXPECT_GT(one.estimated_spread, 0.0);
}

TEST(RumorBlocking, RefusesWhatItDoesNotModel) {
  Graph graph = testing::random_graph(50, 200, 3, false, false);
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  RumorBlockingOptions options;
  options.k = 2;
  options.against = {1};
  DiffusionModel lt = DiffusionModel::parse("lt");
  EXPECT_THROW(rumor_blocking(graph, lt, options), UsageError);
  DiffusionModel late = ic();
  late.deadline = 3;
  EXPECT_THROW(rumor_blocking(graph, late, options), UsageError);
  options.against = {1, 1};
  EXPECT_THROW(rumor_blocking(graph, ic(), options), UsageError);
  options.against = {};
  for (NodeId v = 0; v < 49; ++v) options.against.push_back(v);
  EXPECT_THROW(rumor_blocking(graph, ic(), options), UsageError);  // k = 2 > 1 eligible
  // Other RR algorithms refuse the blocking objective rather than count something else.
  ReachObjective objective;
  objective.against = {1};
  objective.reached = {2};
  EXPECT_THROW(check_reach_objective(graph, objective), UsageError);
}

}  // namespace
}  // namespace cascade

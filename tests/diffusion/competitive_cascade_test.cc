#include "cascade/diffusion/competitive_cascade.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "diffusion/exact_competition.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using testing::exact_competition;
using testing::for_each_world;
using testing::live_distances;
using testing::tiny_probability_graph;

// In every world of tiny random graphs, the simulator's step-by-step race gives exactly the
// counts of the distance rule (exact_competition.h), under both tie rules.
TEST(CompetitiveCascade, EveryWorldMatchesTheDistanceRule) {
  for (std::uint64_t g = 1; g <= 6; ++g) {
    const Graph graph = tiny_probability_graph(g, 7);
    const std::vector<NodeId> rumor = {0};
    const std::vector<NodeId> protectors = {1, 2};
    for (const TieRule tie : {TieRule::kProtector, TieRule::kRumor}) {
      int mismatches = 0;
      for_each_world(graph, [&](const std::vector<char>& live, double) {
        const CompetitiveOutcome o = competitive_outcome(graph, rumor, protectors, tie, live);
        const auto dr = live_distances(graph, live, rumor);
        const auto dp = live_distances(graph, live, protectors);
        std::uint32_t alone = 0, with = 0, protected_people = 0;
        for (NodeId v = 0; v < graph.num_nodes(); ++v) {
          const bool by_rumor = dr[v] != UINT32_MAX;
          alone += by_rumor ? 1 : 0;
          const bool rumor_first =
              by_rumor && (tie == TieRule::kRumor ? dr[v] <= dp[v] : dr[v] < dp[v]);
          with += rumor_first ? 1 : 0;
          protected_people += !rumor_first && dp[v] != UINT32_MAX ? 1 : 0;
        }
        if (o.rumor_alone != alone || o.rumor != with || o.protected_people != protected_people) {
          ++mismatches;
        }
      });
      EXPECT_EQ(mismatches, 0) << "graph " << g << " tie " << to_string(tie);
    }
  }
}

// 0 -> 1 -> 2 and 3 -> 2, every arc certain: the protector 3 reaches 2 at step 1, the rumor at
// step 2, so 2 is saved; with protector 4 -> 1 instead (the rumor's step 1 as well), the tie
// rule decides who takes 1 and then 2.
TEST(CompetitiveCascade, TieRuleDecidesSimultaneousArrivals) {
  Graph graph = testing::graph_from_text("0 1\n1 2\n3 2\n4 1\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:1"), 1);
  const std::vector<char> live(graph.num_arcs(), 1);
  auto id = [&](const char* label) { return *graph.labels().find(label); };
  const std::vector<NodeId> rumor = {id("0")};
  CompetitiveOutcome o = competitive_outcome(graph, rumor, std::vector<NodeId>{id("3")},
                                             TieRule::kProtector, live);
  EXPECT_EQ(o.rumor_alone, 3u);  // 0, 1, 2
  EXPECT_EQ(o.rumor, 2u);        // 0, 1
  o = competitive_outcome(graph, rumor, std::vector<NodeId>{id("4")}, TieRule::kProtector, live);
  EXPECT_EQ(o.rumor, 1u);  // 1 taken by the protector at the tie, and 2 after it
  o = competitive_outcome(graph, rumor, std::vector<NodeId>{id("4")}, TieRule::kRumor, live);
  EXPECT_EQ(o.rumor, 3u);
}

// Monte Carlo means within 4 standard errors of the exact expectations.
TEST(CompetitiveCascade, SimulationAgreesWithExactExpectations) {
  for (std::uint64_t g = 1; g <= 4; ++g) {
    const Graph graph = tiny_probability_graph(g, 7);
    const std::vector<NodeId> rumor = {0, 5};
    const std::vector<NodeId> protectors = {1};
    for (const TieRule tie : {TieRule::kProtector, TieRule::kRumor}) {
      const auto exact = exact_competition(graph, rumor, protectors, tie == TieRule::kRumor);
      CompetitiveOptions options;
      options.runs = 40'000;
      options.seed = 3;
      options.tie = tie;
      const CompetitiveResult r = simulate_competitive(graph, rumor, protectors, options);
      auto close = [](const Estimate& e, double expected) {
        return std::abs(e.mean - expected) <= 4 * e.standard_error + 1e-9;
      };
      EXPECT_TRUE(close(r.rumor_alone, exact.rumor_alone))
          << r.rumor_alone.mean << " vs " << exact.rumor_alone;
      EXPECT_TRUE(close(r.rumor, exact.rumor)) << r.rumor.mean << " vs " << exact.rumor;
      EXPECT_TRUE(close(r.saved, exact.saved)) << r.saved.mean << " vs " << exact.saved;
      EXPECT_GE(r.saved.low, 0.0);
      EXPECT_LE(r.saved.low, r.saved.high);
    }
  }
}

TEST(CompetitiveCascade, SameResultOnOneAndTwoThreads) {
  const Graph graph = testing::random_graph(400, 2400, 5, false, false);
  Graph g = graph;
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> rumor = {1, 2, 3};
  const std::vector<NodeId> protectors = {10, 20};
  CompetitiveOptions options;
  options.runs = 3000;
  const int threads = num_threads();
  set_num_threads(1);
  const CompetitiveResult one = simulate_competitive(g, rumor, protectors, options);
  set_num_threads(2);
  const CompetitiveResult two = simulate_competitive(g, rumor, protectors, options);
  set_num_threads(threads);
  EXPECT_EQ(one.rumor_alone.mean, two.rumor_alone.mean);
  EXPECT_EQ(one.rumor.mean, two.rumor.mean);
  EXPECT_EQ(one.saved.standard_error, two.saved.standard_error);
  EXPECT_GT(one.rumor_alone.mean, 3.0);  // the rumor spreads at all on this graph
}

// simulate_competitive's run r is competitive_run's run r: the coins of hashed_uniform.
TEST(CompetitiveCascade, RunsAreTheDocumentedWorlds) {
  Graph g = testing::random_graph(300, 1800, 8, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> rumor = {4, 5};
  const std::vector<NodeId> protectors = {6};
  CompetitiveOptions options;
  options.runs = 1;
  options.seed = 9;
  const CompetitiveResult r = simulate_competitive(g, rumor, protectors, options);
  const CompetitiveOutcome o = competitive_run(g, rumor, protectors, TieRule::kProtector, 9,
                                               StreamPurpose::kCompetitiveWorld, 0);
  EXPECT_EQ(r.rumor_alone.mean, o.rumor_alone);
  EXPECT_EQ(r.rumor.mean, o.rumor);
  EXPECT_EQ(r.protected_people.mean, o.protected_people);
}

TEST(CompetitiveCascade, RefusesBadPeople) {
  Graph graph = tiny_probability_graph(1, 5);
  const std::vector<NodeId> none;
  EXPECT_THROW(check_competition(graph, none, std::vector<NodeId>{1}), UsageError);
  EXPECT_THROW(check_competition(graph, std::vector<NodeId>{1, 1}, none), UsageError);
  EXPECT_THROW(check_competition(graph, std::vector<NodeId>{9}, none), UsageError);
  EXPECT_THROW(check_competition(graph, std::vector<NodeId>{1}, std::vector<NodeId>{1}),
               UsageError);
  EXPECT_THROW(parse_tie_rule("seeds"), UsageError);
  EXPECT_EQ(parse_tie_rule("rumor"), TieRule::kRumor);
}

}  // namespace
}  // namespace cascade

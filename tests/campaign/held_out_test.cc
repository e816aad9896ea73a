#include "cascade/campaign/held_out.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   a --0.5--> b      d --0--> e
//   a --0.2--> c
Graph scored_graph() {
  Graph g = testing::graph_from_text("a b 0.5\na c 0.2\nd e 0\n");
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  return g;
}

HeldOutScore score(const Graph& g, const std::string& cascades, std::vector<double> outside_rates = {},
                   std::vector<std::uint32_t> outside_of_test = {}) {
  const AdoptionLog test = parse_adoption_log(g, cascades, "test.txt", LogFormat::kCascades);
  if (outside_of_test.empty()) outside_of_test.assign(test.outside_labels.size(), kUnknownOutside);
  const std::vector<double> background(g.num_nodes(), 0);
  return evaluate_held_out(g, background, test, 1, outside_rates, outside_of_test);
}

TEST(HeldOut, RanksTheNextAdopterByItsChance) {
  const Graph g = scored_graph();
  // After a: b (0.5) ranks first, c (0.2) second.
  const HeldOutScore s = score(g, "a b 1\na c 1\n");
  EXPECT_EQ(s.predictions, 2u);
  EXPECT_DOUBLE_EQ(s.hits[0], 1.0);
  EXPECT_DOUBLE_EQ(s.map[0], (1 + 0.5) / 2);
}

TEST(HeldOut, TiesAreAveragedOverTheirOrders) {
  const Graph g = scored_graph();
  // After d: a, b, c and e all have the background floor alone; a's rank is uniform on 1..4.
  const HeldOutScore s = score(g, "d a 1\n");
  EXPECT_DOUBLE_EQ(s.hits[0], 1.0);
  EXPECT_NEAR(s.map[0], (1 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4) / 4, 1e-12);
}

TEST(HeldOut, UsersOutsideTheGraph) {
  const Graph g = scored_graph();
  // Unknown from training: a miss that is counted.
  HeldOutScore s = score(g, "a zed 1\n");
  EXPECT_EQ(s.predictions, 1u);
  EXPECT_EQ(s.unrankable, 1u);
  EXPECT_DOUBLE_EQ(s.hits[2], 0.0);
  // Known with background rate 0.9: above b's 0.5, first. A second known user at 0.8
  // when zed is in the prefix already.
  s = score(g, "a zed 1\n", {0.9}, {0});
  EXPECT_EQ(s.unrankable, 0u);
  EXPECT_DOUBLE_EQ(s.map[0], 1.0);
  s = score(g, "a zed 1 bo 2\n", {0.9, 0.8}, {0, 1});
  EXPECT_DOUBLE_EQ(s.map[0], 1.0);  // zed first, then bo above b (0.5 + the floor 0.2)
}

TEST(HeldOut, LogLikelihoodPerAdoption) {
  const Graph g = scored_graph();
  // a (root, the floor 1 / (1 item x 5 nodes)), b through a (0.5, or the floor), and a's failed
  // trial of c (0.8).
  const double floor = 1.0 / 5;
  const double expected = (std::log(floor) + std::log(1 - (1 - floor) * 0.5) + std::log(0.8)) / 2;
  EXPECT_NEAR(score(g, "a b 1\n").log_likelihood_per_adoption, expected, 1e-7);  // probabilities are floats
}

TEST(HeldOut, SpearmanCorrelation) {
  const std::vector<double> x = {1, 2, 3, 4}, reversed = {4, 3, 2, 1}, flat = {5, 5, 5, 5};
  EXPECT_DOUBLE_EQ(spearman_correlation(x, x), 1);
  EXPECT_DOUBLE_EQ(spearman_correlation(x, reversed), -1);
  EXPECT_DOUBLE_EQ(spearman_correlation(x, flat), 0);
  // Ties at their mean rank: y ranks 1, 2.5, 2.5, 4; r = 4.5 / sqrt(5 x 4.5).
  const std::vector<double> tied = {10, 20, 20, 30};
  EXPECT_NEAR(spearman_correlation(x, tied), 4.5 / std::sqrt(5 * 4.5), 1e-12);
}

TEST(HeldOut, CascadeSizesFromTheRoot) {
  // a --1--> b --1--> c: every run from a reaches 3, from b 2, from c 1.
  Graph g = testing::graph_from_text("a b 1\nb c 1\n");
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  const AdoptionLog test = parse_adoption_log(g, "a b 1 zed 2\nb c 1\nc\nzed a 1\nc a 1 b 2\n",
                                              "test.txt", LogFormat::kCascades);
  const CascadeSizeScore s = evaluate_cascade_sizes(g, test, 10, 1);
  EXPECT_EQ(s.cascades, 4u);
  EXPECT_EQ(s.rootless, 1u);
  // Simulated 3, 2, 1, 1 against real 2 (zed is outside the graph), 2, 1, 3: errors 1, 0, 0, 2.
  EXPECT_DOUBLE_EQ(s.median_absolute_error, 0.5);
  EXPECT_NEAR(s.spearman, spearman_correlation(std::vector<double>{3, 2, 1, 1},
                                               std::vector<double>{2, 2, 1, 3}), 1e-12);
  EXPECT_THROW(evaluate_cascade_sizes(g, test, 0, 1), UsageError);
}

TEST(HeldOut, SameScoresOnOneAndTwoThreads) {
  const Graph g = testing::random_graph(60, 300, 5, true, false);
  Graph probabilities = g;
  assign_probabilities(probabilities, ProbabilitySpec::parse("trivalency"), 3);
  std::string cascades;
  for (int line = 0; line < 200; ++line) {
    cascades += fmt::format("{}", line % 60);
    for (int i = 1; i <= 1 + line % 7; ++i) cascades += fmt::format(" {} {}", (line * 7 + i * 13) % 60, i);
    cascades += '\n';
  }
  const int threads = num_threads();
  set_num_threads(1);
  const HeldOutScore one = score(probabilities, cascades);
  set_num_threads(2);
  const HeldOutScore two = score(probabilities, cascades);
  set_num_threads(threads);
  EXPECT_GT(one.predictions, 500u);
  EXPECT_EQ(one.log_likelihood_per_adoption, two.log_likelihood_per_adoption);
  EXPECT_EQ(one.hits, two.hits);
  EXPECT_EQ(one.map, two.map);
}

}  // namespace
}  // namespace cascade

#include "cascade/seeding/individual_influence.h"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "../diffusion/exact_spread.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   a --0.5--> b --0.4--> d --0.7--> e,  a --0.3--> c --0.6--> d,  c --0.2--> b
TEST(IndividualInfluence, MatchesExactSingletonSpreads) {
  Graph g = testing::graph_from_text("a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\n");
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  const IndividualInfluence influence =
      individual_influence(g, DiffusionModel::parse("ic"), 300000, 5);
  for (NodeId v = 0; v < g.num_nodes(); ++v) {
    const double exact = testing::exact_independent_cascade(g, {v}).reach;
    EXPECT_NEAR(influence.reach[v], exact, 4 * influence.standard_error[v] + 1e-9) << g.label(v);
  }
}

// Under const:0 everyone's reach is exactly 1: so is every estimate, ranking and re-estimate
// (the root's own term is known, only others' are sampled), with standard error 0 and a Wilson
// interval [1, 1 + n z^2 / (theta + z^2)]. (With n x share the top showed 1.25 +/- 0.16.)
//   a -> b -> c -> d, a -> c, e -> a
TEST(RankInfluencers, ConstantZeroReachesExactlyOne) {
  Graph g = testing::graph_from_text("a b\nb c\nc d\na c\ne a\n");
  assign_probabilities(g, ProbabilitySpec::parse("const:0"), 1);
  InfluenceOptions options;
  options.rr_sets = 20000;
  options.top = 3;
  const InfluenceRanking ranking = rank_influencers(g, DiffusionModel::parse("ic"), options);
  ASSERT_EQ(ranking.top.size(), 3u);
  for (const Influencer& person : ranking.top) {
    EXPECT_EQ(person.reach.mean, 1.0);
    EXPECT_EQ(person.reach.standard_error, 0.0);
    EXPECT_EQ(person.reach.low, 1.0);
    EXPECT_LE(person.reach.high, 1 + 5 * 3.8416 / 20000.0);
    EXPECT_EQ(person.ranking_reach, 1.0);
    EXPECT_DOUBLE_EQ(person.share, 0.2);
  }
  EXPECT_EQ(ranking.order, (std::vector<NodeId>{0, 1, 2, 3, 4}));  // all tied: by id
  EXPECT_DOUBLE_EQ(ranking.total_influence, 5.0);
  EXPECT_DOUBLE_EQ(ranking.top_share, 0.6);
  EXPECT_EQ(ranking.rr_sets, 40000u);
}

//   a --0.5--> b --0.4--> d --0.7--> e,  a --0.3--> c --0.6--> d,  c --0.2--> b
//   The top 3 re-estimated on the check sample: within 4 standard errors of the exact spreads;
//   degree ranks, overlap and Spearman worked from the out-degrees a 2, b 1, c 2, d 1, e 0.
TEST(RankInfluencers, ReestimatesMatchExactSpreads) {
  Graph g = testing::graph_from_text("a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\n");
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  InfluenceOptions options;
  options.rr_sets = 300000;
  options.top = 5;
  options.seed = 11;
  const InfluenceRanking ranking = rank_influencers(g, DiffusionModel::parse("ic"), options);
  ASSERT_EQ(ranking.top.size(), 5u);
  for (const Influencer& person : ranking.top) {
    const double exact = testing::exact_independent_cascade(g, {person.node}).reach;
    EXPECT_NEAR(person.reach.mean, exact, 4 * person.reach.standard_error + 1e-9) << g.label(person.node);
    EXPECT_LE(person.reach.low, person.reach.mean);
    EXPECT_GE(person.reach.high, person.reach.mean);
    EXPECT_EQ(person.out_degree, g.out_degree(person.node));
  }
  // Exact: a 2.4, c 2.33, b 1.68, d 1.7, e 1: the order at the top is a then c.
  EXPECT_EQ(g.label(ranking.order[0]), "a");
  EXPECT_EQ(g.label(ranking.order[1]), "c");
  const auto a = *g.labels().find("a"), c = *g.labels().find("c"), e = *g.labels().find("e");
  EXPECT_EQ(ranking.degree_rank[a], 1u);
  EXPECT_EQ(ranking.degree_rank[c], 2u);
  EXPECT_EQ(ranking.degree_rank[e], 5u);
  EXPECT_EQ(ranking.top_also_top_by_degree, 5u);  // the top 5 of 5
  EXPECT_GT(ranking.spearman_with_out_degree, 0.5);
  EXPECT_THROW(rank_influencers(g, DiffusionModel::parse("ic"), InfluenceOptions{0, 0, 1}),
               UsageError);
}

//   2,000 pairs a_i --0.5--> b_i: every a_i reaches 1.5 people, every b_i 1. Ranked on 20,000 RR
//   sets the top 10 are the a_i whose few RR sets came out highest: on that sample they show
//   about 3. Re-estimated on the independent sample they average 1.5 within 4 standard errors.
TEST(RankInfluencers, TopIsReestimatedWithoutTheSelectionBias) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += fmt::format("a{} b{}\n", i, i);
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse("const:0.5"), 1);
  InfluenceOptions options;
  options.rr_sets = 20000;
  options.top = 10;
  const InfluenceRanking ranking = rank_influencers(g, DiffusionModel::parse("ic"), options);
  double ranked = 0, reestimated = 0, variance = 0;
  for (const Influencer& person : ranking.top) {
    EXPECT_EQ(g.label(person.node)[0], 'a');
    ranked += person.ranking_reach / 10;
    reestimated += person.reach.mean / 10;
    // Binomial variance from the true share (0.5 / n), not the estimate, which may be 0.
    variance += 4000.0 * 4000.0 * (0.5 / 4000) / 20000 / 100;
  }
  EXPECT_NEAR(reestimated, 1.5, 4 * std::sqrt(variance));
  EXPECT_GT(ranked, 1.5 + 4 * std::sqrt(variance));  // the bias the re-estimate removes
}

TEST(IndividualInfluence, SpearmanWithTiesAndReversal) {
  const std::vector<double> a{1, 2, 3, 4, 5}, reversed{5, 4, 3, 2, 1};
  EXPECT_NEAR(spearman(a, a), 1.0, 1e-12);
  EXPECT_NEAR(spearman(a, reversed), -1.0, 1e-12);
  // x = (1, 2, 2, 3): ranks 1, 2.5, 2.5, 4; y = (1, 3, 2, 4): ranks 1, 3, 2, 4.
  // Pearson of the ranks: cov = 4.5, var_x = 4.5, var_y = 5 -> 4.5 / sqrt(22.5) = 0.948683
  const std::vector<double> x{1, 2, 2, 3}, y{1, 3, 2, 4};
  EXPECT_NEAR(spearman(x, y), 0.9486832981, 1e-9);
  EXPECT_THROW(spearman(x, a), UsageError);
}

}  // namespace
}  // namespace cascade

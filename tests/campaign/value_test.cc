#include "cascade/campaign/value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph weighted(const std::string& text) {
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  return g;
}

NodeId id(const Graph& g, const char* label) { return *g.labels().find(label); }

SimulationResult run(const Graph& g, const std::string& model, std::vector<NodeId> seeds,
                     std::uint64_t runs = 2000, std::vector<NodeId> reached = {}) {
  SimulationOptions options;
  options.runs = runs;
  options.seed = 5;
  options.reached = std::move(reached);
  return simulate(g, DiffusionModel::parse(model), seeds, options);
}

// Every run alike: the mean is the exact count and there is no spread.
void expect_exactly(const Estimate& e, double count) {
  EXPECT_DOUBLE_EQ(e.mean, count);
  EXPECT_EQ(e.standard_error, 0.0);
}

//   c --1--> a, b, d     a --1--> b     a --1--> c (into the seed: no impression)
const char* kStar = "c a 1\nc b 1\nc d 1\na b 1\na c 1\n";

TEST(Impressions, StarWithCertainArcsUnderEveryModel) {
  const Graph g = weighted(kStar);
  // c speaks to a, b, d (3); a to b (1), not to the seed c; b and d have nothing to say.
  for (const char* model : {"ic", "threshold:1,prob", "icn:q=1,neg=1"}) {
    SCOPED_TRACE(model);
    const SimulationResult r = run(g, model, {id(g, "c")});
    expect_exactly(r.impressions, 4);
    expect_exactly(r.positive_impressions, 4);
    expect_exactly(r.negative_impressions, 0);
    expect_exactly(r.reach, 4);
  }
  // Under lt, b's in-weights (1 from c, 1 from a) would sum past 1: on the star without a -> b.
  const Graph lt = weighted("c a 1\nc b 1\nc d 1\na c 1\n");
  expect_exactly(run(lt, "lt", {id(lt, "c")}).impressions, 3);
}

TEST(Impressions, NegativeSpeakersAreCountedApart) {
  const Graph g = weighted(kStar);
  // Quality 0: the seed is dissatisfied and everyone it reaches hears only negative word.
  const SimulationResult all_negative = run(g, "icn:q=0,neg=1", {id(g, "c")});
  expect_exactly(all_negative.impressions, 4);
  expect_exactly(all_negative.positive_impressions, 0);
  expect_exactly(all_negative.negative_impressions, 4);
  // Quality 0.5: the seed is satisfied in about half the runs; the parts add up to the whole.
  const SimulationResult mixed = run(g, "icn:q=0.5,neg=1", {id(g, "c")}, 4000);
  EXPECT_GT(mixed.positive_impressions.mean, 0);
  EXPECT_GT(mixed.negative_impressions.mean, 0);
  EXPECT_NEAR(mixed.positive_impressions.mean + mixed.negative_impressions.mean,
              mixed.impressions.mean, 1e-9);
  EXPECT_DOUBLE_EQ(mixed.impressions.mean, 4);  // every arc is certain: always 4 messages
}

//   c --1--> a --1--> b --1--> x
const char* kChain = "c a 1\na b 1\nb x 1\n";

TEST(Impressions, UnderADeadlineOnlyThoseReachedBeforeItSpeak) {
  const Graph g = weighted(kChain);
  const NodeId c = id(g, "c");
  // Deadline T: the people reached at steps 0 .. T - 1 speak (at steps 1 .. T).
  expect_exactly(run(g, "ic", {c}).impressions, 3);
  for (std::uint32_t deadline : {0u, 1u, 2u, 3u, 4u}) {
    SCOPED_TRACE(deadline);
    DiffusionModel model = DiffusionModel::parse("ic");
    model.deadline = deadline;
    SimulationOptions options;
    options.runs = 100;
    const SimulationResult r = simulate(g, model, std::vector<NodeId>{c}, options);
    expect_exactly(r.impressions, std::min<double>(deadline, 3));
  }
}

TEST(Impressions, AMessageThatFadesIsStillAnImpression) {
  const Graph g = weighted(kChain);
  DiffusionModel model = DiffusionModel::parse("ic");
  model.fade = 0.5;  // a -> b fires with chance 0.5 at step 2, b -> x with 0.25 at step 3
  SimulationOptions options;
  options.runs = 4000;
  const SimulationResult r = simulate(g, model, std::vector<NodeId>{id(g, "c")}, options);
  // c and a always speak (2); b speaks when reached, in half the runs: 2.5 on average.
  EXPECT_NEAR(r.impressions.mean, 2.5, 4 * r.impressions.standard_error);
  EXPECT_GT(r.impressions.standard_error, 0);
}

TEST(Impressions, PathWithHalfChancesByHand) {
  //   a --0.5--> b --0.5--> c: a always tells b (1); b, reached with chance 1/2, tells c (1).
  const Graph g = weighted("a b 0.5\nb c 0.5\n");
  const SimulationResult r = run(g, "ic", {id(g, "a")}, 20000);
  EXPECT_NEAR(r.impressions.mean, 1.5, 4 * r.impressions.standard_error);
  // Per run 1 or 2 with chance 1/2 each: standard deviation 1/2.
  EXPECT_NEAR(r.impressions.standard_error, 0.5 / std::sqrt(20000.0), 1e-4);
}

TEST(Impressions, PeopleAlreadyReachedHearButDoNotSpeak) {
  const Graph g = weighted(kStar);
  // a is spent: c still tells a, b and d (3); a tells nobody.
  const SimulationResult r = run(g, "ic", {id(g, "c")}, 100, {id(g, "a")});
  expect_exactly(r.impressions, 3);
}

TEST(Impressions, SameOnOneAndTwoThreads) {
  Graph g = testing::random_graph(2000, 16000, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> seeds{1, 10, 100};
  for (const char* model : {"ic", "lt", "icn:q=0.6,neg=1.5", "threshold:1,prob"}) {
    SimulationOptions options;
    options.runs = 3000;
    options.seed = 11;
    set_num_threads(1);
    const SimulationResult one = simulate(g, DiffusionModel::parse(model), seeds, options);
    set_num_threads(2);
    const SimulationResult two = simulate(g, DiffusionModel::parse(model), seeds, options);
    EXPECT_GT(one.impressions.mean, 0) << model;
    EXPECT_EQ(one.impressions.mean, two.impressions.mean) << model;
    EXPECT_EQ(one.impressions.standard_error, two.impressions.standard_error) << model;
    EXPECT_EQ(one.negative_impressions.mean, two.negative_impressions.mean) << model;
  }
  set_num_threads(0);
}

TEST(CampaignValue, TwoSamplesByHand) {
  // impressions 2 and 6 (mean 4, sd sqrt 8, se 2); positive 2, 4 (se 1); negative 0, 2 (se 1);
  // adoptions 1, 3 (mean 2, se 1).
  const std::vector<ValueSample> samples = {{2, 0, 1}, {4, 2, 3}};
  const ValueCounts counts = value_counts(samples);
  EXPECT_EQ(counts.samples, 2u);
  EXPECT_DOUBLE_EQ(counts.impressions.mean, 4);
  EXPECT_DOUBLE_EQ(counts.impressions.standard_error, 2);
  EXPECT_DOUBLE_EQ(counts.impressions.low, 4 - 3.92);
  EXPECT_DOUBLE_EQ(counts.positive_impressions.mean, 3);
  EXPECT_DOUBLE_EQ(counts.negative_impressions.mean, 1);
  EXPECT_DOUBLE_EQ(counts.negative_impressions.low, 0);  // 1 - 1.96 clipped: a count
  EXPECT_DOUBLE_EQ(counts.adoptions.standard_error, 1);

  ValueTerms terms;
  terms.cpm = 8;
  terms.value_per_adoption = 10;
  terms.fees = 5;
  const CampaignValue value = campaign_value(counts, terms);
  ASSERT_TRUE(value.cost_equivalence && value.adoption_value && value.return_on_fees);
  EXPECT_DOUBLE_EQ(value.cost_equivalence->mean, 4 * 8 / 1000.0);
  EXPECT_DOUBLE_EQ(value.cost_equivalence->standard_error, 2 * 8 / 1000.0);
  EXPECT_DOUBLE_EQ(value.cost_equivalence->high, (4 + 3.92) * 8 / 1000.0);
  EXPECT_DOUBLE_EQ(value.positive_cost_equivalence->mean, 3 * 8 / 1000.0);
  EXPECT_DOUBLE_EQ(value.negative_cost_equivalence->mean, 1 * 8 / 1000.0);
  EXPECT_DOUBLE_EQ(value.adoption_value->mean, 20);
  EXPECT_DOUBLE_EQ(value.adoption_value->standard_error, 10);
  // (2 x 10 - 5) / 5 = 3; the low end from adoptions 2 - 1.96 = 0.04: (0.4 - 5) / 5.
  EXPECT_DOUBLE_EQ(value.return_on_fees->mean, 3);
  EXPECT_DOUBLE_EQ(value.return_on_fees->standard_error, 2);
  EXPECT_NEAR(value.return_on_fees->low, (0.4 - 5) / 5, 1e-12);
  EXPECT_NEAR(value.return_on_fees->high, (39.6 - 5) / 5, 1e-12);

  terms.fees = 0;  // no fee: the return is undefined, the adoptions' value stands alone
  const CampaignValue free = campaign_value(counts, terms);
  EXPECT_FALSE(free.return_on_fees);
  EXPECT_TRUE(free.adoption_value);
  terms = {};
  const CampaignValue unpriced = campaign_value(counts, terms);
  EXPECT_FALSE(unpriced.cost_equivalence || unpriced.adoption_value || unpriced.return_on_fees);
}

// Fees that vary by sample: the return is value x mean(adoptions) / mean(fees) - 1 (ratio of
// means) with the delta-method interval.
//   adoptions 4, 0, 8 and fees 1, 1, 2: r = 12 / 4 = 3; residuals 4 - 3 = 1, 0 - 3 = -3,
//   8 - 6 = 2: se(r) = sqrt((1 + 9 + 4) / (3 x 2)) / (4 / 3) = sqrt(14 / 6) x 3 / 4.
TEST(CampaignValue, PerSampleFeesGiveTheRatioOfMeans) {
  std::vector<ValueSample> samples = {{0, 0, 4, 1}, {0, 0, 0, 1}, {0, 0, 8, 2}};
  const ValueCounts counts = value_counts(samples);
  ASSERT_TRUE(counts.adoptions_per_fee);
  EXPECT_DOUBLE_EQ(counts.fees.mean, 4.0 / 3);
  EXPECT_DOUBLE_EQ(counts.adoptions_per_fee->mean, 3);
  const double se = std::sqrt(14.0 / 6) * 3 / 4;
  EXPECT_NEAR(counts.adoptions_per_fee->standard_error, se, 1e-12);
  ValueTerms terms;
  terms.value_per_adoption = 2;
  const CampaignValue value = campaign_value(counts, terms, /*per_sample_fees=*/true);
  ASSERT_TRUE(value.return_on_fees && value.fees_paid);
  EXPECT_DOUBLE_EQ(value.return_on_fees->mean, 2 * 3 - 1);
  EXPECT_NEAR(value.return_on_fees->standard_error, 2 * se, 1e-12);
  EXPECT_DOUBLE_EQ(value.fees_paid->mean, 4.0 / 3);
  // Fixed fees and per-sample fees are the same thing when every sample pays the same.
  for (ValueSample& sample : samples) sample.fees = 5;
  const CampaignValue same = campaign_value(value_counts(samples), terms, true);
  terms.fees = 5;
  const CampaignValue fixed = campaign_value(value_counts(samples), terms);
  EXPECT_NEAR(same.return_on_fees->mean, fixed.return_on_fees->mean, 1e-12);
  EXPECT_NEAR(same.return_on_fees->standard_error, fixed.return_on_fees->standard_error, 1e-12);
  EXPECT_NEAR(same.return_on_fees->high, fixed.return_on_fees->high, 1e-12);
  // No sample paid anything: undefined, never 0.
  for (ValueSample& sample : samples) sample.fees = 0;
  terms.fees.reset();
  const CampaignValue free = campaign_value(value_counts(samples), terms, true);
  EXPECT_FALSE(free.return_on_fees);
  EXPECT_TRUE(free.adoption_value);
  terms.fees = 5;  // one or the other
  EXPECT_THROW(campaign_value(value_counts(samples), terms, true), UsageError);
}

TEST(CampaignValue, BadTermsNameTheirField) {
  const ValueCounts counts = value_counts(std::vector<ValueSample>{{1, 0, 1}});
  auto field_of = [&](ValueTerms terms) {
    try {
      campaign_value(counts, terms);
    } catch (const UsageError& e) {
      return e.field();
    }
    return std::string("none");
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(field_of({-1.0, {}, {}}), "cpm");
  EXPECT_EQ(field_of({nan, {}, {}}), "cpm");
  EXPECT_EQ(field_of({{}, std::numeric_limits<double>::infinity(), {}}), "value_per_adoption");
  EXPECT_EQ(field_of({{}, 1.0, -2.0}), "fees");
  EXPECT_EQ(field_of({0.0, 0.0, 0.0}), "none");
  EXPECT_THROW(value_counts(std::vector<ValueSample>{}), UsageError);
}

TEST(SimulateApi, ValueFromTheStarWithFees) {
  const Graph g = weighted(kStar);
  SimulationRequest request;
  request.seeds = {id(g, "c")};
  request.runs = 500;
  request.cpm = 2000;  // 2 per impression
  request.value_per_adoption = 5;
  std::vector<double> fees(g.num_nodes(), 1);
  fees[id(g, "c")] = 3;
  request.fees = fees;
  const SimulationReport report = simulate(g, request);
  ASSERT_TRUE(report.value);
  expect_exactly(report.value->impressions, 4);
  expect_exactly(*report.value->cost_equivalence, 8);
  expect_exactly(report.value->adoptions, 3);
  expect_exactly(*report.value->adoption_value, 15);
  expect_exactly(*report.value->return_on_fees, (15.0 - 3) / 3);

  request.fees.clear();
  request.default_fee = 6;  // each seed: (15 - 6) / 6
  expect_exactly(*simulate(g, request).value->return_on_fees, 1.5);
  request.default_fee.reset();  // no fees: no return
  EXPECT_FALSE(simulate(g, request).value->return_on_fees);
  request.cpm.reset();
  request.value_per_adoption.reset();
  EXPECT_FALSE(simulate(g, request).value);

  auto field_of = [&](SimulationRequest bad) {
    try {
      simulate(g, bad);
    } catch (const UsageError& e) {
      return e.field();
    }
    return std::string("none");
  };
  SimulationRequest bad = request;
  bad.cpm = -1;
  EXPECT_EQ(field_of(bad), "cpm");
  bad = request;
  bad.value_per_adoption = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(field_of(bad), "value_per_adoption");
  bad = request;
  bad.default_fee = 2;  // fees without a price
  EXPECT_EQ(field_of(bad), "default_fee");
  bad.cpm = 1;
  bad.fees = {1, 2};  // not one per node
  EXPECT_EQ(field_of(bad), "fees");
}

}  // namespace
}  // namespace cascade

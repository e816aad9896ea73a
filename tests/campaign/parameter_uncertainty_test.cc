#include "cascade/campaign/parameter_uncertainty.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cascade/api/requests.h"
#include "cascade/campaign/learn_probabilities.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph load_text(const std::string& name, const std::string& text,
                const std::string& prob = "weight", bool evidence = true) {
  const std::string path = testing::scratch_path(name);
  testing::write_text(path, text);
  LoadRequest request;
  request.path = path;
  request.prob = prob;
  request.arc_evidence = evidence;
  return load(request);
}

// a -> b alone, learned from `trials` trials with `successes` successes: from seed a the reach is
// 1 + p, so the reach under the draws is 1 + a Beta(1 + s, 1 + t - s) variate.
Graph one_arc(double trials, double successes) {
  return load_text("one_arc.csv",
                   fmt::format("source,target,probability,trials,successes\n"
                               "a,b,{},{},{}\n",
                               trials > 0 ? successes / trials : 0.5, trials, successes));
}

DataInterval draws_from_a(const Graph& g, std::uint32_t draws, std::uint64_t runs) {
  DrawOptions options;
  options.draws = draws;
  options.runs_per_draw = runs;
  const std::vector<NodeId> seeds = {*g.labels().find("a")};
  return spread_under_draws(g, DiffusionModel{}, seeds, options);
}

TEST(SpreadUnderDraws, ManyTrialsGiveANarrowIntervalAndFewAWideOne) {
  const DataInterval many = draws_from_a(one_arc(10'000, 3'000), 100, 1'000);
  const DataInterval few = draws_from_a(one_arc(10, 3), 100, 1'000);
  // Beta(3001, 7001) has a standard deviation near 0.0046 (95% width about 0.018); Beta(4, 8)
  // near 0.13 (width about 0.5).
  EXPECT_LT(many.high - many.low, 0.06);
  EXPECT_GT(few.high - few.low, 0.35);
  EXPECT_NEAR(many.mean, 1.3, 0.02);
  EXPECT_NEAR(few.mean, 1 + 4.0 / 12, 0.05);
  EXPECT_EQ(few.arcs_drawn, 1u);
  EXPECT_EQ(few.arcs_fixed, 0u);
}

// Worked by hand: 5 successes in 5 trials under the uniform prior give Beta(6, 1), whose
// quantile q is q^(1/6): 0.025^(1/6) = 0.5407 and 0.975^(1/6) = 0.99579; its mean is 6/7 and its
// standard deviation 0.124. Over 1,000 draws the mean moves by about 0.004 and the 2.5% quantile
// by about 0.018 (the density is thin there: 0.275), the 97.5% quantile by 0.001; the Monte Carlo
// error of each draw's mean is at most sqrt(0.25 / 2,000) = 0.011, and mostly shared between
// draws, which run on the same random numbers. Tolerances: about 3 standard deviations.
TEST(SpreadUnderDraws, MatchesTheBetaQuantilesOfASingleArc) {
  const DataInterval data = draws_from_a(one_arc(5, 5), 1'000, 2'000);
  EXPECT_NEAR(data.low, 1.5407, 0.06);
  EXPECT_NEAR(data.high, 1.99579, 0.01);
  EXPECT_NEAR(data.mean, 1 + 6.0 / 7, 0.02);
  EXPECT_NEAR(data.between_draws, 0.124, 0.015);
  EXPECT_NEAR(1 + beta_quantile(0.025, 6, 1), 1.5407, 1e-4);  // the hand value
  EXPECT_EQ(data.reach.size(), 1'000u);
  EXPECT_LT(data.monte_carlo_error, 0.0112);
}

TEST(SpreadUnderDraws, UntriedArcsStayAtTheirValueAndAreCounted) {
  // Nothing tried: every draw is the point estimate, on the same random numbers.
  const DataInterval data = draws_from_a(one_arc(0, 0), 10, 1'000);
  EXPECT_EQ(data.arcs_drawn, 0u);
  EXPECT_EQ(data.arcs_fixed, 1u);
  EXPECT_EQ(data.low, data.high);
  EXPECT_EQ(data.between_draws, 0);
  ASSERT_FALSE(data.notes.empty());
  EXPECT_NE(data.notes[0].find("no arc was ever tried"), std::string::npos);
}

TEST(SpreadUnderDraws, SameOnOneAndTwoThreads) {
  std::string text = "source,target,probability,trials,successes\n";
  for (int i = 0; i < 300; ++i) {
    text += fmt::format("{},{},0.2,{},{}\n", i, (i * 7 + 3) % 300, i % 9, (i % 9) / 4);
    text += fmt::format("{},{},0.1,{},{}\n", i, (i * 13 + 5) % 300, i % 5, (i % 5) / 2);
  }
  const Graph g = load_text("net.csv", text);
  DrawOptions options;
  options.draws = 5;
  options.runs_per_draw = 500;
  options.seed = 11;
  const std::vector<NodeId> seeds = {0, 1, 2};
  const int threads = num_threads();
  set_num_threads(1);
  const DataInterval one = spread_under_draws(g, DiffusionModel{}, seeds, options);
  set_num_threads(2);
  const DataInterval two = spread_under_draws(g, DiffusionModel{}, seeds, options);
  set_num_threads(threads);
  EXPECT_EQ(one.reach, two.reach);
  EXPECT_EQ(one.low, two.low);
  EXPECT_EQ(one.high, two.high);
  EXPECT_GT(one.high, one.low);
}

void expect_usage_error(const Graph& g, const DiffusionModel& model, const DrawOptions& options,
                        const std::string& field, const std::string& part) {
  try {
    check_draws(g, model, options);
    ADD_FAILURE() << "no error for " << field;
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(SpreadUnderDraws, RefusesWhatCannotWorkBeforeAnyRun) {
  const Graph g = one_arc(4, 1);
  const DiffusionModel ic;
  DrawOptions options;
  options.draws = 1;
  expect_usage_error(g, ic, options, "draws", "found 1; expected 2 to 100,000");
  options.draws = kMaxDraws + 1;
  expect_usage_error(g, ic, options, "draws", "found 100001");
  options.draws = 10;
  expect_usage_error(g, DiffusionModel::parse("lt"), options, "model", "found lt");
  expect_usage_error(g, DiffusionModel::parse("threshold:2"), options, "model",
                     "uses no probabilities");
  const std::string file = "source,target,probability,trials,successes\na,b,0.25,4,1\n";
  expect_usage_error(load_text("wc.csv", file, "wc"), ic, options, "prob", "found wc");
  expect_usage_error(load_text("no.csv", file, "weight", false), ic, options, "draws",
                     "found no trials and successes per arc");
  expect_usage_error(load_text("low.csv", "source,target,p,low,high\na,b,0.2,0.1,0.3\n"), ic,
                     options, "draws", "found no trials and successes per arc");
  options.prior_b = 0;
  expect_usage_error(g, ic, options, "prior", "found 1,0");
  options.prior_b = 1;
  EXPECT_NO_THROW(check_draws(g, ic, options));
  EXPECT_NO_THROW(check_draws(g, DiffusionModel::parse("icn:q=0.5,neg=2"), options));
}

TEST(SpreadUnderDraws, ThroughTheApi) {
  const Graph g = one_arc(10, 3);
  SimulationRequest request;
  request.seeds = {*g.labels().find("a")};
  request.runs = 2'000;
  EXPECT_FALSE(simulate(g, request).from_data);
  request.prior = {2, 2};
  try {
    simulate(g, request);
    ADD_FAILURE() << "prior without draws";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "prior");
  }
  request.draws = 50;
  const SimulationReport report = simulate(g, request);
  ASSERT_TRUE(report.from_data);
  EXPECT_EQ(report.from_data->draws, 50u);
  EXPECT_EQ(report.from_data->runs_per_draw, 2'000u);
  EXPECT_EQ(report.from_data->prior_a, 2);
  // Beta(5, 9): the data's interval is far wider than the simulation's.
  EXPECT_GT(report.from_data->high - report.from_data->low,
            3 * (report.result.reach.high - report.result.reach.low));

  for (const std::string& note : report.from_data->notes) {
    EXPECT_EQ(note.find("lies outside"), std::string::npos) << note;
  }

  // One success in one trial: successes / trials = 1 reaches b every time, while the posterior
  // Beta(2, 1) stays below 1: the point estimate 2 lies outside the interval from the data.
  const Graph once = one_arc(1, 1);
  request.prior = {1, 1};
  const SimulationReport overfit = simulate(once, request);
  EXPECT_EQ(overfit.result.reach.mean, 2);
  ASSERT_TRUE(overfit.from_data);
  EXPECT_LT(overfit.from_data->high, 2);
  bool noted = false;
  for (const std::string& note : overfit.from_data->notes) {
    noted = noted || note.find("the point estimate (2.0) lies outside") != std::string::npos;
  }
  EXPECT_TRUE(noted);

  SeedRequest seeds;
  seeds.k = 1;
  seeds.draws = 20;
  seeds.validation = 1'000;
  const SeedResult chosen = select_seeds(g, seeds);
  ASSERT_TRUE(chosen.from_data);
  EXPECT_EQ(chosen.from_data->runs_per_draw, kRunsPerDraw);
  EXPECT_EQ(chosen.from_data->reach.size(), 20u);
  seeds.model.model = "lt";
  try {
    select_seeds(g, seeds);
    ADD_FAILURE() << "lt with draws";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "model");
  }
}

}  // namespace
}  // namespace cascade

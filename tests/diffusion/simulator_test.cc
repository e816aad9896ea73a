#include "cascade/diffusion/simulator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "exact_spread.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using Seeds = std::vector<NodeId>;

Graph weighted_graph(const std::string& text, const char* scheme = "weight") {
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse(scheme), 1);
  return g;
}

std::vector<NodeId> ids(const Graph& g, std::initializer_list<const char*> labels) {
  std::vector<NodeId> out;
  for (const char* label : labels) out.push_back(*g.labels().find(label));
  return out;
}

SimulationResult run(const Graph& g, const char* model, const std::vector<NodeId>& seeds,
                     std::uint64_t runs = 40000, std::uint64_t seed = 7) {
  SimulationOptions options;
  options.runs = runs;
  options.seed = seed;
  return simulate(g, DiffusionModel::parse(model), seeds, options);
}

void expect_within_4_standard_errors(const Estimate& estimate, double exact) {
  if (estimate.standard_error == 0) {  // every run alike: then it must be the exact value
    EXPECT_NEAR(estimate.mean, exact, 1e-6 * exact);  // float probabilities
    return;
  }
  EXPECT_NEAR(estimate.mean, exact, 4 * estimate.standard_error)
      << "exact " << exact << ", standard error " << estimate.standard_error;
}

//   a --0.5--> b --0.4--> d
//   a --0.3--> c --0.6--> d --0.7--> e        c --0.2--> b
const char* kDiamond = "a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\n";
//   a <-> b (0.5 each way), b --0.9--> c, c --0.1--> a, d --0.8--> c
const char* kCycle = "a b 0.5\nb a 0.5\nb c 0.9\nc a 0.1\nd c 0.8\n";
//   s1 --0.4--> x <--0.3-- s2,  x --0.5--> y,  s2 --0.2--> y
const char* kTwoSources = "s1 x 0.4\ns2 x 0.3\nx y 0.5\ns2 y 0.2\n";

TEST(IndependentCascade, MatchesLiveEdgeEnumeration) {
  for (const char* text : {kDiamond, kCycle, kTwoSources}) {
    const Graph g = weighted_graph(text);
    for (const auto& seeds : {std::vector<NodeId>{0}, std::vector<NodeId>{0, 2}}) {
      SCOPED_TRACE(text);
      expect_within_4_standard_errors(run(g, "ic", seeds).reach,
                                      testing::exact_independent_cascade(g, seeds).reach);
    }
  }
}

TEST(IndependentCascade, DeadlineMatchesEnumerationWithinThatManySteps) {
  const Graph g = weighted_graph(kDiamond);
  const auto seeds = ids(g, {"a"});
  for (const std::uint32_t deadline : {1u, 2u}) {
    DiffusionModel model = DiffusionModel::parse("ic");
    model.deadline = deadline;
    SimulationOptions options;
    options.runs = 40000;
    expect_within_4_standard_errors(simulate(g, model, seeds, options).reach,
                                    testing::exact_independent_cascade(g, seeds, deadline).reach);
  }
}

TEST(LinearThreshold, MatchesLiveEdgeEnumeration) {
  // Normalized weights: the in-weights of every node sum to 1, the hardest case for LT.
  for (const char* text : {kDiamond, kCycle, kTwoSources}) {
    const Graph g = weighted_graph(text, "weight-normalized");
    SCOPED_TRACE(text);
    const std::vector<NodeId> seeds{0};
    expect_within_4_standard_errors(run(g, "lt", seeds).reach,
                                    testing::exact_linear_threshold(g, seeds).reach);
  }
  const Graph partial = weighted_graph(kTwoSources);  // in-weights sum below 1
  const auto seeds = ids(partial, {"s1", "s2"});
  expect_within_4_standard_errors(run(partial, "lt", seeds).reach,
                                  testing::exact_linear_threshold(partial, seeds).reach);
  DiffusionModel model = DiffusionModel::parse("lt");
  model.deadline = 1;
  SimulationOptions options;
  options.runs = 40000;
  expect_within_4_standard_errors(simulate(partial, model, seeds, options).reach,
                                  testing::exact_linear_threshold(partial, seeds, 1).reach);
}

TEST(PositiveNegative, MatchesEnumerationOfArcsAndSatisfaction) {
  for (const char* text : {kDiamond, kTwoSources}) {
    const Graph g = weighted_graph(text);
    SCOPED_TRACE(text);
    const std::vector<NodeId> seeds{0, 1};
    const SimulationResult result = run(g, "icn:q=0.7,neg=1.8", seeds);
    const testing::ExactSpread exact = testing::exact_positive_negative(g, seeds, 0.7, 1.8);
    expect_within_4_standard_errors(result.reach, exact.reach);
    expect_within_4_standard_errors(result.negative, exact.negative);
    expect_within_4_standard_errors(result.positive, exact.reach - exact.negative);
  }
}

TEST(PositiveNegative, PerfectQualityIsIndependentCascade) {
  const Graph g = weighted_graph(kDiamond);
  const SimulationResult icn = run(g, "icn:q=1,neg=3", {0}, 5000);
  const SimulationResult ic = run(g, "ic", {0}, 5000);
  EXPECT_EQ(icn.reach.mean, ic.reach.mean);  // same coins, no negative word ever starts
  EXPECT_EQ(icn.negative.mean, 0.0);
}

//   g1 -> t <- g2      t needs two contacts; h is a hub that reaches x alone
//   g1 <-> g2          h -> x,  x -> t
//   t -> u             u hears only from t
const char* kGroup = "g1 t\ng2 t\ng1 g2\ng2 g1\nh x\nx t\nt u\n";

TEST(ComplexContagion, HandWorkedThresholds) {
  Graph g = testing::graph_from_text(kGroup);
  // threshold:2 from the group {g1, g2}: t hears twice at step 1 and adopts; u hears once: no.
  SimulationResult group = run(g, "threshold:2", ids(g, {"g1", "g2"}), 100);
  EXPECT_EQ(group.reach.mean, 3.0);
  EXPECT_EQ(group.reach.standard_error, 0.0);
  ASSERT_EQ(group.new_per_step.size(), 2u);
  EXPECT_EQ(group.new_per_step[1].mean, 1.0);
  // From the hub h: x hears once and never adopts under threshold:2 ...
  EXPECT_EQ(run(g, "threshold:2", ids(g, {"h"}), 100).reach.mean, 1.0);
  // ... but under threshold:1 the word travels h -> x -> t -> u.
  SimulationResult simple = run(g, "threshold:1", ids(g, {"h"}), 100);
  EXPECT_EQ(simple.reach.mean, 4.0);
  EXPECT_EQ(simple.new_per_step.size(), 4u);
  // threshold:0.5 of in-contacts: t has 3 (g1, g2, x) and needs 2; g2 and u have 1 and need 1.
  // From {g1, x}: g2 and t at step 1, u at step 2.
  EXPECT_EQ(run(g, "threshold:0.5", ids(g, {"g1", "x"}), 100).reach.mean, 5.0);
  // From {g1}: g2 at step 1, t (hearing g1 and g2) at step 2, u at step 3.
  const SimulationResult fraction = run(g, "threshold:0.5", ids(g, {"g1"}), 100);
  EXPECT_EQ(fraction.reach.mean, 4.0);
  EXPECT_EQ(fraction.new_per_step.size(), 4u);
  // With probabilistic exposures (const:0.5): t needs both g1 and g2 to get through (1/4);
  // u, with one contact, never reaches two exposures.
  assign_probabilities(g, ProbabilitySpec::parse("const:0.5"), 1);
  expect_within_4_standard_errors(run(g, "threshold:2,prob", ids(g, {"g1", "g2"})).reach, 2.25);
}

TEST(Fading, NeverReachesMoreThanTheSameRunWithout) {
  Graph g = testing::random_graph(300, 2400, 5, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> seeds{0, 1, 2, 3, 4};
  RunWorkspace workspace(g.num_nodes());
  for (const char* name : {"ic", "lt", "threshold:1,prob", "threshold:2"}) {
    const DiffusionModel plain = DiffusionModel::parse(name);
    DiffusionModel faded = plain, short_lived = plain;
    faded.fade = 0.3;
    short_lived.deadline = 2;
    std::uint64_t strictly_less = 0;
    for (std::uint64_t r = 0; r < 300; ++r) {
      const std::uint32_t full = run_once(g, plain, seeds, 9, r, workspace).reached;
      const std::uint32_t fading = run_once(g, faded, seeds, 9, r, workspace).reached;
      const std::uint32_t cut = run_once(g, short_lived, seeds, 9, r, workspace).reached;
      ASSERT_LE(fading, full) << name << " run " << r;
      ASSERT_LE(cut, full) << name << " run " << r;
      strictly_less += fading < full;
    }
    if (std::string(name) != "threshold:2") {
      EXPECT_GT(strictly_less, 0u) << name;
    }
  }
}

TEST(Simulator, SameSeedSameResultOnOneAndTwoThreads) {
  Graph g = testing::random_graph(2000, 16000, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> seeds{1, 10, 100};
  for (const char* model : {"ic", "lt", "icn:q=0.6,neg=1.5", "threshold:1,prob"}) {
    SimulationOptions options;
    options.runs = 3000;
    options.seed = 11;
    options.node_probabilities = true;
    set_num_threads(1);
    const SimulationResult one = simulate(g, DiffusionModel::parse(model), seeds, options);
    set_num_threads(2);
    const SimulationResult two = simulate(g, DiffusionModel::parse(model), seeds, options);
    EXPECT_EQ(one.reach.mean, two.reach.mean) << model;
    EXPECT_EQ(one.reach.standard_error, two.reach.standard_error) << model;
    EXPECT_EQ(one.negative.mean, two.negative.mean) << model;
    EXPECT_EQ(one.median, two.median) << model;
    ASSERT_EQ(one.new_per_step.size(), two.new_per_step.size()) << model;
    for (std::size_t s = 0; s < one.new_per_step.size(); ++s) {
      EXPECT_EQ(one.new_per_step[s].mean, two.new_per_step[s].mean);
      EXPECT_EQ(one.new_per_step[s].standard_error, two.new_per_step[s].standard_error);
    }
    ASSERT_EQ(one.reached_by_step.size(), two.reached_by_step.size()) << model;
    for (std::size_t s = 0; s < one.reached_by_step.size(); ++s) {
      EXPECT_EQ(one.reached_by_step[s].mean, two.reached_by_step[s].mean);
      EXPECT_EQ(one.reached_by_step[s].standard_error, two.reached_by_step[s].standard_error);
    }
    EXPECT_EQ(one.reach_of_run, two.reach_of_run) << model;
    EXPECT_EQ(one.node_probability, two.node_probability) << model;
    EXPECT_EQ(one.arcs_examined, two.arcs_examined) << model;
    options.seed = 12;
    EXPECT_NE(simulate(g, DiffusionModel::parse(model), seeds, options).reach.mean, one.reach.mean);
  }
  set_num_threads(0);
}

TEST(Simulator, CurveAndNodeProbabilitiesAddUpToReach) {
  Graph g = testing::random_graph(500, 3000, 8, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  SimulationOptions options;
  options.runs = 2000;
  options.node_probabilities = true;
  options.trace_first_run = true;
  const std::vector<NodeId> seeds{4, 5, 5};  // a repeated seed counts once
  const SimulationResult result = simulate(g, DiffusionModel::parse("ic"), seeds, options);
  double curve = 0, nodes = 0;
  for (const Estimate& e : result.new_per_step) curve += e.mean;
  for (const double p : result.node_probability) nodes += p;
  EXPECT_NEAR(curve, result.reach.mean, 1e-9);
  EXPECT_NEAR(nodes, result.reach.mean, 1e-9);
  EXPECT_EQ(result.new_per_step[0].mean, 2.0);
  EXPECT_LE(result.percentile5, result.median);
  EXPECT_LE(result.median, result.percentile95);
  // The trace is run 0: a tree in which every speaker was reached at an earlier step.
  RunWorkspace workspace(g.num_nodes());
  EXPECT_EQ(result.trace.size(), run_once(g, DiffusionModel::parse("ic"), seeds, 1, 0, workspace).reached);
  std::vector<std::uint32_t> step_of(g.num_nodes(), UINT32_MAX);
  for (const Activation& a : result.trace) {
    EXPECT_EQ(step_of[a.target], UINT32_MAX) << "reached twice";
    step_of[a.target] = a.step;
    if (a.step > 0) {
      EXPECT_EQ(step_of[a.source], a.step - 1);
    }
  }
}

TEST(Simulator, RelativeErrorStopsAtTheTarget) {
  Graph g = testing::random_graph(1000, 6000, 4, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  SimulationOptions options;
  options.relative_error = 0.01;
  const SimulationResult result = simulate(g, DiffusionModel::parse("ic"), Seeds{0, 1}, options);
  EXPECT_TRUE(result.converged);
  EXPECT_LE(1.96 * result.reach.standard_error, 0.01 * result.reach.mean);
  EXPECT_EQ(result.runs % 1000, 0u);
  options.max_runs = 1000;
  options.relative_error = 1e-6;
  EXPECT_FALSE(simulate(g, DiffusionModel::parse("ic"), Seeds{0, 1}, options).converged);
}

TEST(Simulator, BadModelsAndParametersAreRefusedBeforeAnyRun) {
  for (const char* bad : {"icn:q=1.5,neg=2", "icn:q=0.5,neg=0.5", "icn:q=0.5", "threshold:0",
                          "threshold:1.5", "threshold:", "threshold:x", "sir", "icn:q=0.5,neg=2,x=1"}) {
    EXPECT_THROW(DiffusionModel::parse(bad), UsageError) << bad;
  }
  EXPECT_EQ(DiffusionModel::parse("threshold:0.25,prob").to_string(), "threshold:0.25,prob");
  EXPECT_EQ(DiffusionModel::parse("icn:q=0.8,neg=1.5").to_string(), "icn:q=0.8,neg=1.5");
  Graph g = weighted_graph("a c 0.7\nb c 0.6\n");  // 1.3 into c
  EXPECT_THROW(check_simulation(g, DiffusionModel::parse("lt"), Seeds{0}), UsageError);
  EXPECT_NO_THROW(check_simulation(g, DiffusionModel::parse("ic"), Seeds{0}));
  EXPECT_THROW(check_simulation(g, DiffusionModel::parse("ic"), Seeds{}), UsageError);
  DiffusionModel faded = DiffusionModel::parse("ic");
  faded.fade = 1.0;
  EXPECT_THROW(check_simulation(g, faded, Seeds{0}), UsageError);
  Graph bare = testing::graph_from_text("a b\n");
  EXPECT_THROW(check_simulation(bare, DiffusionModel::parse("ic"), Seeds{0}), UsageError);
  EXPECT_NO_THROW(check_simulation(bare, DiffusionModel::parse("threshold:1"), Seeds{0}));
}

}  // namespace
}  // namespace cascade

namespace cascade {
namespace {

//   a --0.05--> b --0.05--> c: c adopts at step 2 in 1 run of 400 on average. With 1,000 runs
//   the mean of new adopters at step 2 is a few thousandths and 1.96 standard errors exceed it:
//   mean - 1.96 se is negative, yet a count of adopters never is.
TEST(Simulator, IntervalsOfCountsNeverGoBelowZero) {
  const Graph g = weighted_graph("a b 0.05\nb c 0.05\n");
  const SimulationResult result = run(g, "ic", ids(g, {"a"}), 1000, 1);
  ASSERT_GE(result.new_per_step.size(), 3u);
  const Estimate& step2 = result.new_per_step[2];
  ASSERT_GT(step2.mean, 0);
  ASSERT_LT(step2.mean - 1.96 * step2.standard_error, 0);  // the case the clip is for
  EXPECT_EQ(step2.low, 0);
  EXPECT_DOUBLE_EQ(step2.high, step2.mean + 1.96 * step2.standard_error);
  for (const Estimate& e : result.new_per_step) EXPECT_GE(e.low, 0);
  for (const Estimate& e : {result.reach, result.positive, result.negative}) EXPECT_GE(e.low, 0);
}

// Wilson score interval, worked by hand for 8 of 10 with z = 1.96:
//   center = (0.8 + 3.8416 / 20) / 1.38416 = 0.716738, half = 1.96 / 1.38416 x
//   sqrt(0.016 + 3.8416 / 400) = 0.226581: [0.490157, 0.943319].
//   0 of 100: [0, 3.8416 / 103.8416] = [0, 0.036995], scaled by 50: [0, 1.849740].
TEST(ProportionEstimate, WilsonScoreIntervalByHand) {
  const Estimate e = proportion_estimate(8, 10);
  EXPECT_DOUBLE_EQ(e.mean, 0.8);
  EXPECT_NEAR(e.standard_error, std::sqrt(0.8 * 0.2 / 10), 1e-15);
  EXPECT_NEAR(e.low, 0.490157, 1e-6);
  EXPECT_NEAR(e.high, 0.943319, 1e-6);
  const Estimate none = proportion_estimate(0, 100, 50);
  EXPECT_EQ(none.mean, 0);
  EXPECT_EQ(none.standard_error, 0);
  EXPECT_EQ(none.low, 0);
  EXPECT_NEAR(none.high, 50 * 3.8416 / 103.8416, 1e-12);
  const Estimate all = proportion_estimate(100, 100, 50);
  EXPECT_DOUBLE_EQ(all.high, 50);
  EXPECT_NEAR(all.low, 50 * 100 / 103.8416, 1e-9);
  EXPECT_THROW(proportion_estimate(0, 0), UsageError);
  EXPECT_THROW(proportion_estimate(3, 2), UsageError);
}

}  // namespace
}  // namespace cascade

namespace cascade {
namespace {

// The cumulative curve against an independent route: the reach by step s of each run is the reach
// of the same run under a deadline of s steps (the same random draws, the spread cut at depth s),
// so mean and standard error must agree with a simulation under that deadline.
TEST(Simulator, ReachedByStepIsTheReachUnderEachDeadline) {
  Graph g = testing::random_graph(300, 1200, 5, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> seeds{0, 7};
  DiffusionModel model = DiffusionModel::parse("ic");
  SimulationOptions options;
  options.runs = 400;
  options.seed = 5;
  const SimulationResult all = simulate(g, model, seeds, options);
  ASSERT_GE(all.reached_by_step.size(), 3u);
  for (std::uint32_t s = 0; s <= all.reached_by_step.size() + 1; ++s) {
    model.deadline = s;
    const SimulationResult cut = simulate(g, model, seeds, options);
    const Estimate& by = all.reached_by_step[std::min<std::size_t>(s, all.reached_by_step.size() - 1)];
    EXPECT_DOUBLE_EQ(by.mean, cut.reach.mean) << s;
    EXPECT_NEAR(by.standard_error, cut.reach.standard_error, 1e-12) << s;
  }
  // The last entry is the final reach; each entry's mean is the sum of the new-per-step means.
  const Estimate& last = all.reached_by_step.back();
  EXPECT_DOUBLE_EQ(last.mean, all.reach.mean);
  EXPECT_NEAR(last.standard_error, all.reach.standard_error, 1e-12);
  double sum = 0;
  for (std::size_t s = 0; s < all.reached_by_step.size(); ++s) {
    sum += all.new_per_step[s].mean;
    EXPECT_NEAR(all.reached_by_step[s].mean, sum, 1e-9 * sum) << s;
    if (s > 0) {
      EXPECT_GE(all.reached_by_step[s].mean, all.reached_by_step[s - 1].mean);
    }
  }
  // Reach of every run, sorted, gives the percentiles and the mean.
  ASSERT_EQ(all.reach_of_run.size(), options.runs);
  EXPECT_TRUE(std::is_sorted(all.reach_of_run.begin(), all.reach_of_run.end()));
  double total = 0;
  for (const std::uint32_t r : all.reach_of_run) total += r;
  EXPECT_DOUBLE_EQ(total / static_cast<double>(options.runs), all.reach.mean);
  EXPECT_EQ(all.median, all.reach_of_run[options.runs / 2 - 1]);
}

}  // namespace
}  // namespace cascade

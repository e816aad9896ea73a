// The campaign objective on RR sets (reach_objective.h) against slow references: expected weighted
// reach by enumerating every live-edge world of a tiny graph (exact_spread.h), for targets, a
// deadline and people already reached, under ic and lt; the selectors against every k-subset;
// the identities (weights all 1 = untargeted, deadline 0 = the seeds); thread independence.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numbers>

#include "../diffusion/exact_spread.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/budgeted.h"
#include "cascade/seeding/imm.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/validation.h"
#include "cascade/select/max_coverage.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr double kOneMinusInvE = 1 - 1 / std::numbers::e;

Graph with_probabilities(const std::string& text, const char* scheme) {
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse(scheme), 1);
  return g;
}

DiffusionModel model_of(const char* name, std::uint32_t deadline = testing::kNoDeadline) {
  DiffusionModel model = DiffusionModel::parse(name);
  model.deadline = deadline;
  return model;
}

bool is_lt(const DiffusionModel& model) { return model.kind == ModelKind::kLinearThreshold; }

double exact(const Graph& g, const DiffusionModel& model, const std::vector<NodeId>& seeds,
             const ReachObjective& objective) {
  return testing::exact_weighted_reach(g, is_lt(model), seeds, objective.target_weights,
                                       model.deadline, objective.reached);
}

//   a --0.5--> b --0.4--> d --0.7--> e
//   a --0.3--> c --0.6--> d,  c --0.2--> b,  e --0.5--> a
// Paths of several lengths into d and e, so that deadlines 1 and 2 cut differently, and a cycle.
const char* kDiamond = "a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\ne a 0.5\n";

// For every single seed and every pair: W x the share of RR sets the seeds meet is the exact
// expected weighted reach, within 4 standard errors.
void expect_estimates_match_exact(const Graph& g, const DiffusionModel& model,
                                  const ReachObjective& objective) {
  const RRSampler sampler(g, model, objective);
  RRCollection sets;
  const std::uint64_t theta = 200000;
  sampler.generate(sets, 0, theta, 11);
  const NodeId n = g.num_nodes();
  std::vector<std::vector<NodeId>> seed_sets;
  for (NodeId u = 0; u < n; ++u) {
    if (sampler.is_reached(u)) continue;
    seed_sets.push_back({u});
    for (NodeId v = u + 1; v < n; ++v) {
      if (!sampler.is_reached(v)) seed_sets.push_back({u, v});
    }
  }
  for (const auto& seeds : seed_sets) {
    const std::uint64_t covered = coverage_of(sets, n, seeds);
    const double share = static_cast<double>(covered) / theta;
    const double truth = std::min(1.0, exact(g, model, seeds, objective) / sampler.scale());
    const double standard_error = std::sqrt(truth * (1 - truth) / theta);
    EXPECT_NEAR(share, truth, 4 * standard_error + 1e-6)
        << model.to_string() << " deadline " << model.deadline << " seeds " << g.label(seeds[0])
        << (seeds.size() > 1 ? "," + g.label(seeds[1]) : "");
  }
}

TEST(ReachObjective, TargetedSharesMatchExactWeightedReach) {
  const Graph g = with_probabilities(kDiamond, "weight");
  ReachObjective targets;
  // a: 0, b: 2.5, c: 0, d: 1, e: 4 -- roots drawn by the alias table.
  targets.target_weights = {0, 2.5, 0, 1, 4};
  expect_estimates_match_exact(g, model_of("ic"), targets);
  const Graph lt = with_probabilities(kDiamond, "weight-normalized");
  expect_estimates_match_exact(lt, model_of("lt"), targets);
  // Equal weights on a subset: roots uniform over the subset.
  targets.target_weights = {0, 1, 1, 0, 1};
  expect_estimates_match_exact(g, model_of("ic"), targets);
  // wc: geometric skips, every in-arc of a node sharing one probability.
  expect_estimates_match_exact(with_probabilities(kDiamond, "wc"), model_of("ic"), targets);
}

TEST(ReachObjective, DeadlineSharesMatchExactReachByTheStep) {
  const Graph g = with_probabilities(kDiamond, "weight");
  const Graph lt = with_probabilities(kDiamond, "weight-normalized");
  for (const std::uint32_t deadline : {0u, 1u, 2u, 3u}) {
    expect_estimates_match_exact(g, model_of("ic", deadline), {});
    expect_estimates_match_exact(lt, model_of("lt", deadline), {});
    expect_estimates_match_exact(with_probabilities(kDiamond, "wc"), model_of("ic", deadline), {});
  }
}

TEST(ReachObjective, ReachedPeopleCutTheSearchAndCountNothing) {
  const Graph g = with_probabilities(kDiamond, "weight");
  const Graph lt = with_probabilities(kDiamond, "weight-normalized");
  ReachObjective reached;
  reached.reached = {g.labels().find("c").value()};
  expect_estimates_match_exact(g, model_of("ic"), reached);
  expect_estimates_match_exact(lt, model_of("lt"), reached);
  // All three at once.
  ReachObjective all;
  all.target_weights = {3, 1, 0, 2, 0.5};
  all.reached = {g.labels().find("b").value()};
  expect_estimates_match_exact(g, model_of("ic", 2), all);
  expect_estimates_match_exact(lt, model_of("lt", 2), all);
}

// The brute-force references themselves agree with the simulator, which defines the semantics:
// step 0 is the seeds, reached by step T, reached people active from the start and relaying
// nothing, reach inside the audience weighted.
TEST(ReachObjective, SimulatorAgreesWithTheReference) {
  const Graph g = with_probabilities(kDiamond, "weight");
  const Graph lt = with_probabilities(kDiamond, "weight-normalized");
  const NodeId b = g.labels().find("b").value(), c = g.labels().find("c").value();
  const std::vector<double> weights = {3, 1, 0, 2, 0.5};
  for (const Graph* graph : {&g, &lt}) {
    const DiffusionModel model = model_of(graph == &g ? "ic" : "lt", 2);
    SimulationOptions options;
    options.runs = 100000;
    options.seed = 4;
    options.target_weights = weights;
    options.reached = {b};
    const std::vector<NodeId> seeds = {c};
    const SimulationResult result = simulate(*graph, model, seeds, options);
    const double truth =
        testing::exact_weighted_reach(*graph, is_lt(model), seeds, weights, 2, {b});
    EXPECT_NEAR(result.audience.mean, truth, 4 * result.audience.standard_error + 1e-5);
    // Counted: inside with weights, outside (weight 0) by number; the reach never counts b.
    const double count_truth =
        testing::exact_weighted_reach(*graph, is_lt(model), seeds, {}, 2, {b});
    EXPECT_NEAR(result.reach.mean, count_truth, 4 * result.reach.standard_error + 1e-5);
    std::vector<double> outside(5, 0);
    for (NodeId v = 0; v < 5; ++v) outside[v] = weights[v] > 0 ? 0 : 1;
    const double outside_truth =
        testing::exact_weighted_reach(*graph, is_lt(model), seeds, outside, 2, {b});
    EXPECT_NEAR(result.outside_audience.mean, outside_truth,
                4 * result.outside_audience.standard_error + 1e-5);
  }
}

TEST(ReachObjective, SimulatorRefusesASeedAlreadyReached) {
  const Graph g = with_probabilities(kDiamond, "weight");
  SimulationOptions options;
  options.runs = 10;
  options.reached = {0};
  const std::vector<NodeId> seeds = {0};
  EXPECT_THROW(simulate(g, model_of("ic"), seeds, options), UsageError);
}

double best_exact(const Graph& g, const DiffusionModel& model, const ReachObjective& objective,
                  std::uint32_t k) {
  double best = 0;
  std::vector<char> reached(g.num_nodes(), 0);
  for (const NodeId v : objective.reached) reached[v] = 1;
  std::vector<NodeId> pick(k);
  std::function<void(std::uint32_t, NodeId)> go = [&](std::uint32_t i, NodeId from) {
    if (i == k) {
      best = std::max(best, exact(g, model, pick, objective));
      return;
    }
    for (NodeId v = from; v < g.num_nodes(); ++v) {
      if (reached[v]) continue;
      pick[i] = v;
      go(i + 1, v + 1);
    }
  };
  go(0, 0);
  return best;
}

// Every k-subset of tiny random graphs: OPIM-C and IMM reach their ratio of the exact optimum of
// the objective, never seed a reached person, and the validated spread is the exact one within
// 4 standard errors.
TEST(ReachObjective, SelectorsReachTheirRatioOfTheBruteForceOptimum) {
  int optimal = 0, total = 0;
  for (std::uint64_t seed = 0; seed < 6; ++seed) {
    for (const char* name : {"ic", "lt"}) {
      Graph g = testing::tiny_probability_graph(seed, 7);
      if (std::string(name) == "lt") {
        assign_probabilities(g, ProbabilitySpec::parse("weight-normalized"), 1);
      }
      const DiffusionModel model = model_of(
          name, seed % 3 == 0 ? testing::kNoDeadline : static_cast<std::uint32_t>(seed % 3));
      ReachObjective objective;
      objective.target_weights = {1, 0, 2, 0.5, 0, 3, 1};
      if (seed % 2 == 1) objective.reached = {static_cast<NodeId>(seed % 7)};
      for (const std::uint32_t k : {1u, 2u}) {
        const double best = best_exact(g, model, objective, k);
        OpimOptions opim;
        opim.k = k;
        opim.seed = seed;
        opim.objective = objective;
        opim.refine_min_marginal = 300;
        ImmOptions imm_options;
        imm_options.k = k;
        imm_options.seed = seed;
        imm_options.objective = objective;
        for (const SeedSelection& s : {opim_c(g, model, opim), imm(g, model, imm_options)}) {
          ASSERT_EQ(s.seeds.size(), k);
          for (const NodeId v : s.seeds) {
            for (const NodeId r : objective.reached) EXPECT_NE(v, r) << "seeded a reached person";
          }
          const double value = exact(g, model, s.seeds, objective);
          EXPECT_GE(value, (kOneMinusInvE - 0.1) * best - 1e-9) << s.algorithm;
          optimal += value >= best - 1e-9;
          ++total;
          const ValidatedSpread v = validate_spread(g, model, s.seeds, 200000, 3, 0, 0, objective);
          EXPECT_NEAR(v.spread.mean, value, 4 * v.spread.standard_error + 1e-5) << s.algorithm;
        }
      }
    }
  }
  // Greedy on a large sample finds the optimum of these tiny instances nearly always.
  EXPECT_GE(optimal, total * 9 / 10);
}

TEST(ReachObjective, EveryWeightOneGivesTheUntargetedSeeds) {
  Graph g = testing::random_graph(2000, 12000, 5, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  ReachObjective ones;
  ones.target_weights.assign(g.num_nodes(), 1.0);
  for (const char* name : {"ic", "lt"}) {
    const DiffusionModel model = model_of(name);
    OpimOptions opim;
    opim.k = 20;
    opim.refine_min_marginal = 300;
    const SeedSelection plain = opim_c(g, model, opim);
    opim.objective = ones;
    const SeedSelection targeted = opim_c(g, model, opim);
    EXPECT_EQ(plain.seeds, targeted.seeds) << name;
    EXPECT_EQ(plain.marginal_gain, targeted.marginal_gain) << name;
    EXPECT_EQ(plain.rr_sets, targeted.rr_sets) << name;
    ImmOptions imm_options;
    imm_options.k = 20;
    EXPECT_EQ(imm(g, model, imm_options).seeds, [&] {
      imm_options.objective = ones;
      return imm(g, model, imm_options).seeds;
    }()) << name;
    const ValidatedSpread a = validate_spread(g, model, plain.seeds, 50000, 7);
    const ValidatedSpread b = validate_spread(g, model, plain.seeds, 50000, 7, 0, 0, ones);
    EXPECT_EQ(a.spread.mean, b.spread.mean);
  }
  BudgetOptions budget;
  budget.fees.assign(g.num_nodes(), 1.0);
  for (NodeId v = 0; v < g.num_nodes(); v += 3) budget.fees[v] = 2.5;
  budget.budget = 30;
  const SeedSelection plain = budgeted_seeds(g, model_of("ic"), budget);
  budget.objective = ones;
  EXPECT_EQ(plain.seeds, budgeted_seeds(g, model_of("ic"), budget).seeds);
}

TEST(ReachObjective, DeadlineZeroReachesOnlyTheSeeds) {
  Graph g = testing::random_graph(500, 4000, 6, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  ReachObjective targets;
  targets.target_weights.assign(g.num_nodes(), 0.0);
  for (NodeId v = 0; v < g.num_nodes(); v += 5) targets.target_weights[v] = 1.0 + v % 7;
  for (const char* name : {"ic", "lt"}) {
    const DiffusionModel model = model_of(name, 0);
    OpimOptions opim;
    opim.k = 5;
    const SeedSelection s = opim_c(g, model, opim);
    const ValidatedSpread v = validate_spread(g, model, s.seeds, 20000, 2);
    EXPECT_EQ(v.spread.mean, 5.0) << name;
    EXPECT_EQ(v.spread.standard_error, 0.0) << name;
    opim.objective = targets;
    const SeedSelection t = opim_c(g, model, opim);
    double weight = 0;
    for (const NodeId u : t.seeds) weight += targets.target_weights[u];
    const ValidatedSpread w = validate_spread(g, model, t.seeds, 20000, 2, 0, 0, targets);
    EXPECT_DOUBLE_EQ(w.spread.mean, weight) << name;
    // Only the heaviest targets (weight 7) are worth seeding when nobody else is reached.
    for (const NodeId u : t.seeds) EXPECT_EQ(targets.target_weights[u], 7.0) << name;
  }
}

TEST(ReachObjective, SameSeedsOnOneAndTwoThreads) {
  Graph g = testing::random_graph(3000, 20000, 8, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  ReachObjective objective;
  objective.target_weights.assign(g.num_nodes(), 0.0);
  for (NodeId v = 0; v < g.num_nodes(); v += 2) objective.target_weights[v] = 0.5 + (v % 5);
  for (NodeId v = 1; v < g.num_nodes(); v += 97) objective.reached.push_back(v);
  std::vector<NodeId> seeds[2][3];
  double spreads[2];
  for (const int threads : {1, 2}) {
    set_num_threads(threads);
    const DiffusionModel model = model_of("ic", 3);
    OpimOptions opim;
    opim.k = 15;
    opim.refine_min_marginal = 300;
    opim.objective = objective;
    seeds[threads - 1][0] = opim_c(g, model, opim).seeds;
    ImmOptions imm_options;
    imm_options.k = 15;
    imm_options.objective = objective;
    seeds[threads - 1][1] = imm(g, model_of("lt", 2), imm_options).seeds;
    BudgetOptions budget;
    budget.fees.assign(g.num_nodes(), 1.0);
    budget.budget = 12;
    budget.objective = objective;
    seeds[threads - 1][2] = budgeted_seeds(g, model, budget).seeds;
    spreads[threads - 1] =
        validate_spread(g, model, seeds[threads - 1][0], 30000, 5, 0, 0, objective).spread.mean;
  }
  set_num_threads(0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(seeds[0][i], seeds[1][i]) << i;
  EXPECT_EQ(spreads[0], spreads[1]);
}

TEST(ReachObjective, ChecksItsInputs) {
  const Graph g = with_probabilities(kDiamond, "weight");
  const DiffusionModel ic = model_of("ic");
  ReachObjective bad;
  bad.target_weights = {1, 2};
  EXPECT_THROW(RRSampler(g, ic, bad), UsageError);
  bad.target_weights = {1, -1, 0, 0, 0};
  EXPECT_THROW(RRSampler(g, ic, bad), UsageError);
  bad.target_weights = {1, std::nan(""), 0, 0, 0};
  EXPECT_THROW(RRSampler(g, ic, bad), UsageError);
  bad.target_weights = {0, 0, 0, 0, 0};
  EXPECT_THROW(RRSampler(g, ic, bad), UsageError);
  // Every target already reached.
  bad.target_weights = {1, 0, 0, 0, 0};
  bad.reached = {0};
  try {
    RRSampler(g, ic, bad);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "targets");
  }
  ReachObjective reached;
  reached.reached = {1, 1};
  EXPECT_THROW(RRSampler(g, ic, reached), UsageError);
  reached.reached = {0, 1, 2, 3, 4};
  EXPECT_THROW(RRSampler(g, ic, reached), UsageError);
  // k above the people left to seed.
  reached.reached = {0, 1, 2};
  OpimOptions opim;
  opim.k = 3;
  opim.objective = reached;
  EXPECT_THROW(opim_c(g, ic, opim), UsageError);
  // Fading stays refused: RR sets cannot model it.
  DiffusionModel faded = ic;
  faded.fade = 0.2;
  EXPECT_THROW(RRSampler(g, faded), UsageError);
}

}  // namespace
}  // namespace cascade

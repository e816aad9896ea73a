#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <numeric>
#include <set>
#include <functional>

#include <fmt/format.h>

#include "../diffusion/exact_spread.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/imm.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/validation.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr double kOneMinusInvE = 1 - 1 / std::numbers::e;

Graph tiny_graph(std::uint64_t seed, NodeId n) { return testing::tiny_probability_graph(seed, n); }

double exact_spread(const Graph& g, const char* model, const std::vector<NodeId>& seeds) {
  return std::string(model) == "lt" ? testing::exact_linear_threshold(g, seeds).reach
                                    : testing::exact_independent_cascade(g, seeds).reach;
}

double optimum(const Graph& g, const char* model, std::uint32_t k) {
  double best = 0;
  const NodeId n = g.num_nodes();
  std::vector<NodeId> pick(k);
  std::function<void(std::uint32_t, NodeId)> go = [&](std::uint32_t i, NodeId from) {
    if (i == k) {
      best = std::max(best, exact_spread(g, model, pick));
      return;
    }
    for (NodeId v = from; v < n; ++v) {
      pick[i] = v;
      go(i + 1, v + 1);
    }
  };
  go(0, 0);
  return best;
}

TEST(Seeding, GuaranteedAlgorithmsReachTheirRatioOfTheBruteForceOptimum) {
  int optimal = 0, total = 0;
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    for (const char* model_name : {"ic", "lt"}) {
      Graph g = tiny_graph(seed, 7);
      if (std::string(model_name) == "lt") {
        assign_probabilities(g, ProbabilitySpec::parse("weight-normalized"), 1);
      }
      const DiffusionModel model = DiffusionModel::parse(model_name);
      for (const std::uint32_t k : {1u, 2u}) {
        const double best = optimum(g, model_name, k);
        OpimOptions opim;
        opim.k = k;
        opim.seed = seed;
        ImmOptions imm_options;
        imm_options.k = k;
        imm_options.seed = seed;
        for (const SeedSelection& s : {opim_c(g, model, opim), imm(g, model, imm_options)}) {
          const double spread = exact_spread(g, model_name, s.seeds);
          EXPECT_GE(spread, (kOneMinusInvE - 0.1) * best) << s.algorithm << " " << model_name;
          EXPECT_GE(s.guarantee, kOneMinusInvE - 0.1 - 1e-9);
          optimal += spread >= best - 1e-9;
          ++total;
        }
      }
    }
  }
  EXPECT_GE(optimal, total * 3 / 4) << optimal << " of " << total << " runs found the optimum";
}

TEST(Seeding, SameSeedsOnOneAndTwoThreads) {
  Graph g = testing::random_graph(3000, 24000, 6, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const DiffusionModel model = DiffusionModel::parse("ic");
  OpimOptions opim;
  opim.k = 20;
  opim.refine_min_marginal = 200;
  ImmOptions imm_options;
  imm_options.k = 20;
  imm_options.epsilon = 0.3;
  CelfOptions celf;
  celf.k = 3;
  celf.runs = 50;
  celf.candidates = highest_degree(g, 40);
  std::vector<std::vector<NodeId>> results[2];
  for (const int threads : {1, 2}) {
    set_num_threads(threads);
    auto& r = results[threads - 1];
    r.push_back(opim_c(g, model, opim).seeds);
    r.push_back(imm(g, model, imm_options).seeds);
    r.push_back(celf_plus_plus(g, model, celf).seeds);
  }
  set_num_threads(0);
  EXPECT_EQ(results[0], results[1]);
}

TEST(Seeding, RefinementKeepsTheGuaranteeAndDoesNotLoseSpread) {
  Graph g = testing::random_graph(2000, 16000, 12, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const DiffusionModel model = DiffusionModel::parse("ic");
  OpimOptions plain;
  plain.k = 10;
  OpimOptions refined = plain;
  refined.refine_min_marginal = 400;
  const SeedSelection a = opim_c(g, model, plain), b = opim_c(g, model, refined);
  EXPECT_GT(b.rr_sets, a.rr_sets);
  EXPECT_GE(b.guarantee, kOneMinusInvE - 0.1);
  const auto va = validate_spread(g, model, a.seeds, 400000, 77);
  const auto vb = validate_spread(g, model, b.seeds, 400000, 77);
  EXPECT_GE(vb.spread.mean, va.spread.mean - 3 * vb.spread.standard_error);
}

TEST(Seeding, TimeLimitReturnsSeedsWithTheRatioReached) {
  Graph g = testing::random_graph(2000, 16000, 12, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  OpimOptions options;
  options.k = 10;
  options.epsilon = 0.01;  // far more samples than a millisecond allows
  options.time_limit = 1e-3;
  const SeedSelection s = opim_c(g, DiffusionModel::parse("ic"), options);
  EXPECT_EQ(s.seeds.size(), 10u);
  EXPECT_LT(s.guarantee, kOneMinusInvE - 0.01);
  EXPECT_NE(s.notes.back().find("time limit"), std::string::npos);
}

// Ctrl-C in the command line: a stop requested before the first round ends the selection after
// that round, with the seeds and the ratio proven so far and a note, as a time limit does.
TEST(Seeding, StopRequestEndsTheSelectionAfterTheRound) {
  Graph g = testing::random_graph(2000, 16000, 12, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  OpimOptions options;
  options.k = 10;
  options.epsilon = 0.01;
  request_stop();
  const SeedSelection s = opim_c(g, DiffusionModel::parse("ic"), options);
  clear_stop();
  EXPECT_EQ(s.seeds.size(), 10u);
  EXPECT_LT(s.guarantee, kOneMinusInvE - 0.01);
  EXPECT_NE(s.notes.back().find("stopped on request"), std::string::npos);
  EXPECT_NE(s.notes.front().find("round 1:"), std::string::npos) << s.notes.front();
  // Without the request the same call goes on to the target ratio.
  const SeedSelection full = opim_c(g, DiffusionModel::parse("ic"), options);
  EXPECT_GE(full.guarantee, kOneMinusInvE - 0.01);
}

// A memory limit: refused before sampling when the first round cannot fit; otherwise the rounds
// stop before one whose samples would pass it, with the seeds so far and a note.
TEST(Seeding, MemoryLimitRefusesOrStopsBeforeTheRoundThatWouldPassIt) {
  Graph g = testing::random_graph(2000, 16000, 12, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  OpimOptions options;
  options.k = 10;
  options.epsilon = 0.01;
  options.max_memory = 1024;
  try {
    opim_c(g, DiffusionModel::parse("ic"), options);
    ADD_FAILURE() << "1 KiB cannot hold the graph";
  } catch (const UsageError& error) {
    EXPECT_EQ(error.field(), "max_memory");
    EXPECT_NE(std::string(error.what()).find("first round alone needs at least"), std::string::npos);
  }
  OpimOptions no_limit = options;
  no_limit.max_memory = 0;
  const SeedSelection unlimited = opim_c(g, DiffusionModel::parse("ic"), no_limit);
  bool stopped = false;
  for (std::uint64_t limit = 64 * 1024; limit < (1ull << 32) && !stopped; limit *= 2) {
    options.max_memory = limit;
    SeedSelection s;
    try {
      s = opim_c(g, DiffusionModel::parse("ic"), options);
    } catch (const UsageError&) {
      continue;  // the first round does not fit yet
    }
    ASSERT_EQ(s.seeds.size(), 10u);
    if (s.notes.back().find("stopped at the memory limit") != std::string::npos) {
      stopped = true;
      EXPECT_LT(s.rr_sets, unlimited.rr_sets);
      EXPECT_LE(s.sample_bytes, limit);
    }
  }
  EXPECT_TRUE(stopped);
}

// Slow reference for CELF++: plain greedy with the same oracle (common random numbers).
std::vector<NodeId> plain_greedy(const Graph& g, const DiffusionModel& model, std::uint32_t k,
                                 std::uint64_t runs, std::uint64_t seed) {
  RunWorkspace workspace(g.num_nodes());
  auto total = [&](const std::vector<NodeId>& s) {
    std::uint64_t sum = 0;
    for (std::uint64_t r = 0; r < runs; ++r) sum += run_once(g, model, s, seed, r, workspace).reached;
    return sum;
  };
  // Candidates by decreasing out-degree, ties to the earlier, as CELF++ orders them.
  std::vector<NodeId> order(g.num_nodes());
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeId a, NodeId b) { return g.out_degree(a) > g.out_degree(b); });
  std::vector<NodeId> seeds;
  for (std::uint32_t i = 0; i < k; ++i) {
    NodeId best = 0;
    std::uint64_t best_total = 0;
    for (const NodeId v : order) {
      if (std::find(seeds.begin(), seeds.end(), v) != seeds.end()) continue;
      std::vector<NodeId> with = seeds;
      with.push_back(v);
      const std::uint64_t t = total(with);
      if (t > best_total) {
        best = v;
        best_total = t;
      }
    }
    seeds.push_back(best);
  }
  return seeds;
}

TEST(Celf, LazyEvaluationPicksWhatPlainGreedyPicks) {
  Graph g = testing::random_graph(80, 400, 21, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  for (const char* name : {"ic", "lt"}) {
    const DiffusionModel model = DiffusionModel::parse(name);
    CelfOptions options;
    options.k = 4;
    options.runs = 200;
    options.seed = 3;
    EXPECT_EQ(celf_plus_plus(g, model, options).seeds, plain_greedy(g, model, 4, 200, 3)) << name;
  }
}

//   g1 <-> g2 <-> g3 <-> g1 (a triangle: a tight group), each -> t1, t2
//   h -> a, b, c, d, e (a star), none of whom talks to anyone
// Under threshold:2 nobody convinces anyone alone, so the first two picks tie at zero gain and go
// to the best connected (h, then g1); the third then sees that g2 completes the group: g3, t1 and
// t2 follow. Greedy is myopic under complex contagion (for k = 2 it cannot see that two of the
// triangle reach 5), but once one member is in, it finds the group. Best for k = 3: 6 people.
TEST(Celf, ComplexContagionFindsTheGroupOnceOneMemberIsIn) {
  Graph g = testing::graph_from_text(
      "g1 g2\ng2 g1\ng2 g3\ng3 g2\ng1 g3\ng3 g1\ng1 t1\ng2 t1\ng3 t1\ng1 t2\ng2 t2\ng3 t2\n"
      "h a\nh b\nh c\nh d\nh e\n");
  CelfOptions options;
  options.k = 3;
  options.runs = 10;
  const SeedSelection s = celf_plus_plus(g, DiffusionModel::parse("threshold:2"), options);
  EXPECT_DOUBLE_EQ(s.estimated_spread, 6.0);
  EXPECT_EQ(s.seeds[0], *g.labels().find("h"));  // out-degree 5 breaks the tie
}

TEST(Heuristics, DegreeDiscountPageRankRandom) {
  //   0 -> 1, 2, 3;  1 -> 2, 3;  4 -> 5
  Graph g = testing::graph_from_text("0 1\n0 2\n0 3\n1 2\n1 3\n4 5\n");
  assign_probabilities(g, ProbabilitySpec::parse("const:0.5"), 1);
  EXPECT_EQ(highest_degree(g, 2), (std::vector<NodeId>{0, 1}));
  // After 0, node 1 (an out-neighbour of 0) is discounted: 2 - 2 - (2 - 1) 0.5 = -0.5 < 1 (node 4).
  EXPECT_EQ(degree_discount(g, 2), (std::vector<NodeId>{0, 4}));
  const std::vector<double> rank = pagerank_scores(g);
  EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-9);
  EXPECT_EQ(pagerank(g, 1), (std::vector<NodeId>{0}));  // the most paths lead out of 0
  const auto r = random_seeds(g, 6, 4);
  EXPECT_EQ(std::set<NodeId>(r.begin(), r.end()).size(), 6u);
  EXPECT_EQ(random_seeds(g, 3, 4), random_seeds(g, 3, 4));
}

TEST(Seeding, ParametersAreCheckedBeforeAnyWork) {
  Graph g = testing::random_graph(50, 200, 1, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const DiffusionModel ic = DiffusionModel::parse("ic");
  OpimOptions bad_k;
  bad_k.k = 51;
  EXPECT_THROW(opim_c(g, ic, bad_k), UsageError);
  OpimOptions bad_eps;
  bad_eps.epsilon = 1.5;
  EXPECT_THROW(opim_c(g, ic, bad_eps), UsageError);
  ImmOptions zero;
  zero.k = 0;
  EXPECT_THROW(imm(g, ic, zero), UsageError);
  EXPECT_THROW(opim_c(g, DiffusionModel::parse("threshold:2"), OpimOptions{}), UsageError);
}

}  // namespace
}  // namespace cascade

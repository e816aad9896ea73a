// Positive reach under icn with neg=1: the shortest-path-DAG rule against the enumeration of
// arcs and quality coins, the RR estimator against the exact value, greedy against every k-subset,
// thread independence.
#include "cascade/seeding/positive_reach.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/positive_rr_sampler.h"
#include "diffusion/exact_spread.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr std::uint32_t kNever = std::numeric_limits<std::uint32_t>::max();

Graph weighted_graph(const std::string& text) {
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  return g;
}

DiffusionModel icn(double quality, std::uint32_t deadline = kNever) {
  DiffusionModel model = DiffusionModel::parse(fmt::format("icn:q={},neg=1", quality));
  model.deadline = deadline;
  return model;
}

// The rule to check, by brute force: enumerate live-edge worlds (each arc live with p); in each,
// breadth-first distances from the seeds, and for every reached v the set A of nodes on shortest
// live paths from the seeds to v; add Pr(world) q^|A| (or q^(d+1) with `path_only`: the rule
// that would hold if shortest paths were unique).
double dag_rule(const Graph& g, const std::vector<NodeId>& seeds, double q,
                std::uint32_t deadline = kNever, bool path_only = false) {
  struct Arc { NodeId from, to; double p; };
  std::vector<Arc> arcs;
  for (NodeId u = 0; u < g.num_nodes(); ++u) {
    const auto targets = g.out_neighbors(u);
    const auto p = g.out_probabilities(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (p[i] > 0 && targets[i] != u) arcs.push_back({u, targets[i], p[i]});
    }
  }
  const NodeId n = g.num_nodes();
  double total = 0;
  for (std::uint64_t world = 0; world < (1ull << arcs.size()); ++world) {
    double probability = 1;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      probability *= (world >> a) & 1 ? arcs[a].p : 1 - arcs[a].p;
    }
    if (probability == 0) continue;
    std::vector<std::uint32_t> dist(n, kNever);
    std::vector<NodeId> order;
    for (const NodeId s : seeds) dist[s] = 0, order.push_back(s);
    for (std::size_t i = 0; i < order.size(); ++i) {
      for (std::size_t a = 0; a < arcs.size(); ++a) {
        if (((world >> a) & 1) && arcs[a].from == order[i] && dist[arcs[a].to] == kNever) {
          dist[arcs[a].to] = dist[order[i]] + 1;
          order.push_back(arcs[a].to);
        }
      }
    }
    for (const NodeId v : order) {
      if (dist[v] > deadline) continue;
      // A: v and, backwards, every live in-neighbour one step nearer the seeds.
      std::vector<char> in_a(n, 0);
      std::vector<NodeId> stack{v};
      in_a[v] = 1;
      std::uint32_t size = 1;
      while (!stack.empty()) {
        const NodeId w = stack.back();
        stack.pop_back();
        for (std::size_t a = 0; a < arcs.size(); ++a) {
          const NodeId u = arcs[a].from;
          if (((world >> a) & 1) && arcs[a].to == w && dist[u] != kNever && dist[u] + 1 == dist[w] &&
              !in_a[u]) {
            in_a[u] = 1;
            ++size;
            stack.push_back(u);
          }
        }
      }
      total += probability * std::pow(q, path_only ? dist[v] + 1 : size);
    }
  }
  return total;
}

//   0 -> 1 -> 3 -> 4      two shortest paths from 0 to 3 when all four arcs are live:
//   0 -> 2 -> 3           A = {0, 1, 2, 3} and 3 is positive with q^4, not q^3
const char* kDiamond = "0 1 0.6\n0 2 0.5\n1 3 0.7\n2 3 0.8\n3 4 0.5\n";

TEST(PositiveReach, ShortestPathDagRuleMatchesArcsAndCoins) {
  const Graph g = weighted_graph(kDiamond);
  for (const std::vector<NodeId>& seeds : {std::vector<NodeId>{0}, std::vector<NodeId>{0, 2}}) {
    const testing::ExactSpread exact = testing::exact_positive_negative(g, seeds, 0.7, 1.0);
    EXPECT_NEAR(dag_rule(g, seeds, 0.7), exact.reach - exact.negative, 1e-6);
  }
  // Unique shortest paths would give more: the rule q^(d+1) is wrong here.
  const testing::ExactSpread exact = testing::exact_positive_negative(g, {0}, 0.7, 1.0);
  EXPECT_GT(dag_rule(g, {0}, 0.7, kNever, true) - (exact.reach - exact.negative), 0.01);
}

TEST(PositiveReach, ShortestPathDagRuleOnRandomTinyGraphs) {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    // 8 arcs so that the three-state enumeration of exact_positive_negative stays small.
    const Graph full = testing::tiny_probability_graph(seed, 5);
    std::string text;
    int kept = 0;
    for (NodeId u = 0; u < full.num_nodes() && kept < 8; ++u) {
      const auto t = full.out_neighbors(u);
      const auto p = full.out_probabilities(u);
      for (std::size_t i = 0; i < t.size() && kept < 8; ++i) {
        if (t[i] == u || p[i] <= 0) continue;
        text += fmt::format("{} {} {}\n", full.label(u), full.label(t[i]), p[i]);
        ++kept;
      }
    }
    const Graph g = weighted_graph(text);
    const std::vector<NodeId> seeds{0, g.num_nodes() - 1};
    const testing::ExactSpread exact = testing::exact_positive_negative(g, seeds, 0.6, 1.0);
    EXPECT_NEAR(dag_rule(g, seeds, 0.6), exact.reach - exact.negative, 1e-6) << text;
  }
}

//   s -> a -> v1..v9            every arc certain. Seeding t as well puts b and c on shortest
//   t -> b -> v1..v9            paths to every v_i: A(v_i) grows from {s, a, v_i} to
//   t -> c -> v1..v9            {s, a, t, b, c, v_i}, and positive reach falls.
std::string fan_text() {
  std::string text = "s a 1\nt b 1\nt c 1\n";
  for (int i = 1; i <= 9; ++i) text += fmt::format("a v{0} 1\nb v{0} 1\nc v{0} 1\n", i);
  return text;
}

TEST(PositiveReach, PositiveReachIsNotMonotone) {
  const Graph g = weighted_graph(fan_text());
  const NodeId s = *g.labels().find("s"), t = *g.labels().find("t");
  const double q = 0.8;
  const testing::ExactSpread alone = testing::exact_positive_negative(g, {s}, q, 1.0);
  const testing::ExactSpread both = testing::exact_positive_negative(g, {s, t}, q, 1.0);
  const double expected_alone = q + q * q + 9 * std::pow(q, 3);
  const double expected_both = 2 * q + 3 * q * q + 9 * std::pow(q, 6);
  EXPECT_NEAR(alone.reach - alone.negative, expected_alone, 1e-9);
  EXPECT_NEAR(both.reach - both.negative, expected_both, 1e-9);
  EXPECT_LT(expected_both, expected_alone);
  // The simulator agrees: adding t lowers the positive reach.
  SimulationOptions options;
  options.runs = 40000;
  const std::vector<NodeId> only_s_seeds{s}, both_seeds{s, t};
  const SimulationResult one = simulate(g, icn(q), only_s_seeds, options);
  const SimulationResult two = simulate(g, icn(q), both_seeds, options);
  EXPECT_NEAR(one.positive.mean, expected_alone, 4 * one.positive.standard_error);
  EXPECT_NEAR(two.positive.mean, expected_both, 4 * two.positive.standard_error);
  // Greedy on the samples only adds seeds whose estimated gain is positive, and the estimate of
  // {s, t} on the samples is below that of {s}, as the exact values are.
  const PositiveRRSampler sampler(g, icn(q));
  PositiveRRCollection samples;
  sampler.generate(samples, 0, 50000, 3);
  std::vector<char> only_s(g.num_nodes(), 0), s_and_t(g.num_nodes(), 0);
  only_s[s] = s_and_t[s] = s_and_t[t] = 1;
  PositiveValue value(q);
  double sum_s = 0, sum_st = 0;
  for (std::uint64_t i = 0; i < samples.size(); ++i) {
    sum_s += value.positive(samples, i, only_s);
    sum_st += value.positive(samples, i, s_and_t);
  }
  EXPECT_LT(sum_st, sum_s);
  const PositiveGreedy greedy = positive_greedy(samples, g.num_nodes(), q, 3);
  ASSERT_GE(greedy.seeds.size(), 1u);
  for (const double gain : greedy.positive_gain) {
    EXPECT_GT(gain, 0);
  }
}

// n x mean f over independent samples, with its standard error.
std::pair<double, double> estimate(const Graph& g, const DiffusionModel& model,
                                   const std::vector<NodeId>& seeds, std::uint64_t count) {
  const PositiveRRSampler sampler(g, model);
  PositiveRRCollection samples;
  sampler.generate(samples, 0, count, 5);
  std::vector<char> is_seed(g.num_nodes(), 0);
  for (const NodeId v : seeds) is_seed[v] = 1;
  PositiveValue value(model.quality);
  double sum = 0, squares = 0;
  for (std::uint64_t i = 0; i < samples.size(); ++i) {
    const double f = value.positive(samples, i, is_seed);
    sum += f;
    squares += f * f;
  }
  const double t = static_cast<double>(count), mean = sum / t;
  const double n = g.num_nodes();
  return {n * mean, n * std::sqrt(std::max(0.0, squares / t - mean * mean) / t)};
}

TEST(PositiveReach, EstimatorMatchesEnumeration) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Graph g = testing::tiny_probability_graph(seed, 6);
    for (const std::uint32_t deadline : {kNever, 1u, 2u}) {
      const std::vector<NodeId> seeds{1, 4};
      const double exact = dag_rule(g, seeds, 0.7, deadline);
      const auto [mean, se] = estimate(g, icn(0.7, deadline), seeds, 200000);
      EXPECT_NEAR(mean, exact, 4 * se + 1e-6) << "graph " << seed << " deadline " << deadline;
    }
  }
  // The diamond, where shortest paths are not unique.
  const Graph g = weighted_graph(kDiamond);
  const auto [mean, se] = estimate(g, icn(0.7), {0}, 200000);
  EXPECT_NEAR(mean, dag_rule(g, {0}, 0.7), 4 * se);
}

TEST(PositiveReach, SurrogateBoundsThePositiveValue) {
  // g >= f sample by sample, so greedy on g bounds the best positive coverage of any k-set.
  const Graph g = testing::tiny_probability_graph(3, 7);
  const PositiveRRSampler sampler(g, icn(0.6));
  PositiveRRCollection samples;
  sampler.generate(samples, 0, 20000, 9);
  const double bound = surrogate_upper_bound(samples, g.num_nodes(), 0.6, 2);
  PositiveValue value(0.6);
  for (NodeId a = 0; a < g.num_nodes(); ++a) {
    for (NodeId b = a + 1; b < g.num_nodes(); ++b) {
      std::vector<char> is_seed(g.num_nodes(), 0);
      is_seed[a] = is_seed[b] = 1;
      double sum = 0;
      for (std::uint64_t i = 0; i < samples.size(); ++i) sum += value.positive(samples, i, is_seed);
      EXPECT_LE(sum, bound + 1e-6);
    }
  }
}

TEST(PositiveReach, GreedyAgainstEveryPair) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const Graph g = testing::tiny_probability_graph(seed, 7);
    PositiveReachOptions options;
    options.k = 2;
    options.seed = seed;
    const SeedSelection chosen = positive_reach_seeds(g, icn(0.7), options);
    double best = 0;
    for (NodeId a = 0; a < g.num_nodes(); ++a) {
      best = std::max(best, dag_rule(g, {a}, 0.7));
      for (NodeId b = a + 1; b < g.num_nodes(); ++b) best = std::max(best, dag_rule(g, {a, b}, 0.7));
    }
    const double value = dag_rule(g, chosen.seeds, 0.7);
    EXPECT_GT(chosen.guarantee, 0.3) << "graph " << seed;
    EXPECT_GE(value, chosen.guarantee * best) << "graph " << seed;
    EXPECT_GE(value, 0.9 * best) << "graph " << seed;
    ASSERT_EQ(chosen.positive_gain.size(), chosen.seeds.size());
    for (std::size_t i = 0; i < chosen.seeds.size(); ++i) {
      EXPECT_GT(chosen.positive_gain[i], 0);
      EXPECT_GE(chosen.negative_gain[i], -1e-9);
    }
  }
}

TEST(PositiveReach, ThreadCountDoesNotChangeTheResult) {
  const Graph g = testing::random_graph(300, 1500, 4, false, false);
  Graph wc = g;
  assign_probabilities(wc, ProbabilitySpec::parse("wc"), 1);
  PositiveReachOptions options;
  options.k = 5;
  options.epsilon = 0.2;
  set_num_threads(1);
  const SeedSelection one = positive_reach_seeds(wc, icn(0.8), options);
  set_num_threads(3);
  const SeedSelection three = positive_reach_seeds(wc, icn(0.8), options);
  EXPECT_EQ(one.seeds, three.seeds);
  EXPECT_EQ(one.positive_gain, three.positive_gain);
  EXPECT_EQ(one.guarantee, three.guarantee);
  EXPECT_EQ(one.rr_sets, three.rr_sets);
}

TEST(PositiveReach, RefusesOtherModels) {
  const Graph g = weighted_graph(kDiamond);
  EXPECT_THROW(PositiveRRSampler(g, DiffusionModel::parse("icn:q=0.7,neg=2")), UsageError);
  EXPECT_THROW(PositiveRRSampler(g, DiffusionModel::parse("ic")), UsageError);
  DiffusionModel faded = icn(0.7);
  faded.fade = 0.1;
  EXPECT_THROW(PositiveRRSampler(g, faded), UsageError);
}

}  // namespace
}  // namespace cascade

// EM recovers known probabilities from cascades simulated on a real network (issue 10), through
// the whole path a user takes: discrete-time independent cascades from random roots, written as
// an actions log (user,item,time with the simulation's steps), read back by the log parser,
// learned with em, and the learned graph simulated again.
//
// The network is email-Eu-core (1,005 people, 24,929 arcs, directed) with the weighted cascade
// p(u, v) = 1 / in-degree(v): probabilities from 1/211 to 1, so that their spread is wide and a
// correlation means something. 40,000 cascades give about 400,000 rows and some 500 trials per
// arc. The spread is compared from sets of 20 seeds: from sets of 5 it can miss by 6%, since a
// few seeds' own arcs (a trial in 500 is noise of about 1/sqrt(500) on each person's total)
// then decide much of the reach on a network this close to critical.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "cascade/api/learn.h"
#include "cascade/campaign/adoption_log.h"
#include "cascade/campaign/learn_probabilities.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

constexpr std::uint64_t kCascades = 40000;
constexpr std::size_t kSeedSets = 6, kSeedsPerSet = 20;
constexpr std::uint64_t kSimulationSeed = 17;
constexpr std::uint64_t kMinTrials = 100;

Graph email_with_wc() {
  Graph graph = load_graph(std::string(CASCADE_DATA_DIR) + "/email-Eu-core.txt", {});
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  return graph;
}

// Cascade r starts at a root drawn from its own stream and spreads with the coins of run r: the
// log is the same whatever runs it, and no cascade's draws depend on another's.
std::string simulated_actions(const Graph& graph, std::uint64_t cascades, std::uint64_t& rows) {
  const DiffusionModel ic = DiffusionModel::parse("ic");
  RunWorkspace workspace(graph.num_nodes());
  std::vector<Activation> trace;
  std::string text = "user,item,time\n";
  rows = 0;
  for (std::uint64_t r = 0; r < cascades; ++r) {
    RandomStream stream(kSimulationSeed, StreamPurpose::kTest, r);
    const auto root = static_cast<NodeId>(stream.below(graph.num_nodes()));
    trace.clear();
    run_once(graph, ic, std::span<const NodeId>(&root, 1), kSimulationSeed, r, workspace, &trace);
    for (const Activation& a : trace) {
      text += fmt::format("{},c{},{}\n", graph.label(a.target), r, a.step);
    }
    rows += trace.size();
  }
  return text;
}

struct Recovery {
  std::uint64_t arcs = 0;
  double correlation = 0, mean_absolute_error = 0;
};

// Pearson's correlation and the mean absolute error against the truth, over the arcs with at
// least kMinTrials trials.
Recovery recovery(const Graph& truth, const LearnedProbabilities& learned) {
  std::vector<double> x, y;
  for (NodeId u = 0; u < truth.num_nodes(); ++u) {
    const ArcIndex first = truth.arrays().out_offsets[u];
    for (std::uint32_t k = 0; k < truth.out_degree(u); ++k) {
      if (learned.trials[first + k] < kMinTrials) continue;
      x.push_back(truth.out_probabilities(u)[k]);
      y.push_back(learned.probability[first + k]);
    }
  }
  Recovery r;
  r.arcs = x.size();
  if (x.empty()) return r;
  const double count = static_cast<double>(x.size());
  double mean_x = 0, mean_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mean_x += x[i], mean_y += y[i];
  mean_x /= count, mean_y /= count;
  double sxx = 0, syy = 0, sxy = 0, absolute = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - mean_x) * (x[i] - mean_x);
    syy += (y[i] - mean_y) * (y[i] - mean_y);
    sxy += (x[i] - mean_x) * (y[i] - mean_y);
    absolute += std::abs(x[i] - y[i]);
  }
  r.correlation = sxy / std::sqrt(sxx * syy);
  r.mean_absolute_error = absolute / count;
  return r;
}

TEST(LearnSharedData, EmRecoversWeightedCascadeOnEmailEuCore) {
  const Graph truth = email_with_wc();
  ASSERT_EQ(truth.num_nodes(), 1005u);
  std::uint64_t rows = 0;
  const std::string text = simulated_actions(truth, kCascades, rows);
  const AdoptionLog log = parse_adoption_log(truth, text, "simulated.csv", LogFormat::kActions);
  ASSERT_EQ(log.num_items(), kCascades);
  ASSERT_EQ(log.rows, rows);  // every activation read back, none a repeat
  ASSERT_EQ(log.outside_adoptions, 0u);
  ASSERT_TRUE(log.integer_steps);  // so the window is 1: exactly the discrete-time cascade

  const LearnedProbabilities learned = learn_probabilities(truth, log, {});
  EXPECT_EQ(learned.window, 1);
  EXPECT_TRUE(learned.converged);
  const Recovery r = recovery(truth, learned);
  std::printf(
      "email-Eu-core, wc, %llu cascades, %llu rows: %llu of %llu arcs tried, %llu with >= "
      "%llu trials; correlation %.4f, mean absolute error %.4f, %u em iterations\n",
      static_cast<unsigned long long>(kCascades), static_cast<unsigned long long>(rows),
      static_cast<unsigned long long>(learned.arcs_tried),
      static_cast<unsigned long long>(truth.num_arcs()), static_cast<unsigned long long>(r.arcs),
      static_cast<unsigned long long>(kMinTrials), r.correlation, r.mean_absolute_error,
      learned.iterations);
  ASSERT_GE(r.arcs, 1000u);
  EXPECT_GE(r.correlation, 0.9);
  EXPECT_LE(r.mean_absolute_error, 0.03);

  // Spread from random seed sets, on the learned probabilities against the true ones. Both runs
  // use the same seed, hence the same coin for each arc in each run, so the Monte Carlo noise
  // largely cancels in the comparison and what remains is the learning error.
  const Graph learned_graph = with_learned_probabilities(truth, learned);
  const DiffusionModel ic = DiffusionModel::parse("ic");
  SimulationOptions runs;
  runs.runs = 10'000;
  double worst = 0;
  std::string errors;
  for (std::uint64_t set = 0; set < kSeedSets; ++set) {
    RandomStream stream(kSimulationSeed + 1, StreamPurpose::kTest, set);
    std::vector<NodeId> seeds;
    while (seeds.size() < kSeedsPerSet) {
      const auto v = static_cast<NodeId>(stream.below(truth.num_nodes()));
      if (std::find(seeds.begin(), seeds.end(), v) == seeds.end()) seeds.push_back(v);
    }
    const double expected = simulate(truth, ic, seeds, runs).reach.mean;
    const double estimate = simulate(learned_graph, ic, seeds, runs).reach.mean;
    const double error = std::abs(estimate - expected) / expected;
    EXPECT_LE(error, 0.05) << "seed set " << set << ": " << estimate << " against " << expected;
    worst = std::max(worst, error);
    errors += fmt::format(" {:.1f}/{:.1f}", estimate, expected);
  }
  std::printf(
      "spread from %zu random seed sets of %zu (learned/true):%s; worst relative error "
      "%.4f\n",
      kSeedSets, kSeedsPerSet, errors.c_str(), worst);
}

}  // namespace
}  // namespace cascade

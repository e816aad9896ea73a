#include "cascade/campaign/worlds.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "diffusion/exact_spread.h"
#include "test_graphs.h"

namespace cascade {
namespace {

struct Mean {
  double mean = 0, standard_error = 0;
};

// The mean reach by step `until` over `worlds` worlds from `seeds` (all at step 0).
Mean world_reach(const CampaignWorlds& worlds, const std::vector<NodeId>& seeds,
                 std::uint32_t until, std::uint64_t count) {
  WorldWorkspace w = worlds.workspace();
  std::vector<WorldSource> sources;
  for (const NodeId s : seeds) sources.push_back({s, 0});
  double sum = 0, squares = 0;
  for (std::uint64_t world = 0; world < count; ++world) {
    worlds.spread(world, sources, until, w);
    const double r = static_cast<double>(w.reached.size());
    sum += r;
    squares += r * r;
  }
  const double mean = sum / static_cast<double>(count);
  const double variance = squares / static_cast<double>(count) - mean * mean;
  return {mean, std::sqrt(std::max(variance, 0.0) / static_cast<double>(count))};
}

DiffusionModel model_of(const char* text) { return DiffusionModel::parse(text); }

// Tiny random graphs with probabilities: the mean over worlds matches the exact expected reach
// by every deadline, under ic and lt, within 4 standard errors.
TEST(CampaignWorlds, MatchExactSpreadsOnTinyGraphs) {
  for (std::uint64_t g = 0; g < 6; ++g) {
    const Graph graph = testing::tiny_probability_graph(g, 6, 11);
    for (const char* model : {"ic", "lt"}) {
      Graph copy = graph;
      if (std::string(model) == "lt") assign_probabilities(copy, ProbabilitySpec::parse("wc"), 1);
      const CampaignWorlds worlds(copy, model_of(model), 5);
      for (const std::uint32_t deadline : {0u, 1u, 2u, kNeverReached}) {
        const std::vector<NodeId> seeds = {0, 3};
        const double exact =
            std::string(model) == "ic"
                ? testing::exact_independent_cascade(copy, seeds, deadline == kNeverReached ? testing::kNoDeadline : deadline).reach
                : testing::exact_linear_threshold(copy, seeds, deadline == kNeverReached ? testing::kNoDeadline : deadline).reach;
        const Mean m = world_reach(worlds, seeds, deadline, 20000);
        EXPECT_NEAR(m.mean, exact, 4 * m.standard_error + 1e-6)
            << "graph " << g << " model " << model << " deadline " << deadline;
        if (deadline == 0) {
          EXPECT_EQ(m.mean, 2.0);
        }
      }
    }
  }
}

// On a real network the worlds and the independent simulator agree (both within their errors).
TEST(CampaignWorlds, AgreeWithTheSimulatorOnTheDemoNetwork) {
  Graph graph = testing::graph_from_text(
      "0 1\n1 2\n2 0\n2 3\n3 4\n4 5\n5 3\n1 4\n0 5\n5 6\n6 7\n7 0\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.4"), 1);
  const std::vector<NodeId> seeds = {0};
  for (const char* text : {"ic", "lt"}) {
    Graph copy = graph;
    if (std::string(text) == "lt") assign_probabilities(copy, ProbabilitySpec::parse("wc"), 1);
    const DiffusionModel model = model_of(text);
    const CampaignWorlds worlds(copy, model, 9);
    const Mean m = world_reach(worlds, seeds, kNeverReached, 20000);
    SimulationOptions options;
    options.runs = 20000;
    const SimulationResult simulated = simulate(copy, model, seeds, options);
    const double tolerance = 4 * std::hypot(m.standard_error, simulated.reach.standard_error);
    EXPECT_NEAR(m.mean, simulated.reach.mean, tolerance) << text;
  }
}

// A world is replayed exactly, and a later source continues the same world's cascade: seeding b
// at step 2 reaches a superset of what seeding nobody more reaches.
TEST(CampaignWorlds, ReplayTheSameWorldAndContinueIt) {
  Graph graph = testing::graph_from_text("a b\nb c\nc d\nd e\nx y\ny z\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.5"), 1);
  const CampaignWorlds worlds(graph, model_of("ic"), 3);
  WorldWorkspace w = worlds.workspace();
  const NodeId a = *graph.labels().find("a"), x = *graph.labels().find("x");
  for (std::uint64_t world = 0; world < 200; ++world) {
    const std::vector<WorldSource> first = {{a, 0}};
    worlds.spread(world, first, kNeverReached, w);
    std::vector<NodeId> once = w.reached;
    worlds.spread(world, first, kNeverReached, w);
    EXPECT_EQ(w.reached, once);
    const std::vector<WorldSource> both = {{a, 0}, {x, 2}};
    worlds.spread(world, both, kNeverReached, w);
    for (const NodeId v : once) {
      EXPECT_EQ(CampaignWorlds::reached_at(w, v), [&] {
        WorldWorkspace alone = worlds.workspace();
        worlds.spread(world, first, kNeverReached, alone);
        return CampaignWorlds::reached_at(alone, v);
      }());
    }
    EXPECT_EQ(CampaignWorlds::reached_at(w, x), 2u);
  }
}

// icn worlds: the mean positive and negative reach over worlds match the exact IC-N values (every
// arc live for both signs, for negative word only or dead; every quality coin) on tiny graphs,
// within 4 standard errors, with negativity 1 and 2.
TEST(CampaignWorlds, PositiveNegativeMatchExactSpreadsOnTinyGraphs) {
  for (std::uint64_t g = 0; g < 4; ++g) {
    const Graph graph = testing::tiny_probability_graph(g, 5, 8);
    for (const char* text : {"icn:q=0.6,neg=1", "icn:q=0.3,neg=2"}) {
      const DiffusionModel model = model_of(text);
      const CampaignWorlds worlds(graph, model, 7);
      ASSERT_TRUE(worlds.has_sentiment());
      WorldWorkspace w = worlds.workspace();
      const std::vector<WorldSource> sources = {{0, 0}, {2, 0}};
      const std::uint64_t count = 20000;
      double sum[2] = {0, 0}, squares[2] = {0, 0};
      for (std::uint64_t world = 0; world < count; ++world) {
        worlds.spread(world, sources, kNeverReached, w);
        double negative = 0;
        for (const NodeId v : w.reached) negative += CampaignWorlds::negative(w, v) ? 1 : 0;
        const double both[2] = {static_cast<double>(w.reached.size()), negative};
        for (int i = 0; i < 2; ++i) {
          sum[i] += both[i];
          squares[i] += both[i] * both[i];
        }
      }
      const testing::ExactSpread exact =
          testing::exact_positive_negative(graph, {0, 2}, model.quality, model.negativity);
      const double expected[2] = {exact.reach, exact.negative};
      for (int i = 0; i < 2; ++i) {
        const double n = static_cast<double>(count);
        const double mean = sum[i] / n;
        const double se = std::sqrt(std::max(squares[i] / n - mean * mean, 0.0) / n);
        EXPECT_NEAR(mean, expected[i], 4 * se + 1e-6)
            << "graph " << g << " " << text << (i == 0 ? " reach" : " negative");
      }
    }
  }
}

// A negative speaker and a positive one reach c in the same step: c is unhappy whatever its own
// coin (negativity bias), in every world.
//   a -> c <- b     certain arcs; a, b seeds
TEST(CampaignWorlds, OneNegativeSpeakerAtATieMakesTheListenerUnhappy) {
  Graph graph = testing::graph_from_text("a c\nb c\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:1"), 1);
  const CampaignWorlds worlds(graph, model_of("icn:q=0.5,neg=1"), 11);
  WorldWorkspace w = worlds.workspace();
  const NodeId a = *graph.labels().find("a"), b = *graph.labels().find("b"),
               c = *graph.labels().find("c");
  const std::vector<WorldSource> sources = {{a, 0}, {b, 0}};
  int ties = 0;
  for (std::uint64_t world = 0; world < 400; ++world) {
    worlds.spread(world, sources, kNeverReached, w);
    ASSERT_EQ(w.reached.size(), 3u);
    const bool any_negative = CampaignWorlds::negative(w, a) || CampaignWorlds::negative(w, b);
    if (any_negative) {
      EXPECT_TRUE(CampaignWorlds::negative(w, c)) << "world " << world;
      ties += CampaignWorlds::negative(w, a) != CampaignWorlds::negative(w, b) ? 1 : 0;
    }
  }
  EXPECT_GT(ties, 100);  // about half the worlds have one of each
}

// The icn worlds agree with the icn simulator (other coins, the same rules) within 3 standard
// errors on positive and negative reach.
TEST(CampaignWorlds, PositiveNegativeAgreeWithTheSimulator) {
  Graph graph =
      testing::graph_from_text("0 1\n1 2\n2 0\n2 3\n3 4\n4 5\n5 3\n1 4\n0 5\n5 6\n6 7\n7 0\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.4"), 1);
  const DiffusionModel model = model_of("icn:q=0.7,neg=1.5");
  const CampaignWorlds worlds(graph, model, 9);
  WorldWorkspace w = worlds.workspace();
  const std::vector<WorldSource> sources = {{0, 0}};
  const std::uint64_t count = 20000;
  double positive = 0, positive_squares = 0, negative = 0, negative_squares = 0;
  for (std::uint64_t world = 0; world < count; ++world) {
    worlds.spread(world, sources, kNeverReached, w);
    double neg = 0;
    for (const NodeId v : w.reached) neg += CampaignWorlds::negative(w, v) ? 1 : 0;
    const double pos = static_cast<double>(w.reached.size()) - neg;
    positive += pos;
    positive_squares += pos * pos;
    negative += neg;
    negative_squares += neg * neg;
  }
  const double n = static_cast<double>(count);
  const auto se = [&](double sum, double squares) {
    const double mean = sum / n;
    return std::sqrt(std::max(squares / n - mean * mean, 0.0) / n);
  };
  SimulationOptions options;
  options.runs = 20000;
  const SimulationResult simulated = simulate(graph, model, std::vector<NodeId>{0}, options);
  EXPECT_NEAR(positive / n, simulated.positive.mean,
              3 * std::hypot(se(positive, positive_squares), simulated.positive.standard_error));
  EXPECT_NEAR(negative / n, simulated.negative.mean,
              3 * std::hypot(se(negative, negative_squares), simulated.negative.standard_error));
}

TEST(CampaignWorlds, RefuseModelsWithoutLiveEdgeWorlds) {
  Graph graph = testing::graph_from_text("a b\n");
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  EXPECT_THROW(CampaignWorlds(graph, model_of("threshold:2"), 1), UsageError);
  DiffusionModel fading = model_of("ic");
  fading.fade = 0.5;
  EXPECT_THROW(CampaignWorlds(graph, fading, 1), UsageError);
}

}  // namespace
}  // namespace cascade

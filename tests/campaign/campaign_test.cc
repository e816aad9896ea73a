#include "cascade/campaign/campaign.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

CampaignPlan plan_of(const std::string& body) {
  return parse_plan("[network]\ngraph = \"g.txt\"\n" + body, "plan.toml", "");
}

Graph certain(const std::string& arcs) {
  Graph graph = testing::graph_from_text(arcs);
  assign_probabilities(graph, ProbabilitySpec::parse("const:1"), 1);
  return graph;
}

void expect_exact(const WorldEstimate& e, double value) {
  EXPECT_DOUBLE_EQ(e.mean, value);
  EXPECT_DOUBLE_EQ(e.low, value);
  EXPECT_DOUBLE_EQ(e.high, value);
}

// a -> b -> c -> d        every arc certain (p = 1)
//      x -> y1, y2, y3
// Phase 1 seeds a, customers talk 1 step (b reached); phase 2 (hubs) then seeds x at step 1, the
// highest out-degree person not yet reached. By the deadline (step 2): a, b, c and x, y1..y3.
constexpr const char* kPathAndStar = "a b\nb c\nc d\nx y1\nx y2\nx y3\n";

TEST(Campaign, TwoPhasesOnCertainArcs) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[model]
deadline = 2
[budget]
total = 2
[[phase]]
share = 0.5
steps = 1
seeding = "list"
seeds = ["a"]
[[phase]]
share = 0.5
seeding = "hubs"
[run]
worlds = 5
)");
  const CampaignReport report = run_campaign(graph, plan, {});
  ASSERT_EQ(report.phases.size(), 2u);
  EXPECT_FALSE(report.phases[0].adaptive);
  EXPECT_EQ(report.phases[0].seeds, std::vector<NodeId>{*graph.labels().find("a")});
  expect_exact(report.phases[0].added.people, 3);  // a, b, c
  EXPECT_TRUE(report.phases[1].adaptive);
  EXPECT_EQ(report.phases[1].start, std::optional<std::uint32_t>(1));
  ASSERT_EQ(report.phases[1].frequent.size(), 1u);
  EXPECT_EQ(report.phases[1].frequent[0].node, *graph.labels().find("x"));
  EXPECT_DOUBLE_EQ(report.phases[1].frequent[0].share, 1.0);
  expect_exact(report.phases[1].added.people, 4);  // x, y1, y2, y3
  expect_exact(report.reach.people, 7);
  ASSERT_EQ(report.curve.size(), 3u);
  expect_exact(report.curve[0], 1);
  expect_exact(report.curve[1], 3);  // b, and x seeded
  expect_exact(report.curve[2], 7);
  // The single shot (auto, the list's rule being fixed) seeds the best pair at step 0: x and one
  // of a, b (3 by step 2): 7 as well.
  EXPECT_EQ(report.single_rule, "auto");
  expect_exact(report.single_reach.people, 7);
  expect_exact(report.difference, 0);
}

TEST(Campaign, DeadlineZeroReachesTheSeedsOnly) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[model]
deadline = 0
[budget]
total = 2
[[phase]]
seeding = "hubs"
[run]
worlds = 3
)");
  const CampaignReport report = run_campaign(graph, plan, {});
  expect_exact(report.reach.people, 2);
  ASSERT_EQ(report.curve.size(), 1u);
  expect_exact(report.curve[0], 2);
  EXPECT_EQ(report.phases[0].seeds[0], *graph.labels().find("x"));  // out-degree 3
}

// One phase with the whole budget is the single shot: the same seeds on the same worlds.
TEST(Campaign, OnePhaseIsTheSingleShot) {
  Graph graph = testing::random_graph(150, 900, 5, false, false);
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const CampaignPlan plan = plan_of(R"(
[budget]
total = 4
[[phase]]
seeding = "auto"
[run]
worlds = 20
eps = 0.3
)");
  const CampaignReport report = run_campaign(graph, plan, {});
  EXPECT_EQ(report.phases[0].seeds, report.single_seeds);
  EXPECT_DOUBLE_EQ(report.reach.people.mean, report.single_reach.people.mean);
  expect_exact(report.difference, 0);
  EXPECT_GT(report.reach.people.high, report.reach.people.low);  // the worlds differ
}

std::string summary(const CampaignReport& r) {
  std::string text = fmt::format("{} {} {} {} |", r.reach.people.mean, r.reach.people.low,
                                 r.single_reach.people.mean, r.difference.mean);
  for (const PhaseOutcome& p : r.phases) {
    text += fmt::format(" {} {} {}", p.added.people.mean, p.seeds_per_world.mean,
                        p.spent_per_world.mean);
    for (const FrequentSeed& f : p.frequent) text += fmt::format(" {}:{}", f.node, f.share);
  }
  for (const WorldEstimate& e : r.curve) text += fmt::format(" {}", e.mean);
  return text;
}

TEST(Campaign, TheSameOnOneOrTwoThreads) {
  Graph graph = testing::random_graph(200, 1500, 9, false, false);
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const CampaignPlan plan = plan_of(R"(
[model]
deadline = 6
[budget]
total = 6
[[phase]]
share = 0.5
steps = 2
[[phase]]
share = 0.5
[value]
cpm = 5
value_per_adoption = 1
[run]
worlds = 12
eps = 0.3
)");
  const int before = num_threads();
  set_num_threads(1);
  const std::string one = summary(run_campaign(graph, plan, {}));
  set_num_threads(2);
  const std::string two = summary(run_campaign(graph, plan, {}));
  set_num_threads(before);
  EXPECT_EQ(one, two);
}

// With an audience, reach splits into the audience's weight and the people outside it.
TEST(Campaign, CountsInsideAndOutsideTheAudience) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[budget]
total = 1
[[phase]]
seeding = "list"
seeds = ["x"]
[run]
worlds = 2
)");
  CampaignInputs inputs;
  inputs.targets.assign(graph.num_nodes(), 0);
  inputs.targets[*graph.labels().find("y1")] = 2;
  inputs.targets[*graph.labels().find("a")] = 1;
  const CampaignReport report = run_campaign(graph, plan, inputs);
  expect_exact(report.reach.people, 4);
  expect_exact(report.reach.inside, 2);   // y1's weight
  expect_exact(report.reach.outside, 3);  // x, y2, y3
}

TEST(Campaign, RefusesAListOverItsPhasesBudget) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[budget]
total = 2
[[phase]]
share = 0.5
seeding = "list"
seeds = ["a", "x"]
[[phase]]
share = 0.5
)");
  try {
    run_campaign(graph, plan, {});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 9u);  // seeds = ...
    EXPECT_NE(std::string(e.what()).find("phase.seeds"), std::string::npos) << e.what();
  }
}

TEST(Campaign, RefusesAPhaseAfterTheDeadline) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[model]
deadline = 2
[budget]
total = 2
[[phase]]
share = 0.5
steps = 3
[[phase]]
share = 0.5
)");
  EXPECT_THROW(run_campaign(graph, plan, {}), InputError);
}

TEST(Campaign, RefusesModelsWithoutLiveEdgeWorlds) {
  const Graph graph = certain(kPathAndStar);
  for (const char* model : {"icn:q=0.5,neg=1.5", "threshold:2"}) {
    const CampaignPlan plan = plan_of(fmt::format("[model]\nmodel = \"{}\"\n[budget]\ntotal = 1\n"
                                                  "[[phase]]\n",
                                                  model));
    try {
      run_campaign(graph, plan, {});
      FAIL() << "expected an error";
    } catch (const UsageError& e) {
      EXPECT_EQ(e.field(), "model");
    }
  }
}

}  // namespace
}  // namespace cascade

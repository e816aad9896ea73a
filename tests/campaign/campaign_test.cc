#include "cascade/campaign/campaign.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>

#include "cascade/diffusion/simulator.h"
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

TEST(Campaign, RefusesModelsWithoutReplayableWorlds) {
  const Graph graph = certain(kPathAndStar);
  for (const char* model : {"threshold:2", "threshold:0.5"}) {
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

// a -> b, c, d      every arc certain; a listed
// Everyone satisfied (q = 1): 3 adoptions and 3 positive impressions. Everyone unhappy (q = 0):
// no adoption, the 3 impressions all negative, the reach all negative.
TEST(Campaign, UnderIcnOnlySatisfiedPeopleAreAdoptions) {
  const Graph graph = certain("a b\na c\na d\n");
  for (const double q : {1.0, 0.0}) {
    const CampaignPlan plan = plan_of(fmt::format(R"(
[model]
model = "icn:q={},neg=1"
[budget]
total = 1
[[phase]]
seeding = "list"
seeds = ["a"]
[value]
cpm = 1000
value_per_adoption = 2
[run]
worlds = 4
)",
                                                  q));
    const CampaignReport report = run_campaign(graph, plan, {});
    EXPECT_TRUE(report.sentiment);
    expect_exact(report.reach.people, 4);
    expect_exact(report.reach.positive, 4 * q);
    expect_exact(report.reach.negative, 4 * (1 - q));
    expect_exact(report.phases[0].added.negative, 4 * (1 - q));
    ASSERT_TRUE(report.value);
    const CampaignValue& v = *report.value;
    EXPECT_DOUBLE_EQ(v.adoptions.mean, 3 * q);
    EXPECT_DOUBLE_EQ(v.positive_impressions.mean, 3 * q);
    EXPECT_DOUBLE_EQ(v.negative_impressions.mean, 3 * (1 - q));
    EXPECT_DOUBLE_EQ(v.negative_cost_equivalence->mean, 3 * (1 - q));  // cpm 1000: 1 each
    ASSERT_TRUE(v.return_on_fees);                                     // fee 1 in every world
    EXPECT_DOUBLE_EQ(v.return_on_fees->mean, 3 * q * 2 / 1 - 1);
    EXPECT_DOUBLE_EQ(v.fees_paid->mean, 1);
  }
}

// No world pays anything (an audience of weight 0: auto seeds nobody, in every world): the
// return is undefined, never 0, and the adoptions' value stands alone.
TEST(Campaign, ReturnIsUndefinedWhenNoWorldPaidAnything) {
  const Graph graph = certain(kPathAndStar);
  const CampaignPlan plan = plan_of(R"(
[budget]
total = 1
[[phase]]
seeding = "auto"
[value]
value_per_adoption = 2
[run]
worlds = 3
)");
  CampaignInputs inputs;
  inputs.targets.assign(graph.num_nodes(), 0.0);
  const CampaignReport report = run_campaign(graph, plan, inputs);
  EXPECT_TRUE(report.phases[0].seeds.empty());
  ASSERT_TRUE(report.value);
  EXPECT_FALSE(report.value->return_on_fees);
  ASSERT_TRUE(report.value->fees_paid);
  EXPECT_EQ(report.value->fees_paid->mean, 0);
  ASSERT_TRUE(report.value->adoption_value);
  EXPECT_EQ(report.value->adoption_value->mean, 0);
}

// Phase 2 (hubs) pays a different fee in different worlds: the return is the ratio of means,
// value x mean(adoptions) / mean(fees) - 1, recomputed here from the per-world figures.
//   a -> b (p = 0.5); x -> y1, y2 (certain); fees: a 1, b 4, x 2, others 1
TEST(Campaign, ReturnIsTheRatioOfMeansOverWorldsWithFeesThatVary) {
  Graph graph = testing::graph_from_text("a b\nx y1\nx y2\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.5"), 1);
  const CampaignPlan plan = plan_of(R"(
[budget]
total = 8
[[phase]]
share = 0.25
steps = 1
seeding = "list"
seeds = ["a"]
[[phase]]
share = 0.75
seeding = "hubs"
[value]
value_per_adoption = 3
[run]
worlds = 200
)");
  CampaignInputs inputs;
  inputs.fees.assign(graph.num_nodes(), 1.0);
  inputs.fees[*graph.labels().find("b")] = 4;
  inputs.fees[*graph.labels().find("x")] = 2;
  const CampaignReport report = run_campaign(graph, plan, inputs);
  ASSERT_TRUE(report.value && report.value->return_on_fees && report.value->fees_paid);
  const WorldEstimate& fees = report.phases[1].spent_per_world;
  EXPECT_LT(fees.low, fees.high);  // the fees do vary by world
  const double mean_fees = 1 + fees.mean;
  EXPECT_NEAR(report.value->fees_paid->mean, mean_fees, 1e-9);
  EXPECT_NEAR(report.value->return_on_fees->mean, 3 * report.value->adoptions.mean / mean_fees - 1,
              1e-9);
  EXPECT_LT(report.value->return_on_fees->low, report.value->return_on_fees->mean);
}

// A single-phase icn campaign on listed seeds reaches, positive and negative apart, what the icn
// simulator reaches from them, within 3 standard errors.
TEST(Campaign, SinglePhaseIcnReachMatchesTheSimulator) {
  Graph graph =
      testing::graph_from_text("0 1\n1 2\n2 0\n2 3\n3 4\n4 5\n5 3\n1 4\n0 5\n5 6\n6 7\n7 0\n");
  assign_probabilities(graph, ProbabilitySpec::parse("const:0.4"), 1);
  const CampaignPlan plan = plan_of(R"(
[model]
model = "icn:q=0.7,neg=1.5"
[budget]
total = 2
[[phase]]
seeding = "list"
seeds = ["0", "3"]
[run]
worlds = 20000
)");
  const CampaignReport report = run_campaign(graph, plan, {});
  SimulationOptions options;
  options.runs = 20000;
  const std::vector<NodeId> seeds = {*graph.labels().find("0"), *graph.labels().find("3")};
  const SimulationResult simulated = simulate(graph, report.model, seeds, options);
  const auto se = [](const WorldEstimate& e) { return (e.high - e.low) / (2 * 1.959963984540054); };
  EXPECT_NEAR(report.reach.positive.mean, simulated.positive.mean,
              3 * std::hypot(se(report.reach.positive), simulated.positive.standard_error));
  EXPECT_NEAR(report.reach.negative.mean, simulated.negative.mean,
              3 * std::hypot(se(report.reach.negative), simulated.negative.standard_error));
}

// icn's auto rule is CELF++ for positive reach: on a star with certain arcs its one seed is the
// centre, and the comparison is on positive people.
TEST(Campaign, IcnAutoChoosesByPositiveReach) {
  const Graph graph = certain("h a\nh b\nh c\nh d\nz y\n");
  const CampaignPlan plan = plan_of(R"(
[model]
model = "icn:q=0.9,neg=1"
[budget]
total = 1
[run]
worlds = 10
)");
  const CampaignReport report = run_campaign(graph, plan, {});
  EXPECT_EQ(report.phases[0].seeds, std::vector<NodeId>{*graph.labels().find("h")});
  EXPECT_EQ(report.objective, "positive people");
  expect_exact(report.difference, 0);  // the single shot is the same plan
}

TEST(Campaign, IcnRefusesWhatItDoesNotTakeYet) {
  const Graph graph = certain(kPathAndStar);
  const std::string icn = "[model]\nmodel = \"icn:q=0.5,neg=1\"\n[budget]\ntotal = 2\n";
  // auto after the first phase: InputError at the phase's line.
  EXPECT_THROW(run_campaign(graph,
                            plan_of(icn + "[[phase]]\nshare = 0.5\nsteps = 1\nseeding = \"hubs\"\n"
                                          "[[phase]]\nshare = 0.5\nseeding = \"auto\"\n"),
                            {}),
               InputError);
  CampaignInputs audience;
  audience.targets.assign(graph.num_nodes(), 1.0);
  try {
    run_campaign(graph, plan_of(icn + "[[phase]]\nseeding = \"hubs\"\n"), audience);
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "audience.targets");
  }
  CampaignInputs fees;
  fees.fees.assign(graph.num_nodes(), 1.0);
  try {
    run_campaign(graph, plan_of(icn + "[[phase]]\nseeding = \"auto\"\n"), fees);
    FAIL() << "expected an error";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "budget.fees");
  }
  EXPECT_NO_THROW(run_campaign(graph, plan_of(icn + "[[phase]]\nseeding = \"hubs\"\n"), fees));
  // neg_weight without icn: refused when the plan is read, at its line.
  try {
    plan_of("[model]\nmodel = \"ic\"\nneg_weight = 2\n[budget]\ntotal = 1\n");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("model.neg_weight"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cascade

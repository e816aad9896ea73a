#include "cascade/campaign/plan.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr const char* kPlan = R"(# a two-phase plan
[network]
graph = "people.csv"
prob = "wc"

[model]
model = "ic"
deadline = 10

[audience]
targets = "sub/audience.csv"

[budget]
total = 20
fees = "/abs/fees.csv"

[[phase]]
share = 0.5
steps = 3
seeding = "auto"

[[phase]]
share = 0.5
seeding = "list"
seeds = ["Müller, Anna", "b"]

[value]
cpm = 8.5
value_per_adoption = 2

[run]
worlds = 50
seed = 7
)";

// Parses `text` and returns the error it raises ("" when none), as "line: message".
std::string error_of(const std::string& text) {
  try {
    parse_plan(text, "plan.toml", "/plans");
  } catch (const InputError& e) {
    return fmt::format("{}: {}", e.line(), e.what());
  }
  return "";
}

TEST(CampaignPlan, ReadsEverySectionAndResolvesPathsAgainstThePlansFolder) {
  const CampaignPlan plan = parse_plan(kPlan, "plan.toml", "/plans");
  EXPECT_EQ(plan.graph, "/plans/people.csv");
  EXPECT_EQ(plan.prob, "wc");
  EXPECT_EQ(plan.model, "ic");
  ASSERT_TRUE(plan.deadline.has_value());
  EXPECT_EQ(*plan.deadline, 10u);
  EXPECT_EQ(plan.targets, "/plans/sub/audience.csv");
  EXPECT_EQ(plan.fees, "/abs/fees.csv");
  EXPECT_EQ(plan.budget, 20);
  ASSERT_EQ(plan.phases.size(), 2u);
  EXPECT_EQ(plan.phases[0].steps, 3u);
  EXPECT_EQ(plan.phases[0].seeding, "auto");
  EXPECT_EQ(plan.phases[1].seeding, "list");
  EXPECT_EQ(plan.phases[1].seeds, (std::vector<std::string>{"Müller, Anna", "b"}));
  EXPECT_EQ(plan.phases[1].seed_lines, (std::vector<std::uint64_t>{25, 25}));
  EXPECT_EQ(*plan.cpm, 8.5);
  EXPECT_EQ(*plan.value_per_adoption, 2);
  EXPECT_EQ(plan.worlds, 50u);
  EXPECT_EQ(plan.seed, 7u);
}

TEST(CampaignPlan, NoPhaseMeansTheWholeBudgetAtOnce) {
  const CampaignPlan plan = parse_plan("[network]\ngraph = \"g.txt\"\n[budget]\ntotal = 5\n", "p", "");
  ASSERT_EQ(plan.phases.size(), 1u);
  EXPECT_EQ(plan.phases[0].share, 1);
  EXPECT_EQ(plan.graph, "g.txt");
}

TEST(CampaignPlan, RefusesBadPlansWithLineKeyFoundAndExpected) {
  const std::string head = "[network]\ngraph = \"g.txt\"\n[budget]\ntotal = 5\n";
  EXPECT_THAT(error_of(head + "[model]\nmodle = \"ic\"\n"),
              ::testing::HasSubstr("6: model.modle: unknown key; expected one of deadline, fade, model, neg_weight"));
  EXPECT_THAT(error_of("[network]\ngraph = \"g.txt\"\n[budget]\ntotal = -5\n"),
              ::testing::HasSubstr("4: budget.total: found the integer -5; expected a positive number"));
  EXPECT_THAT(error_of(head + "[[phase]]\nshare = 0.5\n[[phase]]\nshare = 0.4\n"),
              ::testing::HasSubstr("phase.share: found 0.5 + 0.4 = 0.9; expected shares that sum to 1"));
  EXPECT_THAT(error_of(head + "[[phase]]\nseeding = \"list\"\n"),
              ::testing::HasSubstr("5: phase.seeds: found none"));
  EXPECT_THAT(error_of(head + "[[phase]]\nseeds = [\"a\"]\n"),
              ::testing::HasSubstr("6: phase.seeds: found a list with seeding = \"auto\""));
  EXPECT_THAT(error_of(head + "[[phase]]\nseeding = \"celebs\"\n"),
              ::testing::HasSubstr("6: phase.seeding: found the text \"celebs\"; expected auto, hubs, group or list"));
  EXPECT_THAT(error_of(head + "[model]\nmodel = \"sir\"\n"), ::testing::HasSubstr("6: model.model: "));
  EXPECT_THAT(error_of(head + "[network.extra]\n"), ::testing::HasSubstr("network.extra: unknown key"));
  EXPECT_THAT(error_of(head + "[run]\nworlds = 0\n"), ::testing::HasSubstr("6: run.worlds: found the integer 0"));
  EXPECT_THAT(error_of(head + "[value]\ncpm = \"8\"\n"),
              ::testing::HasSubstr("6: value.cpm: found the text \"8\"; expected a number at least 0"));
  EXPECT_THAT(error_of(head + "[budget]\ntotal = 3\n"), ::testing::HasSubstr("not a TOML plan"));
  EXPECT_THAT(error_of("[budget]\ntotal = 5\n"), ::testing::HasSubstr("network.graph: found none"));
  EXPECT_THAT(error_of("[network]\ngraph = \"g\"\n"), ::testing::HasSubstr("budget.total: found none"));
  EXPECT_THAT(error_of("[network\n"), ::testing::HasSubstr("1: not a TOML plan"));
}

TEST(CampaignPlan, ChecksListedLabelsAgainstTheGraph) {
  const Graph g = testing::graph_from_text("a b\n");
  CampaignPlan plan = parse_plan(
      "[network]\ngraph = \"g\"\n[budget]\ntotal = 2\n[[phase]]\nseeding = \"list\"\nseeds = [\"a\",\n \"zed\"]\n",
      "p.toml", "");
  try {
    check_plan_labels(plan, g);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 8u);
    EXPECT_THAT(e.what(), ::testing::HasSubstr("phase.seeds: found \"zed\", not a node of"));
  }
}

}  // namespace
}  // namespace cascade

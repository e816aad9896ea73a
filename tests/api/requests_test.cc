// The library API: every field checked before any work, errors naming the field as the API names
// it, the registry and the `auto` policy decided once, defaults in one place.
#include "cascade/api/requests.h"

#include <gtest/gtest.h>

#include <string>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph small_graph() {
  Graph g = testing::random_graph(300, 1500, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  return g;
}

// The field a request's UsageError names.
template <typename Call>
std::string refused_field(Call&& call) {
  try {
    call();
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(e.field() + ": ", 0), 0u) << e.what();
    return e.field();
  }
  return "(accepted)";
}

TEST(SeedRequest, EveryFieldIsCheckedAndNamed) {
  const Graph g = small_graph();
  auto with = [&](auto change) {
    SeedRequest r;
    r.k = 3;
    r.validation = 1000;
    change(r);
    return refused_field([&] { select_seeds(g, r); });
  };
  EXPECT_EQ(with([](SeedRequest& r) { r.k = 0; }), "k");
  EXPECT_EQ(with([](SeedRequest& r) { r.k = 301; }), "k");
  EXPECT_EQ(with([](SeedRequest& r) { r.eps = 1.5; }), "eps");
  EXPECT_EQ(with([](SeedRequest& r) { r.delta = -1; }), "delta");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "magic"; }), "algo");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "imm", r.time_limit = 1; }), "time_limit");
  EXPECT_EQ(with([](SeedRequest& r) { r.runs = 50; }), "runs");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "imm", r.candidates = 5; }), "candidates");
  EXPECT_EQ(with([](SeedRequest& r) { r.default_fee = 3; }), "default_fee");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "degree", r.eps = 0.2; }), "eps");
  EXPECT_EQ(with([](SeedRequest& r) { r.budget = -2; }), "budget");
  EXPECT_EQ(with([](SeedRequest& r) { r.budget = 5, r.algo = "imm"; }), "budget");
  EXPECT_EQ(with([](SeedRequest& r) { r.budget = 5, r.fees = {1, 2}; }), "fees");
  EXPECT_EQ(with([](SeedRequest& r) { r.model.model = "threshold:2", r.algo = "opim-c"; }), "algo");
  EXPECT_EQ(with([](SeedRequest& r) { r.model.fade = 1; }), "fade");
  EXPECT_EQ(with([](SeedRequest& r) { r.model.model = "bogus"; }), "model");
  // The adoption log belongs to algo credit, which needs it.
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "credit"; }), "log");
  EXPECT_EQ(with([](SeedRequest& r) { r.log = "log.csv"; }), "log");
  EXPECT_EQ(with([](SeedRequest& r) { r.log_format = "cascades"; }), "log_format");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "credit", r.log = "l", r.log_format = "xml"; }),
            "log_format");
  EXPECT_EQ(with([](SeedRequest& r) { r.window = 2; }), "window");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "credit", r.log = "l", r.window = -1; }), "window");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "credit", r.log = "l", r.budget = 5; }), "budget");
  EXPECT_EQ(with([](SeedRequest& r) { r.algo = "credit", r.log = "l", r.eps = 0.2; }), "eps");
}

TEST(SeedRequest, AutoIsDecidedOnceByTheModel) {
  const Graph g = small_graph();
  SeedRequest r;
  r.k = 2;
  r.validation = 1000;
  EXPECT_EQ(select_seeds(g, r).selection.algorithm, "opim-c+refine");
  r.model.model = "threshold:2";
  r.runs = 20;
  r.candidates = 20;
  const SeedResult by_simulation = select_seeds(g, r);
  EXPECT_EQ(by_simulation.selection.algorithm, "celf++");
  EXPECT_FALSE(by_simulation.sampling);
  EXPECT_FALSE(by_simulation.spread.by_rr_sets);
  // The registry names every algorithm select_seeds accepts.
  for (const AlgorithmInfo& info : seed_algorithms()) {
    SeedRequest each;
    each.k = 2;
    each.algo = info.name;
    each.validation = 1000;
    if (info.name == "celf") each.candidates = 20, each.runs = 10;
    if (info.name == "credit") {
      each.log = testing::scratch_path("registry_log.csv");
      testing::write_text(each.log, "item,user,time\n1,0,0\n1,1,1\n2,2,0\n");
    }
    EXPECT_EQ(select_seeds(g, each).selection.seeds.size(), 2u) << info.name;
  }
}

// a -> b -> c; item 1: a, then b, then c; item 2: c alone. sigma_cd({a}) = 1 + 1 + 1/2.
TEST(SeedRequest, CreditChoosesFromTheLogAndStillValidatesTheSpread) {
  Graph g = testing::graph_from_text("a b\nb c\n");
  assign_probabilities(g, ProbabilitySpec::parse("const:0.5"), 1);
  SeedRequest r;
  r.k = 1;
  r.algo = "credit";
  r.validation = 20'000;
  r.log = testing::scratch_path("credit_request.csv");
  testing::write_text(r.log, "item,user,time\n1,a,0\n1,b,1\n1,c,2\n2,c,0\n");
  const SeedResult result = select_seeds(g, r);
  ASSERT_TRUE(result.credit.has_value());
  EXPECT_EQ(result.selection.seeds, std::vector<NodeId>{0});
  EXPECT_DOUBLE_EQ(result.credit->sigma_cd, 2.5);
  EXPECT_EQ(result.credit->window, 1);
  EXPECT_FALSE(result.sampling);
  // The spread is the ic spread under the graph's probabilities: 1 + 1/2 + 1/4.
  EXPECT_NEAR(result.spread.spread.mean, 1.75, 4 * result.spread.spread.standard_error + 1e-9);
  r.algo = "degree";
  r.log.clear();
  EXPECT_FALSE(select_seeds(g, r).credit.has_value());
}

TEST(SeedRequest, BudgetsReportFeesAndSpending) {
  const Graph g = small_graph();
  SeedRequest r;
  r.budget = 7;
  r.k = 3;
  r.validation = 1000;
  r.fees.assign(g.num_nodes(), 2.0);
  const SeedResult result = select_seeds(g, r);
  EXPECT_TRUE(result.budgeted);
  EXPECT_LE(result.selection.seeds.size(), 3u);
  EXPECT_EQ(result.seed_fees.size(), result.selection.seeds.size());
  EXPECT_LE(result.spent, 7.0);
  EXPECT_EQ(result.spent, 2.0 * static_cast<double>(result.selection.seeds.size()));
}

TEST(OtherRequests, FieldsAreCheckedAndNamed) {
  const Graph g = small_graph();
  EXPECT_EQ(refused_field([&] { simulate(g, SimulationRequest{}); }), "seeds");
  SimulationRequest twice;
  twice.seeds = {1, 1};
  EXPECT_EQ(refused_field([&] { simulate(g, twice); }), "seeds");
  SimulationRequest no_runs;
  no_runs.seeds = {1};
  no_runs.runs = 0;
  EXPECT_EQ(refused_field([&] { simulate(g, no_runs); }), "runs");
  InfluenceRequest top;
  top.top = "lots";
  EXPECT_EQ(refused_field([&] { influencers(g, top); }), "top");
  top.top = "301";
  EXPECT_EQ(refused_field([&] { influencers(g, top); }), "top");
  CommunityRequest resolution;
  resolution.resolution = 0;
  EXPECT_EQ(refused_field([&] { communities(g, resolution); }), "resolution");
  GroupFile tiny;
  tiny.group.assign(g.num_nodes(), GroupFile::kUnlisted);
  tiny.group[0] = 0;
  tiny.listed = 1;
  tiny.groups = 1;
  CommunityRequest truth;
  truth.truth = &tiny;
  EXPECT_EQ(refused_field([&] { communities(g, truth); }), "truth");
  CompareRequest none;
  none.strategies = {};
  EXPECT_EQ(refused_field([&] { compare(g, none); }), "strategies");
  CompareRequest repeated;
  repeated.strategies = {"hubs", "hubs"};
  EXPECT_EQ(refused_field([&] { compare(g, repeated); }), "strategies");
  AuditRequest account;
  account.account = 300;
  EXPECT_EQ(refused_field([&] { audit(g, account); }), "account");
}

TEST(SimulationRequest, ASingleRunHasNoErrorBar) {
  const Graph g = small_graph();
  SimulationRequest r;
  r.seeds = {1, 2};
  r.runs = 1;
  EXPECT_FALSE(simulate(g, r).error_bars);
  r.runs = 2;
  const SimulationReport two = simulate(g, r);
  EXPECT_TRUE(two.error_bars);
  EXPECT_GE(two.result.reach.low, 2.0);  // never below the seeds, which every run reaches
}

}  // namespace
}  // namespace cascade

// Every selector returns distinct seeds, for every k from 1 to n, and k = n returns everyone: once
// the sample is exhausted the seats are filled by highest out-degree (ties to the smaller id),
// never by a repeat. (A greedy that took the first node when every count was 0 returned node 0
// 240 times among 600 seeds on email-Eu-core.)
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <string>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/imm.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/select/budgeted_greedy.h"
#include "cascade/select/max_coverage.h"
#include "test_graphs.h"

namespace cascade {
namespace {

bool distinct_nodes(const std::vector<NodeId>& seeds, NodeId n) {
  const std::set<NodeId> unique(seeds.begin(), seeds.end());
  return unique.size() == seeds.size() && std::all_of(seeds.begin(), seeds.end(),
                                                      [&](NodeId v) { return v < n; });
}

std::vector<NodeId> everyone(NodeId n) {
  std::vector<NodeId> all(n);
  std::iota(all.begin(), all.end(), NodeId{0});
  return all;
}

std::vector<NodeId> sorted(std::vector<NodeId> v) {
  std::sort(v.begin(), v.end());
  return v;
}

RC_GTEST_PROP(DistinctSeeds, EverySelectorForEveryK,
              (std::uint8_t nodes, std::uint8_t arcs, std::uint64_t seed, bool wc)) {
  const auto n = static_cast<NodeId>(nodes % 9 + 1);
  Graph g = testing::random_graph(n, arcs % 30 + 1, seed, false, false);
  RC_PRE(g.num_arcs() > 0);  // the diffusion models refuse a graph without arcs
  assign_probabilities(g, ProbabilitySpec::parse(wc ? "wc" : "const:0.4"), seed);
  const DiffusionModel model = DiffusionModel::parse("ic");
  RRCollection sets;
  RRSampler(g, model).generate(sets, 0, 50, seed, StreamPurpose::kTest);
  for (std::uint32_t k = 1; k <= n; ++k) {
    OpimOptions opim;
    opim.k = k;
    opim.epsilon = 0.5;
    opim.seed = seed;
    ImmOptions imm_options;
    imm_options.k = k;
    imm_options.epsilon = 0.5;
    imm_options.seed = seed;
    CelfOptions celf;
    celf.k = k;
    celf.runs = 8;
    celf.seed = seed;
    const std::vector<std::pair<std::string, std::vector<NodeId>>> picks{
        {"greedy", greedy_max_coverage(sets, g, k).seeds},
        {"opim-c", opim_c(g, model, opim).seeds},
        {"imm", imm(g, model, imm_options).seeds},
        {"celf++", celf_plus_plus(g, model, celf).seeds},
        {"degree", highest_degree(g, k)},
        {"degree-discount", degree_discount(g, k)},
        {"pagerank", pagerank(g, k)},
        {"random", random_seeds(g, k, seed)},
    };
    for (const auto& [name, seeds] : picks) {
      RC_ASSERT(seeds.size() == k);
      RC_ASSERT(distinct_nodes(seeds, n));
      if (k == n) RC_ASSERT(sorted(seeds) == everyone(n));
    }
  }
  // Budgets: any budget, any costs, never a repeat, never over the budget.
  std::vector<double> costs(n);
  RandomStream random(seed, StreamPurpose::kTest, 1);
  for (double& c : costs) c = 0.5 + 3 * random.uniform();
  for (const double budget : {0.0, 1.0, 3.0, 10.0, 100.0}) {
    const BudgetedSelection chosen = budgeted_max_coverage(sets, costs, budget);
    RC_ASSERT(distinct_nodes(chosen.selection.seeds, n));
    RC_ASSERT(chosen.cost <= budget);
  }
}

//   a star: 0 -> 1..5 with p = 1, and 6, 7 isolated; out-degrees 5, 0, 0, ...
//   Every RR set rooted at a leaf contains 0, so after 0, 6 and 7 every set is covered: the
//   sample is exhausted after three seeds and the other seats are filled by the rule
//   (out-degree, then id: 1, 2, 3, 4, 5), each with marginal coverage 0.
TEST(DistinctSeeds, ExhaustedSampleIsFilledByOutDegreeThenId) {
  Graph g = testing::graph_from_text("0 1\n0 2\n0 3\n0 4\n0 5\n6 6\n7 7\n");
  assign_probabilities(g, ProbabilitySpec::parse("const:1"), 1);
  ASSERT_EQ(g.num_nodes(), 8u);
  const DiffusionModel model = DiffusionModel::parse("ic");
  RRCollection sets;
  RRSampler(g, model).generate(sets, 0, 400, 3, StreamPurpose::kTest);
  const CoverageSelection greedy = greedy_max_coverage(sets, g, 8);
  ASSERT_EQ(greedy.seeds.size(), 8u);
  EXPECT_EQ(sorted({greedy.seeds.begin(), greedy.seeds.begin() + 3}),
            (std::vector<NodeId>{0, 6, 7}));
  EXPECT_EQ(std::vector<NodeId>(greedy.seeds.begin() + 3, greedy.seeds.end()),
            (std::vector<NodeId>{1, 2, 3, 4, 5}));
  EXPECT_EQ(greedy.filled, 5u);
  EXPECT_EQ(greedy.coverage, 400u);
  for (std::size_t i = 3; i < 8; ++i) EXPECT_EQ(greedy.marginal_coverage[i], 0u);
  EXPECT_EQ(greedy.optimal_upper_bound, 400u);  // still a bound, and tight

  // The fill order is a parameter: in reverse id order, 5 comes first.
  std::vector<NodeId> reverse(8);
  std::iota(reverse.rbegin(), reverse.rend(), NodeId{0});
  const CoverageSelection reversed = greedy_max_coverage(sets, reverse, 4);
  EXPECT_EQ(reversed.seeds.back(), 5u);
  EXPECT_THROW(greedy_max_coverage(sets, std::vector<NodeId>{0, 1, 1, 2, 3, 4, 5, 6}, 2),
               UsageError);

  // OPIM-C and IMM fill the same way, say so in their notes, and give the filled seeds 0 gain.
  OpimOptions opim;
  opim.k = 8;
  const SeedSelection chosen = opim_c(g, model, opim);
  EXPECT_EQ(std::vector<NodeId>(chosen.seeds.begin() + 3, chosen.seeds.end()),
            (std::vector<NodeId>{1, 2, 3, 4, 5}));
  EXPECT_DOUBLE_EQ(chosen.estimated_spread, 8.0);
  for (std::size_t i = 3; i < 8; ++i) EXPECT_EQ(chosen.marginal_gain[i], 0.0);
  EXPECT_TRUE(std::any_of(chosen.notes.begin(), chosen.notes.end(), [](const std::string& note) {
    return note.starts_with("5 seeds filled by the rule");
  })) << chosen.notes.back();
  ImmOptions imm_options;
  imm_options.k = 6;
  const SeedSelection by_imm = imm(g, model, imm_options);
  EXPECT_EQ(std::vector<NodeId>(by_imm.seeds.begin() + 3, by_imm.seeds.end()),
            (std::vector<NodeId>{1, 2, 3}));
  EXPECT_TRUE(std::any_of(by_imm.notes.begin(), by_imm.notes.end(), [](const std::string& note) {
    return note.starts_with("3 seeds filled by the rule");
  }));

  // CELF++: after 0, 6, 7 every candidate is reached in every run; the rest in out-degree order.
  CelfOptions celf;
  celf.k = 8;
  celf.runs = 10;
  const SeedSelection greedy_by_simulation = celf_plus_plus(g, model, celf);
  EXPECT_EQ(greedy_by_simulation.seeds, (std::vector<NodeId>{0, 6, 7, 1, 2, 3, 4, 5}));
  EXPECT_TRUE(std::any_of(greedy_by_simulation.notes.begin(), greedy_by_simulation.notes.end(),
                          [](const std::string& note) {
                            return note.starts_with("5 seeds filled by the rule");
                          }));
  celf.candidates = {0, 1, 1};
  celf.k = 2;
  EXPECT_THROW(celf_plus_plus(g, model, celf), UsageError);
}

TEST(DistinctSeeds, BudgetedGreedyStopsWhenNothingIsLeftToCover) {
  //   RR sets {0} {0} {1}: after 0 and 1 nothing adds coverage; a budget of 100 is not spent on
  //   node 2, and never on a repeat.
  RRCollection sets;
  const std::vector<std::uint64_t> offsets{0, 1, 2, 3};
  const std::vector<NodeId> members{0, 0, 1};
  sets.append(offsets, members);
  const BudgetedSelection chosen = budgeted_max_coverage(sets, {1, 1, 1}, 100);
  EXPECT_EQ(chosen.selection.seeds, (std::vector<NodeId>{0, 1}));
  EXPECT_DOUBLE_EQ(chosen.cost, 2);
  EXPECT_THROW(budgeted_max_coverage(sets, {1, 1, 1}, std::nan("")), UsageError);
  EXPECT_THROW(budgeted_max_coverage(sets, {1, -1, 1}, 3), UsageError);
}

}  // namespace
}  // namespace cascade

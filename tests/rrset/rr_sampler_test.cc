#include "cascade/rrset/rr_sampler.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../diffusion/exact_spread.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/subset_sampling.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph with_probabilities(const std::string& text, const char* scheme) {
  Graph g = testing::graph_from_text(text);
  assign_probabilities(g, ProbabilitySpec::parse(scheme), 1);
  return g;
}

// Each node's share of RR sets is its exact spread over n (Borgs et al. 2014, Lemma 3.1).
void expect_shares_match_exact(const Graph& g, const char* model_name) {
  const DiffusionModel model = DiffusionModel::parse(model_name);
  RRCollection sets;
  const std::uint64_t theta = 200000;
  RRSampler(g, model).generate(sets, 0, theta, 3);
  std::vector<double> count(g.num_nodes(), 0);
  for (std::uint64_t s = 0; s < sets.size(); ++s) {
    for (const NodeId v : sets.set(s)) ++count[v];
  }
  for (NodeId u = 0; u < g.num_nodes(); ++u) {
    const double exact =
        (model.kind == ModelKind::kLinearThreshold ? testing::exact_linear_threshold(g, {u})
                                                   : testing::exact_independent_cascade(g, {u}))
            .reach /
        g.num_nodes();
    const double clamped = std::min(exact, 1.0);  // float probabilities can sum a hair above 1
    const double share = count[u] / theta;
    const double standard_error = std::sqrt(clamped * (1 - clamped) / theta);
    EXPECT_NEAR(share, clamped, 4 * standard_error + 1e-6) << model_name << " node " << g.label(u);
  }
}

//   a --0.5--> b --0.4--> d --0.7--> e
//   a --0.3--> c --0.6--> d,  c --0.2--> b
const char* kDiamond = "a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\n";

TEST(RRSampler, SharesMatchExactSpreadUnderIcWithCoinsAndWithSkips) {
  expect_shares_match_exact(with_probabilities(kDiamond, "weight"), "ic");  // a coin per arc
  // wc: every in-arc of a node shares 1/in-degree, so the geometric skips are used.
  expect_shares_match_exact(with_probabilities(kDiamond, "wc"), "ic");
  expect_shares_match_exact(with_probabilities("a b\nb a\nb c\nc a\nd c\nd b\n", "const:0.35"), "ic");
}

TEST(RRSampler, SharesMatchExactSpreadUnderLt) {
  expect_shares_match_exact(with_probabilities(kDiamond, "weight-normalized"), "lt");
  expect_shares_match_exact(with_probabilities(kDiamond, "wc"), "lt");
  expect_shares_match_exact(with_probabilities("x y 0.3\nz y 0.5\ny w 0.9\n", "weight"), "lt");
}

TEST(RRSampler, SameSetsOnAnyThreadCountAndBatching) {
  Graph g = testing::random_graph(3000, 20000, 2, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  const RRSampler sampler(g, DiffusionModel::parse("ic"));
  RRCollection one, two;
  set_num_threads(1);
  sampler.generate(one, 0, 5000, 9);
  set_num_threads(2);
  sampler.generate(two, 0, 2000, 9);  // the same sets, drawn in two batches
  sampler.generate(two, 2000, 3000, 9);
  set_num_threads(0);
  ASSERT_EQ(one.size(), two.size());
  for (std::uint64_t s = 0; s < one.size(); ++s) {
    ASSERT_TRUE(std::equal(one.set(s).begin(), one.set(s).end(), two.set(s).begin(), two.set(s).end()));
  }
}

TEST(RRSampler, RefusesModelsItCannotSample) {
  Graph g = with_probabilities(kDiamond, "wc");
  EXPECT_THROW(RRSampler(g, DiffusionModel::parse("threshold:2")), UsageError);
  EXPECT_THROW(RRSampler(g, DiffusionModel::parse("icn:q=0.5,neg=2")), UsageError);
  DiffusionModel faded = DiffusionModel::parse("ic");
  faded.fade = 0.1;
  EXPECT_THROW(RRSampler(g, faded), UsageError);
}

TEST(SubsetSampling, EachIndexKeptWithItsProbability) {
  RandomStream random(5, StreamPurpose::kTest, 0);
  const int trials = 100000;
  std::vector<int> kept(12, 0);
  for (int t = 0; t < trials; ++t) {
    std::uint32_t previous = 0;
    bool first = true;
    sample_subset(12, 0.3f, random, [&](std::uint32_t i) {
      EXPECT_TRUE(first || i > previous);  // increasing, no repeats
      first = false;
      previous = i;
      ++kept[i];
    });
  }
  const double standard_error = std::sqrt(0.3 * 0.7 / trials);
  for (const int k : kept) EXPECT_NEAR(static_cast<double>(k) / trials, 0.3, 4 * standard_error);
}

}  // namespace
}  // namespace cascade

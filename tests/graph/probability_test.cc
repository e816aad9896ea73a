#include "cascade/graph/probability.h"

#include <gtest/gtest.h>

#include <map>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using testing::graph_from_text;

// The probability of arc u -> v seen from u's out-row, checked equal to the one in v's in-row.
float arc_probability(const Graph& g, const std::string& from, const std::string& to) {
  const NodeId u = *g.labels().find(from), v = *g.labels().find(to);
  float out = -1, in = -2;
  for (std::size_t i = 0; i < g.out_degree(u); ++i) {
    if (g.out_neighbors(u)[i] == v) out = g.out_probabilities(u)[i];
  }
  for (std::size_t i = 0; i < g.in_degree(v); ++i) {
    if (g.in_neighbors(v)[i] == u) in = g.in_probabilities(v)[i];
  }
  EXPECT_EQ(out, in) << from << " -> " << to;
  return out;
}

//   a -> c, b -> c, d -> c, c -> a      in-degrees: c 3, a 1
const char* kStar = "a c 2\nb c 1\nd c 1\nc a 0.5\n";

TEST(Probability, WeightedCascadeIsOneOverInDegreeOfTarget) {
  Graph g = graph_from_text(kStar);
  assign_probabilities(g, ProbabilitySpec::parse("wc"), 1);
  EXPECT_FLOAT_EQ(arc_probability(g, "a", "c"), 1.0f / 3);
  EXPECT_FLOAT_EQ(arc_probability(g, "d", "c"), 1.0f / 3);
  EXPECT_FLOAT_EQ(arc_probability(g, "c", "a"), 1.0f);
  EXPECT_EQ(g.probability_scheme(), "wc");
}

TEST(Probability, ConstantWeightAndNormalizedWeight) {
  Graph g = graph_from_text(kStar);
  assign_probabilities(g, ProbabilitySpec::parse("const:0.05"), 1);
  EXPECT_FLOAT_EQ(arc_probability(g, "b", "c"), 0.05f);
  EXPECT_EQ(g.probability_scheme(), "const:0.05");
  assign_probabilities(g, ProbabilitySpec::parse("weight-normalized"), 1);
  EXPECT_FLOAT_EQ(arc_probability(g, "a", "c"), 0.5f);  // 2 / (2 + 1 + 1)
  EXPECT_FLOAT_EQ(arc_probability(g, "b", "c"), 0.25f);
  EXPECT_FLOAT_EQ(arc_probability(g, "c", "a"), 1.0f);
  EXPECT_NEAR(summarize_probabilities(g).max_in_sum, 1.0, 1e-6);
  Graph p = graph_from_text("a b 0.3\nb a 0.9\n");
  assign_probabilities(p, ProbabilitySpec::parse("weight"), 1);
  EXPECT_FLOAT_EQ(arc_probability(p, "a", "b"), 0.3f);
  EXPECT_FLOAT_EQ(arc_probability(p, "b", "a"), 0.9f);
}

TEST(Probability, TrivalencyIsDeterministicPerSeedAndBalanced) {
  Graph g = testing::random_graph(500, 6000, 3, false, false);
  assign_probabilities(g, ProbabilitySpec::parse("trivalency"), 42);
  const std::vector<float> first(g.in_probabilities(0).begin(), g.in_probabilities(0).end());
  std::map<float, int> counts;
  for (NodeId v = 0; v < g.num_nodes(); ++v) {
    for (const float p : g.in_probabilities(v)) ++counts[p];
  }
  ASSERT_EQ(counts.size(), 3u);
  for (const auto& [value, count] : counts) {
    EXPECT_TRUE(value == 0.1f || value == 0.01f || value == 0.001f);
    // Each value a third of ~6000 arcs; 5 standard deviations is about 180.
    EXPECT_NEAR(count, static_cast<double>(g.num_arcs()) / 3, 180);
  }
  assign_probabilities(g, ProbabilitySpec::parse("trivalency"), 42);
  EXPECT_EQ(std::vector<float>(g.in_probabilities(0).begin(), g.in_probabilities(0).end()), first);
  int differences = 0;
  assign_probabilities(g, ProbabilitySpec::parse("trivalency"), 43);
  for (NodeId v = 0; v < 50; ++v) {
    const auto& row = g.in_probabilities(v);
    Graph copy = g;
    assign_probabilities(copy, ProbabilitySpec::parse("trivalency"), 42);
    for (std::size_t i = 0; i < row.size(); ++i) differences += row[i] != copy.in_probabilities(v)[i];
  }
  EXPECT_GT(differences, 0);
}

TEST(Probability, BadSchemesAndWeightsAreRefused) {
  EXPECT_THROW(ProbabilitySpec::parse("const:1.5"), UsageError);
  EXPECT_THROW(ProbabilitySpec::parse("const:nan"), UsageError);
  EXPECT_THROW(ProbabilitySpec::parse("const:"), UsageError);
  EXPECT_THROW(ProbabilitySpec::parse("weighted"), UsageError);
  Graph unweighted = graph_from_text("0 1\n");
  EXPECT_THROW(assign_probabilities(unweighted, ProbabilitySpec::parse("weight"), 1), UsageError);
  Graph heavy = graph_from_text("x y 3\n");
  try {
    assign_probabilities(heavy, ProbabilitySpec::parse("weight"), 1);
    FAIL() << "a weight of 3 was taken as a probability";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("arc x -> y has weight 3"), std::string::npos);
  }
}

}  // namespace
}  // namespace cascade

#include "cascade/graph/arc_posterior.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph load_text(const std::string& name, const std::string& text, bool evidence = true,
                bool undirected = false) {
  const std::string path = testing::scratch_path(name);
  testing::write_text(path, text);
  LoadRequest request;
  request.path = path;
  request.prob = "weight";
  request.arc_evidence = evidence;
  request.undirected = undirected;
  return load(request);
}

// The probability, trials and successes stored for arc u -> v (by label).
struct Arc {
  float probability;
  double trials, successes;
};
Arc arc(const Graph& g, const std::string& u, const std::string& v) {
  const NodeId from = *g.labels().find(u);
  const NodeId to = *g.labels().find(v);
  const auto row = g.out_neighbors(from);
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] != to) continue;
    const ArcIndex a = g.arrays().out_offsets[from] + i;
    return {g.out_probabilities(from)[i], g.arc_evidence()->trials[a],
            g.arc_evidence()->successes[a]};
  }
  ADD_FAILURE() << "no arc " << u << " -> " << v;
  return {};
}

// Lines out of CSR order, a self-loop (dropped), an arc never tried, expected successes (em):
//   c -> a (10 trials, 2.5 successes)   a -> b (4, 1)   b -> c (0, 0)   a -> c (3, 3)
constexpr const char* kLearned =
    "source,target,probability,trials,successes,low,high\n"
    "c,a,0.25,10,2.5,0.1,0.5\n"
    "a,b,0.25,4,1,0.05,0.7\n"
    "b,b,0.5,2,1,0.1,0.9\n"
    "b,c,0.1,0,0,0,1\n"
    "a,c,1,3,3,0.5,1\n";

TEST(ArcEvidence, EachLineLandsOnItsArc) {
  const Graph g = load_text("learned.csv", kLearned);
  ASSERT_NE(g.arc_evidence(), nullptr);
  ASSERT_EQ(g.num_arcs(), 4u);
  const Arc ca = arc(g, "c", "a"), ab = arc(g, "a", "b"), bc = arc(g, "b", "c"),
            ac = arc(g, "a", "c");
  EXPECT_EQ(ca.trials, 10);
  EXPECT_EQ(ca.successes, 2.5);
  EXPECT_EQ(ab.trials, 4);
  EXPECT_EQ(ab.successes, 1);
  EXPECT_EQ(bc.trials, 0);
  EXPECT_EQ(ac.trials, 3);
  EXPECT_EQ(ac.successes, 3);
  EXPECT_FLOAT_EQ(ac.probability, 1.0f);
}

TEST(ArcEvidence, KeptOnlyWhenAskedAndPresent) {
  EXPECT_EQ(load_text("learned.csv", kLearned, false).arc_evidence(), nullptr);
  const Graph plain = load_text("plain.csv", "source,target,probability\na,b,0.5\n");
  EXPECT_EQ(plain.arc_evidence(), nullptr);
  EXPECT_EQ(plain.memory_bytes(),
            load_text("plain.csv", "source,target,probability\na,b,0.5\n", false).memory_bytes());
}

TEST(ArcEvidence, UndirectedGivesBothDirectionsTheLine) {
  const Graph g =
      load_text("once.csv", "source,target,p,trials,successes\na,b,0.5,8,4\n", true, true);
  EXPECT_EQ(arc(g, "b", "a").trials, 8);
  EXPECT_EQ(arc(g, "a", "b").successes, 4);
}

void expect_input_error(const std::string& text, std::uint64_t line, const std::string& part,
                        bool undirected = false) {
  try {
    load_text("bad.csv", text, true, undirected);
    ADD_FAILURE() << "no error for " << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(ArcEvidence, RefusesWhatCannotBeAPosterior) {
  const std::string header = "source,target,probability,trials,successes\n";
  expect_input_error(header + "a,b,0.5,4,1\nb,c,0.5,-1,0\n", 3, "found trials '-1'");
  expect_input_error(header + "a,b,0.5,4,x\n", 2, "found successes 'x'");
  expect_input_error(header + "a,b,0.5,4,5\n", 2, "successes 5 above trials 4");
  expect_input_error(header + "a,b,0.5,4,1\na,b,0.5,4,1\n", 3,
                     "found arc a -> b again (first on line 2)");
  expect_input_error(header + "a,b,0.5,4,1\nb,a,0.5,4,1\n", 3, "read it without --undirected",
                     true);
}

TEST(ArcEvidence, ExpectedSuccessesRoundedJustAboveTrialsAreKept) {
  const Graph g = load_text("round.csv", "source,target,p,trials,successes\na,b,1,3,3.0000002\n");
  EXPECT_EQ(arc(g, "a", "b").successes, 3);
}

// Gamma(k): mean k, variance k. Beta(a, b): mean a / (a + b), variance ab / ((a + b)^2 (a + b +
// 1)). 200,000 draws: the sample mean within 5 standard errors, the sample variance within 3%.
TEST(BetaDraw, HasTheRightMeanAndVariance) {
  constexpr int kDraws = 200'000;
  for (const double shape : {0.3, 1.0, 4.5, 100.0}) {
    double sum = 0, squares = 0;
    for (int i = 0; i < kDraws; ++i) {
      RandomStream stream(3, StreamPurpose::kTest, static_cast<std::uint64_t>(i));
      const double x = gamma_draw(stream, shape);
      ASSERT_GE(x, 0);
      sum += x;
      squares += x * x;
    }
    const double mean = sum / kDraws, variance = squares / kDraws - mean * mean;
    EXPECT_NEAR(mean, shape, 5 * std::sqrt(shape / kDraws)) << "Gamma(" << shape << ")";
    EXPECT_NEAR(variance / shape, 1, 0.03) << "Gamma(" << shape << ")";
  }
  const std::pair<double, double> shapes[] = {{1, 1}, {2, 5}, {0.5, 0.5}, {31, 71}, {1.5, 400}};
  for (const auto& [a, b] : shapes) {
    double sum = 0, squares = 0;
    for (int i = 0; i < kDraws; ++i) {
      RandomStream stream(4, StreamPurpose::kTest, static_cast<std::uint64_t>(i));
      const double x = beta_draw(stream, a, b);
      ASSERT_GE(x, 0);
      ASSERT_LE(x, 1);
      sum += x;
      squares += x * x;
    }
    const double expected_mean = a / (a + b);
    const double expected_variance = a * b / ((a + b) * (a + b) * (a + b + 1));
    const double mean = sum / kDraws, variance = squares / kDraws - mean * mean;
    EXPECT_NEAR(mean, expected_mean, 5 * std::sqrt(expected_variance / kDraws))
        << "Beta(" << a << ", " << b << ")";
    EXPECT_NEAR(variance / expected_variance, 1, 0.03) << "Beta(" << a << ", " << b << ")";
  }
}

TEST(DrawProbabilities, DrawsTriedArcsAndKeepsTheOthers) {
  const Graph g = load_text("learned.csv", kLearned);
  const DrawnArcs counts = count_drawn_arcs(*g.arc_evidence());
  EXPECT_EQ(counts.drawn, 3u);
  EXPECT_EQ(counts.fixed, 1u);
  std::vector<float> out, in, out2, in2;
  draw_probabilities(g, 1, 1, 7, 0, out, in);
  draw_probabilities(g, 1, 1, 7, 1, out2, in2);
  const NodeId b = *g.labels().find("b"), c = *g.labels().find("c");
  const ArcIndex bc = g.arrays().out_offsets[b];  // b's only arc
  EXPECT_EQ(out[bc], 0.1f);                       // never tried: kept
  EXPECT_EQ(out2[bc], 0.1f);
  EXPECT_NE(out, out2);  // tried arcs differ from draw to draw
  // In-arcs carry the same numbers as out-arcs: b -> c is c's in-arc from b.
  const auto sources = g.in_neighbors(c);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i] == b) {
      EXPECT_EQ(in[g.arrays().in_offsets[c] + i], 0.1f);
    }
  }
  for (NodeId u = 0; u < g.num_nodes(); ++u) {
    for (std::size_t i = 0; i < g.out_degree(u); ++i) {
      const NodeId v = g.out_neighbors(u)[i];
      const auto into = g.in_neighbors(v);
      const std::size_t j = std::lower_bound(into.begin(), into.end(), u) - into.begin();
      EXPECT_EQ(out[g.arrays().out_offsets[u] + i], in[g.arrays().in_offsets[v] + j]);
    }
  }
}

TEST(DrawProbabilities, SameOnOneAndTwoThreads) {
  // 2,000 arcs, each with its own evidence.
  std::string text = "source,target,probability,trials,successes\n";
  for (int i = 0; i < 2000; ++i) {
    text += std::to_string(i) + "," + std::to_string((i * 37 + 11) % 997 + 1000) + ",0.1," +
            std::to_string(i % 13) + "," + std::to_string((i % 13) / 3) + "\n";
  }
  const Graph g = load_text("many.csv", text);
  const int threads = num_threads();
  std::vector<float> out1, in1, out2, in2;
  set_num_threads(1);
  draw_probabilities(g, 1, 1, 9, 3, out1, in1);
  set_num_threads(2);
  draw_probabilities(g, 1, 1, 9, 3, out2, in2);
  set_num_threads(threads);
  EXPECT_EQ(out1, out2);
  EXPECT_EQ(in1, in2);
}

}  // namespace
}  // namespace cascade

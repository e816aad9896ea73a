#include "cascade/graph/builder.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cascade/parallel/random_stream.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using testing::graph_from_text;

//   a -> b (twice: weights 0.5 and 0.5), a -> a (self-loop), b -> c
TEST(Builder, DropsSelfLoopsAndMergesDuplicates) {
  const Graph sum = graph_from_text("a b 0.5\na a 0.3\nb c 0.2\na b 0.5\n");
  EXPECT_EQ(sum.num_arcs(), 2u);
  EXPECT_EQ(sum.load_report().self_loops_dropped, 1u);
  EXPECT_EQ(sum.load_report().duplicates_merged, 1u);
  EXPECT_FLOAT_EQ(sum.out_weights(0)[0], 1.0f);  // tie strengths add up

  BuildOptions chances;
  chances.duplicates = DuplicateMerge::kIndependentChances;
  const Graph probability = graph_from_text("a b 0.5\na a 0.3\nb c 0.2\na b 0.5\n", chances);
  EXPECT_FLOAT_EQ(probability.out_weights(0)[0], 0.75f);  // 1 - 0.5 * 0.5
}

//   0 - 1 - 2 stored undirected: four arcs; "1 0" repeats "0 1" and is merged.
TEST(Builder, UndirectedStoresBothDirections) {
  BuildOptions undirected;
  undirected.undirected = true;
  const Graph g = graph_from_text("0 1\n1 2\n1 0\n", undirected);
  EXPECT_FALSE(g.directed());
  EXPECT_EQ(g.num_arcs(), 4u);
  EXPECT_EQ(g.load_report().duplicates_merged, 2u);
  EXPECT_EQ(g.out_degree(1), 2u);
  EXPECT_EQ(g.in_degree(1), 2u);
}

//   a = b (listed "a b" and "b a"), b - c, c = d (listed "c d" twice and "d c"), e - e dropped
TEST(Builder, UndirectedWarnsAboutLinksListedBothWays) {
  BuildOptions undirected;
  undirected.undirected = true;
  undirected.duplicates = DuplicateMerge::kIndependentChances;
  const Graph g =
      graph_from_text("a b 0.5\nb a 0.5\nb c 0.2\nc d 0.1\nd c 0.1\nc d 0.1\ne e 0.3\n", undirected);
  const NodeId a = *g.labels().find("a");
  EXPECT_FLOAT_EQ(g.out_weights(a)[0], 0.75f);  // the behaviour stays, and is told
  ASSERT_EQ(g.load_report().warnings.size(), 1u);
  const std::string& warning = g.load_report().warnings[0];
  EXPECT_EQ(warning.rfind("2 links were listed in both directions", 0), 0u) << warning;
  EXPECT_NE(warning.find("0.75"), std::string::npos) << warning;

  // Each link once: nothing to say. Directed: nothing is merged across directions.
  EXPECT_TRUE(graph_from_text("a b\nb c\nc a\n", undirected).load_report().warnings.empty());
  EXPECT_TRUE(graph_from_text("a b\nb a\n").load_report().warnings.empty());
  const Graph unweighted = graph_from_text("a b\nb a\n", BuildOptions{.undirected = true});
  ASSERT_EQ(unweighted.load_report().warnings.size(), 1u);
  EXPECT_EQ(unweighted.load_report().warnings[0].rfind("1 link was listed in both directions", 0),
            0u);
  EXPECT_EQ(unweighted.num_arcs(), 2u);
}

// The warning's count against a set-of-pairs reference on random multigraphs.
TEST(Builder, LinksListedBothWaysMatchReference) {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const Graph directed = testing::random_graph(30, 120, seed, seed % 2 == 0, false);
    std::set<std::pair<NodeId, NodeId>> arcs;
    ArcList list;
    for (NodeId u = 0; u < directed.num_nodes(); ++u) {
      for (const NodeId v : directed.out_neighbors(u)) {
        arcs.insert({u, v});
        list.sources.push_back(u);
        list.targets.push_back(v);
      }
    }
    std::uint64_t expected = 0;
    for (const auto& [u, v] : arcs) expected += u < v && arcs.count({v, u}) ? 1 : 0;
    LoadReport report;
    const Graph g = build_graph(directed.labels(), list, BuildOptions{.undirected = true}, report);
    const auto& warnings = g.load_report().warnings;
    if (expected == 0) {
      EXPECT_TRUE(warnings.empty());
    } else {
      ASSERT_EQ(warnings.size(), 1u);
      EXPECT_EQ(warnings[0].substr(0, warnings[0].find(' ')), std::to_string(expected)) << seed;
    }
  }
}

// The CSR of random multigraphs against a set-of-pairs reference.
TEST(Builder, MatchesSlowReferenceOnRandomMultigraphs) {
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    RandomStream random(seed, StreamPurpose::kTest, 1);
    const auto n = static_cast<NodeId>(1 + random.below(40));
    const std::size_t m = random.below(200);
    ArcList arcs;
    std::map<std::pair<NodeId, NodeId>, float> reference;
    std::size_t loops = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const auto u = static_cast<NodeId>(random.below(n));
      const auto v = static_cast<NodeId>(random.below(n));
      const float w = static_cast<float>(random.below(4) + 1);
      arcs.sources.push_back(u);
      arcs.targets.push_back(v);
      arcs.weights.push_back(w);
      if (u == v) {
        ++loops;
      } else {
        reference[{u, v}] += w;
      }
    }
    std::vector<std::int64_t> labels(n);
    for (NodeId v = 0; v < n; ++v) labels[v] = v;
    const Graph g = build_graph(NodeLabels::from_integers(labels), arcs, {}, {});
    ASSERT_EQ(g.num_arcs(), reference.size());
    EXPECT_EQ(g.load_report().self_loops_dropped, loops);
    EXPECT_EQ(g.load_report().duplicates_merged, m - loops - reference.size());
    std::map<std::pair<NodeId, NodeId>, float> out_view, in_view;
    for (NodeId u = 0; u < n; ++u) {
      for (std::size_t i = 0; i < g.out_degree(u); ++i) {
        out_view[{u, g.out_neighbors(u)[i]}] = g.out_weights(u)[i];
        if (i > 0) {
          EXPECT_LT(g.out_neighbors(u)[i - 1], g.out_neighbors(u)[i]);
        }
      }
      for (std::size_t i = 0; i < g.in_degree(u); ++i) {
        in_view[{g.in_neighbors(u)[i], u}] = g.in_weights(u)[i];
      }
    }
    EXPECT_EQ(out_view, reference);
    EXPECT_EQ(in_view, reference);
  }
}

TEST(Builder, EmptyGraphWithIsolatedNodes) {
  const Graph g = build_graph(NodeLabels::from_integers({0, 1, 2}), {}, {}, {});
  EXPECT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.num_arcs(), 0u);
  EXPECT_TRUE(g.out_neighbors(2).empty());
}

}  // namespace
}  // namespace cascade

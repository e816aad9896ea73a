#include "cascade/graph/edge_list_writer.h"

#include <gtest/gtest.h>

#include "cascade/graph/load.h"
#include "test_graphs.h"

namespace cascade {
namespace {

void expect_same_graph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.num_nodes(), b.num_nodes());
  ASSERT_EQ(a.num_arcs(), b.num_arcs());
  for (NodeId u = 0; u < a.num_nodes(); ++u) {
    const NodeId ub = *b.labels().find(a.label(u));
    std::vector<std::pair<std::string, float>> ra, rb;
    for (std::size_t i = 0; i < a.out_degree(u); ++i) {
      ra.emplace_back(a.label(a.out_neighbors(u)[i]), a.weighted() ? a.out_weights(u)[i] : 0.f);
    }
    for (std::size_t i = 0; i < b.out_degree(ub); ++i) {
      rb.emplace_back(b.label(b.out_neighbors(ub)[i]), b.weighted() ? b.out_weights(ub)[i] : 0.f);
    }
    std::sort(ra.begin(), ra.end());
    std::sort(rb.begin(), rb.end());
    EXPECT_EQ(ra, rb) << "row of " << a.label(u);
  }
}

TEST(EdgeListWriter, RoundTripsThroughEveryTextFormat) {
  for (const bool weighted : {false, true}) {
    for (const bool names : {false, true}) {
      const Graph graph = testing::random_graph(60, 400, 3, weighted, names);
      for (const std::string name : {"g.txt", "g.csv", "g.txt.gz", "g.csv.gz"}) {
        const std::string path = testing::scratch_path(name);
        write_edge_list(graph, path);
        const Graph back = load_graph(path, {});
        SCOPED_TRACE(name + (weighted ? " weighted" : "") + (names ? " names" : ""));
        expect_same_graph(graph, back);
        EXPECT_EQ(back.weighted(), weighted);
      }
    }
  }
}

TEST(EdgeListWriter, KeepsIsolatedNodesUndirectedEdgesAndSpacedLabels) {
  // Integer labels 0..4 with 3 and 4 isolated: the "n m" first line keeps them.
  const Graph isolated = build_graph(NodeLabels::from_integers({0, 1, 2, 3, 4}),
                                     ArcList{{0, 1}, {1, 2}, {}}, {}, {});
  const std::string path = testing::scratch_path("isolated.txt");
  write_edge_list(isolated, path);
  EXPECT_EQ(load_graph(path, {}).num_nodes(), 5u);

  BuildOptions undirected;
  undirected.undirected = true;
  const Graph spaced = testing::graph_from_text("from\tto\nAnn Lee\tBo\nBo\tCy\n", undirected);
  const std::string spaced_path = testing::scratch_path("spaced.txt");
  write_edge_list(spaced, spaced_path);
  LoadOptions read_undirected;
  read_undirected.build.undirected = true;
  expect_same_graph(spaced, load_graph(spaced_path, read_undirected));
}

}  // namespace
}  // namespace cascade

#include "cascade/graph/edge_list_writer.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "cascade/error.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/io/file.h"
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
      for (const std::string name :
           {"g.txt", "g.csv", "g.tsv", "g.edges", "g.txt.gz", "g.csv.gz", "g.cgraph"}) {
        const std::string path = testing::scratch_path(name);
        write_graph(graph, path);
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
  write_graph(spaced, spaced_path);
  expect_same_graph(spaced, load_graph(spaced_path, {}));
}

// The ring 0 - 1 - 2 - 3 - 0 stored undirected (8 arcs): every output reads back without
// --undirected as the same 8 arcs, and the "n m" header counts the arc lines written.
TEST(EdgeListWriter, UndirectedGraphsReadBackWithoutFlags) {
  BuildOptions undirected;
  undirected.undirected = true;
  const Graph ring = testing::graph_from_text("0 1 0.5\n1 2 0.25\n2 3 1\n3 0 0.125\n", undirected);
  ASSERT_EQ(ring.num_arcs(), 8u);
  for (const std::string name : {"ring.txt", "ring.csv", "ring.txt.gz"}) {
    SCOPED_TRACE(name);
    const std::string path = testing::scratch_path(name);
    write_graph(ring, path);
    const Graph back = load_graph(path, {});
    expect_same_graph(ring, back);
  }
  const std::string text = read_file(testing::scratch_path("ring.txt"));
  EXPECT_TRUE(text.starts_with("4 8\n")) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 9);
}

TEST(EdgeListWriter, TheExtensionNamesTheFormat) {
  const auto format_of = [](const std::string& path) { return output_format_for(path); };
  EXPECT_EQ(format_of("a.cgraph").format, GraphFileFormat::kSnapshot);
  EXPECT_EQ(format_of("a.txt").format, GraphFileFormat::kEdgeList);
  EXPECT_EQ(format_of("dir.v2/a.tsv").format, GraphFileFormat::kEdgeList);
  EXPECT_EQ(format_of("a.edges.gz").format, GraphFileFormat::kEdgeList);
  EXPECT_TRUE(format_of("a.edges.gz").gzip);
  EXPECT_EQ(format_of("A.CSV").format, GraphFileFormat::kCsv);
  EXPECT_EQ(format_of("a.GraphML").format, GraphFileFormat::kGraphml);
  EXPECT_EQ(format_of("a.gexf.gz").format, GraphFileFormat::kGexf);
  EXPECT_TRUE(format_of("a.gexf.gz").gzip);
  EXPECT_EQ(format_of("-").format, GraphFileFormat::kEdgeList);
  // Streams and devices without an extension: an edge list, as for "-".
  EXPECT_EQ(format_of("/dev/null").format, GraphFileFormat::kEdgeList);
  EXPECT_EQ(format_of("/dev/stdout").format, GraphFileFormat::kEdgeList);
  EXPECT_EQ(format_of("/dev/null.graphml").format, GraphFileFormat::kGraphml);
  EXPECT_THROW(output_format_for(testing::scratch_path("")), UsageError);  // a folder
  EXPECT_FALSE(format_of("a.txt").gzip);
  EXPECT_EQ(format_name(format_of("a.csv.gz")), "csv (gzip)");
  try {
    output_format_for("out/g.xyz");
    FAIL() << ".xyz accepted";
  } catch (const UsageError& e) {
    EXPECT_EQ(std::string(e.what()),
              "out/g.xyz: found extension '.xyz'; expected .cgraph, .txt, .tsv, .edges, .csv, "
              ".graphml, .gexf (the text formats may add .gz), or - for standard output");
  }
  EXPECT_THROW(output_format_for("g.cgraph.gz"), UsageError);
  EXPECT_THROW(output_format_for("graph"), UsageError);
  EXPECT_THROW(output_format_for("g.txt.zip"), UsageError);
  // Refused before anything is written.
  const std::string refused = testing::scratch_path("refused.xyz");
  std::remove(refused.c_str());
  EXPECT_THROW(write_graph(testing::random_graph(5, 10, 1, false, false), refused), UsageError);
  EXPECT_FALSE(std::filesystem::exists(refused));
}

// Trivalency draws written as the weight column read back under --prob weight as the very same
// floats, printed as the shortest decimal (0.01, not 0.009999999776482582).
TEST(EdgeListWriter, AssignedProbabilitiesAreFrozenAsWeights) {
  for (const bool undirected : {false, true}) {
    BuildOptions build;
    build.undirected = undirected;
    std::string lines;  // 60 nodes, 120 lines, enough arcs to draw all three trivalency values
    for (int u = 0; u < 60; ++u) {
      lines += fmt::format("{} {}\n{} {}\n", u, (u * 7 + 3) % 60, u, (u + 1) % 60);
    }
    Graph graph = testing::graph_from_text(lines, build);
    assign_probabilities(graph, ProbabilitySpec::parse("trivalency"), 7);
    for (const std::string name : {"frozen.txt", "frozen.csv", "frozen.cgraph"}) {
      SCOPED_TRACE(name + (undirected ? " undirected" : ""));
      const std::string path = testing::scratch_path(name);
      write_graph(graph, path);
      LoadOptions load;
      load.read.weights_are_probabilities = true;
      load.build.duplicates = DuplicateMerge::kIndependentChances;
      Graph back = load_graph(path, load);
      assign_probabilities(back, ProbabilitySpec::parse("weight"), 99);
      ASSERT_EQ(back.num_arcs(), graph.num_arcs());
      for (NodeId u = 0; u < graph.num_nodes(); ++u) {
        const NodeId ub = *back.labels().find(graph.label(u));
        for (std::size_t i = 0; i < graph.out_degree(u); ++i) {
          const NodeId v = *back.labels().find(graph.label(graph.out_neighbors(u)[i]));
          const auto row = back.out_neighbors(ub);
          const auto at = std::find(row.begin(), row.end(), v) - row.begin();
          ASSERT_LT(static_cast<std::size_t>(at), row.size());
          EXPECT_EQ(back.out_probabilities(ub)[at], graph.out_probabilities(u)[i]);
        }
      }
    }
    const std::string text = read_file(testing::scratch_path("frozen.txt"));
    EXPECT_NE(text.find("\t0.01\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("0.0099"), std::string::npos) << text;
  }
}

// Labels that need quoting (the delimiter, quotes, spaces at the ends, a leading '#', unicode)
// read back as themselves from CSV and from tab-separated text.
TEST(EdgeListWriter, LabelsThatNeedQuotingRoundTrip) {
  const std::vector<std::string> names = {"M\u00fcller, Anna", "say \"hi\"", " padded ", "#tag",
                                          "\u6771\u4eac caf\u00e9 \u2615", "tab\there", "plain"};
  ArcList arcs;
  for (NodeId u = 0; u < names.size(); ++u) {
    arcs.sources.push_back(u);
    arcs.targets.push_back((u + 1) % static_cast<NodeId>(names.size()));
    arcs.weights.push_back(0.5f);
  }
  const Graph graph = build_graph(NodeLabels::from_names(names), arcs, {}, {});
  for (const std::string name : {"quoted.csv", "quoted.txt", "quoted.tsv.gz"}) {
    SCOPED_TRACE(name);
    const std::string path = testing::scratch_path(name);
    write_graph(graph, path);
    const Graph back = load_graph(path, {});
    for (const auto& label : names) EXPECT_TRUE(back.labels().find(label)) << "[" << label << "]";
    expect_same_graph(graph, back);
  }
}

// The XML formats escape what XML needs escaped and refuse what XML cannot hold.
TEST(EdgeListWriter, GraphmlAndGexfEscapeLabels) {
  const Graph graph = build_graph(NodeLabels::from_names({"a&b", "<c>", "\"q\"", "caf\u00e9"}),
                                  ArcList{{0, 1, 2}, {1, 2, 3}, {0.5f, 0.25f, 0.01f}}, {}, {});
  const std::string graphml_path = testing::scratch_path("escape.graphml");
  write_graph(graph, graphml_path);
  const std::string graphml = read_file(graphml_path);
  EXPECT_NE(graphml.find("<node id=\"a&amp;b\"><data key=\"label\">a&amp;b</data></node>"),
            std::string::npos) << graphml;
  EXPECT_NE(graphml.find("<edge source=\"&quot;q&quot;\" target=\"caf\u00e9\"><data "
                         "key=\"weight\">0.01</data></edge>"),
            std::string::npos) << graphml;
  EXPECT_NE(graphml.find("edgedefault=\"directed\""), std::string::npos);
  const std::string gexf_path = testing::scratch_path("escape.gexf.gz");
  write_graph(graph, gexf_path);
  const std::string gexf = read_file(gexf_path);
  EXPECT_NE(gexf.find("<node id=\"&lt;c&gt;\" label=\"&lt;c&gt;\"/>"), std::string::npos) << gexf;
  EXPECT_NE(gexf.find("<edge id=\"0\" source=\"a&amp;b\" target=\"&lt;c&gt;\" weight=\"0.5\"/>"),
            std::string::npos) << gexf;
  EXPECT_NE(gexf.find("version=\"1.3\""), std::string::npos);

  const Graph control = build_graph(NodeLabels::from_names({"bell\a", "b"}),
                                    ArcList{{0}, {1}, {}}, {}, {});
  const std::string refused = testing::scratch_path("control.graphml");
  std::remove(refused.c_str());
  try {
    write_graph(control, refused);
    FAIL() << "a control character was written into XML";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("byte 0x07"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(refused));
}

}  // namespace
}  // namespace cascade

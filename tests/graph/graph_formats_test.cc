// Graph files as neighbouring tools write them, recognized by content. The fixtures in fixtures/
// were written by networkx 2.8.8:
//   G = nx.Graph(); G.add_edge("Müller, Anna", "Bob", weight=0.5)
//   G.add_edge("Bob", "東京 café", weight=0.25); G.add_node("lonely")       -> undirected.*
//   D = nx.DiGraph(); D.add_edge(1, 2, weight=0.5, strength=3)
//   D.add_edge(2, 3, weight=0.25, strength=4); D.add_edge(3, 1, weight=1.0, strength=5)
//                                                                           -> directed.*
// written with write_graphml, write_gexf, write_gml and write_edgelist.
#include <gtest/gtest.h>

#include <filesystem>

#include "cascade/error.h"
#include "cascade/graph/gml_reader.h"
#include "cascade/graph/load.h"
#include "cascade/graph/xml_graph_reader.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

std::string fixture(const std::string& name) {
  return (std::filesystem::path(CASCADE_TEST_FIXTURES) / name).string();
}

Graph load(const std::string& name, const LoadOptions& options = {}) {
  return load_graph(fixture(name), options);
}

Graph build(std::string_view text, const ReadOptions& read = {}) {
  EdgeListData data = parse_graph_text(text, "f", read);
  BuildOptions options;
  options.undirected = data.undirected;
  return build_graph(std::move(data.labels), std::move(data.arcs), options, std::move(data.report));
}

std::string error_of(std::string_view text, const ReadOptions& read = {}) {
  try {
    parse_graph_text(text, "f.xml", read);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

float weight(const Graph& g, const std::string& from, const std::string& to) {
  const NodeId u = *g.labels().find(from);
  const NodeId v = *g.labels().find(to);
  const auto targets = g.out_neighbors(u);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i] == v) return g.out_weights(u)[i];
  }
  return -1;
}

// Müller, Anna - Bob - 東京 café, lonely: two links, four arcs, one isolated node.
void expect_undirected_fixture(const Graph& g, const std::string& format) {
  EXPECT_EQ(g.load_report().format, format);
  EXPECT_FALSE(g.directed());
  ASSERT_EQ(g.num_nodes(), 4u);
  EXPECT_EQ(g.num_arcs(), 4u);
  EXPECT_EQ(g.label(0), "Müller, Anna");
  EXPECT_TRUE(g.labels().find("lonely").has_value());
  EXPECT_FLOAT_EQ(weight(g, "Bob", "東京 café"), 0.25f);
  EXPECT_FLOAT_EQ(weight(g, "東京 café", "Bob"), 0.25f);
  EXPECT_FLOAT_EQ(weight(g, "Müller, Anna", "Bob"), 0.5f);
  EXPECT_TRUE(g.load_report().warnings.empty());
}

// 1 -> 2 -> 3 -> 1 with weights 0.5, 0.25, 1.
void expect_directed_fixture(const Graph& g, const std::string& format) {
  EXPECT_EQ(g.load_report().format, format);
  EXPECT_TRUE(g.directed());
  EXPECT_TRUE(g.labels().is_integer());
  ASSERT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.num_arcs(), 3u);
  EXPECT_FLOAT_EQ(weight(g, "1", "2"), 0.5f);
  EXPECT_FLOAT_EQ(weight(g, "2", "3"), 0.25f);
  EXPECT_FLOAT_EQ(weight(g, "3", "1"), 1.0f);
  EXPECT_FLOAT_EQ(weight(g, "2", "1"), -1);
}

TEST(GraphFormats, GraphmlFromNetworkx) {
  expect_undirected_fixture(load("undirected.graphml"), "graphml");
  expect_directed_fixture(load("directed.graphml"), "graphml");
}

TEST(GraphFormats, GexfFromNetworkx) {
  expect_undirected_fixture(load("undirected.gexf"), "gexf");
  expect_directed_fixture(load("directed.gexf"), "gexf");
}

TEST(GraphFormats, GmlFromNetworkx) {
  expect_undirected_fixture(load("undirected.gml"), "gml");  // labels hold &#252; references
  expect_directed_fixture(load("directed.gml"), "gml");
}

TEST(GraphFormats, NetworkxEdgeListFile) {
  expect_directed_fixture(load("directed.edgelist"), "networkx edge list");
}

TEST(GraphFormats, WeightColumnPicksAnotherAttribute) {
  LoadOptions strength;
  strength.read.weight_column = "strength";
  for (const char* name :
       {"directed.graphml", "directed.gexf", "directed.gml", "directed.edgelist"}) {
    const Graph g = load(name, strength);
    EXPECT_FLOAT_EQ(weight(g, "1", "2"), 3.0f) << name;
    EXPECT_FLOAT_EQ(weight(g, "3", "1"), 5.0f) << name;
  }
  LoadOptions missing;
  missing.read.weight_column = "cost";
  try {
    load("directed.graphml", missing);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("found no edge <key> with attr.name=\"cost\" (the edge "
                                         "keys are: 'strength', 'weight')"),
              std::string::npos)
        << e.what();
  }
}

TEST(GraphFormats, RecognizedByContentNotName) {
  const std::string text = read_file(fixture("directed.graphml"));
  EXPECT_TRUE(looks_like_xml(text));
  EXPECT_FALSE(looks_like_gml(text));
  EXPECT_TRUE(looks_like_gml("Creator \"igraph\"\nVersion 1\ngraph\n[\n]\n"));
  EXPECT_FALSE(looks_like_gml("alice 1\nbob 2\n"));
  EXPECT_FALSE(looks_like_gml("a b\n"));
  EXPECT_FALSE(looks_like_xml("0 1\n"));
  // A byte-order mark before the XML declaration, as Windows editors save it.
  EXPECT_EQ(build("\xEF\xBB\xBF" + text).load_report().format, "graphml");
}

// Per-edge directions override the default: a - b both ways, b -> c one way.
TEST(GraphFormats, MixedDirectionsInGraphmlAndGexf) {
  const Graph graphml = build(
      "<graphml><graph edgedefault=\"undirected\"><node id=\"a\"/><node id=\"b\"/>"
      "<node id=\"c\"/><edge source=\"a\" target=\"b\"/>"
      "<edge source=\"b\" target=\"c\" directed=\"true\"/></graph></graphml>");
  EXPECT_TRUE(graphml.directed());
  EXPECT_EQ(graphml.num_arcs(), 3u);
  EXPECT_EQ(graphml.out_degree(*graphml.labels().find("c")), 0u);
  const Graph gexf = build(
      "<gexf><graph defaultedgetype=\"directed\"><nodes><node id=\"0\" label=\"a\"/>"
      "<node id=\"1\" label=\"b\"/><node id=\"2\" label=\"c\"/></nodes><edges>"
      "<edge source=\"0\" target=\"1\" type=\"undirected\"/><edge source=\"1\" target=\"2\"/>"
      "</edges></graph></gexf>");
  EXPECT_EQ(gexf.num_arcs(), 3u);
  EXPECT_EQ(gexf.out_degree(*gexf.labels().find("c")), 0u);
  EXPECT_FALSE(gexf.weighted());
}

TEST(GraphFormats, XmlErrorsNameTheLine) {
  EXPECT_EQ(error_of("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n"),
            "f.xml:4: found malformed XML (Start-end tags mismatch); expected a GraphML or GEXF "
            "document");
  EXPECT_EQ(error_of("<?xml version='1.0'?>\n<html>\n</html>\n"),
            "f.xml:2: found an XML document whose root element is <html>; expected <graphml> "
            "(GraphML) or <gexf> (GEXF)");
  EXPECT_EQ(error_of("<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\"/>\n</graph>\n"
                     "</graphml>\n"),
            "f.xml:4: found <edge> without a target attribute; expected target=\"...\"");
  EXPECT_EQ(error_of("<graphml><key id=\"d0\" for=\"edge\" attr.name=\"weight\"/>\n<graph>\n"
                     "<edge source=\"a\" target=\"b\">\n<data key=\"d0\">heavy</data>\n"
                     "</edge></graph></graphml>"),
            "f.xml:4: found weight 'heavy'; expected a number");
  EXPECT_EQ(error_of("<gexf>\n<graph defaultedgetype=\"sideways\"/></gexf>"),
            "f.xml:2: found edge type \"sideways\"; expected \"directed\", \"undirected\" or "
            "\"mutual\"");
  ReadOptions probabilities;
  probabilities.weights_are_probabilities = true;
  EXPECT_EQ(error_of("<gexf><graph><edges>\n<edge source=\"a\" target=\"b\" weight=\"2\"/>"
                     "</edges></graph></gexf>",
                     probabilities),
            "f.xml:2: found weight '2'; expected a probability in [0, 1]");
}

TEST(GraphFormats, GmlDetailsAndErrors) {
  // igraph-style header pairs, comments, nested lists skipped, string ids, default undirected.
  const Graph g = build(
      "# written by hand\nCreator \"someone\"\nVersion 1\ngraph\n[\n  node [ id \"x\" label "
      "\"&quot;X&quot; &amp; co\" graphics [ x 1.0 y 2.0 ] ]\n  node [ id \"y\" ]\n"
      "  edge [ source \"x\" target \"y\" ]\n]\n");
  EXPECT_EQ(g.load_report().format, "gml");
  EXPECT_FALSE(g.directed());
  EXPECT_EQ(g.num_arcs(), 2u);
  EXPECT_EQ(g.label(0), "\"X\" & co");
  EXPECT_FALSE(g.weighted());

  EXPECT_EQ(error_of("graph [\n node [ id 1 ]\n edge [ source 1 target 2 ]\n]\n"),
            "f.xml:3: found an edge to node id 2, which no node declares; expected the id of a "
            "node");
  EXPECT_EQ(error_of("graph [\n directed 1\n node [ id 1"),
            "f.xml:3: found the end of the file; expected a key or ']' closing the node");
  EXPECT_EQ(error_of("graph [\n directed yes\n]\n"),
            "f.xml:2: found 'yes'; expected a value for 'directed' (a number, a \"string\" or [ a "
            "list ])");
  EXPECT_EQ(error_of("graph [\n node [ id 1 ]\n node [ id 2 ]\n edge [ source 1 target 2 "
                     "weight -1 ]\n]\n"),
            "f.xml:4: found weight '-1'; expected a finite non-negative number");
}

// An undirected document that also lists b - a: the builder's warning applies to it as to text.
TEST(GraphFormats, UndirectedDocumentListingBothWaysIsWarned) {
  const Graph g = build(
      "graph [ node [ id 1 ] node [ id 2 ] edge [ source 1 target 2 ] "
      "edge [ source 2 target 1 ] ]");
  ASSERT_EQ(g.load_report().warnings.size(), 1u);
  EXPECT_EQ(g.load_report().warnings[0].rfind("1 link was listed in both directions", 0), 0u);
}

}  // namespace
}  // namespace cascade

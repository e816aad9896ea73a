// export: the attributes in the file are the ones the library computed, exact where an exact
// answer exists, every field checked before anything is written, the same bytes on any number of
// threads; the XML writer's columns escaped and typed.
#include "cascade/api/export.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/graph/xml_graph_writer.h"
#include "test_graphs.h"

namespace cascade {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// GraphML's <data key="KEY"> value per node id (ids without XML escapes in these tests).
std::map<std::string, std::string> node_values(const std::string& graphml, const std::string& key) {
  std::map<std::string, std::string> values;
  const std::regex node("<node id=\"([^\"]*)\">(.*)</node>");
  const std::regex data("<data key=\"" + key + "\">([^<]*)</data>");
  for (auto it = std::sregex_iterator(graphml.begin(), graphml.end(), node);
       it != std::sregex_iterator(); ++it) {
    const std::string body = (*it)[2];
    std::smatch match;
    if (std::regex_search(body, match, data)) values[(*it)[1]] = match[1];
  }
  return values;
}

// a -> b -> c, d alone with an arc into a; every probability 0.5.
//   d -> a -> b -> c
// Seeded at a: P(b) = 1/2, P(c) = 1/4, P(d) = 0 exactly (one path each).
Graph chain() {
  Graph g = testing::graph_from_text("d a\na b\nb c\n");
  assign_probabilities(g, ProbabilitySpec::parse("const:0.5"), 1);
  return g;
}

NodeId node(const Graph& g, const std::string& label) {
  for (NodeId v = 0; v < g.num_nodes(); ++v) {
    if (g.label(v) == label) return v;
  }
  ADD_FAILURE() << "no node " << label;
  return 0;
}

TEST(Export, ReachProbabilitiesMatchTheExactAnswerWithinFourStandardErrors) {
  const Graph g = chain();
  ExportRequest request;
  request.out = testing::scratch_path("chain.graphml");
  request.seeds = {node(g, "a")};
  request.reach = true;
  request.runs = 20'000;
  const ExportResult result = export_graph(g, request);
  EXPECT_EQ(result.format, "graphml");
  const std::string text = read_file(request.out);
  const auto p = node_values(text, "reach_probability");
  const auto se = node_values(text, "reach_probability_se");
  const std::map<std::string, double> exact = {{"a", 1}, {"b", 0.5}, {"c", 0.25}, {"d", 0}};
  for (const auto& [label, want] : exact) {
    ASSERT_TRUE(p.count(label)) << label;
    const double got = std::stod(p.at(label));
    const double error = std::stod(se.at(label));
    EXPECT_NEAR(error, std::sqrt(got * (1 - got) / 20'000), 1e-12) << label;
    EXPECT_LE(std::abs(got - want), 4 * std::sqrt(want * (1 - want) / 20'000) + 1e-12) << label;
  }
  EXPECT_EQ(node_values(text, "seed").at("a"), "true");
  EXPECT_EQ(node_values(text, "seed").at("b"), "false");
  ASSERT_TRUE(result.reach.has_value());
  EXPECT_NEAR(result.reach->mean, 1.75, 4 * result.reach->standard_error + 1e-9);
  EXPECT_EQ(text.find("<data key=\"community\">"), std::string::npos) << "not asked for";
}

TEST(Export, SameBytesOnOneAndFourThreads) {
  const Graph g = chain();
  ExportRequest request;
  request.seeds = {node(g, "a")};
  request.reach = request.influence = request.communities = true;
  request.samples = 5000;
  request.runs = 1000;
  std::string files[2];
  const int threads[2] = {1, 4};
  for (int i = 0; i < 2; ++i) {
    omp_set_num_threads(threads[i]);
    request.out = testing::scratch_path("threads" + std::to_string(i) + ".gexf");
    export_graph(g, request);
    files[i] = read_file(request.out);
  }
  omp_set_num_threads(omp_get_num_procs());
  EXPECT_EQ(files[0], files[1]);
  EXPECT_NE(files[0].find("title=\"community\" type=\"long\""), std::string::npos) << files[0];
}

TEST(Export, EveryFieldIsCheckedBeforeAnythingIsWritten) {
  const Graph g = chain();
  const std::string out = testing::scratch_path("refused.gexf");
  std::filesystem::remove(out);
  auto field = [&](auto change) {
    ExportRequest request;
    request.out = out;
    change(request);
    try {
      export_graph(g, request);
    } catch (const UsageError& e) {
      return e.field();
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(field([](ExportRequest& r) { r.out += ".txt"; }), "out");
  EXPECT_EQ(field([](ExportRequest& r) { r.reach = true; }), "reach");
  EXPECT_EQ(field([](ExportRequest& r) { r.seeds = {0, 0}; }), "seeds");
  EXPECT_EQ(field([](ExportRequest& r) { r.seeds = {9}; }), "seeds");
  EXPECT_EQ(field([](ExportRequest& r) { r.fees = {1, 2}; }), "fees");
  EXPECT_EQ(field([](ExportRequest& r) { r.fees = {1, 2, -1, 3}; }), "fees");
  EXPECT_EQ(field([](ExportRequest& r) { r.seeds = {0}, r.reach = true, r.runs = 1; }), "runs");
  EXPECT_EQ(field([](ExportRequest& r) { r.influence = true, r.model.model = "threshold:2"; }),
            "model");
  EXPECT_EQ(field([](ExportRequest& r) { r.communities = true, r.resolution = 0; }), "resolution");
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(export_format("A.GEXF"), "gexf");
  EXPECT_EQ(export_format("a.graphml"), "graphml");
}

// "x, <y> & \"z\"" -> plain: the label and a string column escaped, a boolean column typed.
TEST(XmlColumns, EscapedAndTyped) {
  const Graph g = testing::graph_from_text("\"x, <y> & \"\"z\"\"\",plain\n");
  XmlColumns columns;
  columns.nodes.push_back({"note", XmlNodeColumn::Type::kString, {"a<b", "c&d"}});
  columns.nodes.push_back({"flag", XmlNodeColumn::Type::kBoolean, {"true", ""}});
  const std::string graphml = graphml_document(g, "test.graphml", columns);
  EXPECT_NE(graphml.find("<node id=\"x, &lt;y&gt; &amp; &quot;z&quot;\">"), std::string::npos)
      << graphml;
  EXPECT_NE(graphml.find("attr.name=\"note\" attr.type=\"string\""), std::string::npos);
  EXPECT_NE(graphml.find("<data key=\"note\">a&lt;b</data>"), std::string::npos) << graphml;
  EXPECT_NE(graphml.find("<data key=\"note\">c&amp;d</data></node>"), std::string::npos)
      << "an empty value leaves the node without it: " << graphml;
  const std::string gexf = gexf_document(g, "test.gexf", columns);
  EXPECT_NE(gexf.find("<attribute id=\"1\" title=\"flag\" type=\"boolean\"/>"), std::string::npos);
  EXPECT_NE(gexf.find("<attvalue for=\"0\" value=\"a&lt;b\"/>"), std::string::npos) << gexf;
  columns.nodes.push_back({"label", XmlNodeColumn::Type::kString, {"1", "2"}});
  EXPECT_THROW(gexf_document(g, "test.gexf", columns), std::logic_error);
}

}  // namespace
}  // namespace cascade

#include "cascade/graph/edge_list_reader.h"

#include <gtest/gtest.h>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

using testing::graph_from_text;

// The InputError message for parsing `text`, or "" if it parsed.
std::string error_of(const std::string& text, const ReadOptions& options = {}) {
  try {
    parse_edge_list(text, "f.txt", options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> out_labels(const Graph& g, const std::string& label) {
  std::vector<std::string> out;
  for (const NodeId v : g.out_neighbors(*g.labels().find(label))) out.push_back(g.label(v));
  return out;
}

//  0 -> 1 -> 2,  0 -> 2
TEST(EdgeListReader, SnapStyleWithCommentsAndCrlf) {
  const Graph g = graph_from_text("# comment\r\n% another\r\n\r\n0\t1\r\r\n1 2\r\n  0   2  \n");
  EXPECT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.num_arcs(), 3u);
  EXPECT_EQ(out_labels(g, "0"), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(g.load_report().data_lines, 3u);
  EXPECT_EQ(g.load_report().format, "edge list");
}

TEST(EdgeListReader, IntegerLabelsKeepTheirOrderAndGaps) {
  // Labels 10, 5, 7: internal ids follow the numeric order, gaps are not nodes.
  const Graph g = graph_from_text("10 5\n5 7\n");
  ASSERT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.label(0), "5");
  EXPECT_EQ(g.label(1), "7");
  EXPECT_EQ(g.label(2), "10");
  EXPECT_TRUE(g.labels().is_integer());
}

TEST(EdgeListReader, SparseHugeIntegerLabelsUseSorting) {
  const Graph g = graph_from_text("-5 9000000000000\n9000000000000 3\n");
  ASSERT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.label(0), "-5");
  EXPECT_EQ(g.label(2), "9000000000000");
  EXPECT_EQ(out_labels(g, "9000000000000"), (std::vector<std::string>{"3"}));
}

TEST(EdgeListReader, StringLabelsInFirstAppearanceOrder) {
  const Graph g = graph_from_text("alice bob\nbob carol\n42 alice\n");
  ASSERT_EQ(g.num_nodes(), 4u);
  EXPECT_FALSE(g.labels().is_integer());
  EXPECT_EQ(g.label(0), "alice");
  EXPECT_EQ(g.label(3), "42");
  EXPECT_EQ(out_labels(g, "42"), (std::vector<std::string>{"alice"}));
}

TEST(EdgeListReader, ThirdColumnIsAWeight) {
  const Graph g = graph_from_text("0 1 0.5\n1 2 2.5e-1\n");
  ASSERT_TRUE(g.weighted());
  EXPECT_FLOAT_EQ(g.out_weights(0)[0], 0.5f);
  EXPECT_FLOAT_EQ(g.in_weights(2)[0], 0.25f);
}

TEST(EdgeListReader, CsvHeaderWithNamedColumnsInAnyOrder) {
  const Graph g = graph_from_text("weight,Target,Source\r\n0.3,b,a\r\n0.4,\"c, inc\",b\r\n");
  ASSERT_EQ(g.num_nodes(), 3u);
  EXPECT_EQ(g.load_report().format, "csv");
  EXPECT_EQ(out_labels(g, "a"), (std::vector<std::string>{"b"}));
  EXPECT_EQ(out_labels(g, "b"), (std::vector<std::string>{"c, inc"}));
  EXPECT_FLOAT_EQ(g.out_weights(*g.labels().find("b"))[0], 0.4f);
}

TEST(EdgeListReader, SemicolonAndTabSeparatedWithHeaders) {
  const Graph semicolon = graph_from_text("source;target\n1;2\n2;3\n");
  EXPECT_EQ(semicolon.num_arcs(), 2u);
  const Graph tabs = graph_from_text("from\tto\nAnn Lee\tBo Chen\n");
  ASSERT_EQ(tabs.num_nodes(), 2u);
  EXPECT_EQ(tabs.label(0), "Ann Lee");
  EXPECT_EQ(tabs.load_report().format, "tsv");
}

TEST(EdgeListReader, CountsHeaderAddsIsolatedNodes) {
  // "5 2": five nodes 0..4, two arcs; 3 and 4 are isolated.
  const EdgeListData data = parse_edge_list("5 2\n0 1\n1 2\n", "f", {});
  EXPECT_TRUE(data.report.counts_header);
  EXPECT_EQ(data.labels.size(), 5u);
  EXPECT_EQ(data.arcs.sources.size(), 2u);
}

TEST(EdgeListReader, FirstLineThatCannotBeAHeaderIsAnArc) {
  // Like the Twitter graph: "37 476" then labels far above 37.
  const EdgeListData data = parse_edge_list("37 476\n37 486\n500 37\n", "f", {});
  EXPECT_FALSE(data.report.counts_header);
  EXPECT_EQ(data.arcs.sources.size(), 3u);
  EXPECT_EQ(data.labels.size(), 4u);
  // And with string labels later in the file.
  const EdgeListData names = parse_edge_list("3 2\nann bob\n", "f", {});
  EXPECT_FALSE(names.report.counts_header);
  EXPECT_EQ(names.arcs.sources.size(), 2u);
}

TEST(EdgeListReader, HeaderModesCanBeForced) {
  ReadOptions none;
  none.header = HeaderMode::kNone;
  EXPECT_EQ(parse_edge_list("5 2\n0 1\n1 2\n", "f", none).arcs.sources.size(), 3u);
  ReadOptions counts;
  counts.header = HeaderMode::kCounts;
  EXPECT_NE(error_of("3 1\n0 7\n", counts).find("f.txt:1: header declares 3 nodes"),
            std::string::npos);
  ReadOptions names;
  names.header = HeaderMode::kNames;
  const EdgeListData positional = parse_edge_list("a b\n1 2\n", "f", names);
  EXPECT_EQ(positional.arcs.sources.size(), 1u);
}

TEST(EdgeListReader, ErrorsNameFileLineFoundAndExpected) {
  EXPECT_EQ(error_of(""),
            "f.txt: found no arcs (the file is empty or only comments); expected lines 'source "
            "target [weight]'");
  EXPECT_NE(error_of("# only\n\n").find("found no arcs"), std::string::npos);
  EXPECT_EQ(error_of("0 1\n1 2\n2\n"),
            "f.txt:3: found 1 column; expected 2 columns like the "
            "lines before (source target)");
  // "0 1" could be an "n m" header, so the column count is not fixed by it.
  EXPECT_EQ(error_of("0 1\n2\n"),
            "f.txt:2: found 1 column; expected 2 or 3 columns (source target [weight])");
  EXPECT_EQ(error_of("0 1 0.5\n1 2\n"),
            "f.txt:2: found 2 columns; expected 3 columns like the "
            "lines before (source target weight)");
  EXPECT_EQ(error_of("0 1 2 3\n"),
            "f.txt:1: found 4 columns; expected 2 or 3 columns (source target [weight])");
  EXPECT_EQ(error_of("0 1 heavy\n"), "f.txt:1: found weight 'heavy'; expected a number");
  EXPECT_EQ(error_of("0 1 0.5\n1 2 nan\n"),
            "f.txt:2: found weight 'nan'; expected a finite non-negative number");
  EXPECT_EQ(error_of("0 1 -1\n"),
            "f.txt:1: found weight '-1'; expected a finite non-negative number");
  ReadOptions probabilities;
  probabilities.weights_are_probabilities = true;
  EXPECT_EQ(error_of("# c\n0 1 1.5\n", probabilities),
            "f.txt:2: found weight '1.5'; expected a probability in [0, 1]");
  EXPECT_EQ(error_of("source,target\na,\n"),
            "f.txt:2: found an empty label in 'a,'; expected a node label");
  EXPECT_NE(
      error_of("source,target\n\"a,b\n").find("f.txt:2: found a quoted field that is never closed"),
      std::string::npos);
}

TEST(EdgeListReader, BinaryGarbageIsRefused) {
  const std::string garbage(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00 1\n",
      12);
  EXPECT_NE(error_of(garbage).find("f.txt:1: found byte 0x7f, binary data where text was expected"),
            std::string::npos);
  EXPECT_NE(error_of(std::string("0 1\n1 \x00\x01\n", 9)).find("f.txt:2: found byte 0x00"),
            std::string::npos);
}

// Excel's "CSV UTF-8": a byte-order mark, CRLF, quoted labels with commas, quotes, line breaks.
TEST(EdgeListReader, CsvAsExcelAndPandasWriteIt) {
  const Graph g = graph_from_text(
      "\xEF\xBB\xBFsource,target,weight\r\n"
      "\"Müller, Anna\",\"Bob \"\"the builder\"\"\",0.5\r\n"
      "東京 café ☕,\"two\r\nlines\",0.25\r\n"
      "\"Bob \"\"the builder\"\"\",東京 café ☕,1\r\n");
  EXPECT_EQ(g.load_report().format, "csv");
  ASSERT_EQ(g.num_nodes(), 4u);
  EXPECT_EQ(g.label(0), "Müller, Anna");
  EXPECT_EQ(out_labels(g, "Müller, Anna"), (std::vector<std::string>{"Bob \"the builder\""}));
  EXPECT_EQ(out_labels(g, "東京 café ☕"), (std::vector<std::string>{"two\r\nlines"}));
  EXPECT_FLOAT_EQ(g.out_weights(*g.labels().find("東京 café ☕"))[0], 0.25f);
}

TEST(EdgeListReader, TabSeparatedWithQuotedLabels) {
  const Graph g = graph_from_text("source\ttarget\n\"Ann\tLee\"\t\"say \"\"hi\"\"\"\n");
  EXPECT_EQ(g.load_report().format, "tsv");
  EXPECT_EQ(out_labels(g, "Ann\tLee"), (std::vector<std::string>{"say \"hi\""}));
}

TEST(EdgeListReader, ByteOrderMarkAtTheStartOfAnyTextFile) {
  const Graph g = graph_from_text(
      "\xEF\xBB\xBF"
      "0 1\n1 2\n");
  EXPECT_EQ(g.num_arcs(), 2u);
  EXPECT_TRUE(g.labels().is_integer());
  // Anywhere else it is named, never printed raw.
  EXPECT_EQ(error_of("0 1\n\xEF\xBB\xBF"
                     "1 2\n"),
            "f.txt:2: found a UTF-8 byte-order mark (bytes EF BB BF) inside the file; expected one "
            "only at the very start (were two files joined?)");
  EXPECT_EQ(error_of("a,b\n\xEF\xBB\xBF"
                     "c,d\n")
                .rfind("f.txt:2: found a UTF-8 byte-order mark", 0),
            0u);
}

TEST(EdgeListReader, CsvErrorsNameTheLine) {
  EXPECT_EQ(error_of("source,target\na,b\n\"c\"x,d\n")
                .rfind("f.txt:3: found 'x,d' after a closing quote; expected the delimiter ','", 0),
            0u);
  // A record that spans lines is reported at the line where it starts.
  EXPECT_EQ(error_of("source,target\n\"a\nb\",c,d\n"),
            "f.txt:2: found 3 columns; expected 2 columns as in the header");
  EXPECT_EQ(error_of("source,target\n\"a\"\"b\",\n"),
            "f.txt:2: found an empty label in '\"a\"\"b\",'; expected a node label");
}

TEST(EdgeListReader, OtherWeightColumnNamesAreToldOrChosen) {
  // source,target,count: "count" is not a weight name; the graph is unweighted and says why.
  const EdgeListData plain = parse_edge_list("source,target,count\na,b,3\n", "f.csv", {});
  EXPECT_TRUE(plain.arcs.weights.empty());
  ASSERT_EQ(plain.report.warnings.size(), 1u);
  EXPECT_EQ(plain.report.warnings[0],
            "column 'count' is not read as a weight: weight columns are named weight, w, "
            "probability, p or strength, or chosen with weight_column (--weight-column)");
  EXPECT_EQ(accepted_weight_column_names(), "weight, w, probability, p or strength");

  ReadOptions count;
  count.weight_column = "Count";  // names match regardless of case when no exact match
  const EdgeListData chosen = parse_edge_list("source,weight,target,count\na,9,b,3\n", "f", count);
  ASSERT_EQ(chosen.arcs.weights.size(), 1u);
  EXPECT_FLOAT_EQ(chosen.arcs.weights[0], 3.0f);
  EXPECT_TRUE(chosen.report.warnings.empty());

  ReadOptions missing;
  missing.weight_column = "strength";
  EXPECT_EQ(error_of("source,target,count\na,b,3\n", missing),
            "f.txt:1: found no column named 'strength' in the header ('source', 'target', "
            "'count'); expected one of the header's columns as the weight column");
  EXPECT_EQ(error_of("0 1 3\n", missing),
            "f.txt:1: found no header row naming the columns (the first line is '0 1 3'); "
            "expected a header with a column 'strength' for the weight");
  ReadOptions source_column;
  source_column.weight_column = "source";
  EXPECT_NE(error_of("source,target\na,b\n", source_column).find("that is the source column"),
            std::string::npos);
}

TEST(EdgeListReader, ThreeUnknownColumnNamesAreAPositionalHeader) {
  const EdgeListData data = parse_edge_list("from_id,to_id,count\na,b,3\n", "f", {});
  ASSERT_EQ(data.arcs.weights.size(), 1u);
  EXPECT_FLOAT_EQ(data.arcs.weights[0], 3.0f);
  EXPECT_EQ(data.labels.size(), 2u);
}

// nx.write_edgelist(G, path): "u v {}" with data=True, the default.
TEST(EdgeListReader, NetworkxEdgeListWithoutData) {
  const Graph g = graph_from_text("0 1 {}\n1 2 {}\n");
  EXPECT_EQ(g.load_report().format, "networkx edge list");
  EXPECT_EQ(g.num_arcs(), 2u);
  EXPECT_FALSE(g.weighted());
  EXPECT_TRUE(g.labels().is_integer());
}

TEST(EdgeListReader, NetworkxEdgeListWithWeights) {
  const EdgeListData data = parse_edge_list(
      "a b {'weight': 0.5}\n"
      "b c {'color': 'red, {blue}', 'weight': 2, 'tags': [1, (2, 3)]}\n"
      "c a {'weight': np.float64(0.25)}\n"
      "a c {\"weight\": 1e-1}\n",
      "f", {});
  EXPECT_EQ(data.report.format, "networkx edge list");
  EXPECT_EQ(data.arcs.weights, (std::vector<float>{0.5f, 2.0f, 0.25f, 0.1f}));
  EXPECT_TRUE(data.report.warnings.empty());

  // An edge without the key: weight 1, as networkx assumes, and a warning.
  const EdgeListData mixed = parse_edge_list("a b {}\nb c {'weight': 0.5}\n", "f", {});
  EXPECT_EQ(mixed.arcs.weights, (std::vector<float>{1.0f, 0.5f}));
  ASSERT_EQ(mixed.report.warnings.size(), 1u);
  EXPECT_EQ(mixed.report.warnings[0],
            "1 of 2 edges have no 'weight' in their attributes; read as weight 1 (as networkx "
            "does)");

  ReadOptions strength;
  strength.weight_column = "strength";
  EXPECT_EQ(parse_edge_list("a b {'weight': 0.5, 'strength': 3}\n", "f", strength).arcs.weights,
            (std::vector<float>{3.0f}));
}

TEST(EdgeListReader, NetworkxErrorsNameTheLine) {
  EXPECT_EQ(error_of("a b {'weight': 0.5}\nb c {'weight': 0.5\n"),
            "f.txt:2: found '{'weight': 0.5'; expected a Python dict such as {'weight': 0.5} "
            "after the two labels");
  EXPECT_EQ(error_of("a b {'weight': 0.5}\nb c {'weight': 'heavy'}\n"),
            "f.txt:2: found weight ''heavy''; expected a number");
  EXPECT_EQ(error_of("a b {}\nb c\n"),
            "f.txt:2: found 'b c'; expected a networkx edge-list line 'u v {...}' like the lines "
            "before");
}

TEST(EdgeListReader, HeaderModeNames) {
  EXPECT_EQ(parse_header_mode("counts"), HeaderMode::kCounts);
  EXPECT_THROW(parse_header_mode("yes"), UsageError);
}

}  // namespace
}  // namespace cascade

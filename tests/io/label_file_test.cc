// Side files: the same CSV rules as graphs, one header rule, duplicates and unknown labels.
#include "cascade/io/label_file.h"

#include <gtest/gtest.h>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

Graph named_graph() {
  return testing::graph_from_text(
      "source,target\n\"Müller, Anna\",東京 café ☕\n東京 café ☕,\"say \"\"hi\"\"\"\nlabel,bob\n");
}

std::string file_with(const std::string& name, const std::string& text) {
  const std::string path = testing::scratch_path(name);
  testing::write_text(path, text);
  return path;
}

TEST(LabelFile, ReadsQuotedUnicodeNamesWithBomAndCrlf) {
  const Graph g = testing::graph_from_text(
      "source,target\n\"Müller, Anna\",東京 café ☕\n東京 café ☕,bob\n");
  const std::string path =
      file_with("fees.csv", "\xEF\xBB\xBFlabel,fee\r\n\"Müller, Anna\",100\r\n東京 café ☕,280\r\n");
  const std::vector<double> fees = read_fees(g, path, 7);
  EXPECT_EQ(fees[*g.labels().find("Müller, Anna")], 100);
  EXPECT_EQ(fees[*g.labels().find("東京 café ☕")], 280);
  EXPECT_EQ(fees[*g.labels().find("bob")], 7);
}

TEST(LabelFile, HeaderOnlyWhenTheFirstFieldIsNotAPerson) {
  const Graph g = named_graph();  // someone is called "label"
  EXPECT_EQ(read_node_list(g, file_with("a.txt", "label\nbob\n"), "seed").size(), 2u);
  EXPECT_EQ(read_node_list(g, file_with("b.txt", "name\nbob\n"), "seed").size(), 1u);
  EXPECT_EQ(read_node_list(g, file_with("c.txt", "\"say \"\"hi\"\"\"\n# comment\nbob\n"), "seed").size(),
            2u);
}

TEST(LabelFile, DuplicateNamesBothLines) {
  const Graph g = named_graph();
  try {
    read_node_list(g, file_with("d.txt", "bob\nlabel\nbob\n"), "seed");
    FAIL() << "a repeated person was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(std::string(e.what()).find("found seed 'bob' again (first on line 1)"), std::string::npos)
        << e.what();
  }
}

TEST(LabelFile, UnknownLabelsRefusedOrCounted) {
  const Graph g = named_graph();
  const std::string path = file_with("e.txt", "bob\nghost\nspook\n");
  EXPECT_THROW(read_node_list(g, path, "liker"), InputError);
  LabelFileOptions options;
  options.what = "liker";
  options.count_unknown = true;
  const LabelFile file = read_label_file(g, path, options);
  EXPECT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.unknown, 2u);
  EXPECT_EQ(file.unknown_examples, (std::vector<std::string>{"ghost", "spook"}));
}

TEST(LabelFile, EmptyFilesAndWrongShapesAreRefused) {
  const Graph g = named_graph();
  EXPECT_THROW(read_node_list(g, file_with("f.txt", "# nothing\n\n"), "seed"), InputError);
  EXPECT_THROW(read_node_list(g, file_with("g.txt", "name\n"), "seed"), InputError);
  EXPECT_THROW(read_node_list(g, file_with("h.txt", "bob,3\n"), "seed"), InputError);
  EXPECT_THROW(read_fees(g, file_with("i.txt", "bob\n"), 1), InputError);
  EXPECT_THROW(read_fees(g, file_with("j.txt", "bob,-2\n"), 1), InputError);
  EXPECT_THROW(read_fees(g, file_with("k.txt", "bob,nan\n"), 1), InputError);
}

TEST(LabelFile, GroupsAndInlineLabels) {
  const Graph g = named_graph();
  const GroupFile groups = read_groups(g, file_with("groups.tsv", "bob\tred\nlabel\tred\n"));
  EXPECT_EQ(groups.listed, 2u);
  EXPECT_EQ(groups.groups, 1u);
  EXPECT_EQ(groups.group[*g.labels().find("Müller, Anna")], GroupFile::kUnlisted);
  const std::vector<std::string> twice = {"bob", "bob"};
  EXPECT_THROW(nodes_from_labels(g, twice, "--seed-labels", "seed"), UsageError);
  const std::vector<std::string> ghost = {"ghost"};
  EXPECT_THROW(nodes_from_labels(g, ghost, "--seed-labels", "seed"), InputError);
}

}  // namespace
}  // namespace cascade

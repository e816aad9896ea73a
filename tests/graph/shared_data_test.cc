// Every network in ../shared/data loads with the node and arc counts its README gives. Undirected
// files are read with --undirected, so their arc count is twice the README's distinct pairs (or
// twice the lines less self-loops where the file has no repeats).
#include <gtest/gtest.h>

#include "cascade/graph/load.h"

namespace cascade {
namespace {

struct Expected {
  const char* file;
  bool undirected;
  NodeId nodes;
  ArcIndex arcs;
  std::uint64_t self_loops;
  std::uint64_t lines;  // arc lines in the file
};

const Expected kData[] = {
    // 25,571 arcs of which 642 self-loops.
    {"email-Eu-core.txt", false, 1005, 25571 - 642, 642, 25571},
    {"nethept.txt", false, 15229, 62752, 0, 62752},
    // Header "15233 58891"; 31,376 distinct undirected pairs; 39 self-loops.
    {"hep_weichen.txt", true, 15233, 2 * 31376, 39, 58891},
    // Header "37154 231584" but 231,507 lines; 174,161 distinct undirected pairs.
    {"phy_weichen.txt", true, 37154, 2 * 174161, 0, 231507},
    {"facebook_combined_opim.txt", false, 4039, 176468, 0, 176468},
    {"wiki-Vote.txt", false, 7115, 103689, 0, 103689},
    {"soc-Epinions1.txt.gz", false, 75879, 508837, 0, 508837},
    {"ca-GrQc.txt", true, 4158, 2 * (13428 - 6), 6, 13428},
    {"ca-HepTh.txt", true, 8638, 2 * (24827 - 21), 21, 24827},
    {"ca-HepPh.txt", true, 11204, 2 * (117649 - 30), 30, 117649},
    {"ca-AstroPh.txt", true, 17903, 2 * (197031 - 59), 59, 197031},
    {"ca-CondMat.txt", true, 21363, 2 * (91342 - 56), 56, 91342},
    // 12,045 lines; the first, "37 476", is an arc for us (the README's loader skipped it) and is
    // not among the 8,528 distinct pairs of the other lines.
    {"twitter_cascades_topolstm/graph.txt", true, 3140, 2 * (8528 + 1), 0, 12045},
};

void PrintTo(const Expected& expected, std::ostream* out) { *out << expected.file; }

class SharedData : public ::testing::TestWithParam<Expected> {};

TEST_P(SharedData, LoadsWithReadmeCounts) {
  const Expected& expected = GetParam();
  LoadOptions options;
  options.build.undirected = expected.undirected;
  const Graph graph = load_graph(std::string(CASCADE_DATA_DIR) + "/" + expected.file, options);
  EXPECT_EQ(graph.num_nodes(), expected.nodes);
  EXPECT_EQ(graph.num_arcs(), expected.arcs);
  EXPECT_EQ(graph.load_report().self_loops_dropped, expected.self_loops);
  EXPECT_EQ(graph.load_report().data_lines, expected.lines);
}

INSTANTIATE_TEST_SUITE_P(AllFiles, SharedData, ::testing::ValuesIn(kData),
                         [](const ::testing::TestParamInfo<Expected>& param_info) {
                           std::string name = param_info.param.file;
                           name = name.substr(0, name.find('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace cascade

#include "cascade/graph/snapshot.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "cascade/error.h"
#include "cascade/io/file.h"
#include "test_graphs.h"

namespace cascade {
namespace {

void expect_identical(const Graph& a, const Graph& b) {
  EXPECT_EQ(a.arrays().out_offsets, b.arrays().out_offsets);
  EXPECT_EQ(a.arrays().out_targets, b.arrays().out_targets);
  EXPECT_EQ(a.arrays().out_weights, b.arrays().out_weights);
  EXPECT_EQ(a.arrays().in_offsets, b.arrays().in_offsets);
  EXPECT_EQ(a.arrays().in_sources, b.arrays().in_sources);
  EXPECT_EQ(a.arrays().in_weights, b.arrays().in_weights);
  EXPECT_TRUE(a.labels() == b.labels());
  EXPECT_EQ(a.directed(), b.directed());
  EXPECT_EQ(a.load_report().self_loops_dropped, b.load_report().self_loops_dropped);
  EXPECT_EQ(a.load_report().duplicates_merged, b.load_report().duplicates_merged);
}

RC_GTEST_PROP(Snapshot, WrittenGraphReadsBackIdentical,
              (std::uint16_t nodes, std::uint16_t arcs, std::uint64_t seed, bool weighted,
               bool names)) {
  const auto n = static_cast<NodeId>(nodes % 300 + 1);
  const Graph graph = testing::random_graph(n, arcs % 2000, seed, weighted, names);
  const std::string path = testing::scratch_path("property.cgraph");
  write_snapshot(graph, path);
  const Graph back = parse_snapshot(read_file(path), path);
  RC_ASSERT(back.arrays().out_targets == graph.arrays().out_targets);
  RC_ASSERT(back.arrays().out_offsets == graph.arrays().out_offsets);
  RC_ASSERT(back.arrays().in_sources == graph.arrays().in_sources);
  RC_ASSERT(back.arrays().in_offsets == graph.arrays().in_offsets);
  RC_ASSERT(back.arrays().out_weights == graph.arrays().out_weights);
  RC_ASSERT(back.arrays().in_weights == graph.arrays().in_weights);
  RC_ASSERT(back.labels() == graph.labels());
}

TEST(Snapshot, KeepsDirectionAndLoadCounts) {
  BuildOptions undirected;
  undirected.undirected = true;
  const Graph graph = testing::graph_from_text("a b\nb b\nb c\nc b\n", undirected);
  const std::string path = testing::scratch_path("undirected.cgraph");
  write_snapshot(graph, path);
  expect_identical(graph, parse_snapshot(read_file(path), path));
}

std::string snapshot_bytes() {
  const Graph graph = testing::random_graph(50, 300, 7, true, false);
  const std::string path = testing::scratch_path("damaged.cgraph");
  write_snapshot(graph, path);
  return read_file(path);
}

std::string error_of(const std::string& bytes) {
  try {
    parse_snapshot(bytes, "g.cgraph");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Snapshot, RefusesTruncatedDamagedAndForeignFiles) {
  const std::string bytes = snapshot_bytes();
  ASSERT_EQ(error_of(bytes), "");
  EXPECT_NE(error_of(bytes.substr(0, bytes.size() - 9)).find("truncated or damaged"),
            std::string::npos);
  EXPECT_NE(error_of(bytes.substr(0, 20)).find("g.cgraph: snapshot ends inside the header"),
            std::string::npos);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x10);
  EXPECT_EQ(error_of(flipped), "g.cgraph: snapshot checksum does not match (damaged file?)");
  std::string version = bytes;
  version[8] = 9;
  EXPECT_EQ(error_of(version),
            "g.cgraph: snapshot format version 9; expected version 1 (re-create it with this "
            "cascade's 'convert')");
  EXPECT_NE(error_of("0 1\n").find("found no snapshot magic number"), std::string::npos);
}

}  // namespace
}  // namespace cascade

#include "cascade/community/leiden.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "cascade/community/cohesion.h"
#include "cascade/community/tight_group.h"
#include "cascade/error.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/builder.h"
#include "cascade/parallel/random_stream.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   0 - 1        3 - 4
//    \ /   2-3    \ /      two triangles {0,1,2} and {3,4,5} joined by the link 2 - 3
//     2           5
// 7 links, 2W = 14; each triangle has 3 links inside (6 ends) and strength 2 + 2 + 3 = 7:
// Q = 2 (6/14 - (7/14)^2) = 5/14.
const char* kTwoTriangles = "0 1\n1 2\n2 0\n3 4\n4 5\n5 3\n2 3\n";

TEST(Leiden, TwoTrianglesHandWorked) {
  const Graph g = testing::graph_from_text(kTwoTriangles);
  const CommunityPartition p = leiden(g);
  EXPECT_EQ(p.count, 2u);
  EXPECT_EQ(p.community[0], p.community[1]);
  EXPECT_EQ(p.community[1], p.community[2]);
  EXPECT_EQ(p.community[3], p.community[5]);
  EXPECT_NE(p.community[0], p.community[3]);
  EXPECT_NEAR(p.modularity, 5.0 / 14.0, 1e-12);
  // Everyone together: Q = 14/14 - 1 = 0.
  EXPECT_NEAR(modularity(g, {0, 0, 0, 0, 0, 0}), 0.0, 1e-12);
  const std::vector<CommunityCohesion> c = community_cohesion(g, p.community, p.count);
  EXPECT_EQ(c[0].size, 3u);
  EXPECT_NEAR(c[0].share_inside, 6.0 / 7.0, 1e-12);
  EXPECT_NEAR(c[0].conductance, 1.0 / 7.0, 1e-12);
  EXPECT_NEAR(c[0].density, 3.0 / 6.0, 1e-12);  // 3 arcs of 6 possible ordered pairs
  EXPECT_FALSE(c[0].loose());
}

TEST(Leiden, RecoversPlantedCommunitiesAtMixingPointThree) {
  for (const std::uint64_t seed : {1, 2, 3}) {
    const PlantedPartition planted = planted_partition(3000, 15, 20, 0.3, seed);
    LeidenOptions options;
    options.seed = seed;
    const CommunityPartition found = leiden(planted.graph, options);
    EXPECT_GE(normalized_mutual_information(found.community, planted.community), 0.9) << seed;
    EXPECT_GE(found.modularity, modularity(planted.graph, planted.community) - 0.01);
  }
}

TEST(Leiden, CommunitiesAreConnectedAndTheSeedDecides) {
  const Graph g = barabasi_albert(2000, 2, 4);
  LeidenOptions options;
  options.seed = 9;
  const CommunityPartition a = leiden(g, options), b = leiden(g, options);
  EXPECT_EQ(a.community, b.community);
  // Each community is connected within itself (Leiden's guarantee).
  for (std::uint32_t c = 0; c < a.count; ++c) {
    std::vector<NodeId> members;
    for (NodeId v = 0; v < g.num_nodes(); ++v) {
      if (a.community[v] == c) members.push_back(v);
    }
    std::vector<char> seen(g.num_nodes(), 0);
    std::vector<NodeId> stack{members[0]};
    seen[members[0]] = 1;
    std::size_t reached = 0;
    while (!stack.empty()) {
      const NodeId v = stack.back();
      stack.pop_back();
      ++reached;
      for (const auto row : {g.out_neighbors(v), g.in_neighbors(v)}) {
        for (const NodeId u : row) {
          if (!seen[u] && a.community[u] == c) {
            seen[u] = 1;
            stack.push_back(u);
          }
        }
      }
    }
    EXPECT_EQ(reached, members.size()) << "community " << c;
  }
}

// The same network with string labels: the names are the integer labels' decimal spellings, but
// internal ids follow a shuffled order of first appearance instead of numeric order.
Graph string_labelled_twin(const Graph& g, std::uint64_t seed, const std::string& prefix = "") {
  const NodeId n = g.num_nodes();
  std::vector<NodeId> id(n);  // integer graph's node -> twin's node
  for (NodeId v = 0; v < n; ++v) id[v] = v;
  RandomStream random(seed, StreamPurpose::kTest, 3);
  for (NodeId i = n; i > 1; --i) std::swap(id[i - 1], id[random.below(i)]);
  std::vector<std::string> names(n);
  for (NodeId v = 0; v < n; ++v) names[id[v]] = prefix + g.label(v);
  ArcList arcs;
  for (NodeId u = 0; u < n; ++u) {
    for (const NodeId v : g.out_neighbors(u)) {
      arcs.sources.push_back(id[u]);
      arcs.targets.push_back(id[v]);
    }
  }
  LoadReport report;
  report.source = "twin";
  return build_graph(NodeLabels::from_names(std::move(names)), std::move(arcs), {}, report);
}

std::map<std::string, std::uint32_t> by_label(const Graph& g, const std::vector<std::uint32_t>& c,
                                              const std::string& prefix = "") {
  std::map<std::string, std::uint32_t> out;
  for (NodeId v = 0; v < g.num_nodes(); ++v) out[prefix + g.label(v)] = c[v];
  return out;
}

// wiki-Vote gave 28 communities (Q 0.4267) with integer labels and 38 (Q 0.4176) written with
// string labels: the ids, and so visit order and tie-breaks, followed the typing.
TEST(Leiden, SamePartitionWhateverTheLabelTyping) {
  for (const std::uint64_t seed : {1, 2, 3}) {
    const Graph integer = barabasi_albert(400, 2, seed);
    ASSERT_TRUE(integer.labels().is_integer());
    const Graph names = string_labelled_twin(integer, seed);
    ASSERT_FALSE(names.labels().is_integer());
    LeidenOptions options;
    options.seed = seed;
    const CommunityPartition a = leiden(integer, options), b = leiden(names, options);
    EXPECT_EQ(a.count, b.count) << seed;
    EXPECT_EQ(a.modularity, b.modularity) << seed;
    EXPECT_EQ(by_label(integer, a.community), by_label(names, b.community)) << seed;
    // The tight group, grown with ties broken by label order, is the same people too.
    std::vector<std::string> group_a, group_b;
    for (const NodeId v : tight_group(integer, a, 8).members) group_a.push_back(integer.label(v));
    for (const NodeId v : tight_group(names, b, 8).members) group_b.push_back(names.label(v));
    EXPECT_EQ(group_a, group_b) << seed;
    // Names "user-<number>" keep the numbers' order: the same partition again.
    const Graph users = string_labelled_twin(integer, seed + 10, "user-");
    const CommunityPartition c = leiden(users, options);
    EXPECT_EQ(a.modularity, c.modularity) << seed;
    EXPECT_EQ(by_label(integer, a.community, "user-"), by_label(users, c.community)) << seed;
  }
  EXPECT_THROW(leiden(testing::graph_from_text(kTwoTriangles), LeidenOptions{0.0}), UsageError);
}

//   labels b, 10, 9, -3, a, 007, u10, u9, u009 (first appearance): decimals first in numeric
//   order (-3, 9, 10), then the rest in natural order: "007" is not a decimal spelling (leading
//   zero) and '0' sorts before 'a'; u9 before u10 by value; u009 and u9 tie by value, and byte
//   order puts u009 first.
TEST(Leiden, LabelOrderReadsTheTextAlone) {
  const Graph g = testing::graph_from_text("b 10\n9 -3\na 007\nu10 u9\nu009 b\n");
  ASSERT_FALSE(g.labels().is_integer());
  std::vector<std::string> ordered;
  for (const NodeId v : label_order(g)) ordered.push_back(g.label(v));
  EXPECT_EQ(ordered, (std::vector<std::string>{"-3", "9", "10", "007", "a", "b", "u009", "u9",
                                               "u10"}));
  const Graph integers = testing::graph_from_text("5 -2\n3 100\n");
  ASSERT_TRUE(integers.labels().is_integer());
  EXPECT_EQ(label_order(integers), (std::vector<NodeId>{0, 1, 2, 3}));
}

TEST(NormalizedMutualInformation, HandWorked) {
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1}, {5, 5, 7, 7}), 1.0, 1e-12);
  // Independent halves: a = (0,0,1,1), b = (0,1,0,1): I = 0.
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1}, {0, 1, 0, 1}), 0.0, 1e-12);
  // a = (0,0,0,1), b = (0,0,1,1): H(a) = H(1/4) = 0.562335, H(b) = ln 2 = 0.693147,
  // I = H(a) + H(b) - H(a,b) with H(a,b) = H(1/2, 1/4, 1/4) = 1.039721: I = 0.215762,
  // NMI = 2 0.215762 / 1.255482 = 0.343711
  EXPECT_NEAR(normalized_mutual_information({0, 0, 0, 1}, {0, 0, 1, 1}), 0.3437110, 1e-6);
  EXPECT_THROW(normalized_mutual_information({0, 1}, {0}), UsageError);
}

}  // namespace
}  // namespace cascade

#include "cascade/generate/generators.h"

#include <gtest/gtest.h>

#include "cascade/error.h"
#include "cascade/graph/statistics.h"

namespace cascade {
namespace {

bool same_arcs(const Graph& a, const Graph& b) {
  return a.arrays().out_offsets == b.arrays().out_offsets &&
         a.arrays().out_targets == b.arrays().out_targets;
}

TEST(Generators, SameSeedSameGraphOtherSeedOtherGraph) {
  EXPECT_TRUE(same_arcs(erdos_renyi(200, 800, 3), erdos_renyi(200, 800, 3)));
  EXPECT_FALSE(same_arcs(erdos_renyi(200, 800, 3), erdos_renyi(200, 800, 4)));
  EXPECT_TRUE(same_arcs(barabasi_albert(300, 3, 5), barabasi_albert(300, 3, 5)));
  EXPECT_TRUE(same_arcs(watts_strogatz(300, 6, 0.2, 5), watts_strogatz(300, 6, 0.2, 5)));
  EXPECT_TRUE(same_arcs(rmat(10, 8, 1), rmat(10, 8, 1)));
  EXPECT_TRUE(same_arcs(planted_partition(400, 4, 10, 0.3, 2).graph,
                        planted_partition(400, 4, 10, 0.3, 2).graph));
}

TEST(Generators, SizesAndShapes) {
  const Graph er = erdos_renyi(500, 3000, 1);
  EXPECT_EQ(er.num_nodes(), 500u);
  EXPECT_EQ(er.num_arcs(), 3000u);  // distinct, no self-loops: nothing to merge
  EXPECT_EQ(er.load_report().duplicates_merged, 0u);

  // Barabasi-Albert: a clique of 4, then 3 links per node; undirected, so two arcs a link.
  const Graph ba = barabasi_albert(1000, 3, 1);
  EXPECT_EQ(ba.num_arcs(), 2u * (6 + 3 * (1000 - 4)));
  EXPECT_GT(compute_statistics(ba).out_degree.max, 30u);  // hubs emerge

  // Watts-Strogatz without rewiring is the ring lattice: everyone has degree 6, clustering 0.6.
  const Graph ring = watts_strogatz(200, 6, 0.0, 1);
  const GraphStatistics ring_statistics = compute_statistics(ring);
  EXPECT_EQ(ring_statistics.out_degree.min, 6u);
  EXPECT_EQ(ring_statistics.out_degree.max, 6u);
  EXPECT_NEAR(ring_statistics.clustering.average, 0.6, 1e-12);  // 3(k-2) / (4(k-1)) for k = 6
  const Graph rewired = watts_strogatz(200, 6, 0.3, 1);
  EXPECT_EQ(rewired.num_arcs(), ring.num_arcs());  // rewiring keeps the number of links
  EXPECT_LT(compute_statistics(rewired).clustering.average, 0.45);

  const Graph r = rmat(12, 16, 1);
  EXPECT_EQ(r.num_nodes(), 4096u);
  EXPECT_LE(r.num_arcs(), 16u * 4096);
  EXPECT_GT(compute_statistics(r).out_degree.max, 200u);  // R-MAT's skew
}

TEST(Generators, PlantedPartitionMixingIsTheShareOfLinksLeaving) {
  const PlantedPartition p = planted_partition(2000, 10, 20, 0.3, 7);
  std::uint64_t outside = 0;
  for (NodeId u = 0; u < p.graph.num_nodes(); ++u) {
    for (const NodeId v : p.graph.out_neighbors(u)) outside += p.community[u] != p.community[v];
  }
  const double share = static_cast<double>(outside) / static_cast<double>(p.graph.num_arcs());
  // Links are drawn independently: about 20,000 of them, so the share is within 0.01 of 0.3.
  EXPECT_NEAR(share, 0.3, 0.015);
  EXPECT_EQ(p.community[0], 0u);
  EXPECT_EQ(p.community[1999], 9u);
}

TEST(Generators, RefuseImpossibleParameters) {
  EXPECT_THROW(erdos_renyi(10, 100, 1), UsageError);
  EXPECT_THROW(barabasi_albert(3, 3, 1), UsageError);
  EXPECT_THROW(watts_strogatz(100, 5, 0.1, 1), UsageError);
  EXPECT_THROW(planted_partition(100, 10, 20, 0.3, 1), UsageError);
  EXPECT_THROW(planted_partition(100, 2, 5, 1.5, 1), UsageError);
  EXPECT_THROW(rmat(0, 16, 1), UsageError);
}

}  // namespace
}  // namespace cascade

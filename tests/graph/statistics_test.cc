#include "cascade/graph/statistics.h"

#include <gtest/gtest.h>

#include "test_graphs.h"

namespace cascade {
namespace {

using testing::graph_from_text;

//   0 - 1          triangle 0,1,2 with a tail 2 - 3, and a separate pair 4 - 5
//    \ |
//      2 - 3       C(0) = C(1) = 1, C(2) = 1/3, C(3) = C(4) = C(5) = 0
//   4 - 5          average = (1 + 1 + 1/3) / 6 = 7/18
TEST(Statistics, TriangleWithTail) {
  const Graph g = graph_from_text("0 1\n1 2\n2 0\n2 3\n4 5\n");
  const GraphStatistics s = compute_statistics(g);
  EXPECT_TRUE(s.clustering.exact);
  EXPECT_DOUBLE_EQ(s.clustering.average, 7.0 / 18.0);
  EXPECT_EQ(s.components, 2u);
  EXPECT_EQ(s.largest_component, 4u);
  EXPECT_EQ(s.out_degree.max, 2u);  // 2 -> 0 and 2 -> 3
  EXPECT_EQ(s.in_degree.min, 0u);
}

TEST(Statistics, DirectionAndReciprocityDoNotChangeClustering) {
  const Graph one_way = graph_from_text("0 1\n1 2\n2 0\n2 3\n");
  const Graph both_ways = graph_from_text("0 1\n1 0\n1 2\n2 1\n0 2\n2 0\n3 2\n");
  EXPECT_DOUBLE_EQ(compute_statistics(one_way).clustering.average,
                   compute_statistics(both_ways).clustering.average);
}

TEST(Statistics, DegreeSummaryMedian) {
  const std::vector<std::uint32_t> odd = {5, 1, 3};
  const std::vector<std::uint32_t> even = {4, 1, 3, 2};
  EXPECT_EQ(summarize_degrees(odd).median, 3.0);
  EXPECT_EQ(summarize_degrees(even).median, 2.5);
  EXPECT_EQ(summarize_degrees(even).mean, 2.5);
  EXPECT_EQ(summarize_degrees(even).max, 4u);
}

TEST(Statistics, SampledClusteringIsWithinItsErrorOfExact) {
  const Graph g = testing::random_graph(2000, 30000, 11, false, false);
  const ClusteringEstimate exact = average_clustering(g);
  ASSERT_TRUE(exact.exact);
  ClusteringOptions sampled_options;
  sampled_options.exact_work_limit = 0;
  sampled_options.samples = 1500;
  sampled_options.seed = 5;
  const ClusteringEstimate sampled = average_clustering(g, sampled_options);
  ASSERT_FALSE(sampled.exact);
  EXPECT_EQ(sampled.samples, 1500u);
  EXPECT_GT(sampled.standard_error, 0.0);
  EXPECT_NEAR(sampled.average, exact.average, 4 * sampled.standard_error);
}

TEST(Statistics, WeaklyConnectedComponentsNumberedBySmallestMember) {
  const Graph g = graph_from_text("5 0\n1 2\n3 4\n4 1\n", {}, {});
  const Components c = weakly_connected_components(g);
  EXPECT_EQ(c.count, 2u);
  EXPECT_EQ(c.component_of[*g.labels().find("0")], 0u);
  EXPECT_EQ(c.component_of[*g.labels().find("5")], 0u);
  EXPECT_EQ(c.component_of[*g.labels().find("3")], 1u);
  EXPECT_EQ(c.largest_size, 4u);
}

}  // namespace
}  // namespace cascade

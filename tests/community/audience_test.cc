#include "cascade/community/audience.h"

#include <gtest/gtest.h>

#include "cascade/community/tight_group.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   star -> a, b, c, d        a <-> b, b -> c   (c, d otherwise strangers)
//   x -> y (elsewhere)
// audience of star: {a, b, c, d}: 6 pairs, linked: a-b, b-c -> 2 of 6.
TEST(Audience, PairsThatKnowEachOther) {
  const Graph g = testing::graph_from_text("star a\nstar b\nstar c\nstar d\na b\nb a\nb c\nx y\n");
  const AudienceAudit audit = audit_audience(g, *g.labels().find("star"));
  EXPECT_EQ(audit.size, 4u);
  EXPECT_EQ(audit.pairs, 6u);
  EXPECT_EQ(audit.connected_pairs, 2u);
  EXPECT_NEAR(audit.connected_share, 2.0 / 6.0, 1e-12);
  // 7 nodes, distinct linked pairs: star-a, star-b, star-c, star-d, a-b, b-c, x-y = 7 of 21.
  EXPECT_NEAR(audit.graph_density, 7.0 / 21.0, 1e-12);
}

TEST(Audience, LikersWithoutTiesToTheCommunity) {
  const Graph g = testing::graph_from_text("star a\nstar b\nstar c\nstar d\na b\nb a\nb c\nx y\n");
  // Community 0: star, a, b, c, d; community 1: x, y.
  std::vector<std::uint32_t> community(g.num_nodes(), 0);
  community[*g.labels().find("x")] = 1;
  community[*g.labels().find("y")] = 1;
  const std::vector<NodeId> likers{*g.labels().find("a"), *g.labels().find("y"), *g.labels().find("x")};
  const std::vector<NodeId> strangers = likers_without_ties(g, community, 0, likers);
  EXPECT_EQ(strangers, (std::vector<NodeId>{*g.labels().find("y"), *g.labels().find("x")}));
}

//   a clique {p, q, r, s} inside a bigger community, with a tail t - p
TEST(TightGroup, GrowsTheDensestGroup) {
  const Graph g = testing::graph_from_text("p q\nq p\np r\nr p\np s\ns p\nq r\nr q\nq s\ns q\nr s\ns r\nt p\n");
  CommunityPartition all;
  all.community.assign(g.num_nodes(), 0);
  all.count = 1;
  const TightGroup group = tight_group(g, all, 4);
  std::vector<std::string> labels;
  for (const NodeId v : group.members) labels.push_back(g.label(v));
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, (std::vector<std::string>{"p", "q", "r", "s"}));
  EXPECT_DOUBLE_EQ(group.links_per_member, 3.0);  // a 4-clique: 3 links inside each
  EXPECT_EQ(group.community, 0);
}

}  // namespace
}  // namespace cascade

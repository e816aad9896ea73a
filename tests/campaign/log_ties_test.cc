#include "cascade/campaign/log_ties.h"

#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "cascade/api/learn.h"
#include "cascade/campaign/learn_probabilities.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

// The graph: a -> b, and c alone.     a --> b    c
// The log: item 1: a at 0, zed (outside) at 1, b at 1, c at 4;
//          item 2: c at 0, b at 0 (the same time), zed at 10.
constexpr const char* kLog =
    "user,item,time\na,1,0\nzed,1,1\nb,1,1\nc,1,4\nc,2,0\nb,2,0\nzed,2,10\n";

std::set<std::pair<std::string, std::string>> arcs_of(const Graph& g) {
  std::set<std::pair<std::string, std::string>> arcs;
  for (NodeId u = 0; u < g.num_nodes(); ++u) {
    for (const NodeId v : g.out_neighbors(u)) arcs.emplace(g.label(u), g.label(v));
  }
  return arcs;
}

TEST(LogTies, AddsOutsideUsersAndEveryEarlierAdopter) {
  const Graph g = testing::graph_from_text("a b\nc c2\n");
  const AdoptionLog log = parse_adoption_log(g, kLog, "log.csv", LogFormat::kActions);
  const Graph ties = graph_with_log_ties(g, log, std::numeric_limits<double>::infinity());
  ASSERT_EQ(ties.num_nodes(), g.num_nodes() + 1);
  for (NodeId v = 0; v < g.num_nodes(); ++v) EXPECT_EQ(ties.label(v), g.label(v));
  EXPECT_EQ(ties.label(g.num_nodes()), "zed");
  // Graph arcs kept; item 1: a before zed, b, c; zed and b before c; item 2: c and b (same time,
  // not each other's parents) before zed.
  const std::set<std::pair<std::string, std::string>> expected = {
      {"a", "b"}, {"c", "c2"}, {"a", "zed"}, {"a", "c"}, {"zed", "c"}, {"b", "c"},
      {"c", "zed"}, {"b", "zed"}};
  EXPECT_EQ(arcs_of(ties), expected);
  EXPECT_TRUE(ties.directed());
}

TEST(LogTies, KeepsToTheWindow) {
  const Graph g = testing::graph_from_text("a b\nc c2\n");
  const AdoptionLog log = parse_adoption_log(g, kLog, "log.csv", LogFormat::kActions);
  // Window 3: u's chance is (t_u, t_u + 3]; item 1: a (0) reaches zed and b (1), not c (4);
  // zed and b (1) reach c (4); item 2: nobody reaches zed at 10.
  const Graph ties = graph_with_log_ties(g, log, 3);
  const std::set<std::pair<std::string, std::string>> expected = {
      {"a", "b"}, {"c", "c2"}, {"a", "zed"}, {"zed", "c"}, {"b", "c"}};
  EXPECT_EQ(arcs_of(ties), expected);
}

TEST(LogTies, RefusesTooManyPairsNamingParents) {
  const Graph g = testing::graph_from_text("a b\nc c2\n");
  const AdoptionLog log = parse_adoption_log(g, kLog, "log.csv", LogFormat::kActions);
  try {
    graph_with_log_ties(g, log, std::numeric_limits<double>::infinity(), 5);
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "parents");
  }
}

TEST(LogTies, MovesOutsideUsersKnownToTheExtendedGraph) {
  const Graph g = testing::graph_from_text("a b\nc c2\n");
  const AdoptionLog train = parse_adoption_log(g, kLog, "log.csv", LogFormat::kActions);
  const Graph ties = graph_with_log_ties(g, train, std::numeric_limits<double>::infinity());
  AdoptionLog test = parse_adoption_log(g, "user,item,time\nnew,9,0\nzed,9,1\na,9,2\n", "t.csv",
                                        LogFormat::kActions);
  ASSERT_EQ(test.outside_users, 2u);
  move_outside_users_into(test, ties);
  EXPECT_EQ(test.outside_users, 1u);
  EXPECT_EQ(test.outside_adoptions, 1u);
  EXPECT_EQ(test.outside_labels, std::vector<std::string>{"new"});
  EXPECT_EQ(test.users, 2u);
  ASSERT_EQ(test.item(0).size(), 3u);
  EXPECT_EQ(test.item(0)[0].user, kOutsideGraph);
  EXPECT_EQ(test.item(0)[0].outside, 0u);
  EXPECT_EQ(ties.label(test.item(0)[1].user), "zed");
}

TEST(LogTies, SameGraphOnAnyThreadCount) {
  const Graph g = testing::graph_from_text("a b\nc c2\n");
  const AdoptionLog log = parse_adoption_log(g, kLog, "log.csv", LogFormat::kActions);
  const int before = num_threads();
  set_num_threads(1);
  const Graph one = graph_with_log_ties(g, log, std::numeric_limits<double>::infinity());
  set_num_threads(2);
  const Graph two = graph_with_log_ties(g, log, std::numeric_limits<double>::infinity());
  set_num_threads(before);
  EXPECT_EQ(one.arrays().out_targets, two.arrays().out_targets);
  EXPECT_EQ(one.arrays().out_offsets, two.arrays().out_offsets);
}

}  // namespace
}  // namespace cascade

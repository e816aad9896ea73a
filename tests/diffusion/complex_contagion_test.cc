// Complex contagion's trace names every contact whose exposure counted.
#include <gtest/gtest.h>

#include <algorithm>

#include "cascade/diffusion/simulator.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   0 --> 2 <-- 1      threshold:2: person 2 adopts at step 1, convinced by 0 and 1 together;
//         |            person 3 hears only from 2 and never adopts.
//         v
//         3
TEST(ComplexContagionTrace, AdopterListsEveryContactThatCounted) {
  const Graph graph = testing::graph_from_text("0 2\n1 2\n2 3\n");
  const std::vector<NodeId> seeds = {0, 1};
  RunWorkspace workspace(graph.num_nodes());
  std::vector<Activation> trace;
  const RunOutcome outcome =
      run_once(graph, DiffusionModel::parse("threshold:2"), seeds, 1, 0, workspace, &trace);
  EXPECT_EQ(outcome.reached, 3u);
  std::vector<std::pair<NodeId, NodeId>> step_one;
  for (const Activation& a : trace) {
    if (a.step == 1) step_one.emplace_back(a.source, a.target);
  }
  std::sort(step_one.begin(), step_one.end());
  const std::vector<std::pair<NodeId, NodeId>> expected = {{0, 2}, {1, 2}};
  EXPECT_EQ(step_one, expected);
  EXPECT_EQ(trace.size(), 4u);  // two seeds, two contacts of person 2
}

}  // namespace
}  // namespace cascade

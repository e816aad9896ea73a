#include "cascade/seeding/individual_influence.h"

#include <gtest/gtest.h>

#include "../diffusion/exact_spread.h"
#include "cascade/graph/probability.h"
#include "test_graphs.h"

namespace cascade {
namespace {

//   a --0.5--> b --0.4--> d --0.7--> e,  a --0.3--> c --0.6--> d,  c --0.2--> b
TEST(IndividualInfluence, MatchesExactSingletonSpreads) {
  Graph g = testing::graph_from_text("a b 0.5\na c 0.3\nb d 0.4\nc d 0.6\nc b 0.2\nd e 0.7\n");
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  const IndividualInfluence influence =
      individual_influence(g, DiffusionModel::parse("ic"), 300000, 5);
  for (NodeId v = 0; v < g.num_nodes(); ++v) {
    const double exact = testing::exact_independent_cascade(g, {v}).reach;
    EXPECT_NEAR(influence.reach[v], exact, 4 * influence.standard_error[v] + 1e-9) << g.label(v);
  }
}

TEST(IndividualInfluence, SpearmanWithTiesAndReversal) {
  const std::vector<double> a{1, 2, 3, 4, 5}, reversed{5, 4, 3, 2, 1};
  EXPECT_NEAR(spearman(a, a), 1.0, 1e-12);
  EXPECT_NEAR(spearman(a, reversed), -1.0, 1e-12);
  // x = (1, 2, 2, 3): ranks 1, 2.5, 2.5, 4; y = (1, 3, 2, 4): ranks 1, 3, 2, 4.
  // Pearson of the ranks: cov = 4.5, var_x = 4.5, var_y = 5 -> 4.5 / sqrt(22.5) = 0.948683
  const std::vector<double> x{1, 2, 2, 3}, y{1, 3, 2, 4};
  EXPECT_NEAR(spearman(x, y), 0.9486832981, 1e-9);
}

}  // namespace
}  // namespace cascade

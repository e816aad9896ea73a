// IMM: Tang, Shi, Xiao, "Influence Maximization in Near-Linear Time: A Martingale Approach",
// SIGMOD 2015, with the correction of W. Chen, "An Issue in the Martingale Analysis of the
// Influence Maximization Algorithm IMM" (arXiv:1808.09363, 2018): the RR sets of the final
// selection are generated afresh, independent of those that estimated the lower bound LB, and
// l is raised to l (1 + ln 2 / ln n) so that the two phases together fail with probability at
// most 1/n^l.
//
// Sampling: for x = n/2, n/4, ...: theta_x = lambda' / x RR sets; stop once greedy covers
// n F(S) >= (1 + eps') x, LB = n F(S) / (1 + eps'). Selection: lambda* / LB fresh RR sets, greedy.
// Guarantee: a (1 - 1/e - eps)-approximation with probability at least 1 - 1/n^l.
// Time O((k + l)(n + m) log n / eps^2) expected; memory O(RR members).
// The result does not depend on the thread count. Seeds are distinct; once every RR set is
// covered the remaining seats are filled by highest out-degree, ties to the smaller id, with
// marginal gain 0, and `notes` says how many (greedy_max_coverage in max_coverage.h).
#pragma once

#include <cstdint>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/rrset/reach_objective.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct ImmOptions {
  std::uint32_t k = 10;
  double epsilon = 0.1;
  double ell = 1.0;
  std::uint64_t seed = 1;
  // Whose reach counts and who is already reached (reach_objective.h); the deadline is the
  // model's. Default: everyone, weight 1.
  ReachObjective objective;
};

SeedSelection imm(const Graph& graph, const DiffusionModel& model, const ImmOptions& options);

}  // namespace cascade

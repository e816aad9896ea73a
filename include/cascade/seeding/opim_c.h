// OPIM-C: Tang, Tang, Xiao, Yuan, "Online Processing Algorithms for Influence Maximization",
// SIGMOD 2018 (Algorithm 2), with RR sets drawn by SUBSIM's subset sampling (rr_sampler.h).
//
// Two independent RR collections R1 and R2 of equal size, doubled each round from theta_0: greedy
// on R1 gives S; R2 gives a lower bound on S's spread and R1 an upper bound on the optimum (both
// hold with probability 1 - delta / (3 i_max)); it stops as soon as their ratio reaches
// 1 - 1/e - eps, or after i_max rounds (when theta_max RR sets guarantee it).
// Guarantee: a (1 - 1/e - eps)-approximation with probability at least 1 - delta, for the
// objective of the options (reach_objective.h): the (weighted) target reach, by the model's
// deadline, of people not yet reached; spreads and bounds are W x shares, W the total weight. With a time
// limit it returns the best seeds so far with the ratio proven at that moment.
// Time O((k + log(1/delta)) n log n / eps^2 x cost of an RR set) expected; memory O(RR members).
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

// What `cascade seeds --algo auto` uses for refine_min_marginal: measured to match IMM's spread
// within 0.5% on nethept and soc-Epinions (README, bench/seeds_bench).
inline constexpr std::uint64_t kDefaultRefineMinMarginal = 300;

struct OpimOptions {
  std::uint32_t k = 10;
  double epsilon = 0.1;
  double delta = 0;          // 0: 1/n
  std::uint64_t seed = 1;
  double time_limit = 0;     // seconds; 0: none
  // Bytes the RR samples may take (seed_selection.h: check_first_round_memory,
  // memory_limit_note); 0: no limit.
  std::uint64_t max_memory = 0;
  // Past the guarantee, grow R1 (R2 stays as it is) in jumps of 1.25x to 32x until the last seed's
  // marginal coverage in R1 is at least this many RR sets, within i_max rounds, the time limit and
  // the sample IMM would draw (lambda* / the proven lower bound); not at all if the last seed adds
  // nothing. Seeds chosen on a larger sample are better, and the guarantee still holds (see
  // opim_c.cc). 0: stop at the guarantee, as the paper does.
  std::uint64_t refine_min_marginal = 0;
  // Whose reach counts and who is already reached (reach_objective.h); the deadline is the
  // model's. Default: everyone, weight 1.
  ReachObjective objective;
};

SeedSelection opim_c(const Graph& graph, const DiffusionModel& model, const OpimOptions& options);

}  // namespace cascade

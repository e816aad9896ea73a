// A reach goal: the fewest seeds (or, with fees, the cheapest) whose expected reach is at least R.
// The threshold activation problem (Kuhnle, Pan, Alim, Thai, "Scalable bicriteria algorithms for
// the threshold activation problem in online social networks", INFOCOM 2017; earlier MINTSS,
// Goyal, Bonchi, Lakshmanan, Venkatasubramanian, SNAM 2013) solved on RR sets with the bicriteria
// guarantee that greedy set cover gives (Wolsey, Combinatorica 1982):
//
//   Two independent RR collections R1 and R2 of theta sets each. Greedy on R1 (largest marginal
//   coverage; with fees the largest per unit fee, free people first) adds seeds until their
//   estimated reach W x coverage / theta is at least R (W: everyone's weight, n untargeted).
//   R2 gives a lower bound on the seeds' expected reach (OPIM-C's bound, Tang et al. SIGMOD 2018),
//   kept at least the seeds' own weight (a seed reaches itself). R1 gives a lower bound on the
//   fewest seeds (or least fees) of any set whose expected reach is R: such a set covers, with
//   probability 1 - delta_i, at least c = theta p - sqrt(2 theta p ln(1/delta_i)) RR sets
//   (p = R / W; Chernoff's lower tail: the set is fixed before the sample), and no set covers c
//   with fewer people than greedy's prefixes allow (coverage is submodular: prefix coverage plus
//   the t largest marginals; with fees the fractional covering knapsack of the marginals).
//   Round i takes delta / 2^i for its two bounds together, so every round's bounds hold at once
//   with probability 1 - delta; theta doubles until the reach is proven at least (1 - eps) R and
//   the last seed covers 300 RR sets (as `auto` refines), or the sample is as large as IMM's for
//   as many seeds over R, or 2^25 RR sets per collection.
//
// Guarantee, with probability at least 1 - delta: expected reach >= (1 - eps) R (when `proven`;
// otherwise the lower bound printed), and seeds (or fees) <= `size_ratio` x those of the best
// set whose expected reach is R, `size_ratio` computed for this run; a priori greedy's cover of
// c RR sets is at most 1 + ln(c) times the fewest that cover c (Wolsey), the ln T factor of the
// threshold-activation literature.
// Time per round O(RR members + seeds x log n + log(seeds) x n log n); memory O(RR members + n).
// The RR sets come from per-set streams: the result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/rrset/reach_objective.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct ReachGoalOptions {
  double reach = 0;          // R, in the objective's units: people, audience weight, new people
  std::vector<double> fees;  // empty: the fewest seeds; else one per node, >= 0: the cheapest
  double epsilon = 0.1;      // the reach proven is (1 - eps) R
  double delta = 0;          // 0: 1/n
  std::uint64_t seed = 1;
  ReachObjective objective;  // whose reach counts and who is already reached; default everyone
};

// What a reach goal's seeds were proven to do.
struct ReachGoal {
  double goal = 0;            // R
  double everyone = 0;        // W: the reach of seeding every eligible person
  double proven_reach = 0;    // lower bound on the seeds' expected reach
  bool proven = false;        // proven_reach >= (1 - eps) R
  bool by_fees = false;       // cost counts fees, not seeds
  double cost = 0;            // the seeds' number, or their fees
  double optimum_lower = 0;   // lower bound on the cost of any set whose expected reach is R
  double size_ratio = 0;      // cost / optimum_lower (>= 1; infinity when the lower bound is 0)
};

struct ReachGoalResult {
  SeedSelection selection;    // seeds in greedy order with their estimated marginal gains
  ReachGoal goal;
};

// Throws UsageError("reach", ...) for R not in (0, W] (W as above: R beyond it is unreachable
// whoever is seeded), and for fees, eps or delta out of range.
ReachGoalResult reach_goal_seeds(const Graph& graph, const DiffusionModel& model,
                                 const ReachGoalOptions& options);

// The fewest people, or least fees, any set needs on top of a greedy prefix to add `gap` RR sets:
// the t largest marginals (unit costs), or the fractional covering knapsack (fees; free people
// first). Exposed for tests. 0 when gap <= 0; infinity when all marginals together fall short.
double cover_cost_lower_bound(const std::vector<std::uint64_t>& marginal,
                              const std::vector<double>& fees, double gap);

}  // namespace cascade

// Seeds under a budget: each person has a fee, the seeds' fees may total at most the budget, and
// (optionally) at most max_seeds people are chosen. Sampling as OPIM-C (Tang, Tang, Xiao, Yuan,
// SIGMOD 2018): two independent RR collections R1 and R2 of equal size, doubled each round; the
// seeds are chosen on R1 by cost-effective greedy with the best-single safeguard
// (budgeted_greedy.h; Khuller, Moss, Naor, IPL 1999), R2 gives a lower bound on their spread, and
// R1 an upper bound on the best affordable set's spread: for greedy prefixes S_i, the coverage of
// S_i plus the better of (a) the fractional knapsack of the marginal coverages given S_i within
// the budget and (b) the sum of the max_seeds largest of them. Both bounds hold together with
// probability 1 - delta over all rounds (delta / (3 rounds) each, OPIM-C's union bound).
//
// The ratio printed is the one proven for the seeds returned: lower / upper bound. It stops once
// that ratio reaches (1 - 1/e)/2 - eps, the worst case of the modified greedy for a budget alone,
// and the last seed's marginal coverage is at least 300 RR sets (as `auto` does, so that the seeds
// are not chosen on a sample too small to tell people apart) or the sample is as large as IMM's
// for as many seeds (lambda* over the proven lower bound), or at OPIM-C's theta_max for k = the
// most people the budget can pay for (capped by max_seeds), or at the time limit. Past the target
// ratio only R1 grows, in jumps (1.25x to 8x) to the size that should give the last seed 300
// RR sets, as opim_c.h refines; R2 and its bound stay, within the same union bound over rounds. When greedy
// stops with money left because nobody affordable adds coverage on the sample, the rest of the
// budget goes to the highest out-degree people still affordable (max_coverage.h's fill rule),
// with marginal gain 0: a larger budget never buys a smaller seed set (free people are not filled
// in: they spend nothing).
// Time per round O(RR members + picks x n); memory O(RR members). Independent of the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/rrset/reach_objective.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct BudgetOptions {
  std::vector<double> fees;    // one per node, each >= 0 (0: free, taken first if it adds reach)
  double budget = 0;           // > 0, at least the cheapest fee
  std::uint32_t max_seeds = 0;  // 0: as many as the budget pays for
  double epsilon = 0.1;
  double delta = 0;            // 0: 1/n
  std::uint64_t seed = 1;
  double time_limit = 0;       // seconds; 0: none
  std::uint64_t max_memory = 0;  // bytes the RR samples may take, as OpimOptions; 0: no limit
  // Whose reach counts and who is already reached (reach_objective.h); the deadline is the
  // model's. Default: everyone, weight 1.
  ReachObjective objective;
};

// Throws UsageError for fees, budget or parameters out of range, and when nobody is affordable.
SeedSelection budgeted_seeds(const Graph& graph, const DiffusionModel& model,
                             const BudgetOptions& options);

}  // namespace cascade

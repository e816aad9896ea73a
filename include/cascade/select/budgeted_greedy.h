// Budgeted maximum coverage over RR sets: seeds with costs (an influencer's fee) under a budget.
// Cost-effective greedy picks, among the nodes still affordable, the one with the largest marginal
// coverage per unit cost; the best single affordable node is the safeguard against a costly node
// worth more than many cheap ones. The better of the two covers at least (1 - 1/e)/2 of the best
// affordable set's coverage (Khuller, Moss, Naor, IPL 1999; Leskovec et al., KDD 2007 use it in
// CELF). Marginals are kept exact by decrements as in max_coverage.h.
// A cost may be 0 (employees, fans): a free person with positive marginal coverage is infinitely
// cost-effective, so free people are taken first, the largest marginal first (up to max_seeds),
// and the bound counts them whole in the fractional knapsack (they all fit). Khuller et al.'s
// argument is unchanged: a free pick's gain is at least 0 = its cost's share of the gap.
// Seeds are distinct: a chosen person is never considered again. Greedy stops once no affordable
// person adds coverage (in particular once every RR set is covered): unlike the k-seat greedy,
// which fills its seats, it does not spend the budget on people the sample says add nothing.
// Time O(total members + lazy updates x log n + log(picks) x (n + budget's people x log n)): a
// lazy heap for the picks and a heap for each bound; memory O(total members + n). Deterministic.
#pragma once

#include <vector>

#include "cascade/rrset/rr_collection.h"
#include "cascade/select/max_coverage.h"

namespace cascade {

struct BudgetedSelection {
  CoverageSelection selection;
  double cost = 0;
  bool single_node_won = false;  // the safeguard beat cost-effective greedy
};

// costs: one per node, finite and >= 0; budget: at least 0; max_seeds > 0 also caps the number of
// seeds. Throws UsageError otherwise. selection.optimal_upper_bound bounds the coverage of every
// affordable set (within the budget and max_seeds): the minimum over greedy steps i = 0, 1, 2, 4,
// ... and the last of coverage(S_i) + the smaller of the fractional knapsack of the marginal
// coverages given S_i within the budget and the sum of the max_seeds largest of them (each a
// bound on what the best affordable set adds to S_i, coverage being submodular).
BudgetedSelection budgeted_max_coverage(const RRCollection& sets, const std::vector<double>& costs,
                                        double budget, std::uint32_t max_seeds = 0);

}  // namespace cascade

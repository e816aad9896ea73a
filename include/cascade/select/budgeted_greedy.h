// Budgeted maximum coverage over RR sets: seeds with costs (an influencer's fee) under a budget.
// Cost-effective greedy picks, among the nodes still affordable, the one with the largest marginal
// coverage per unit cost; the best single affordable node is the safeguard against a costly node
// worth more than many cheap ones. The better of the two covers at least (1 - 1/e)/2 of the best
// affordable set's coverage (Khuller, Moss, Naor, IPL 1999; Leskovec et al., KDD 2007 use it in
// CELF). Marginals are kept exact by decrements as in max_coverage.h.
// Seeds are distinct: a chosen person is never considered again. Greedy stops once no affordable
// person adds coverage (in particular once every RR set is covered): unlike the k-seat greedy,
// which fills its seats, it does not spend the budget on people the sample says add nothing.
// Time O(total members + picks x n); memory O(total members + n). Deterministic.
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

// costs: one per node, positive; budget: at least 0. Throws UsageError otherwise.
BudgetedSelection budgeted_max_coverage(const RRCollection& sets, const std::vector<double>& costs,
                                        double budget);

}  // namespace cascade

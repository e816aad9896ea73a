// Greedy maximum coverage over RR sets (Nemhauser, Wolsey, Fisher 1978): pick k nodes one at a time,
// each covering the most RR sets not yet covered. Coverage is submodular, so the greedy set covers
// at least (1 - 1/e) of the best k-set's coverage.
//
// Marginal coverages are kept exact by decrementing, through a node -> RR set index, the counts of
// every member of each newly covered set (as in IMM's reference code); the next pick is a linear
// scan for the largest count, ties to the smallest id. Time O(total members + k n), memory
// O(total members + n). Deterministic.
//
// Seeds are always distinct. Once the sample is exhausted (every RR set covered, so every
// remaining marginal coverage is 0) the remaining seats are filled in `fill_order`, skipping
// people already chosen, with marginal coverage 0; `filled` counts them. The usual fill order is
// out_degree_order(): highest out-degree first, ties to the smaller id. So k = n returns everyone.
//
// It also returns OPIM-C's upper bound on the best k-set's coverage: the minimum over greedy steps
// i of coverage(S_i) + the sum of the k largest marginal coverages given S_i (Tang, Tang, Xiao,
// Yuan, SIGMOD 2018, section 4.2), tighter than coverage(S_k) / (1 - 1/e); taken at steps
// i = 0, 1, 2, 4, ..., k (each step's value bounds the optimum, so any subset does). Filled seeds
// change no count, so the bound stays valid: once the sample is exhausted it equals the number of
// RR sets, which no k-set can exceed.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/graph/graph.h"
#include "cascade/rrset/rr_collection.h"

namespace cascade {

struct CoverageSelection {
  std::vector<NodeId> seeds;
  std::vector<std::uint64_t> marginal_coverage;  // RR sets newly covered by each seed, in order
  std::uint64_t coverage = 0;                    // RR sets covered by all seeds
  std::uint64_t optimal_upper_bound = 0;         // no k nodes cover more
  std::uint32_t filled = 0;  // seeds (the last ones) taken in fill order with marginal coverage 0
};

// Every node of `graph`, by decreasing out-degree, ties to the smaller id: the rule that fills the
// seats greedy cannot tell apart.
std::vector<NodeId> out_degree_order(const Graph& graph);

// fill_order: a permutation of the nodes 0..n-1 (n = its size); throws UsageError otherwise.
// k is clamped to n.
CoverageSelection greedy_max_coverage(const RRCollection& sets, std::span<const NodeId> fill_order,
                                      std::uint32_t k);

// The same, filling in out_degree_order(graph).
CoverageSelection greedy_max_coverage(const RRCollection& sets, const Graph& graph, std::uint32_t k);

// RR sets of `sets` that contain at least one of `seeds`.
std::uint64_t coverage_of(const RRCollection& sets, NodeId num_nodes,
                          const std::vector<NodeId>& seeds);

}  // namespace cascade

// Greedy maximum coverage over RR sets (Nemhauser, Wolsey, Fisher 1978): pick k nodes one at a time,
// each covering the most RR sets not yet covered. Coverage is submodular, so the greedy set covers
// at least (1 - 1/e) of the best k-set's coverage.
//
// Marginal coverages are kept exact by decrementing, through a node -> RR set index, the counts of
// every member of each newly covered set (as in IMM's reference code); the next pick is a linear
// scan for the largest count, ties to the smallest id. Time O(total members + k n), memory
// O(total members + n). Deterministic.
//
// It also returns OPIM-C's upper bound on the best k-set's coverage: the minimum over greedy steps
// i of coverage(S_i) + the sum of the k largest marginal coverages given S_i (Tang, Tang, Xiao,
// Yuan, SIGMOD 2018, section 4.2), tighter than coverage(S_k) / (1 - 1/e); taken at steps
// i = 0, 1, 2, 4, ..., k (each step's value bounds the optimum, so any subset does).
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/rrset/rr_collection.h"

namespace cascade {

struct CoverageSelection {
  std::vector<NodeId> seeds;
  std::vector<std::uint64_t> marginal_coverage;  // RR sets newly covered by each seed, in order
  std::uint64_t coverage = 0;                    // RR sets covered by all seeds
  std::uint64_t optimal_upper_bound = 0;         // no k nodes cover more
};

// k is clamped to the number of nodes.
CoverageSelection greedy_max_coverage(const RRCollection& sets, NodeId num_nodes, std::uint32_t k);

// RR sets of `sets` that contain at least one of `seeds`.
std::uint64_t coverage_of(const RRCollection& sets, NodeId num_nodes,
                          const std::vector<NodeId>& seeds);

}  // namespace cascade

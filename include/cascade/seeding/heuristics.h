// Baseline seed choices, with no guarantee: what an optimizer must beat.
//
//   highest_degree   the k largest out-degrees (ties to the smaller id). O(n log k).
//   degree_discount  DegreeDiscountIC (Chen, Wang, Yang, "Efficient Influence Maximization in Social
//                    Networks", KDD 2009): after each pick, a neighbour v with t chosen neighbours
//                    is scored d_v - 2t - (d_v - t) t p, p the mean arc probability (the paper
//                    assumes one uniform p). Degrees are out-degrees. O(k n + m).
//   pagerank         the k highest PageRank scores on the reversed graph (a node ranks high when
//                    many paths lead out of it), damping 0.85, iterated until the L1 change is
//                    below 1e-10 or 200 rounds. O(rounds (n + m)).
//   random_seeds     k distinct nodes uniformly at random, from the seed.
// Each returns min(k, n) distinct nodes. All deterministic; none depends on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

std::vector<NodeId> highest_degree(const Graph& graph, std::uint32_t k);
std::vector<NodeId> degree_discount(const Graph& graph, std::uint32_t k);
std::vector<double> pagerank_scores(const Graph& graph, double damping = 0.85);
std::vector<NodeId> pagerank(const Graph& graph, std::uint32_t k);
std::vector<NodeId> random_seeds(const Graph& graph, std::uint32_t k, std::uint64_t seed);

}  // namespace cascade

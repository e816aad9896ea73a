// How well arc probabilities explain adoptions they were not learned from (a held-out log).
//
// 1. Log-likelihood per adoption: every adoption by a user of the graph, given the adoptions of
//    its item before it, happens with chance 1 - (1 - b_v) prod over possible parents u
//    (1 - p(u, v)) (possible parents as in learn_probabilities.h, with the same window), and every
//    failed trial (u had its chance, v did not adopt within it) with chance 1 - p(u, v); the sum
//    of the logs over the log, divided by the adoptions by users of the graph. b_v is the learned
//    background rate, at least 1 / (items x nodes) so that an adoption nobody could explain costs
//    a finite amount; p is capped at 1 - 1e-6 for the same reason.
// 2. Next-adopter ranking, the protocol of the Topo-LSTM paper (J. Wang, V. W. Zheng, Z. Liu,
//    K. C.-C. Chang, "Topological recurrent neural network for diffusion prediction", ICDM 2017):
//    for each cascade v1, v2, ..., vL in time order (the root first) and each prefix v1..vi
//    (i < L), every user of the graph not in the prefix is scored by
//    1 - prod over u in the prefix (1 - p(u, v)) + b_v, and the true next adopter v(i+1) gets the
//    rank r among them. Hits@k is the share of predictions with r <= k; MAP@k the mean of 1/r over
//    predictions with r <= k (0 otherwise; with one relevant user, average precision is 1/r).
//    Ties are broken uniformly at random in expectation: with g users scoring higher and e others
//    scoring the same, r is uniform on g+1 .. g+e+1, and Hits@k and MAP@k are averaged over it.
//    Users outside the graph that the training log saw are candidates too, scored by their
//    background rate alone (they have no arcs); a next adopter outside the graph that the
//    training log never saw cannot be ranked and counts as a miss.
// 3. Cascade size: for each cascade whose root is a user of the graph, the independent cascade's
//    mean reach from the root alone (`runs` Monte Carlo runs, simulator.h) against the cascade's
//    real size counted in users of the graph; the median absolute error and the Spearman rank
//    correlation (ties at their mean rank) over those cascades.
// Cost: O(adoptions x degree) for 1, O(predictions x users + adoptions x degree) for 2; parallel
// over cascades with per-cascade results summed in cascade order, so thread-count independent.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "cascade/campaign/adoption_log.h"
#include "cascade/graph/graph.h"

namespace cascade {

inline constexpr std::array<std::uint32_t, 3> kRankingCutoffs = {10, 50, 100};

struct HeldOutScore {
  double log_likelihood_per_adoption = 0;
  std::uint64_t adoptions = 0;    // by users of the graph, scored in 1
  std::uint64_t predictions = 0;  // prefixes ranked in 2
  std::uint64_t unrankable = 0;   // of them, next adopters outside the graph
  std::array<double, 3> hits{};   // at kRankingCutoffs
  std::array<double, 3> map{};
};

inline constexpr std::uint32_t kUnknownOutside = 0xffffffffu;

struct CascadeSizeScore {
  std::uint64_t cascades = 0;       // with a root in the graph
  std::uint64_t rootless = 0;       // roots outside the graph: not simulated
  double median_absolute_error = 0;
  double spearman = 0;              // 0 with fewer than 2 cascades or no variation
};

// Spearman's rank correlation of two equally long samples, ties at their mean rank; 0 when either
// sample has no variation.
double spearman_correlation(std::span<const double> x, std::span<const double> y);

// Part 3 above; `graph` carries the probabilities.
CascadeSizeScore evaluate_cascade_sizes(const Graph& graph, const AdoptionLog& test, std::uint64_t runs,
                                        std::uint64_t seed);

// `graph` carries the probabilities to evaluate; `background` has one rate per node;
// `outside_rates` one per user outside the graph known from training; `outside_of_test` maps each
// of test.outside_labels to an index into outside_rates, or kUnknownOutside.
HeldOutScore evaluate_held_out(const Graph& graph, std::span<const double> background,
                               const AdoptionLog& test, double window,
                               std::span<const double> outside_rates,
                               std::span<const std::uint32_t> outside_of_test);

}  // namespace cascade

// Every person's expected individual reach, sigma({v}), from one pass over RR sets: v's share of
// theta RR sets times n is an unbiased estimate (Borgs et al., SODA 2014), with binomial standard
// error n sqrt(p (1 - p) / theta). This ranks people by what their word actually reaches under the
// model, rather than by how many contacts they have. Time O(theta x mean RR set size); memory O(n)
// beyond the sets, which are counted and dropped batch by batch. Thread-count independent.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct IndividualInfluence {
  std::vector<double> reach;           // expected reach of each person alone (themself included)
  std::vector<double> standard_error;  // of each estimate
  std::uint64_t rr_sets = 0;
};

IndividualInfluence individual_influence(const Graph& graph, const DiffusionModel& model,
                                         std::uint64_t rr_sets, std::uint64_t seed);

// Spearman's rank correlation of two equally long sequences, ties given their average rank.
double spearman(std::span<const double> a, std::span<const double> b);

}  // namespace cascade

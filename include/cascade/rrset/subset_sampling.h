// Subset sampling by geometric skips: from a list of d items each kept independently with the same
// probability p, draw the kept indices in O(1 + p d) expected time instead of d coin flips. This
// is the trick of SUBSIM (Guo, Wang, Wei, Chen, "Influence Maximization Revisited: Efficient
// Reverse Reachable Set Generation with Bound Tightened", SIGMOD 2020) that makes RR sampling under
// weighted cascade (p = 1/in-degree, the same for every in-arc of a node) cost O(1) per node.
// The gap before the next kept item is geometric: floor(log(U) / log(1 - p)).
#pragma once

#include <cmath>
#include <cstdint>

#include "cascade/parallel/random_stream.h"

namespace cascade {

// Calls keep(i) for each kept index i in [0, d), in increasing order; log_q = ln(1 - p), which
// callers that sample the same list often compute once.
template <typename Keep>
void sample_subset(std::uint32_t d, float p, double log_q, RandomStream& random, Keep&& keep) {
  if (p <= 0.0f || d == 0) return;
  if (p >= 1.0f) {
    for (std::uint32_t i = 0; i < d; ++i) keep(i);
    return;
  }
  double position = -1.0;
  while (true) {
    // 1 - uniform() lies in (0, 1], so the logarithm is finite.
    position += 1.0 + std::floor(std::log(1.0 - random.uniform()) / log_q);
    if (position >= d) return;
    keep(static_cast<std::uint32_t>(position));
  }
}

}  // namespace cascade

namespace cascade {

template <typename Keep>
void sample_subset(std::uint32_t d, float p, RandomStream& random, Keep&& keep) {
  sample_subset(d, p, std::log1p(-static_cast<double>(p)), random, keep);
}

}  // namespace cascade

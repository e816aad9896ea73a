// Slow, obviously correct references: expected spread by enumerating every live-edge world of a
// tiny graph. Only for graphs of a handful of arcs (the cost is exponential).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade::testing {

struct ExactSpread {
  double reach = 0;
  double negative = 0;
};

constexpr std::uint32_t kNoDeadline = std::numeric_limits<std::uint32_t>::max();

// Independent cascade: every arc live with its probability; reach = nodes within `deadline` steps
// of the seeds over live arcs.
ExactSpread exact_independent_cascade(const Graph& graph, const std::vector<NodeId>& seeds,
                                      std::uint32_t deadline = kNoDeadline);

// Linear threshold: every node keeps at most one in-arc, arc (u, v) with probability p(u, v)
// (Kempe, Kleinberg, Tardos 2003, Claim 2.6); reach as above.
ExactSpread exact_linear_threshold(const Graph& graph, const std::vector<NodeId>& seeds,
                                   std::uint32_t deadline = kNoDeadline);

// The expected total weight of the people reached within `deadline` steps, under ic (or lt when
// `linear_threshold`), when the `spent` people are active from the start but relay nothing (an
// earlier phase reached them): they are never counted, and no path passes through them.
// weights: one per node, or empty for 1 each.
double exact_weighted_reach(const Graph& graph, bool linear_threshold,
                            const std::vector<NodeId>& seeds, const std::vector<double>& weights,
                            std::uint32_t deadline = kNoDeadline,
                            const std::vector<NodeId>& spent = {});

// IC-N: every arc is live for both signs (probability p), for negative word only (min(1, M p) - p)
// or dead; every node is satisfied with probability q; then the step rule of positive_negative.h.
ExactSpread exact_positive_negative(const Graph& graph, const std::vector<NodeId>& seeds,
                                    double quality, double negativity);

}  // namespace cascade::testing

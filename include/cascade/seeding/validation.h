// An independent estimate of a seed set's spread, never from the sample that chose the seeds
// (an algorithm's own estimate is biased upward: it picked the seeds that look best on it).
// For ic and lt (with or without a deadline): k + (n - k) x the share of fresh RR sets, drawn from
// streams no selection uses and rooted outside the k seeds, that the seeds meet (the seeds reach
// themselves): a binomial proportion, so the standard error is (n - k) sqrt(p (1 - p) / t) over
// those t sets and the 95% interval is k + (n - k) x the Wilson score interval
// (proportion_estimate in simulator.h), within [k, n]. With an objective (reach_objective.h) the
// same with weights: W_S + (W - W_S) x the share, W the total weight of the roots (targets not yet
// reached) and W_S the seeds' own: the expected weighted reach of new target people, by the
// deadline.
// For the other models: Monte Carlo simulation with streams offset from the selection's (the
// interval is mean -/+ 1.96 standard errors, clipped at 0).
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/graph/graph.h"
#include "cascade/rrset/reach_objective.h"

namespace cascade {

struct ValidatedSpread {
  Estimate spread;
  // Models with sentiment (icn; Monte Carlo): the reach's positive and negative parts.
  bool sentiment = false;
  Estimate positive, negative;
  std::uint64_t samples = 0;
  bool by_rr_sets = true;  // false: Monte Carlo runs
  double seconds = 0;
};

// ic and lt, with or without a deadline, without fading.
bool supports_rr_sets(const DiffusionModel& model);

// With relative_error > 0, samples is the starting count: it doubles (RR sets) until the 95%
// interval's half-width is within relative_error x the estimate, or max_samples is reached.
ValidatedSpread validate_spread(const Graph& graph, const DiffusionModel& model,
                                const std::vector<NodeId>& seeds, std::uint64_t samples,
                                std::uint64_t seed, double relative_error = 0,
                                std::uint64_t max_samples = 0,
                                const ReachObjective& objective = {});

}  // namespace cascade

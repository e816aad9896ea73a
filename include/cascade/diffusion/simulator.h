// Monte Carlo estimation of spread: runs a diffusion model many times from the same seeds and
// reports the mean reach with its standard error, a 95% confidence interval, percentiles, the
// positive/negative split where the model has one, and the mean number of new adopters per step.
//
// Run r draws only from streams keyed by (seed, r), and every total is an integer sum or is
// reduced in run order, so the result is the same on any number of threads.
// Time O(runs x arcs out of reached nodes); memory O(n) per thread plus O(runs).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct SimulationOptions {
  std::uint64_t runs = 10'000;
  // When > 0: run until the 95% interval's half-width is within relative_error x mean, in batches
  // of 1,000, 1,000, 2,000, 4,000, ... runs (fixed, so the stopping point does not depend on the
  // thread count), up to max_runs.
  double relative_error = 0;
  std::uint64_t max_runs = 10'000'000;
  std::uint64_t seed = 1;
  bool node_probabilities = false;
  bool trace_first_run = false;
  // Per node, how much reaching them is worth (a target audience; 0: outside it), or empty: no
  // audience. Each run's reach inside the audience is the total weight of the people it reaches,
  // and outside it the number of people of weight 0 it reaches.
  std::vector<double> target_weights;
  // People reached in an earlier phase: already active when every run starts and their influence
  // spent (they relay nothing, as under RRSampler's objective, reach_objective.h); never counted
  // in the reach, which is of new people. Distinct, and no seed among them.
  std::vector<NodeId> reached;
};

// Mean and spread of a per-run quantity.
struct Estimate {
  double mean = 0;
  double standard_error = 0;
  // 95% confidence interval. For a mean of counts (every Estimate of simulate()): mean -/+ 1.96
  // standard errors, the low end clipped at 0 since a count is never negative (and the reach's
  // at the number of seeds, which every run reaches). For a proportion
  // (proportion_estimate): the Wilson score interval.
  double low = 0, high = 0;
};

// A binomial proportion successes / trials, times `scale` (n x a share of RR sets is a spread):
// mean scale p, standard error scale sqrt(p (1 - p) / trials), and the 95% Wilson score interval
// (E. B. Wilson, JASA 1927) times scale: with z = 1.96,
//   (p + z^2 / 2t -/+ z sqrt(p (1 - p) / t + z^2 / 4t^2)) / (1 + z^2 / t),
// which always lies within [0, scale] and keeps a width at p = 0 or 1 (zero successes do not prove
// a zero share), unlike mean -/+ 1.96 standard errors. Throws UsageError when trials is 0 or
// successes exceed trials.
Estimate proportion_estimate(std::uint64_t successes, std::uint64_t trials, double scale = 1.0);

struct SimulationResult {
  std::uint64_t runs = 0;
  bool converged = true;  // with relative_error: whether the target was met within max_runs
  Estimate reach;
  std::uint32_t percentile5 = 0, median = 0, percentile95 = 0;  // nearest-rank, over runs
  Estimate positive, negative;  // positive + negative = reach; negative is 0 without sentiment
  // Word-of-mouth messages to people outside the seeds, per run (campaign/value.h prices them).
  // Who speaks: every person reached (seeds included; not the people already reached, whose
  // influence is spent) speaks once, at the step after they were reached, to every out-neighbour;
  // under a deadline T only those reached at steps < T speak. Each message along an arc whose end
  // is not a seed is an impression, whether or not it convinces, whether or not its end was
  // already reached, and under fading too (fading weakens persuasion, not the telling). Under
  // icn the messages of negative speakers are counted apart: impressions = positive_impressions +
  // negative_impressions. O(1) per reached person: out-degree less arcs into seeds, per node
  // once per simulate() call.
  Estimate impressions, positive_impressions, negative_impressions;
  std::vector<Estimate> new_per_step;  // [0] = seeds
  // People reached by the end of step s (seeds included), per run: [0] = seeds. A run that ended
  // before step s counts its final reach, so the last entry is `reach`.
  std::vector<Estimate> reached_by_step;
  std::vector<std::uint32_t> reach_of_run;  // each run's reach, ascending (the percentiles' source)
  std::vector<double> node_probability;  // with node_probabilities: share of runs reaching each node
  std::vector<Activation> trace;         // with trace_first_run: run 0's activations
  // With target_weights: the weighted reach inside the audience and the count outside it, per
  // run (mean -/+ 1.96 standard errors, within [the seeds' part, ...]). Per-run weighted sums are
  // reduced in run order, so these too are the same on any number of threads.
  Estimate audience, outside_audience;
  std::uint64_t arcs_examined = 0;
  double seconds = 0;
};

// Checks the model against the graph: fade in range, probabilities assigned if the model needs
// them, LT weights into each node summing to at most 1. Throws UsageError.
void check_model(const Graph& graph, const DiffusionModel& model);

// check_model, and at least one seed, each a node of the graph; throws UsageError before any run.
void check_simulation(const Graph& graph, const DiffusionModel& model, std::span<const NodeId> seeds);

// One run r of the model from `seeds`, for tests and callers that need the runs themselves.
RunOutcome run_once(const Graph& graph, const DiffusionModel& model, std::span<const NodeId> seeds,
                    std::uint64_t seed, std::uint64_t run, RunWorkspace& workspace,
                    std::vector<Activation>* trace = nullptr);
// The same into `outcome`, whose storage is reused from run to run (no allocation per run).
void run_once(const Graph& graph, const DiffusionModel& model, std::span<const NodeId> seeds,
              std::uint64_t seed, std::uint64_t run, RunWorkspace& workspace, RunOutcome& outcome,
              std::vector<Activation>* trace = nullptr);

SimulationResult simulate(const Graph& graph, const DiffusionModel& model,
                          std::span<const NodeId> seeds, const SimulationOptions& options);

}  // namespace cascade

#include "cascade/seeding/validation.h"

#include <chrono>
#include <cmath>

#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/rrset/rr_sampler.h"

namespace cascade {

bool supports_rr_sets(const DiffusionModel& model) {
  return (model.kind == ModelKind::kIndependentCascade ||
          model.kind == ModelKind::kLinearThreshold) &&
         !model.has_fading();
}

ValidatedSpread validate_spread(const Graph& graph, const DiffusionModel& model,
                                const std::vector<NodeId>& seeds, std::uint64_t samples,
                                std::uint64_t seed, double relative_error,
                                std::uint64_t max_samples, const ReachObjective& objective) {
  const auto start = std::chrono::steady_clock::now();
  ValidatedSpread result;
  result.samples = samples;
  if (supports_rr_sets(model)) {
    // The seeds reach themselves: the spread is W_S + (W - W_S) x the share, among the RR sets
    // rooted outside the seeds, of those the seeds meet (unbiased, never below W_S nor above W;
    // untargeted W = n and W_S = k).
    refuse_blocking(objective, "spread validation");
    const RRSampler sampler(graph, model, objective);
    std::vector<char> is_seed(graph.num_nodes(), 0);
    for (const NodeId s : seeds) is_seed[s] = 1;
    double k = 0;
    for (NodeId v = 0; v < graph.num_nodes(); ++v) k += is_seed[v] ? sampler.weight(v) : 0.0;
    const double others = std::max(0.0, sampler.scale() - k);
    std::uint64_t done = 0, outside = 0, covered = 0;
    std::uint64_t next = samples;
    while (true) {
      // Sets are counted and dropped in batches of at most kBatch: memory stays at one batch
      // whatever the sample size, and Ctrl-C is heard between batches.
      constexpr std::uint64_t kBatch = 1 << 18;
      RRCollection sets;
      for (std::uint64_t first = done; first < next; first += kBatch) {
        check_interrupt();
        sets.clear();
        sampler.generate(sets, first, std::min(kBatch, next - first), seed,
                         StreamPurpose::kValidation);
        for (std::uint64_t i = 0; i < sets.size(); ++i) {
          const auto members = sets.set(i);
          if (is_seed[members[0]]) continue;  // rooted at a seed: reached for sure
          ++outside;
          for (const NodeId v : members) {
            if (is_seed[v]) {
              ++covered;
              break;
            }
          }
        }
      }
      done = next;
      result.spread = outside > 0 ? proportion_estimate(covered, outside, others) : Estimate{};
      result.spread.mean += k;
      result.spread.low += k;
      result.spread.high += k;
      if (relative_error <= 0 || done >= max_samples ||
          1.96 * result.spread.standard_error <= relative_error * result.spread.mean) {
        break;
      }
      next = std::min(max_samples, 2 * done);
    }
    result.samples = done;
  } else {
    if (!objective.trivial()) {
      throw UsageError(objective.targeted() ? "targets" : "reached",
                       "applies to ic and lt without fade (spreads from RR sets)");
    }
    result.by_rr_sets = false;
    SimulationOptions options;
    options.runs = samples;
    if (relative_error > 0) {
      options.relative_error = relative_error;
      options.max_runs = std::max(samples, max_samples);
    }
    // Selection by simulation draws runs keyed by `seed`; validation uses another key.
    options.seed = mix64(seed ^ static_cast<std::uint64_t>(StreamPurpose::kValidation));
    const SimulationResult simulated = simulate(graph, model, seeds, options);
    result.spread = simulated.reach;
    result.samples = simulated.runs;
    if (model.has_sentiment()) {
      result.sentiment = true;
      result.positive = simulated.positive;
      result.negative = simulated.negative;
    }
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cascade

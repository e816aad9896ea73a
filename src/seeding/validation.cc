#include "cascade/seeding/validation.h"

#include <chrono>
#include <cmath>

#include "cascade/rrset/rr_sampler.h"
#include "cascade/select/max_coverage.h"

namespace cascade {

bool supports_rr_sets(const DiffusionModel& model) {
  return (model.kind == ModelKind::kIndependentCascade ||
          model.kind == ModelKind::kLinearThreshold) &&
         !model.has_fading() && !model.has_deadline();
}

ValidatedSpread validate_spread(const Graph& graph, const DiffusionModel& model,
                                const std::vector<NodeId>& seeds, std::uint64_t samples,
                                std::uint64_t seed) {
  const auto start = std::chrono::steady_clock::now();
  ValidatedSpread result;
  result.samples = samples;
  if (supports_rr_sets(model)) {
    const RRSampler sampler(graph, model);
    RRCollection sets;
    sampler.generate(sets, 0, samples, seed, StreamPurpose::kValidation);
    const double n = graph.num_nodes();
    const double share = static_cast<double>(coverage_of(sets, graph.num_nodes(), seeds)) /
                         static_cast<double>(samples);
    result.spread.mean = n * share;
    result.spread.standard_error = n * std::sqrt(share * (1 - share) / static_cast<double>(samples));
    result.spread.low = result.spread.mean - 1.96 * result.spread.standard_error;
    result.spread.high = result.spread.mean + 1.96 * result.spread.standard_error;
  } else {
    result.by_rr_sets = false;
    SimulationOptions options;
    options.runs = samples;
    // Selection by simulation draws runs keyed by `seed`; validation uses another key.
    options.seed = mix64(seed ^ static_cast<std::uint64_t>(StreamPurpose::kValidation));
    result.spread = simulate(graph, model, seeds, options).reach;
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cascade

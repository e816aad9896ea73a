// The draws of SimulationRequest and SeedRequest, checked once for both.
#include "draws.h"

#include <fmt/format.h>

#include "cascade/error.h"

namespace cascade {

std::optional<DrawOptions> draw_options(const Graph& graph, const DiffusionModel& model,
                                        std::uint32_t draws, const std::array<double, 2>& prior,
                                        std::uint64_t runs_per_draw, std::uint64_t seed) {
  if (draws == 0) {
    if (prior != std::array<double, 2>{1, 1}) {
      throw UsageError("prior", "applies only with draws (the posterior the draws come from)");
    }
    return std::nullopt;
  }
  DrawOptions options;
  options.draws = draws;
  options.prior_a = prior[0];
  options.prior_b = prior[1];
  options.runs_per_draw = runs_per_draw;
  options.seed = seed;
  check_draws(graph, model, options);
  return options;
}

DataInterval data_interval(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const DrawOptions& options,
                           double point) {
  DataInterval data = spread_under_draws(graph, model, seeds, options);
  if (point < data.low || point > data.high) {
    data.notes.push_back(fmt::format(
        "the point estimate ({:.1f}) lies outside the interval from the data: the file's "
        "probabilities and their posteriors under the prior Beta({:g}, {:g}) disagree, as they do "
        "when most arcs were tried a few times, so the prior decides where the draws fall (learn "
        "--estimate posterior with the same --prior gives probabilities that agree with them)",
        point, data.prior_a, data.prior_b));
  }
  return data;
}

}  // namespace cascade

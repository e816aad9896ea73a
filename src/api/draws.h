// Within the API: the options of the draws a request asks for (draws > 0), checked against the
// graph and model before any work (check_draws), or none; prior without draws is refused.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "cascade/campaign/parameter_uncertainty.h"

namespace cascade {

std::optional<DrawOptions> draw_options(const Graph& graph, const DiffusionModel& model,
                                        std::uint32_t draws, const std::array<double, 2>& prior,
                                        std::uint64_t runs_per_draw, std::uint64_t seed);

// spread_under_draws, with a note when `point` (the spread under the graph's own probabilities)
// lies outside the interval from the data.
DataInterval data_interval(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const DrawOptions& options, double point);

}  // namespace cascade

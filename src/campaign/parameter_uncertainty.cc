#include "cascade/campaign/parameter_uncertainty.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/graph/arc_posterior.h"
#include "cascade/interrupt.h"
#include "cascade/text.h"

namespace cascade {
namespace {

// The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7).
double quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

void check_draws(const Graph& graph, const DiffusionModel& model, const DrawOptions& options) {
  if (options.draws < kMinDraws || options.draws > kMaxDraws) {
    throw UsageError("draws", fmt::format("found {}; expected {} to {} probability vectors drawn "
                                          "from the data (100 or more for a steady interval)",
                                          options.draws, kMinDraws, group_digits(kMaxDraws)));
  }
  if (options.runs_per_draw == 0) {
    throw UsageError("runs", "found 0 runs per draw; expected at least 1");
  }
  if (model.kind == ModelKind::kLinearThreshold) {
    throw UsageError("model",
                     "found lt with draws; expected ic, icn or threshold:N,prob: "
                     "probabilities drawn independently into a person may sum above 1, "
                     "which lt does not allow");
  }
  if (!model.needs_probabilities()) {
    throw UsageError("model", fmt::format("found {}, which uses no probabilities, with draws; "
                                          "expected a model that does (ic, icn, threshold:N,prob)",
                                          model.to_string()));
  }
  if (graph.probability_scheme() != "weight") {
    throw UsageError("prob", fmt::format("found {} with draws; expected weight: the draws stand "
                                         "in for the learned probabilities of the file",
                                         graph.has_probabilities() ? graph.probability_scheme()
                                                                   : std::string("none")));
  }
  if (graph.arc_evidence() == nullptr) {
    throw UsageError("draws", fmt::format("found no trials and successes per arc in {}; expected "
                                          "a CSV graph file with trials and successes columns, "
                                          "as cascade learn --out writes",
                                          graph.load_report().source));
  }
  for (const double shape : {options.prior_a, options.prior_b}) {
    if (!(shape > 0) || !std::isfinite(shape)) {
      throw UsageError("prior", fmt::format("found {:g},{:g}; expected A,B: two positive numbers "
                                            "(the prior Beta(A, B) learn used)",
                                            options.prior_a, options.prior_b));
    }
  }
}

DataInterval spread_under_draws(const Graph& graph, const DiffusionModel& model,
                                std::span<const NodeId> seeds, const DrawOptions& options) {
  check_draws(graph, model, options);
  const auto start = std::chrono::steady_clock::now();
  DataInterval result;
  result.draws = options.draws;
  result.runs_per_draw = options.runs_per_draw;
  result.prior_a = options.prior_a;
  result.prior_b = options.prior_b;
  const DrawnArcs arcs = count_drawn_arcs(*graph.arc_evidence());
  result.arcs_drawn = arcs.drawn;
  result.arcs_fixed = arcs.fixed;

  Graph working = graph;
  SimulationOptions simulation;
  simulation.runs = options.runs_per_draw;
  simulation.seed = options.seed;
  std::vector<float> out, in;
  double squared_errors = 0;
  for (std::uint32_t d = 0; d < options.draws; ++d) {
    check_interrupt();
    draw_probabilities(graph, options.prior_a, options.prior_b, options.seed, d, out, in);
    working.set_probabilities(std::move(out), std::move(in), graph.probability_scheme());
    const SimulationResult run = simulate(working, model, seeds, simulation);
    result.reach.push_back(run.reach.mean);
    squared_errors += run.reach.standard_error * run.reach.standard_error;
  }
  const auto draws = static_cast<double>(options.draws);
  double sum = 0;
  for (const double r : result.reach) sum += r;
  result.mean = sum / draws;
  double squares = 0;
  for (const double r : result.reach) squares += (r - result.mean) * (r - result.mean);
  result.between_draws = std::sqrt(squares / (draws - 1));
  result.monte_carlo_error = std::sqrt(squared_errors / draws);
  std::vector<double> sorted = result.reach;
  std::sort(sorted.begin(), sorted.end());
  result.low = quantile(sorted, 0.025);
  result.high = quantile(sorted, 0.975);

  if (arcs.drawn == 0) {
    result.notes.push_back(
        "no arc was ever tried in the log: every draw keeps the same "
        "probabilities, and the interval says nothing about the data");
  } else if (result.monte_carlo_error > 0.5 * result.between_draws) {
    result.notes.push_back(fmt::format(
        "Monte Carlo noise (standard error {:.3g} per draw) is not small against the spread "
        "between draws ({:.3g}): more runs per draw would sharpen the interval from the data",
        result.monte_carlo_error, result.between_draws));
  }
  if (options.draws < kSteadyDraws) {
    result.notes.push_back(
        fmt::format("{} draws: the 2.5% and 97.5% quantiles rest on the most "
                    "extreme draws; {} or more give a steadier interval",
                    options.draws, kSteadyDraws));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cascade

// How much of a campaign's reach the adoption log pins down: the spread of given seeds
// re-estimated under probability vectors drawn from the data (graph/arc_posterior.h), reported
// as a second interval ("from the data") beside the Monte Carlo one, which only says how well the
// simulation knows the spread under the point estimates.
//
// For d = 0 .. draws - 1: draw d's probabilities, then `runs_per_draw` Monte Carlo runs from the
// seeds (diffusion/simulator.h). Every draw runs on the same random numbers as the point estimate
// (the options' seed: common random numbers), so what varies from draw to draw is the
// probabilities, not the Monte Carlo noise; each draw's own Monte Carlo standard error is reported
// beside (their root mean square), with a note when it is not small against the spread between
// draws. The interval is the 2.5% and 97.5% quantiles of the draws' mean reach (linear
// interpolation between order statistics, R's type 7). Its centre may differ from the point
// estimate: under the posterior an arc that failed its few trials has a probability above 0.
//
// Time: draws x (O(m) + the simulation); memory: one copy of the graph, whose probabilities are
// replaced draw by draw. The result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"

namespace cascade {

inline constexpr std::uint32_t kMinDraws = 2;
inline constexpr std::uint32_t kMaxDraws = 100'000;
// Below this many draws the 2.5% and 97.5% quantiles rest on the one or two extreme draws.
inline constexpr std::uint32_t kSteadyDraws = 40;

struct DrawOptions {
  std::uint32_t draws = 100;
  std::uint64_t runs_per_draw = 10'000;
  double prior_a = 1, prior_b = 1;  // learn's prior Beta(A, B)
  std::uint64_t seed = 1;
};

struct DataInterval {
  std::uint32_t draws = 0;
  std::uint64_t runs_per_draw = 0;
  double prior_a = 1, prior_b = 1;
  double mean = 0;                 // of the draws' mean reach
  double low = 0, high = 0;        // their 2.5% and 97.5% quantiles
  double between_draws = 0;        // their standard deviation
  double monte_carlo_error = 0;    // root mean square of the draws' standard errors
  std::uint64_t arcs_drawn = 0;    // tried: drawn from their posterior
  std::uint64_t arcs_fixed = 0;    // never tried: kept at the graph's probability
  std::vector<double> reach;       // each draw's mean reach, in draw order
  std::vector<std::string> notes;  // what a reader should know about this interval
  double seconds = 0;
};

// Throws UsageError before any work, naming draws (out of range, or a graph without trials and
// successes per arc), model (lt, whose weights into a person must sum to at most 1, which
// independent draws do not keep; a model without probabilities), prob (probabilities other than
// the file's own) or prior.
void check_draws(const Graph& graph, const DiffusionModel& model, const DrawOptions& options);

// check_draws, then the draws. The seeds must be distinct nodes of the graph.
DataInterval spread_under_draws(const Graph& graph, const DiffusionModel& model,
                                std::span<const NodeId> seeds, const DrawOptions& options);

}  // namespace cascade

#include "cascade/seeding/opim_c.h"

#include <fmt/format.h>

#include <chrono>
#include <algorithm>
#include <cmath>
#include <limits>

#include "cascade/error.h"
#include "cascade/text.h"
#include "cascade/interrupt.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/sample_size.h"
#include "cascade/select/max_coverage.h"

namespace cascade {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
constexpr double kOneMinusInvE = 1.0 - 1.0 / 2.718281828459045235360287;
// One refining jump grows R1 at most this much; a tiny last marginal takes several jumps.
constexpr double kMaxRefineGrowth = 32.0;

}  // namespace

namespace {

std::uint64_t projected_sample_bytes(const RRCollection& r1, const RRCollection& r2,
                                     std::uint64_t theta, bool refining) {
  auto grown = [&](const RRCollection& r) {
    if (r.size() == 0) return 0.0;
    return static_cast<double>(r.memory_bytes()) * static_cast<double>(theta) /
           static_cast<double>(r.size());
  };
  const double r2_bytes = refining ? static_cast<double>(r2.memory_bytes()) : grown(r2);
  return static_cast<std::uint64_t>(2 * grown(r1) + r2_bytes);
}

}  // namespace

SeedSelection opim_c(const Graph& graph, const DiffusionModel& model, const OpimOptions& options) {
  const auto start = Clock::now();
  const double nodes = graph.num_nodes();
  check_seed_parameters(graph, options.k, options.epsilon);
  const double delta = options.delta > 0 ? options.delta : 1.0 / nodes;
  if (!(delta > 0 && delta < 1)) {
    throw UsageError("delta", fmt::format("found {}; expected a value in (0, 1)", delta));
  }
  const RRSampler sampler(graph, model, options.objective);
  check_eligible_seeds(options.k, sampler.eligible_seeds());
  // Spreads are W x shares of RR sets (W = n untargeted), and the bounds take W for n.
  const double n = sampler.scale();
  const double k = options.k;
  const double optimum_lower = sampler.optimum_lower_bound(options.k);
  const double theta_max =
      sample_size::opim_theta_max(nodes, k, options.epsilon, delta, n, optimum_lower);
  const auto theta_zero = static_cast<std::uint64_t>(std::ceil(
      sample_size::opim_theta_zero(nodes, k, options.epsilon, delta, n, optimum_lower)));
  const int rounds = std::max(1, static_cast<int>(std::ceil(std::log2(theta_max / static_cast<double>(theta_zero)))));
  const double round_delta = delta / (3.0 * rounds);
  const double target = kOneMinusInvE - options.epsilon;

  SeedSelection result;
  result.algorithm = options.refine_min_marginal > 0 ? "opim-c+refine" : "opim-c";
  result.failure_probability = delta;
  RRCollection r1, r2;
  const std::vector<NodeId> fill_order = sampler.fill_order();
  std::uint32_t filled = 0;
  double sampling = 0, selecting = 0;
  std::uint64_t theta = theta_zero;
  check_first_round_memory(graph, theta_zero, options.max_memory);
  // Every round's lower and upper bounds hold together with probability 1 - delta (a union bound
  // over at most `rounds` rounds), so the smallest upper bound on the optimum seen in any round
  // serves every round's seeds, and refining rounds keep the guarantee as long as they stay within
  // `rounds`. R2 is never used to choose seeds, only to bound and compare them.
  double best_upper = std::numeric_limits<double>::infinity();
  double best_lower = 0;

  bool guaranteed = false;
  bool refining = false;
  for (int round = 1;; ++round) {
    check_interrupt();
    auto t = Clock::now();
    sampler.generate(r1, r1.size(), theta - r1.size(), options.seed, StreamPurpose::kReverseReachable);
    if (!refining) {
      sampler.generate(r2, r2.size(), theta - r2.size(), options.seed,
                       StreamPurpose::kReverseReachableCheck);
    }
    sampling += since(t);
    t = Clock::now();
    const CoverageSelection greedy = greedy_max_coverage(r1, fill_order, options.k);
    const std::uint64_t check_coverage = coverage_of(r2, graph.num_nodes(), greedy.seeds);
    const double lower = sample_size::opim_lower_bound(static_cast<double>(check_coverage),
                                                       static_cast<double>(r2.size()), n, round_delta);
    best_upper = std::min(best_upper, sample_size::opim_upper_bound(
                                          static_cast<double>(greedy.optimal_upper_bound),
                                          static_cast<double>(r1.size()), n, round_delta));
    selecting += since(t);
    const std::uint64_t last_marginal = greedy.marginal_coverage.back();
    {
      result.seeds = greedy.seeds;
      result.marginal_gain.clear();
      for (const auto c : greedy.marginal_coverage) {
        result.marginal_gain.push_back(n * static_cast<double>(c) / static_cast<double>(r1.size()));
      }
      result.estimated_spread =
          n * static_cast<double>(greedy.coverage) / static_cast<double>(r1.size());
      best_lower = lower;
      filled = greedy.filled;
    }
    const double ratio = best_upper > 0 ? best_lower / best_upper : 0;
    result.guarantee = std::max(0.0, ratio);
    guaranteed = ratio >= target;
    const bool last = round >= rounds;
    if (last && theta >= static_cast<std::uint64_t>(theta_max) && !guaranteed) {
      // theta_max RR sets alone guarantee the ratio (OPIM-C, Theorem 4.1).
      result.guarantee = target;
      guaranteed = true;
    }
    const bool stopped = stop_requested();
    const bool out_of_time =
        stopped || (options.time_limit > 0 && since(start) >= options.time_limit);
    // Refining stops once the last seed's marginal coverage is large enough, when it adds
    // nothing (every RR set already covered), or at the sample IMM would draw (lambda* over the
    // lower bound on the optimum proven so far): `auto` never samples more than IMM.
    const double refine_cap =
        std::min(theta_max, sample_size::imm_lambda_star(std::max(nodes, 3.0), k, options.epsilon,
                                                         1.0, std::max(n, 3.0)) /
                                std::max(best_lower, sampler.optimum_lower_bound(1)));
    const bool done = guaranteed && (options.refine_min_marginal == 0 ||
                                     last_marginal >= options.refine_min_marginal ||
                                     last_marginal == 0 ||
                                     static_cast<double>(r1.size()) >= refine_cap);
    if (done || last || out_of_time) {
      result.notes.push_back(fmt::format(
          "round {}: {} RR sets in R1, {} in R2; proven ratio {:.4f} (target {:.4f})", round,
          group_digits(r1.size()), group_digits(r2.size()), result.guarantee, target));
      if (stopped && !done) {
        result.notes.push_back(
            "stopped on request (Ctrl-C) after this round: the best seeds so far, with the ratio "
            "proven for them");
      } else if (out_of_time && !guaranteed) {
        result.notes.push_back(fmt::format("stopped by the time limit of {} s before reaching the "
                                           "target ratio",
                                           options.time_limit));
      } else if (refining) {
        result.notes.push_back(fmt::format(
            "refined past the guarantee: R1 grown until the last seed's marginal coverage is about "
            "{} RR sets (it is {})",
            group_digits(options.refine_min_marginal), group_digits(last_marginal)));
      }
      break;
    }
    if (guaranteed) {
      // Marginal coverages grow in proportion to the sample: jump to the size that should give
      // the last seed `refine_min_marginal` RR sets (10% more, as the estimate is noisy), by
      // 1.25x to 32x, within the cap.
      refining = true;
      const double wanted = 1.1 * static_cast<double>(theta) *
                            static_cast<double>(options.refine_min_marginal) /
                            static_cast<double>(last_marginal);
      const double grown = std::clamp(wanted, 1.25 * static_cast<double>(theta),
                                      kMaxRefineGrowth * static_cast<double>(theta));
      theta = static_cast<std::uint64_t>(std::ceil(std::min(refine_cap, grown)));
    } else {
      theta *= 2;
    }
    // The next round's samples, from this round's bytes per RR set (R1 counted twice: greedy's
    // node -> sets index is about as large): past the limit, stop here as at a time limit.
    const std::uint64_t next_bytes = projected_sample_bytes(r1, r2, theta, refining);
    if (options.max_memory > 0 && next_bytes > options.max_memory) {
      result.notes.push_back(fmt::format(
          "round {}: {} RR sets in R1, {} in R2; proven ratio {:.4f} (target {:.4f})", round,
          group_digits(r1.size()), group_digits(r2.size()), result.guarantee, target));
      result.notes.push_back(memory_limit_note(next_bytes, options.max_memory));
      break;
    }
  }
  if (filled > 0) result.notes.push_back(filled_note(filled));
  result.rr_sets = r1.size() + r2.size();
  result.sample_bytes = r1.memory_bytes() + r2.memory_bytes();
  result.phases = {{"sampling", sampling}, {"selection", selecting}};
  return result;
}

}  // namespace cascade

#include "cascade/seeding/imm.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

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

}  // namespace

SeedSelection imm(const Graph& graph, const DiffusionModel& model, const ImmOptions& options) {
  const double nodes = graph.num_nodes();
  check_seed_parameters(graph, options.k, options.epsilon);
  refuse_blocking(options.objective, "imm");
  const RRSampler sampler(graph, model, options.objective);
  check_eligible_seeds(options.k, sampler.eligible_seeds());
  // Spreads are W x shares of RR sets (W = n untargeted), and the bounds take W for n; C(n, k)
  // and the failure probability 1/n^l keep the number of nodes.
  const double n = sampler.scale();
  const double k = options.k;
  // Chen (2018): two phases, each failing with probability 1/n^l, together within 1/n^l.
  const double ell = options.ell * (1.0 + std::log(2.0) / std::log(std::max(nodes, 3.0)));
  const double epsilon_prime = std::sqrt(2.0) * options.epsilon;
  const double lambda_prime = sample_size::imm_lambda_prime(std::max(nodes, 3.0), k,
                                                            options.epsilon, ell, std::max(n, 3.0));
  const double lambda_star = sample_size::imm_lambda_star(std::max(nodes, 3.0), k, options.epsilon,
                                                          ell, std::max(n, 3.0));

  SeedSelection result;
  result.algorithm = "imm";
  result.failure_probability = std::pow(nodes, -options.ell);
  const std::vector<NodeId> fill_order = sampler.fill_order();
  auto t = Clock::now();
  RRCollection estimation;
  // The optimum reaches at least the heaviest root (1 untargeted): the lower bound when no level
  // proves more, and the floor of the levels searched.
  const double single = sampler.optimum_lower_bound(1);
  double lower_bound = single;
  const int levels = std::max(1, static_cast<int>(std::log2(n / single)) - 1);
  for (int i = 1; i <= levels; ++i) {
    check_interrupt();
    const double x = n / std::pow(2.0, i);
    const auto theta_i = static_cast<std::uint64_t>(std::ceil(lambda_prime / x));
    if (theta_i > estimation.size()) {
      sampler.generate(estimation, estimation.size(), theta_i - estimation.size(), options.seed,
                       StreamPurpose::kReverseReachableCheck);
    }
    const CoverageSelection greedy = greedy_max_coverage(estimation, fill_order, options.k);
    const double spread = n * static_cast<double>(greedy.coverage) / static_cast<double>(estimation.size());
    if (spread >= (1.0 + epsilon_prime) * x) {
      lower_bound = spread / (1.0 + epsilon_prime);
      break;
    }
  }
  const double estimating = since(t);
  result.notes.push_back(fmt::format("lower bound on the optimum LB = {:.1f} from {} RR sets",
                                     lower_bound, group_digits(estimation.size())));
  const std::size_t estimation_bytes = estimation.memory_bytes();
  const std::uint64_t estimation_sets = estimation.size();
  estimation = RRCollection{};

  check_interrupt();
  t = Clock::now();
  const auto theta = static_cast<std::uint64_t>(std::ceil(lambda_star / lower_bound));
  RRCollection selection;
  sampler.generate(selection, 0, theta, options.seed, StreamPurpose::kReverseReachable);
  const double sampling = since(t);
  t = Clock::now();
  const CoverageSelection greedy = greedy_max_coverage(selection, fill_order, options.k);
  const double selecting = since(t);
  result.seeds = greedy.seeds;
  for (const auto c : greedy.marginal_coverage) {
    result.marginal_gain.push_back(n * static_cast<double>(c) / static_cast<double>(theta));
  }
  result.estimated_spread = n * static_cast<double>(greedy.coverage) / static_cast<double>(theta);
  result.guarantee = 1.0 - 1.0 / 2.718281828459045235360287 - options.epsilon;
  result.rr_sets = estimation_sets + theta;
  result.sample_bytes = std::max(estimation_bytes, selection.memory_bytes());
  result.phases = {{"estimating LB", estimating}, {"sampling", sampling}, {"selection", selecting}};
  result.notes.push_back(
      fmt::format("{} fresh RR sets for the selection (theta = lambda* / LB)", group_digits(theta)));
  if (greedy.filled > 0) result.notes.push_back(filled_note(greedy.filled));
  return result;
}

}  // namespace cascade

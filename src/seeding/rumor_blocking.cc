#include "cascade/seeding/rumor_blocking.h"

#include <fmt/format.h>

#include "cascade/error.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/opim_c.h"

namespace cascade {

SeedSelection rumor_blocking(const Graph& graph, const DiffusionModel& model,
                             const RumorBlockingOptions& options) {
  ReachObjective objective;
  objective.against = options.against;
  objective.rumor_wins_ties = options.tie == TieRule::kRumor;
  check_seed_parameters(graph, options.k, options.epsilon);
  check_reach_objective(graph, objective);
  const RRSampler sampler(graph, model, objective);
  check_eligible_seeds(options.k, sampler.eligible_seeds());
  if (!(sampler.optimum_lower_bound(options.k) > 0)) {
    SeedSelection result;
    result.algorithm = "rumor-blocking";
    const std::vector<NodeId> order = sampler.fill_order();
    result.seeds.assign(order.begin(), order.begin() + options.k);
    result.marginal_gain.assign(options.k, 0.0);
    result.guarantee = 1;
    result.failure_probability = 0;
    result.notes.push_back("the rumor has no arc out: it reaches nobody beyond its own people, "
                           "so every choice saves 0");
    result.notes.push_back(filled_note(options.k));
    return result;
  }
  OpimOptions opim;
  opim.k = options.k;
  opim.epsilon = options.epsilon;
  opim.delta = options.delta;
  opim.seed = options.seed;
  opim.time_limit = options.time_limit;
  opim.objective = std::move(objective);
  SeedSelection result = opim_c(graph, model, opim);
  result.algorithm = "rumor-blocking (opim-c)";
  return result;
}

}  // namespace cascade

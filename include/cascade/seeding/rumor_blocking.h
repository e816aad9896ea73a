// Rumor blocking: Tong, Wu, Guo, Li, Zhang, Li, Du, "An efficient randomized algorithm for rumor
// blocking in online social networks", IEEE TNSE 2017 (INFOCOM 2017): choose k protectors that
// save the most people from a rumor already spreading from given people, under competitive
// independent cascade (diffusion/competitive_cascade.h; ties to the protectors unless the rumor
// is said to win them).
//
// The expected number saved is n x Pr[S meets a blocking RR set] (rr_sampler.h, objective
// `against`): a coverage function, monotone and submodular, so OPIM-C's loop (opim_c.h: two
// collections, bounds, doubling) applies unchanged. The optimum's lower bound that sizes the
// sample is the sum of the k largest chances that the rumor reaches someone at its first step.
// Guarantee: a (1 - 1/e - eps)-approximation of the most people k protectors can save, with
// probability at least 1 - delta. When the rumor has no arc out it reaches nobody but its own
// people, every set saves 0, and the seats are filled by the fill rule with guarantee 1.
// Time O((k + log(1/delta)) n log n / (eps^2 OPT_lower) x cost of a blocking RR set), a reverse
// search cut at the rumor's distance, or the whole reverse-reachable set when the rumor does not
// reach the root; memory O(RR members). Protectors never include the rumor's people. The result
// does not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/competitive_cascade.h"
#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct RumorBlockingOptions {
  std::uint32_t k = 10;
  double epsilon = 0.1;
  double delta = 0;  // 0: 1/n
  std::uint64_t seed = 1;
  double time_limit = 0;  // seconds; 0: none (OPIM-C returns the best so far with its ratio)
  std::vector<NodeId> against;  // the rumor's people: distinct, not everyone
  TieRule tie = TieRule::kProtector;
};

// model: ic without deadline nor fade; throws UsageError otherwise. marginal_gain and
// estimated_spread are people saved, as estimated on the selection's own sample.
SeedSelection rumor_blocking(const Graph& graph, const DiffusionModel& model,
                             const RumorBlockingOptions& options);

}  // namespace cascade

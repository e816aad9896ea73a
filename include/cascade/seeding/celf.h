// Greedy by simulation with CELF++ lazy evaluation (Goyal, Lu, Lakshmanan, "CELF++: Optimizing the
// Greedy Algorithm for Influence Maximization in Social Networks", WWW 2011; CELF: Leskovec,
// Krause, Guestrin, Faloutsos, VanBriesen, Glance, KDD 2007), for every diffusion model, including
// those reverse-reachable sampling cannot handle (complex contagion, positive/negative word of
// mouth, fading, deadlines).
//
// The spread of a set is the mean reach over the same `runs` random worlds for every candidate
// (run r draws its coins from (seed, r)), so marginal gains are compared on common random numbers.
// Lazy evaluation is exact for submodular spread (ic, lt); for complex contagion, which is not
// submodular, it is the usual heuristic and proves nothing. With exact spreads greedy is a
// (1 - 1/e)-approximation for submodular models; with `runs` samples the estimates carry Monte
// Carlo error. Time O(k x evaluations x runs x cost of a run), evaluations much below n per round
// in practice; memory O(n) per thread. Deterministic for a seed, whatever the thread count.
// Seeds are distinct. Where marginal gains tie (at 0 once the seeds reach every remaining
// candidate in every run) the earlier candidate wins, so by default the seats are filled by
// highest out-degree, ties to the smaller id, and `notes` says how many seeds added nothing.
// Under positive/negative word of mouth (icn) the greedy maximizes positive reach minus L times
// negative reach (L = negative_weight, default 0: positive reach alone), never the total, and
// records each seed's positive and negative gains. Positive reach is submodular under IC-N with
// neg = 1 (Chen et al., SDM 2011), where lazy evaluation is exact; otherwise, and with L > 0, the
// objective need not be submodular and lazy greedy proves nothing.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct CelfOptions {
  std::uint32_t k = 10;
  std::uint64_t runs = 1000;
  std::uint64_t seed = 1;
  // Nodes considered, in order of preference where marginal gains tie; empty: everyone, by
  // decreasing out-degree, ties to the smaller id. (On large graphs, the highest-degree few
  // thousand.) Distinct nodes of the graph: UsageError otherwise.
  std::vector<NodeId> candidates;
  // Models with sentiment (icn): the objective is positive reach - negative_weight x negative
  // reach, never the total; a seed whose best gain is not positive is not added (fewer than k
  // seeds then, with a note). Ignored by the other models.
  double negative_weight = 0;
};

SeedSelection celf_plus_plus(const Graph& graph, const DiffusionModel& model,
                             const CelfOptions& options);

}  // namespace cascade

// Positive reach under IC-N with negativity 1 (Chen, Collins, Cummings, Ke, Liu, Rincon, Sun, Wang,
// Wei, Yuan, "Influence Maximization in Social Networks When Negative Opinions May Emerge and
// Propagate", SDM 2011), chosen on positive-reach RR samples (rrset/positive_rr_sampler.h) in
// OPIM-C's rounds (Tang, Tang, Xiao, Yuan, SIGMOD 2018): two independent collections R1 and R2,
// doubled each round from OPIM-C's theta_0.
//
// Each round: greedy on R1 maximizes the unbiased estimate n x mean f(S) of the expected
// positive reach, adding the node of largest estimated gain (ties to the smaller id) and stopping
// before k when no gain is positive (a seed that adds no positive reach is not added). R2 gives a
// lower bound on the chosen seeds' positive reach (the martingale bound of OPIM-C, which holds
// for values in [0, 1]); R1 gives an upper bound on the best k-set's positive reach through the
// surrogate g >= f, monotone and submodular (greedy on g, OPIM-C's bound over its prefixes).
// What is proven: with probability at least 1 - delta, the seeds' expected positive reach is at
// least `guarantee` x that of the best set of at most k seeds, `guarantee` being the ratio of the
// two bounds in the last round. It stops when that ratio reaches 1 - 1/e - eps (and, with
// refine_min_marginal, the last seed's gain is that large), at theta_max
// (OPIM-C's, for k seeds), or when a doubling raised a positive ratio by less than 0.005 (the
// bounds have converged to the gap between f and g). Not proven: 1 - 1/e - eps whatever the sample,
// as OPIM-C proves for coverage: positive reach is neither monotone nor submodular in our model
// (nor, by the same example, in the IC-N of the paper, whose tie rule is ours), so greedy has no
// a-priori ratio; the ratio reported is a-posteriori, computed from the samples.
// Time O(sum over samples of members x their DAG descendants) per greedy plus the sampling;
// memory O(members + DAG arcs) of both collections. Greedy is sequential in sample order, the
// sampling per-item: the result does not depend on the thread count.
#pragma once

#include <cstdint>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/rrset/positive_rr_sampler.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct PositiveReachOptions {
  std::uint32_t k = 10;
  double epsilon = 0.1;
  double delta = 0;  // 0: 1/n
  std::uint64_t seed = 1;
  // Past the target ratio, keep doubling both collections (within OPIM-C's rounds, so the
  // guarantee still holds) until the last seed's estimated gain is at least this many samples'
  // worth (sum of f); 0: stop at the target, as OPIM-C does. seeds --algo auto uses
  // kDefaultRefineMinMarginal (opim_c.h), as for ic and lt.
  double refine_min_marginal = 0;
};

// Greedy on the samples alone (no bounds): the seeds, their estimated positive and negative
// gains, and the estimate. Exposed for tests.
struct PositiveGreedy {
  std::vector<NodeId> seeds;
  std::vector<double> positive_gain, reach_gain;  // per seed, in sample units (sum of f, of hits)
  double positive = 0;                            // sum of f(S) over the samples
};
PositiveGreedy positive_greedy(const PositiveRRCollection& samples, NodeId num_nodes,
                               double quality, std::uint32_t k);

// The least, over the greedy prefixes S_i on g, of g(S_i) + the k largest gains of g at S_i:
// no k-set has a larger sum of g over the samples (submodularity).
double surrogate_upper_bound(const PositiveRRCollection& samples, NodeId num_nodes,
                             double quality, std::uint32_t k);

SeedSelection positive_reach_seeds(const Graph& graph, const DiffusionModel& model,
                                   const PositiveReachOptions& options);

}  // namespace cascade

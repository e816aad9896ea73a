// Positive and negative word of mouth: the IC-N model of Chen, Collins, Cummings, Ke, Liu, Rincon,
// Sun, Wang, Wei, Yuan, "Influence Maximization in Social Networks When Negative Opinions May Emerge
// and Propagate", SDM 2011, extended with a negativity multiplier.
//
// Every reached person, seeds included, is satisfied with probability q (the product's quality)
// and spreads positive word; otherwise negative. A person reached through negative word is
// negative. Positive word crosses arc (u, v) with probability p(u, v), negative word with
// min(1, M p(u, v)) (M: negativity multiplier, about 17/11 online and 4 offline per the marketing
// literature); both times (1 - fade)^s for a speaker activated at step s. When several speakers
// reach v in the same step, one negative among them makes v negative (negativity bias, as in
// Chen et al.).
// One run: time O(arcs out of reached nodes), no allocation beyond the workspace.
#pragma once

#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"

namespace cascade {

void run_positive_negative(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const RunRandomness& random,
                           RunWorkspace& workspace, RunOutcome& outcome,
                           std::vector<Activation>* trace);

}  // namespace cascade

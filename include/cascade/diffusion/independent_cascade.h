// Independent cascade (Kempe, Kleinberg, Tardos, KDD 2003; Goldenberg, Libai, Muller, Marketing
// Letters 2001): a node activated at step s gets one chance, at step s + 1, to activate each
// inactive out-neighbour v, succeeding with probability p(u, v) (1 - fade)^s.
// One run: time O(arcs out of reached nodes), no allocation beyond the workspace.
#pragma once

#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"

namespace cascade {

void run_independent_cascade(const Graph& graph, const DiffusionModel& model,
                             std::span<const NodeId> seeds, const RunRandomness& random,
                             RunWorkspace& workspace, RunOutcome& outcome,
                             std::vector<Activation>* trace);

}  // namespace cascade

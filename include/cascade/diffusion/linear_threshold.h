// Linear threshold (Granovetter, AJS 1978; Kempe, Kleinberg, Tardos, KDD 2003): each node draws a
// threshold uniformly from [0, 1); it activates at the first step where the summed weights
// p(u, v) (1 - fade)^{s_u} of its active in-neighbours u (activated at step s_u) reach it.
// The weights into every node must sum to at most 1 (checked by the simulator).
// One run: time O(arcs out of reached nodes), no allocation beyond the workspace.
#pragma once

#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"

namespace cascade {

void run_linear_threshold(const Graph& graph, const DiffusionModel& model,
                          std::span<const NodeId> seeds, const RunRandomness& random,
                          RunWorkspace& workspace, RunOutcome& outcome,
                          std::vector<Activation>* trace);

}  // namespace cascade

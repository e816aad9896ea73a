// Complex contagion (Centola, Macy, AJS 2007; Centola, Science 2010): a person adopts only after
// hearing from several contacts. A node adopts at the first step where at least N of its
// in-neighbours' exposures got through (threshold:N), or at least ceil(F x in-degree) of them
// (threshold:F, at least 1). An exposure from a node adopted at step s gets through with
// probability q (1 - fade)^s, where q is the arc's probability with ",prob" and 1 otherwise.
// This is why a tight group, whose members hear it from each other repeatedly, can spread what a
// lone star influencer cannot.
// One run: time O(arcs out of reached nodes), no allocation beyond the workspace. With a trace, an
// adopter appears once for every contact whose exposure counted (all with the step of adoption),
// since adoption needed all of them.
#pragma once

#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"

namespace cascade {

void run_complex_contagion(const Graph& graph, const DiffusionModel& model,
                           std::span<const NodeId> seeds, const RunRandomness& random,
                           RunWorkspace& workspace, RunOutcome& outcome,
                           std::vector<Activation>* trace);

}  // namespace cascade

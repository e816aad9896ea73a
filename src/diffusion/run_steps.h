// The step loop shared by the diffusion models: seeds at step 0, then one step at a time until no
// node was activated or the deadline has passed. Internal to src/diffusion.
#pragma once

#include <cmath>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"

namespace cascade::detail {

// Activates the seeds (repeats ignored) at step 0 with the sentiment `sentiment_of(seed)`.
template <typename SentimentOf>
void activate_seeds(std::span<const NodeId> seeds, RunWorkspace& workspace, RunOutcome& outcome,
                    std::vector<Activation>* trace, SentimentOf&& sentiment_of) {
  workspace.begin_run();
  workspace.frontier.clear();
  outcome.reached = 0;  // fields reset one by one: new_per_step keeps its storage across runs
  outcome.negative = 0;
  outcome.new_per_step.clear();
  outcome.arcs_examined = 0;
  for (const NodeId seed : seeds) {
    if (workspace.active(seed)) continue;
    const Sentiment sentiment = sentiment_of(seed);
    workspace.activate(seed, sentiment);
    workspace.frontier.push_back(seed);
    if (trace) trace->push_back({0, seed, seed, sentiment});
  }
  outcome.new_per_step.push_back(static_cast<std::uint32_t>(workspace.frontier.size()));
}

// Runs `step(s, factor)` for s = 1, 2, ... while the frontier is not empty and s <= deadline;
// `factor` = (1 - fade)^(s - 1) scales the influence of the frontier (activated at step s - 1).
// `step` fills workspace.next from workspace.frontier.
template <typename Step>
void run_steps(const DiffusionModel& model, RunWorkspace& workspace, RunOutcome& outcome,
               Step&& step) {
  float factor = 1.0f;
  for (std::uint32_t s = 1; !workspace.frontier.empty() && s <= model.deadline; ++s) {
    workspace.next.clear();
    step(s, factor);
    outcome.new_per_step.push_back(static_cast<std::uint32_t>(workspace.next.size()));
    std::swap(workspace.frontier, workspace.next);
    factor *= static_cast<float>(1.0 - model.fade);
  }
  // Trailing zero: the step at which nothing more happened is not part of the curve.
  while (outcome.new_per_step.size() > 1 && outcome.new_per_step.back() == 0) {
    outcome.new_per_step.pop_back();
  }
  outcome.reached = static_cast<std::uint32_t>(workspace.reached.size());
  for (const NodeId v : workspace.reached) {
    outcome.negative += workspace.sentiment(v) == Sentiment::kNegative;
  }
}

}  // namespace cascade::detail

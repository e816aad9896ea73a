// What a campaign counts as success, beyond "everyone reached, however late": whose reach counts
// (a target audience, each person with a weight) and who is already out of play (people reached
// in an earlier phase). The deadline is the model's (DiffusionModel::deadline).
//
// Targets: the objective is the expected total weight of the target people reached (people
// outside the audience count 0). RR sets are rooted at target people drawn in proportion to their
// weight, so that spread(S) = W x Pr[S meets RR(root)], W the total weight (KB-TIM: Li, Zhang,
// Tan, Xiao, "Real-time targeted influence maximization for online advertisements", VLDB 2015).
//
// Reached (adaptive seeding with full-adoption feedback: Golovin, Krause, JAIR 2011; Han, Huang,
// Xiao, Tang, Cheng, "Efficient Algorithms for Adaptive Influence Maximization", VLDB 2018): the
// reached people are already active and have already tried their out-arcs. They are never reached
// again (they count 0) and never relay again: the next phase spreads on the rest of the network,
// and the objective is the expected (weighted) number of NEW people reached. RR sets are rooted
// at people not yet reached, the reverse search never enters a reached person (a path through one
// is simply cut there), and seeds are chosen among people not yet reached. Under ic this is the
// exact residual process. Under lt it is the live-edge model on the rest of the network with the
// arc weights unchanged: a reached person's weight into someone still inactive is spent and does
// not count again, and the threshold is drawn afresh (not conditioned on having resisted that
// weight, which would scale the other weights up by 1 / (1 - spent weight)), so it is the
// conservative reading.
//
// Against (rumor blocking, seeding/rumor_blocking.h): people already spreading a competing
// negative message under competitive ic (diffusion/competitive_cascade.h). The objective becomes
// the expected number of people the seeds save from it: reached by it without the seeds, not with
// them. RR sets are rooted at anyone; a root the rumor does not reach gives an empty set, and
// otherwise the set holds every person within the rumor's live distance of the root (strictly
// within when the rumor wins ties), the rumor's people excluded: they cannot be seeded. Only
// opim_c (through rumor_blocking) takes this objective, alone (no targets, no reached, no deadline,
// ic only); the other RR algorithms refuse it.
#pragma once

#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct ReachObjective {
  // Per node: how much reaching them is worth, each finite and >= 0 (0: outside the audience),
  // or empty: everyone, weight 1.
  std::vector<double> target_weights;
  // People already reached: distinct nodes, not everyone.
  std::vector<NodeId> reached;
  // People spreading the rumor: distinct nodes, not everyone; empty: no rumor blocking.
  std::vector<NodeId> against;
  bool rumor_wins_ties = false;  // false: a tie goes to the seeds (Tong et al.)

  bool targeted() const { return !target_weights.empty(); }
  bool has_reached() const { return !reached.empty(); }
  bool blocking() const { return !against.empty(); }
  bool trivial() const { return !targeted() && !has_reached() && !blocking(); }
};

// Throws UsageError("targets", "reached" or "against", ...) naming the person and what was expected: a
// weight per node, finite and >= 0, with at least one positive weight on someone not yet
// reached; reached people distinct nodes of the graph, someone left to seed.
void check_reach_objective(const Graph& graph, const ReachObjective& objective);

// Throws UsageError("against", ...) when the objective is rumor blocking, which `what` does not
// handle (only opim_c through rumor_blocking does).
void refuse_blocking(const ReachObjective& objective, const char* what);

// Per node, the weight that counts: the target weight (1 untargeted), 0 for the reached.
std::vector<double> counted_weights(const Graph& graph, const ReachObjective& objective);

}  // namespace cascade

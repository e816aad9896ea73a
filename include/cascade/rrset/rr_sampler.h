// Reverse-reachable (RR) set sampling (Borgs, Brautbar, Chayes, Lucier, SODA 2014): an RR set is
// the set of nodes that reach a random root in a random live-edge world, drawn by a reverse search
// from the root over in-arcs. For any seed set S, W x Pr[S meets a random RR set] is S's expected
// spread, which turns influence maximization into maximum coverage.
//
// Models: independent cascade (each in-arc live with its probability; geometric skips per
// subset_sampling.h when a node's in-arcs share one probability, as under wc and const) and linear
// threshold (each node keeps at most one in-arc, arc (u, v) with probability p(u, v): a reverse
// random walk) -- the two triggering models of Kempe, Kleinberg, Tardos 2003.
//
// The objective (reach_objective.h):
//   - untargeted: the root is uniform over the n people and W = n;
//   - targets: the root is a target person drawn in proportion to their weight (Walker's alias
//     method, O(1) per draw; uniformly over the targets when their weights are equal) and W is the
//     total weight (KB-TIM, Li et al., VLDB 2015);
//   - deadline T (the model's): the reverse search is breadth-first and stops at depth T, so the
//     set holds exactly the nodes within T live arcs of the root. Under ic a breadth-first search
//     over live in-arcs gives shortest live-path lengths, and a node activated at step s of the
//     cascade is one at live distance s from the seeds; under lt the reverse walk takes at most T
//     arcs, the live-edge equivalence of Kempe et al. holding step by step. So W x Pr[S meets RR]
//     is the expected reach by step T (Chen, Lu, Zhang, AAAI 2012 define the time-critical
//     problem). T = 0 gives the root alone: only the seeds are reached;
//   - reached: roots are drawn among people not yet reached and the search never enters a reached
//     person (the set is cut there), so W x Pr[...] is the expected number of new people reached.
//   - against (rumor blocking, ic only, no deadline, alone): the root is uniform over the n people
//     and W = n. The breadth-first search stops after the first level that holds someone
//     spreading the rumor (at depth d_R, the rumor's live distance to the root), which it keeps
//     without them (with --tie rumor it drops that level too); if it runs out without meeting the
//     rumor, the root is never reached by it and the set is empty. So a seed set meets the RR set
//     iff it saves the root (competitive_cascade.h), and n x Pr[S meets RR] is the expected number
//     saved. Such sets need not start with their root.
// Untargeted, without deadline nor reached people, the sets are the same, draw for draw, as with
// every target weight 1.
//
// Each set's first member is its root (individual_influence.cc and validation.cc rely on it),
// except under against.
//
// RR set i draws only from the stream (seed, purpose, i): sets are generated in parallel in blocks
// and concatenated in index order, so the collection does not depend on the thread count.
// Time O(sum of RR set in-arcs examined); memory O(n) per thread for visit marks, never cleared in
// O(n) per set, plus O(targets) for the alias table.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/rrset/reach_objective.h"
#include "cascade/rrset/rr_collection.h"

namespace cascade {

class RRSampler {
 public:
  // Throws UsageError unless the model is ic or lt without fading and the graph has
  // probabilities (for lt: summing to at most 1 into each node), or when the objective is
  // invalid (check_reach_objective).
  RRSampler(const Graph& graph, const DiffusionModel& model, const ReachObjective& objective = {});

  // Appends RR sets number first .. first + count - 1 of the stream family (seed, purpose).
  void generate(RRCollection& collection, std::uint64_t first, std::uint64_t count,
                std::uint64_t seed, StreamPurpose purpose = StreamPurpose::kReverseReachable) const;

  // W: the total weight of the roots (n untargeted, less the reached), the factor that turns a
  // share of RR sets into a spread.
  double scale() const { return scale_; }
  // The weight a root at v stands for: its target weight, 0 if reached or outside the audience.
  double weight(NodeId v) const { return weights_.empty() ? 1.0 : weights_[v]; }
  bool is_reached(NodeId v) const { return !blocked_.empty() && blocked_[v] != 0; }
  // People who may be seeded: everyone not yet reached, nor spreading the rumor.
  NodeId eligible_seeds() const { return eligible_; }
  // A lower bound on the best k-set's spread: seeding the k heaviest roots reaches at least their
  // weight (k untargeted). Under against: the k largest chances that the rumor reaches someone at
  // step 1, 1 - prod(1 - p(r, v)) over its people r, since a seed saves at least itself whenever
  // the rumor would reach it; 0 when the rumor has no arc out.
  double optimum_lower_bound(std::uint32_t k) const;
  // The fill rule's order (out_degree_order) with the reached people (or the rumor's) moved to the
  // end, where a
  // k at most eligible_seeds() never takes them.
  std::vector<NodeId> fill_order() const;

 private:
  NodeId draw_root(RandomStream& random) const;

  const Graph& graph_;
  ModelKind kind_;
  std::uint32_t depth_;                     // the deadline: levels searched beyond the root
  std::vector<float> uniform_probability_;  // per node: the shared in-arc probability, or -1
  std::vector<double> log_complement_;      // per node: ln(1 - that probability)
  std::vector<double> weights_;             // per node, or empty: everyone 1
  std::vector<char> blocked_;               // per node: already reached; empty if nobody
  std::vector<char> rumor_;                 // per node: spreads the rumor; empty: no blocking
  bool rumor_wins_ties_ = false;
  std::vector<double> first_step_chances_;  // under against: decreasing, positive only
  std::vector<NodeId> roots_;               // candidate roots; empty: every node, uniformly
  std::vector<double> alias_threshold_;     // Walker's table over roots_; empty: uniform
  std::vector<std::uint32_t> alias_other_;
  double scale_ = 0;
  NodeId eligible_ = 0;
};

}  // namespace cascade

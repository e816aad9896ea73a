// Reverse-reachable (RR) set sampling (Borgs, Brautbar, Chayes, Lucier, SODA 2014): an RR set is the
// set of nodes that reach a uniformly random root in a random live-edge world, drawn by a reverse
// search from the root over in-arcs. For any seed set S, n x Pr[S meets a random RR set] is S's
// expected spread, which turns influence maximization into maximum coverage.
//
// Models: independent cascade (each in-arc live with its probability; geometric skips per
// subset_sampling.h when a node's in-arcs share one probability, as under wc and const) and linear
// threshold (each node keeps at most one in-arc, arc (u, v) with probability p(u, v): a reverse
// random walk) -- the two triggering models of Kempe, Kleinberg, Tardos 2003.
//
// Each set's first member is its root (individual_influence.cc relies on it).
//
// RR set i draws only from the stream (seed, purpose, i): sets are generated in parallel in blocks
// and concatenated in index order, so the collection does not depend on the thread count.
// Time O(sum of RR set in-arcs examined); memory O(n) per thread for visit marks, never cleared in
// O(n) per set.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/rrset/rr_collection.h"

namespace cascade {

class RRSampler {
 public:
  // Throws UsageError unless the model is ic or lt (without fading or deadline) and the graph has
  // probabilities (for lt: summing to at most 1 into each node).
  RRSampler(const Graph& graph, const DiffusionModel& model);

  // Appends RR sets number first .. first + count - 1 of the stream family (seed, purpose).
  void generate(RRCollection& collection, std::uint64_t first, std::uint64_t count,
                std::uint64_t seed, StreamPurpose purpose = StreamPurpose::kReverseReachable) const;

 private:
  const Graph& graph_;
  ModelKind kind_;
  std::vector<float> uniform_probability_;  // per node: the shared in-arc probability, or -1
  std::vector<double> log_complement_;      // per node: ln(1 - that probability)
};

}  // namespace cascade

// Positive-reach RR samples for IC-N with negativity 1 (positive_negative.h; Chen, Collins,
// Cummings, Ke, Liu, Rincon, Sun, Wang, Wei, Yuan, SDM 2011): reverse-reachable sets that keep
// each member's live distance to the root and the live arcs of the root's shortest-path DAG.
//
// Why this shape. With negativity 1 negative word crosses an arc with the same probability as
// positive word, so one live-edge world (each arc live with p) decides who is reached and when,
// whatever the sentiments: v is reached at step d_S(v), its live distance from the seeds S. The
// speakers that reach v are its live in-neighbours at distance d_S(v) - 1; one negative among them
// makes v negative (negativity bias), otherwise v is positive iff its own quality coin is.
// Unrolled, v is positive iff every node on every shortest live path from S to v is satisfied:
// with A_S(v) that set (v and the seeds at distance d_S(v) included) and independent coins,
//   Pr[v positive | world] = q^|A_S(v)|, not q^(d_S(v) + 1) when several shortest paths exist.
// A sample is the breadth-first reverse search from a uniform root over live in-arcs (to depth T
// under a deadline T), each member with its depth, and for each member u the live arcs (u, w) to
// members w one level closer to the root (the DAG). For seeds S the nearest seeds are those of
// least depth D in the sample and A_S(root) is everything the DAG leads to from them, so
//   f(S) = q^|A_S(root)| (0 when no seed is a member)
// is a value in [0, 1] whose mean times n is the expected positive reach (unbiased). f is not a
// coverage function and positive reach is neither monotone nor submodular in general: a seed at
// the same distance as the nearest ones adds its shortest paths to A and lowers f
// (tests/seeding/positive_reach_test.cc has a graph where adding a seed lowers the positive reach).
// g(S) = max over seeds s of q^(depth(s) + 1) >= f(S) (A holds a whole shortest path) is a
// weighted coverage function (monotone, submodular) that equals f when the shortest path is
// unique; seeding/positive_reach.h bounds the optimum with it.
//
// Sample i draws only from the stream (seed, purpose, i); blocks of samples are generated in
// parallel and appended in index order, so a collection does not depend on the thread count.
// Time O(in-arcs of the members) per sample; memory O(members + DAG arcs), O(n) marks per thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {

class PositiveRRCollection {
 public:
  PositiveRRCollection() : set_offsets_{0}, down_offsets_{0} {}

  std::uint64_t size() const { return set_offsets_.size() - 1; }
  std::uint64_t begin(std::uint64_t i) const { return set_offsets_[i]; }
  std::uint64_t end(std::uint64_t i) const { return set_offsets_[i + 1]; }
  // Members by breadth-first order (depth non-decreasing), the root first; m is a global index.
  NodeId member(std::uint64_t m) const { return members_[m]; }
  std::uint32_t depth(std::uint64_t m) const { return depths_[m]; }
  // The DAG arcs out of member m: the indices, local to its sample, of members one level closer
  // to the root that m's live arcs reach.
  std::span<const std::uint32_t> down(std::uint64_t m) const {
    return {down_.data() + down_offsets_[m], static_cast<std::size_t>(down_offsets_[m + 1] - down_offsets_[m])};
  }
  std::uint64_t total_members() const { return members_.size(); }
  std::size_t memory_bytes() const {
    return set_offsets_.capacity() * 8 + members_.capacity() * sizeof(NodeId) + depths_.capacity() * 4 +
           down_offsets_.capacity() * 8 + down_.capacity() * 4;
  }

  // Appends one sample: members with depths, and per member its DAG arcs (local indices).
  void append(std::span<const NodeId> members, std::span<const std::uint32_t> depths,
              std::span<const std::uint32_t> down_counts, std::span<const std::uint32_t> down);
  // Appends every sample of `other`, in order.
  void append(const PositiveRRCollection& other);

 private:
  std::vector<std::uint64_t> set_offsets_;
  std::vector<NodeId> members_;
  std::vector<std::uint32_t> depths_;
  std::vector<std::uint64_t> down_offsets_;
  std::vector<std::uint32_t> down_;
};

// IC-N with negativity 1 and without fade; the model's deadline bounds the depth.
bool supports_positive_reach_rr(const DiffusionModel& model);

class PositiveRRSampler {
 public:
  // Throws UsageError unless supports_positive_reach_rr(model) and the graph has probabilities.
  PositiveRRSampler(const Graph& graph, const DiffusionModel& model);

  // Appends samples number first .. first + count - 1 of the stream family (seed, purpose).
  void generate(PositiveRRCollection& collection, std::uint64_t first, std::uint64_t count,
                std::uint64_t seed, StreamPurpose purpose = StreamPurpose::kPositiveReach) const;

  double quality() const { return quality_; }

 private:
  const Graph& graph_;
  std::uint32_t depth_;
  double quality_;
};

// Evaluates f and g on samples for one seed set, marked in `is_seed` (one entry per node).
// Scratch space grows to the largest sample; one evaluator per thread.
class PositiveValue {
 public:
  explicit PositiveValue(double quality) : quality_(quality) {}
  // f(S) of sample i: q^|A_S(root)|, 0 when no seed is a member.
  double positive(const PositiveRRCollection& samples, std::uint64_t i,
                  const std::vector<char>& is_seed);
  // Number of members the DAG leads to from the members local[0..] (of sample i), the starting
  // ones included, skipping those already stamped with `mark` (stamps persist until next_mark()).
  std::uint32_t spread_down(const PositiveRRCollection& samples, std::uint64_t i,
                            std::uint32_t local);
  void next_mark(std::uint64_t size);
  // q^m, tabulated.
  double power(std::uint32_t m);

 private:
  double quality_;
  std::vector<double> powers_{1.0};
  std::vector<std::uint32_t> stamp_;
  std::uint32_t mark_ = 0;
  std::vector<std::uint32_t> stack_;
};

}  // namespace cascade

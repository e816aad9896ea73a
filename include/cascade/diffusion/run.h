// What one diffusion run produces, and the per-thread workspace a run reuses so that no run
// allocates O(n) memory (Cascade's kernels allocate per thread, not per item).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {

enum class Sentiment : std::uint8_t { kPositive = 0, kNegative = 1 };

// One activation: who (target), by whom (source; the target itself for a seed), when, and how.
struct Activation {
  std::uint32_t step;
  NodeId source;
  NodeId target;
  Sentiment sentiment;
};

struct RunOutcome {
  std::uint32_t reached = 0;   // seeds included
  std::uint32_t negative = 0;  // of `reached`, those with negative sentiment
  std::vector<std::uint32_t> new_per_step;  // [0] = seeds
  std::uint64_t arcs_examined = 0;
};

// The random draws of one run, each a function of (run key, item): an arc's coin, a node's
// threshold or satisfaction. Being functions rather than a sequence, the same run with and without
// fading sees the same coins, which makes "fading never reaches more" hold run by run.
class RunRandomness {
 public:
  RunRandomness(std::uint64_t seed, std::uint64_t run)
      : arc_key_(stream_key(seed, StreamPurpose::kMonteCarlo, run)),
        node_key_(stream_key(seed, StreamPurpose::kThreshold, run)) {}
  float arc_coin(ArcIndex arc) const { return to_float(mix64(arc_key_ ^ (arc * kOdd))); }
  float node_coin(NodeId node) const { return to_float(mix64(node_key_ ^ (node * kOdd))); }

 private:
  static constexpr std::uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
  static float to_float(std::uint64_t bits) { return static_cast<float>(bits >> 40) * 0x1.0p-24f; }
  std::uint64_t arc_key_;
  std::uint64_t node_key_;
};

// Per-thread scratch: node marks stamped with a run number (never cleared in O(n)), frontiers,
// and per-node accumulators.
class RunWorkspace {
 public:
  explicit RunWorkspace(NodeId num_nodes)
      : stamp_(num_nodes, 0), active_stamp_(num_nodes, 0), value_(num_nodes, 0.0f),
        count_(num_nodes, 0), sentiment_(num_nodes, Sentiment::kPositive) {}

  // Begins a run: every node becomes untouched and inactive, except the spent ones.
  void begin_run() {
    reached.clear();
    if (++epoch_ == 0) {  // wrapped: clear once every 4 billion runs
      std::fill(stamp_.begin(), stamp_.end(), 0);
      std::fill(active_stamp_.begin(), active_stamp_.end(), 0);
      epoch_ = 1;
    }
    for (const NodeId v : spent_) active_stamp_[v] = epoch_;
  }
  // People reached before the run (an earlier phase): active from the start of every run, so
  // nobody activates them again, but never in `reached` nor in a frontier, so they relay
  // nothing: their influence is spent. O(their number) per run.
  void set_spent(std::span<const NodeId> spent) { spent_.assign(spent.begin(), spent.end()); }
  bool active(NodeId v) const { return active_stamp_[v] == epoch_; }
  // For hot loops: v is active in this run iff active_stamps()[v] == epoch(). The pointer stays
  // valid for the workspace's life.
  const std::uint32_t* active_stamps() const { return active_stamp_.data(); }
  std::uint32_t epoch() const { return epoch_; }
  void activate(NodeId v, Sentiment s) {
    active_stamp_[v] = epoch_;
    sentiment_[v] = s;
    reached.push_back(v);
  }
  Sentiment sentiment(NodeId v) const { return sentiment_[v]; }
  // A per-node accumulator (LT weight, exposure count), zero at its first touch in a run.
  float& value(NodeId v) { return touch(v), value_[v]; }
  std::uint32_t& count(NodeId v) { return touch(v), count_[v]; }

  std::vector<NodeId> reached;  // every node activated in this run, in order
  std::vector<NodeId> frontier;
  std::vector<NodeId> next;
  std::vector<NodeId> candidates;

 private:
  void touch(NodeId v) {
    if (stamp_[v] != epoch_) {
      stamp_[v] = epoch_;
      value_[v] = 0.0f;
      count_[v] = 0;
    }
  }
  std::uint32_t epoch_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> active_stamp_;
  std::vector<float> value_;
  std::vector<std::uint32_t> count_;
  std::vector<Sentiment> sentiment_;
  std::vector<NodeId> spent_;
};

}  // namespace cascade

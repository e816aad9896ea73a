// Fixed random worlds, to play a campaign out phase after phase on the same randomness.
//
// A world is one draw of the live-edge graph of Kempe, Kleinberg, Tardos (KDD 2003): under the
// independent cascade each arc (u, v) is live with its probability; under linear threshold each
// node keeps at most one in-arc, (u, v) with probability p(u, v). In a world, a person first
// reached at step t speaks at step t + 1 to the ends of its live out-arcs, so the step at which v
// is reached is its live-path distance from the sources (each source counted from the step it was
// seeded at): the discrete-time process of the simulator (diffusion/simulator.h), with the same
// distribution of who is reached by which step, for both models. Because the coin of an arc is a
// hash of (seed, world, arc) and the choice of a node a hash of (seed, world, node), a world can be
// replayed: a second phase seeded at step T continues the first phase's cascade in the same world,
// as the real campaign would, and a plan and its alternative are compared on the same worlds
// (paired differences).
//
// Positive and negative word of mouth (icn, diffusion/positive_negative.h) is not a live-edge
// model, since whether an arc carries the word depends on the speaker's mood, but its worlds
// replay all the same: per arc one uniform u (the ic coin), through which positive word crosses
// if u < p and negative word if u < min(1, M p); per person one quality coin (satisfied if below
// q), seeds included. A person reached through negative word is unhappy; when several speakers
// reach someone in the same step, one negative among them makes them unhappy (negativity bias);
// otherwise their own coin decides. The step a person is reached at and their mood then have the
// distribution of the simulator's icn runs (the same rules, other coins).
//
// Cost: a spread is a breadth-first search over live arcs, O(reached x out-degree) coin hashes
// (ic) and O(in-degree) per first look at a node (lt); memory O(n) per workspace. Worlds are
// independent and each depends only on (seed, world): the results do not depend on the thread
// count.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/run.h"
#include "cascade/graph/graph.h"

namespace cascade {

inline constexpr std::uint32_t kNeverReached = std::numeric_limits<std::uint32_t>::max();

struct WorldSource {
  NodeId node = 0;
  std::uint32_t step = 0;  // seeded at this step (it speaks at step + 1)
};

// Per-thread buffers for spreading in worlds, reused across calls.
struct WorldWorkspace {
  std::vector<std::uint32_t> step;      // per node: when reached, valid where stamp matches
  std::vector<std::uint64_t> stamp;
  std::vector<std::uint64_t> lt_stamp;  // lt: the world whose choice lt_choice holds
  std::vector<NodeId> lt_choice;        // lt: the source of the kept in-arc, or kNoChoice
  std::vector<Sentiment> sentiment;     // icn: per node reached, valid where stamp matches
  std::uint64_t current = 0;
  std::vector<NodeId> reached;          // in the order reached
};

class CampaignWorlds {
 public:
  // Throws UsageError("model", ...) unless the model is ic, lt or icn without fading, and the
  // graph carries probabilities.
  CampaignWorlds(const Graph& graph, const DiffusionModel& model, std::uint64_t seed);

  WorldWorkspace workspace() const;

  // Spreads in `world` from `sources` up to step `until` (inclusive). Afterwards
  // workspace.reached lists everyone reached (sources included), and reached_at(ws, v) gives v's
  // step or kNeverReached. Sources may repeat or be reached before their step: the earlier wins.
  void spread(std::uint64_t world, std::span<const WorldSource> sources, std::uint32_t until,
              WorldWorkspace& workspace) const;

  static std::uint32_t reached_at(const WorldWorkspace& workspace, NodeId v) {
    return workspace.stamp[v] == workspace.current ? workspace.step[v] : kNeverReached;
  }
  // For a person reached in the last spread: unhappy (icn only; always positive otherwise).
  static bool negative(const WorldWorkspace& workspace, NodeId v) {
    return !workspace.sentiment.empty() && workspace.sentiment[v] == Sentiment::kNegative;
  }
  bool has_sentiment() const { return sentiment_; }

  bool live(std::uint64_t world, NodeId u, ArcIndex out_arc, NodeId v, WorldWorkspace& workspace) const;

  const Graph& graph() const { return graph_; }

 private:
  Sentiment mood(std::uint64_t world, NodeId v) const;
  void spread_moods(std::uint64_t world, std::uint32_t step, std::size_t frontier_begin,
                    std::size_t frontier_end, WorldWorkspace& workspace) const;

  const Graph& graph_;
  bool linear_threshold_;
  bool sentiment_;
  float quality_ = 1, negativity_ = 1;
  std::uint64_t seed_;
};

}  // namespace cascade

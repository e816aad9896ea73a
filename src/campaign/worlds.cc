// Fixed random worlds (worlds.h): live-edge coins as hashes of (seed, world, arc or node).
#include "cascade/campaign/worlds.h"

#include <fmt/format.h>

#include <algorithm>

#include "cascade/error.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

constexpr NodeId kNoChoice = std::numeric_limits<NodeId>::max();

}  // namespace

CampaignWorlds::CampaignWorlds(const Graph& graph, const DiffusionModel& model, std::uint64_t seed)
    : graph_(graph),
      linear_threshold_(model.kind == ModelKind::kLinearThreshold),
      sentiment_(model.kind == ModelKind::kPositiveNegative),
      quality_(static_cast<float>(model.quality)),
      negativity_(static_cast<float>(model.negativity)),
      seed_(seed) {
  if ((model.kind != ModelKind::kIndependentCascade && model.kind != ModelKind::kLinearThreshold &&
       model.kind != ModelKind::kPositiveNegative) ||
      model.has_fading()) {
    throw UsageError(
        "model", fmt::format("found {}{}; expected ic, lt or icn without fade (a "
                             "campaign is played in replayable worlds)",
                             model.to_string(),
                             model.has_fading() ? fmt::format(" with fade {}", model.fade) : ""));
  }
  if (!graph.has_probabilities()) {
    throw UsageError("model", "found a graph without probabilities; expected a probability scheme");
  }
}

WorldWorkspace CampaignWorlds::workspace() const {
  WorldWorkspace w;
  const NodeId n = graph_.num_nodes();
  w.step.assign(n, kNeverReached);
  w.stamp.assign(n, 0);
  if (linear_threshold_) {
    w.lt_stamp.assign(n, 0);
    w.lt_choice.assign(n, kNoChoice);
  }
  if (sentiment_) w.sentiment.assign(n, Sentiment::kPositive);
  return w;
}

bool CampaignWorlds::live(std::uint64_t world, NodeId u, ArcIndex out_arc, NodeId v,
                          WorldWorkspace& w) const {
  if (!linear_threshold_) {
    const float p = graph_.out_probabilities(u)[out_arc - graph_.arrays().out_offsets[u]];
    return hashed_uniform(seed_, StreamPurpose::kCampaignWorld, world, out_arc) < p;
  }
  // lt: v keeps in-arc (x, v) with probability p(x, v), chosen once per world by one uniform.
  if (w.lt_stamp[v] != world + 1) {
    w.lt_stamp[v] = world + 1;
    const double r = hashed_uniform(seed_, StreamPurpose::kCampaignWorld, world, v);
    const std::span<const NodeId> sources = graph_.in_neighbors(v);
    const std::span<const float> p = graph_.in_probabilities(v);
    double cumulative = 0;
    w.lt_choice[v] = kNoChoice;
    for (std::size_t k = 0; k < sources.size(); ++k) {
      cumulative += p[k];
      if (r < cumulative) {
        w.lt_choice[v] = sources[k];
        break;
      }
    }
  }
  return w.lt_choice[v] == u;
}

Sentiment CampaignWorlds::mood(std::uint64_t world, NodeId v) const {
  return hashed_uniform(seed_, StreamPurpose::kCampaignQuality, world, v) < quality_
             ? Sentiment::kPositive
             : Sentiment::kNegative;
}

void CampaignWorlds::spread_moods(std::uint64_t world, std::uint32_t step,
                                  std::size_t frontier_begin, std::size_t frontier_end,
                                  WorldWorkspace& w) const {
  // Those reached at step + 1 take a mood only once every speaker of this step has spoken: one
  // negative speaker among them makes them unhappy.
  const GraphArrays& arrays = graph_.arrays();
  const std::uint64_t now = w.current;
  const std::size_t first_new = w.reached.size();
  for (std::size_t i = frontier_begin; i < frontier_end; ++i) {
    const NodeId u = w.reached[i];
    const bool negative = w.sentiment[u] == Sentiment::kNegative;
    const std::span<const float> p = graph_.out_probabilities(u);
    for (ArcIndex k = arrays.out_offsets[u]; k < arrays.out_offsets[u + 1]; ++k) {
      const NodeId v = arrays.out_targets[k];
      const bool fresh = w.stamp[v] != now;
      if (!fresh && !(negative && w.step[v] == step + 1)) continue;
      const float q = p[k - arrays.out_offsets[u]];
      const double crosses = negative ? std::min(1.0f, negativity_ * q) : q;
      if (!(hashed_uniform(seed_, StreamPurpose::kCampaignWorld, world, k) < crosses)) continue;
      if (fresh) {
        w.stamp[v] = now;
        w.step[v] = step + 1;
        w.reached.push_back(v);
        w.sentiment[v] = Sentiment::kPositive;  // heard positive word so far
      }
      if (negative) w.sentiment[v] = Sentiment::kNegative;
    }
  }
  // Heard only positive word: their own coin decides.
  for (std::size_t i = first_new; i < w.reached.size(); ++i) {
    const NodeId v = w.reached[i];
    if (w.sentiment[v] == Sentiment::kPositive) w.sentiment[v] = mood(world, v);
  }
}

void CampaignWorlds::spread(std::uint64_t world, std::span<const WorldSource> sources,
                            std::uint32_t until, WorldWorkspace& w) const {
  ++w.current;
  w.reached.clear();
  const std::uint64_t now = w.current;
  std::vector<WorldSource> ordered(sources.begin(), sources.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const WorldSource& a, const WorldSource& b) { return a.step < b.step; });
  const GraphArrays& arrays = graph_.arrays();
  std::size_t next_source = 0;
  std::size_t frontier_begin = 0;  // w.reached[frontier_begin ..) were reached at `step`
  for (std::uint32_t step = ordered.empty() ? 0 : ordered.front().step; step <= until; ++step) {
    // Sources seeded at this step join those the cascade reached at it.
    for (; next_source < ordered.size() && ordered[next_source].step == step; ++next_source) {
      const NodeId s = ordered[next_source].node;
      if (w.stamp[s] == now) continue;
      w.stamp[s] = now;
      w.step[s] = step;
      w.reached.push_back(s);
      if (sentiment_) w.sentiment[s] = mood(world, s);
    }
    const std::size_t frontier_end = w.reached.size();
    if (frontier_begin == frontier_end && next_source == ordered.size()) break;
    if (step == until) break;
    if (sentiment_) {
      spread_moods(world, step, frontier_begin, frontier_end, w);
    } else {
      for (std::size_t i = frontier_begin; i < frontier_end; ++i) {
        const NodeId u = w.reached[i];
        for (ArcIndex k = arrays.out_offsets[u]; k < arrays.out_offsets[u + 1]; ++k) {
          const NodeId v = arrays.out_targets[k];
          if (w.stamp[v] == now) continue;
          if (!live(world, u, k, v, w)) continue;
          w.stamp[v] = now;
          w.step[v] = step + 1;
          w.reached.push_back(v);
        }
      }
    }
    frontier_begin = frontier_end;
    if (frontier_begin == w.reached.size() && next_source < ordered.size()) {
      step = ordered[next_source].step - 1;  // nothing spreads until the next source
    }
  }
}

}  // namespace cascade

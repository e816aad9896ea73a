#include "cascade/rrset/positive_rr_sampler.h"

#include <fmt/format.h>

#include <algorithm>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

constexpr std::uint64_t kBlock = 256;
constexpr std::uint32_t kUnseen = 0xffffffffu;

// Per-thread scratch: each node's local index in the current sample, stamped with the sample so
// that it is never cleared in O(n).
struct Scratch {
  std::vector<std::uint32_t> local, stamp;
  std::uint32_t epoch = 0;
  std::vector<NodeId> members;
  std::vector<std::uint32_t> depths, arc_from, arc_to, counts, down, cursor;
  void begin(NodeId n) {
    if (stamp.size() != n) {
      stamp.assign(n, 0);
      local.assign(n, 0);
      epoch = 0;
    }
    if (++epoch == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
    members.clear();
    depths.clear();
    arc_from.clear();
    arc_to.clear();
  }
  std::uint32_t index(NodeId v) const { return stamp[v] == epoch ? local[v] : kUnseen; }
};

struct Block {
  PositiveRRCollection samples;
};

}  // namespace

void PositiveRRCollection::append(std::span<const NodeId> members,
                                  std::span<const std::uint32_t> depths,
                                  std::span<const std::uint32_t> down_counts,
                                  std::span<const std::uint32_t> down) {
  members_.insert(members_.end(), members.begin(), members.end());
  depths_.insert(depths_.end(), depths.begin(), depths.end());
  for (const std::uint32_t c : down_counts) down_offsets_.push_back(down_offsets_.back() + c);
  down_.insert(down_.end(), down.begin(), down.end());
  set_offsets_.push_back(members_.size());
}

void PositiveRRCollection::append(const PositiveRRCollection& other) {
  const std::uint64_t member_base = members_.size(), down_base = down_.size();
  members_.insert(members_.end(), other.members_.begin(), other.members_.end());
  depths_.insert(depths_.end(), other.depths_.begin(), other.depths_.end());
  down_.insert(down_.end(), other.down_.begin(), other.down_.end());
  for (std::size_t m = 1; m < other.down_offsets_.size(); ++m) {
    down_offsets_.push_back(down_base + other.down_offsets_[m]);
  }
  for (std::size_t i = 1; i < other.set_offsets_.size(); ++i) {
    set_offsets_.push_back(member_base + other.set_offsets_[i]);
  }
}

bool supports_positive_reach_rr(const DiffusionModel& model) {
  return model.kind == ModelKind::kPositiveNegative && model.negativity == 1.0 &&
         !model.has_fading();
}

PositiveRRSampler::PositiveRRSampler(const Graph& graph, const DiffusionModel& model)
    : graph_(graph), depth_(model.deadline), quality_(model.quality) {
  if (!supports_positive_reach_rr(model)) {
    throw UsageError("model", fmt::format("{}{}: positive-reach RR sets model icn with neg=1 and "
                                          "without fade only",
                                          model.to_string(), model.has_fading() ? " with fade" : ""));
  }
  check_model(graph, model);
  if (graph.num_nodes() == 0) throw UsageError("the graph has no nodes");
}

void PositiveRRSampler::generate(PositiveRRCollection& collection, std::uint64_t first,
                                 std::uint64_t count, std::uint64_t seed,
                                 StreamPurpose purpose) const {
  const NodeId n = graph_.num_nodes();
  const std::uint64_t blocks = (count + kBlock - 1) / kBlock;
  std::vector<Block> output(blocks);
  std::vector<Scratch> scratch(static_cast<std::size_t>(num_threads()));
  parallel_for(
      0, blocks,
      [&](std::uint64_t b) {
        Scratch& s = scratch[static_cast<std::size_t>(thread_index())];
        Block block;
        const std::uint64_t end = std::min(count, (b + 1) * kBlock);
        for (std::uint64_t i = b * kBlock; i < end; ++i) {
          RandomStream random(seed, purpose, first + i);
          s.begin(n);
          auto admit = [&](NodeId v, std::uint32_t depth) {
            s.stamp[v] = s.epoch;
            s.local[v] = static_cast<std::uint32_t>(s.members.size());
            s.members.push_back(v);
            s.depths.push_back(depth);
          };
          admit(static_cast<NodeId>(random.below(n)), 0);
          // Breadth-first over live in-arcs; every in-arc of an expanded member is flipped once,
          // and a live one from a member one level further out is a DAG arc.
          for (std::size_t q = 0; q < s.members.size(); ++q) {
            const std::uint32_t depth = s.depths[q];
            if (depth >= depth_) break;
            const NodeId w = s.members[q];
            const auto sources = graph_.in_neighbors(w);
            const auto probabilities = graph_.in_probabilities(w);
            for (std::size_t a = 0; a < sources.size(); ++a) {
              if (!(random.uniform_float() < probabilities[a])) continue;
              std::uint32_t u = s.index(sources[a]);
              if (u == kUnseen) {
                u = static_cast<std::uint32_t>(s.members.size());
                admit(sources[a], depth + 1);
              }
              if (s.depths[u] == depth + 1) {
                s.arc_from.push_back(u);
                s.arc_to.push_back(static_cast<std::uint32_t>(q));
              }
            }
          }
          // Group the DAG arcs by their upper end (a counting sort).
          const std::size_t size = s.members.size();
          s.counts.assign(size, 0);
          for (const std::uint32_t u : s.arc_from) ++s.counts[u];
          s.cursor.assign(size + 1, 0);
          for (std::size_t m = 0; m < size; ++m) s.cursor[m + 1] = s.cursor[m] + s.counts[m];
          s.down.assign(s.arc_from.size(), 0);
          for (std::size_t a = 0; a < s.arc_from.size(); ++a) {
            s.down[s.cursor[s.arc_from[a]]++] = s.arc_to[a];
          }
          block.samples.append(s.members, s.depths, s.counts, s.down);
        }
        output[b] = std::move(block);
      },
      1);
  for (const Block& block : output) collection.append(block.samples);
}

double PositiveValue::power(std::uint32_t m) {
  while (powers_.size() <= m) powers_.push_back(powers_.back() * quality_);
  return powers_[m];
}

void PositiveValue::next_mark(std::uint64_t size) {
  if (stamp_.size() < size) stamp_.resize(size, 0);
  if (++mark_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    mark_ = 1;
  }
}

std::uint32_t PositiveValue::spread_down(const PositiveRRCollection& samples, std::uint64_t i,
                                         std::uint32_t local) {
  if (stamp_[local] == mark_) return 0;
  const std::uint64_t base = samples.begin(i);
  std::uint32_t count = 1;
  stamp_[local] = mark_;
  stack_.assign(1, local);
  while (!stack_.empty()) {
    const std::uint32_t m = stack_.back();
    stack_.pop_back();
    for (const std::uint32_t w : samples.down(base + m)) {
      if (stamp_[w] == mark_) continue;
      stamp_[w] = mark_;
      ++count;
      stack_.push_back(w);
    }
  }
  return count;
}

double PositiveValue::positive(const PositiveRRCollection& samples, std::uint64_t i,
                               const std::vector<char>& is_seed) {
  const std::uint64_t begin = samples.begin(i), end = samples.end(i);
  std::uint64_t m = begin;
  while (m < end && is_seed[samples.member(m)] == 0) ++m;
  if (m == end) return 0;
  const std::uint32_t nearest = samples.depth(m);
  next_mark(end - begin);
  std::uint32_t size = 0;
  for (; m < end && samples.depth(m) == nearest; ++m) {
    if (is_seed[samples.member(m)] != 0) {
      size += spread_down(samples, i, static_cast<std::uint32_t>(m - begin));
    }
  }
  return power(size);
}

}  // namespace cascade

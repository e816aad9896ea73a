#include "cascade/rrset/rr_sampler.h"

#include <fmt/format.h>

#include <cmath>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/subset_sampling.h"

namespace cascade {
namespace {

constexpr std::uint64_t kBlock = 1024;

struct Block {
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> members;
};

struct Marks {
  std::vector<std::uint32_t> stamp;
  std::uint32_t epoch = 0;
  void begin(NodeId n) {
    if (stamp.empty()) stamp.assign(n, 0);
    if (++epoch == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
  }
  bool visit(NodeId v) {
    if (stamp[v] == epoch) return false;
    stamp[v] = epoch;
    return true;
  }
};

}  // namespace

RRSampler::RRSampler(const Graph& graph, const DiffusionModel& model)
    : graph_(graph), kind_(model.kind) {
  if (model.kind != ModelKind::kIndependentCascade && model.kind != ModelKind::kLinearThreshold) {
    throw UsageError("model", fmt::format("{}: reverse-reachable sampling applies to ic and lt "
                                          "only; expected algo celf (greedy by simulation) for "
                                          "this model",
                                          model.to_string()));
  }
  if (model.has_fading() || model.has_deadline()) {
    throw UsageError("model", "fade and deadline: reverse-reachable sampling does not model them; "
                              "expected algo celf (greedy by simulation)");
  }
  check_model(graph, model);
  if (graph.num_nodes() == 0) throw UsageError("the graph has no nodes");
  uniform_probability_.assign(graph.num_nodes(), -1.0f);
  log_complement_.assign(graph.num_nodes(), 0.0);
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    const auto p = graph.in_probabilities(v);
    if (p.empty()) continue;
    bool same = true;
    for (const float x : p) same = same && x == p[0];
    if (same) {
      uniform_probability_[v] = p[0];
      log_complement_[v] = std::log1p(-static_cast<double>(p[0]));
    }
  }
}

void RRSampler::generate(RRCollection& collection, std::uint64_t first, std::uint64_t count,
                         std::uint64_t seed, StreamPurpose purpose) const {
  const NodeId n = graph_.num_nodes();
  const std::uint64_t blocks = (count + kBlock - 1) / kBlock;
  std::vector<Block> output(blocks);
  std::vector<Marks> marks(static_cast<std::size_t>(num_threads()));
  parallel_for(0, blocks, [&](std::uint64_t b) {
    Marks& mark = marks[static_cast<std::size_t>(thread_index())];
    // Filled locally and moved into place at the end: blocks lie side by side in `output`, and
    // growing them there would have two threads writing the same cache lines.
    Block block;
    const std::uint64_t end = std::min(count, (b + 1) * kBlock);
    for (std::uint64_t i = b * kBlock; i < end; ++i) {
      RandomStream random(seed, purpose, first + i);
      mark.begin(n);
      const auto root = static_cast<NodeId>(random.below(n));
      mark.visit(root);
      const std::size_t start = block.members.size();
      block.members.push_back(root);
      if (kind_ == ModelKind::kIndependentCascade) {
        for (std::size_t q = start; q < block.members.size(); ++q) {
          const NodeId v = block.members[q];
          const auto sources = graph_.in_neighbors(v);
          const float shared = uniform_probability_[v];
          if (shared >= 0) {
            sample_subset(static_cast<std::uint32_t>(sources.size()), shared, log_complement_[v], random,
                          [&](std::uint32_t k) {
                            if (mark.visit(sources[k])) block.members.push_back(sources[k]);
                          });
          } else {
            const auto probabilities = graph_.in_probabilities(v);
            for (std::size_t k = 0; k < sources.size(); ++k) {
              if (random.uniform_float() < probabilities[k] && mark.visit(sources[k])) {
                block.members.push_back(sources[k]);
              }
            }
          }
        }
      } else {
        // Linear threshold: a reverse walk, each node choosing at most one in-arc.
        NodeId v = root;
        while (true) {
          const auto sources = graph_.in_neighbors(v);
          if (sources.empty()) break;
          const double u = random.uniform();
          const float shared = uniform_probability_[v];
          std::size_t chosen = sources.size();
          if (shared > 0) {
            chosen = std::min<std::size_t>(static_cast<std::size_t>(u / shared), sources.size());
          } else {
            const auto probabilities = graph_.in_probabilities(v);
            double total = 0;
            for (std::size_t k = 0; k < sources.size(); ++k) {
                total += probabilities[k];
              if (u < total) {
                chosen = k;
                break;
              }
            }
          }
          if (chosen == sources.size() || !mark.visit(sources[chosen])) break;
          v = sources[chosen];
          block.members.push_back(v);
        }
      }
      block.offsets.push_back(block.members.size());
    }
    output[b] = std::move(block);
  }, 1);
  for (const Block& block : output) collection.append(block.offsets, block.members);
}

}  // namespace cascade

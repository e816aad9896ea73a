#include "cascade/rrset/rr_sampler.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/progress.h"
#include "cascade/rrset/subset_sampling.h"
#include "cascade/select/max_coverage.h"

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

RRSampler::RRSampler(const Graph& graph, const DiffusionModel& model,
                     const ReachObjective& objective)
    : graph_(graph), kind_(model.kind), depth_(model.deadline) {
  if (model.kind != ModelKind::kIndependentCascade && model.kind != ModelKind::kLinearThreshold) {
    throw UsageError("model", fmt::format("{}: reverse-reachable sampling applies to ic and lt "
                                          "only; expected algo celf (greedy by simulation) for "
                                          "this model",
                                          model.to_string()));
  }
  if (model.has_fading()) {
    throw UsageError("model", "fade: reverse-reachable sampling does not model influence that "
                              "weakens with time; expected algo celf (greedy by simulation)");
  }
  check_model(graph, model);
  if (graph.num_nodes() == 0) throw UsageError("the graph has no nodes");
  check_reach_objective(graph, objective);
  const NodeId n = graph.num_nodes();
  uniform_probability_.assign(n, -1.0f);
  log_complement_.assign(n, 0.0);
  for (NodeId v = 0; v < n; ++v) {
    const auto p = graph.in_probabilities(v);
    if (p.empty()) continue;
    bool same = true;
    for (const float x : p) same = same && x == p[0];
    if (same) {
      uniform_probability_[v] = p[0];
      log_complement_[v] = std::log1p(-static_cast<double>(p[0]));
    }
  }
  eligible_ = n - static_cast<NodeId>(objective.reached.size());
  if (objective.blocking()) {
    if (kind_ != ModelKind::kIndependentCascade || model.has_deadline()) {
      throw UsageError("against", fmt::format("found model {}{}; expected ic without deadline "
                                              "(rumor blocking under competitive ic)",
                                              model.to_string(),
                                              model.has_deadline() ? " with a deadline" : ""));
    }
    rumor_.assign(n, 0);
    for (const NodeId v : objective.against) rumor_[v] = 1;
    rumor_wins_ties_ = objective.rumor_wins_ties;
    eligible_ = n - static_cast<NodeId>(objective.against.size());
    scale_ = n;
    std::vector<double> missed(n, 1.0);
    for (const NodeId r : objective.against) {
      const auto targets = graph.out_neighbors(r);
      const auto p = graph.out_probabilities(r);
      for (std::size_t i = 0; i < targets.size(); ++i) missed[targets[i]] *= 1.0 - p[i];
    }
    for (NodeId v = 0; v < n; ++v) {
      if (rumor_[v] == 0 && missed[v] < 1.0) first_step_chances_.push_back(1.0 - missed[v]);
    }
    std::sort(first_step_chances_.begin(), first_step_chances_.end(), std::greater<>());
    return;
  }
  if (objective.trivial()) {
    scale_ = n;
    return;
  }
  if (objective.has_reached()) {
    blocked_.assign(n, 0);
    for (const NodeId v : objective.reached) blocked_[v] = 1;
  }
  weights_ = counted_weights(graph, objective);
  std::vector<double> root_weights;
  bool equal = true;
  for (NodeId v = 0; v < n; ++v) {
    if (!(weights_[v] > 0)) continue;
    equal = equal && (root_weights.empty() || weights_[v] == root_weights[0]);
    roots_.push_back(v);
    root_weights.push_back(weights_[v]);
  }
  // A fixed-order sum, so that W does not depend on anything but the weights.
  for (const double w : root_weights) scale_ += w;
  if (equal) return;
  // Walker's alias method in Vose's stable form: column i keeps root i with probability
  // threshold[i] and otherwise gives root other[i].
  const std::size_t m = roots_.size();
  alias_threshold_.assign(m, 1.0);
  alias_other_.resize(m);
  std::vector<double> scaled(m);
  std::vector<std::uint32_t> small, large;
  for (std::size_t i = 0; i < m; ++i) {
    scaled[i] = root_weights[i] * static_cast<double>(m) / scale_;
    alias_other_[i] = static_cast<std::uint32_t>(i);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    alias_threshold_[s] = scaled[s];
    alias_other_[s] = l;
    scaled[l] -= 1.0 - scaled[s];
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What is left holds 1 up to rounding.
}

double RRSampler::optimum_lower_bound(std::uint32_t k) const {
  if (!rumor_.empty()) {
    double total = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(k, first_step_chances_.size()); ++i) {
      total += first_step_chances_[i];
    }
    return total;
  }
  if (weights_.empty()) return std::min<double>(k, eligible_);
  std::vector<double> heaviest;
  for (const NodeId v : roots_) heaviest.push_back(weights_[v]);
  const std::size_t take = std::min<std::size_t>(k, heaviest.size());
  std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<std::ptrdiff_t>(take),
                    heaviest.end(), std::greater<>());
  double total = 0;
  for (std::size_t i = 0; i < take; ++i) total += heaviest[i];
  return total;
}

std::vector<NodeId> RRSampler::fill_order() const {
  std::vector<NodeId> order = out_degree_order(graph_);
  const std::vector<char>& out_of_play = rumor_.empty() ? blocked_ : rumor_;
  if (!out_of_play.empty()) {
    std::stable_partition(order.begin(), order.end(),
                          [&](NodeId v) { return out_of_play[v] == 0; });
  }
  return order;
}

NodeId RRSampler::draw_root(RandomStream& random) const {
  if (roots_.empty()) return static_cast<NodeId>(random.below(graph_.num_nodes()));
  const auto i = static_cast<std::size_t>(random.below(roots_.size()));
  if (alias_threshold_.empty() || random.uniform() < alias_threshold_[i]) return roots_[i];
  return roots_[alias_other_[i]];
}

void RRSampler::generate(RRCollection& collection, std::uint64_t first, std::uint64_t count,
                         std::uint64_t seed, StreamPurpose purpose) const {
  const NodeId n = graph_.num_nodes();
  const std::uint64_t blocks = (count + kBlock - 1) / kBlock;
  std::vector<Block> output(blocks);
  std::vector<Marks> marks(static_cast<std::size_t>(num_threads()));
  const char* blocked = blocked_.empty() ? nullptr : blocked_.data();
  Progress progress("sampling RR sets", count);
  const char* rumor = rumor_.empty() ? nullptr : rumor_.data();
  parallel_for(0, blocks, [&](std::uint64_t b) {
    Marks& mark = marks[static_cast<std::size_t>(thread_index())];
    // A reached person is never entered: the search is cut there.
    auto admit = [&](NodeId v) { return (blocked == nullptr || blocked[v] == 0) && mark.visit(v); };
    // Filled locally and moved into place at the end: blocks lie side by side in `output`, and
    // growing them there would have two threads writing the same cache lines.
    Block block;
    const std::uint64_t end = std::min(count, (b + 1) * kBlock);
    for (std::uint64_t i = b * kBlock; i < end; ++i) {
      RandomStream random(seed, purpose, first + i);
      mark.begin(n);
      const NodeId root = draw_root(random);
      mark.visit(root);
      const std::size_t start = block.members.size();
      block.members.push_back(root);
      if (rumor != nullptr) {
        // Rumor blocking: breadth-first a whole level at a time, until a level meets the rumor.
        // The rumor's people are marked but never kept.
        bool met = rumor[root] != 0;
        auto enter = [&](NodeId u) {
          if (!mark.visit(u)) return;
          if (rumor[u] != 0) {
            met = true;
          } else {
            block.members.push_back(u);
          }
        };
        std::size_t q = start;  // the next member to expand; members[q, level_end) one level
        while (!met && q < block.members.size()) {
          for (const std::size_t level_end = block.members.size(); q < level_end; ++q) {
            const NodeId v = block.members[q];
            const auto sources = graph_.in_neighbors(v);
            const float shared = uniform_probability_[v];
            if (shared >= 0) {
              sample_subset(static_cast<std::uint32_t>(sources.size()), shared,
                            log_complement_[v], random,
                            [&](std::uint32_t k) { enter(sources[k]); });
            } else {
              const auto probabilities = graph_.in_probabilities(v);
              for (std::size_t k = 0; k < sources.size(); ++k) {
                if (random.uniform_float() < probabilities[k]) enter(sources[k]);
              }
            }
          }
        }
        // Met: members[q, end) is the level at the rumor's distance, a tie. Not met: the rumor
        // never reaches the root; a root spreading the rumor is saved by nobody.
        if (!met || rumor[root] != 0) {
          block.members.resize(start);
        } else if (rumor_wins_ties_) {
          block.members.resize(q);
        }
      } else if (kind_ == ModelKind::kIndependentCascade) {
        // Breadth-first: members[start, level_end) lie at depth `depth`; nodes at depth depth_
        // are kept but not expanded.
        std::size_t level_end = start + 1;
        std::uint32_t depth = 0;
        for (std::size_t q = start; q < block.members.size(); ++q) {
          if (q == level_end) {
            ++depth;
            level_end = block.members.size();
          }
          if (depth >= depth_) break;
          const NodeId v = block.members[q];
          const auto sources = graph_.in_neighbors(v);
          const float shared = uniform_probability_[v];
          if (shared >= 0) {
            sample_subset(static_cast<std::uint32_t>(sources.size()), shared, log_complement_[v], random,
                          [&](std::uint32_t k) {
                            if (admit(sources[k])) block.members.push_back(sources[k]);
                          });
          } else {
            const auto probabilities = graph_.in_probabilities(v);
            for (std::size_t k = 0; k < sources.size(); ++k) {
              if (random.uniform_float() < probabilities[k] && admit(sources[k])) {
                block.members.push_back(sources[k]);
              }
            }
          }
        }
      } else {
        // Linear threshold: a reverse walk, each node choosing at most one in-arc, at most
        // depth_ arcs long.
        NodeId v = root;
        for (std::uint32_t steps = 0; steps < depth_; ++steps) {
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
          if (chosen == sources.size() || !admit(sources[chosen])) break;
          v = sources[chosen];
          block.members.push_back(v);
        }
      }
      block.offsets.push_back(block.members.size());
    }
    output[b] = std::move(block);
    progress.advance(end - b * kBlock);
  }, 1);
  for (const Block& block : output) collection.append(block.offsets, block.members);
}

}  // namespace cascade

#include "cascade/seeding/positive_reach.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/seeding/sample_size.h"
#include "cascade/text.h"

namespace cascade {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
constexpr double kOneMinusInvE = 1.0 - 1.0 / 2.718281828459045235360287;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// Gains are sums of powers of q updated by differences: below this they count as none.
constexpr double kNoGain = 1e-9;
// A doubling that raises a positive proven ratio by less than this: the bounds have converged.
// (While the lower bound is still 0 the samples are too few to tell.)
constexpr double kPlateau = 0.005;

// Each node's members across the samples: (sample, global member index), in sample order.
struct Occurrences {
  std::vector<std::uint64_t> offsets;
  std::vector<std::uint32_t> sample;
  std::vector<std::uint64_t> member;
};

Occurrences occurrences(const PositiveRRCollection& samples, NodeId n) {
  Occurrences occ;
  occ.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::uint64_t m = 0; m < samples.total_members(); ++m) ++occ.offsets[samples.member(m) + 1];
  for (NodeId v = 0; v < n; ++v) occ.offsets[v + 1] += occ.offsets[v];
  std::vector<std::uint64_t> cursor(occ.offsets.begin(), occ.offsets.end() - 1);
  occ.sample.resize(samples.total_members());
  occ.member.resize(samples.total_members());
  for (std::uint64_t i = 0; i < samples.size(); ++i) {
    for (std::uint64_t m = samples.begin(i); m < samples.end(i); ++m) {
      const std::uint64_t at = cursor[samples.member(m)]++;
      occ.sample[at] = static_cast<std::uint32_t>(i);
      occ.member[at] = m;
    }
  }
  return occ;
}

// Two stamp layers over one sample's members: `a` for A_S(root), `b` for one candidate's
// descendants.
class DagScratch {
 public:
  explicit DagScratch(double quality) : power_(quality) {}
  double power(std::uint32_t m) { return power_.power(m); }

  // Stamps A_S(root) in layer a for the seeds at depth `nearest`; returns |A|.
  std::uint32_t mark_nearest(const PositiveRRCollection& s, std::uint64_t i, std::uint32_t nearest,
                             const std::vector<char>& is_seed) {
    begin(s.end(i) - s.begin(i));
    std::uint32_t size = 0;
    for (std::uint64_t m = s.begin(i); m < s.end(i) && s.depth(m) <= nearest; ++m) {
      if (s.depth(m) == nearest && is_seed[s.member(m)] != 0) {
        size += walk(s, i, static_cast<std::uint32_t>(m - s.begin(i)), a_, a_mark_, nullptr);
      }
    }
    return size;
  }
  // |descendants of local member j| not stamped in layer a (all of them when `outside_a` is false).
  std::uint32_t descendants(const PositiveRRCollection& s, std::uint64_t i, std::uint32_t j,
                            bool outside_a) {
    reserve(s.end(i) - s.begin(i));
    if (++b_mark_ == 0) {
      std::fill(b_.begin(), b_.end(), 0);
      b_mark_ = 1;
    }
    return walk(s, i, j, b_, b_mark_, outside_a ? &a_ : nullptr);
  }

 private:
  void reserve(std::uint64_t size) {
    if (a_.size() < size) {
      a_.resize(size, 0);
      b_.resize(size, 0);
    }
  }
  void begin(std::uint64_t size) {
    reserve(size);
    if (++a_mark_ == 0) {
      std::fill(a_.begin(), a_.end(), 0);
      a_mark_ = 1;
    }
  }
  // Stamps what the DAG leads to from j in `stamp`; counts those not stamped in `skip`.
  std::uint32_t walk(const PositiveRRCollection& s, std::uint64_t i, std::uint32_t j,
                     std::vector<std::uint32_t>& stamp, std::uint32_t mark,
                     const std::vector<std::uint32_t>* skip) {
    if (stamp[j] == mark) return 0;
    const std::uint64_t base = s.begin(i);
    auto counts = [&](std::uint32_t m) { return skip == nullptr || (*skip)[m] != a_mark_ ? 1u : 0u; };
    stamp[j] = mark;
    std::uint32_t count = counts(j);
    stack_.assign(1, j);
    while (!stack_.empty()) {
      const std::uint32_t m = stack_.back();
      stack_.pop_back();
      for (const std::uint32_t w : s.down(base + m)) {
        if (stamp[w] == mark) continue;
        stamp[w] = mark;
        count += counts(w);
        stack_.push_back(w);
      }
    }
    return count;
  }

  PositiveValue power_;
  std::vector<std::uint32_t> a_, b_, stack_;
  std::uint32_t a_mark_ = 0, b_mark_ = 0;
};

}  // namespace

PositiveGreedy positive_greedy(const PositiveRRCollection& samples, NodeId num_nodes,
                               double quality, std::uint32_t k) {
  const Occurrences occ = occurrences(samples, num_nodes);
  std::vector<std::uint32_t> nearest(samples.size(), kNone);
  std::vector<char> is_seed(num_nodes, 0);
  std::vector<double> gain(num_nodes, 0.0);
  DagScratch dag(quality);
  // Adds sign x each non-seed member's gain in sample i under the current seeds; returns f(S).
  auto contribute = [&](std::uint64_t i, double sign) {
    const std::uint32_t d = nearest[i];
    const std::uint32_t a = d == kNone ? 0 : dag.mark_nearest(samples, i, d, is_seed);
    const double current = d == kNone ? 0.0 : dag.power(a);
    for (std::uint64_t m = samples.begin(i); m < samples.end(i) && samples.depth(m) <= d; ++m) {
      const NodeId u = samples.member(m);
      if (is_seed[u] != 0) continue;
      const auto j = static_cast<std::uint32_t>(m - samples.begin(i));
      // Nearer than every seed: u's own shortest paths replace A. As near: they join A.
      const double with = samples.depth(m) < d
                              ? dag.power(dag.descendants(samples, i, j, false))
                              : dag.power(a + dag.descendants(samples, i, j, true));
      gain[u] += sign * (with - current);
    }
    return current;
  };
  PositiveGreedy result;
  for (std::uint64_t i = 0; i < samples.size(); ++i) contribute(i, 1.0);
  std::vector<std::uint32_t> affected;
  for (std::uint32_t round = 0; round < k; ++round) {
    NodeId best = 0;
    double best_gain = -std::numeric_limits<double>::infinity();
    for (NodeId v = 0; v < num_nodes; ++v) {
      if (is_seed[v] == 0 && gain[v] > best_gain) {
        best = v;
        best_gain = gain[v];
      }
    }
    if (!(best_gain > kNoGain)) break;
    affected.clear();
    for (std::uint64_t o = occ.offsets[best]; o < occ.offsets[best + 1]; ++o) {
      const std::uint32_t i = occ.sample[o];
      if (nearest[i] == kNone || samples.depth(occ.member[o]) <= nearest[i]) affected.push_back(i);
    }
    double before = 0, after = 0;
    std::int64_t newly = 0;
    for (const std::uint32_t i : affected) {
      newly += nearest[i] == kNone ? 1 : 0;
      before += contribute(i, -1.0);
    }
    is_seed[best] = 1;
    for (std::uint64_t o = occ.offsets[best]; o < occ.offsets[best + 1]; ++o) {
      std::uint32_t& d = nearest[occ.sample[o]];
      d = std::min(d, samples.depth(occ.member[o]));
    }
    for (const std::uint32_t i : affected) after += contribute(i, 1.0);
    result.seeds.push_back(best);
    result.positive_gain.push_back(after - before);
    result.reach_gain.push_back(static_cast<double>(newly));
    result.positive += after - before;
  }
  return result;
}

double surrogate_upper_bound(const PositiveRRCollection& samples, NodeId num_nodes,
                             double quality, std::uint32_t k) {
  const Occurrences occ = occurrences(samples, num_nodes);
  PositiveValue power(quality);
  std::vector<double> current(samples.size(), 0.0);  // g(S_i) of each sample
  std::vector<double> gain(num_nodes, 0.0);
  for (std::uint64_t m = 0; m < samples.total_members(); ++m) {
    gain[samples.member(m)] += power.power(samples.depth(m) + 1);
  }
  std::vector<char> is_seed(num_nodes, 0);
  std::vector<double> top(num_nodes);
  double total = 0, best = std::numeric_limits<double>::infinity();
  const std::uint32_t kk = std::min<std::uint32_t>(k, num_nodes);
  for (std::uint32_t round = 0;; ++round) {
    top = gain;
    std::nth_element(top.begin(), top.begin() + (kk - 1), top.end(), std::greater<>());
    double bound = total;
    for (std::uint32_t j = 0; j < kk; ++j) bound += std::max(0.0, top[j]);
    best = std::min(best, bound);
    if (round == kk) break;
    NodeId pick = 0;
    double pick_gain = -1;
    for (NodeId v = 0; v < num_nodes; ++v) {
      if (is_seed[v] == 0 && gain[v] > pick_gain) {
        pick = v;
        pick_gain = gain[v];
      }
    }
    is_seed[pick] = 1;
    for (std::uint64_t o = occ.offsets[pick]; o < occ.offsets[pick + 1]; ++o) {
      const std::uint32_t i = occ.sample[o];
      const double w = power.power(samples.depth(occ.member[o]) + 1);
      if (w <= current[i]) continue;
      for (std::uint64_t m = samples.begin(i); m < samples.end(i); ++m) {
        const double wm = power.power(samples.depth(m) + 1);
        gain[samples.member(m)] -= std::max(0.0, wm - current[i]) - std::max(0.0, wm - w);
      }
      total += w - current[i];
      current[i] = w;
    }
  }
  return best;
}

SeedSelection positive_reach_seeds(const Graph& graph, const DiffusionModel& model,
                                   const PositiveReachOptions& options) {
  check_seed_parameters(graph, options.k, options.epsilon);
  const PositiveRRSampler sampler(graph, model);
  const NodeId num_nodes = graph.num_nodes();
  const double n = num_nodes;
  const double delta = options.delta > 0 ? options.delta : 1.0 / n;
  if (!(delta > 0 && delta < 1)) {
    throw UsageError("delta", fmt::format("found {}; expected a value in (0, 1)", delta));
  }
  const double k = options.k;
  const double theta_max = sample_size::opim_theta_max(n, k, options.epsilon, delta);
  const auto theta_zero = static_cast<std::uint64_t>(
      std::ceil(sample_size::opim_theta_zero(n, k, options.epsilon, delta)));
  const int rounds = std::max(
      1, static_cast<int>(std::ceil(std::log2(theta_max / static_cast<double>(theta_zero)))));
  // The lower and the upper bound of every round hold together with probability 1 - delta.
  const double round_delta = delta / (2.0 * rounds);
  const double target = kOneMinusInvE - options.epsilon;

  SeedSelection result;
  result.algorithm = "positive-reach-rr";
  result.failure_probability = delta;
  PositiveRRCollection r1, r2;
  double sampling = 0, selecting = 0, best_upper = std::numeric_limits<double>::infinity();
  double previous_ratio = 0;
  std::uint64_t theta = theta_zero;
  std::string stop;
  for (int round = 1;; ++round) {
    check_interrupt();
    auto t = Clock::now();
    sampler.generate(r1, r1.size(), theta - r1.size(), options.seed, StreamPurpose::kPositiveReach);
    sampler.generate(r2, r2.size(), theta - r2.size(), options.seed,
                     StreamPurpose::kPositiveReachCheck);
    sampling += since(t);
    t = Clock::now();
    const PositiveGreedy greedy = positive_greedy(r1, num_nodes, sampler.quality(), options.k);
    std::vector<char> is_seed(num_nodes, 0);
    for (const NodeId v : greedy.seeds) is_seed[v] = 1;
    std::vector<double> value(r2.size());
    std::vector<PositiveValue> evaluators(static_cast<std::size_t>(num_threads()),
                                          PositiveValue(sampler.quality()));
    parallel_for(0, r2.size(), [&](std::uint64_t i) {
      value[i] = evaluators[static_cast<std::size_t>(thread_index())].positive(r2, i, is_seed);
    });
    double check = 0;
    for (const double x : value) check += x;  // in sample order: reproducible
    const double lower = sample_size::opim_lower_bound(check, static_cast<double>(r2.size()), n,
                                                       round_delta);
    best_upper = std::min(
        best_upper,
        sample_size::opim_upper_bound(
            surrogate_upper_bound(r1, num_nodes, sampler.quality(), options.k),
            static_cast<double>(r1.size()), n, round_delta));
    selecting += since(t);
    const double scale = n / static_cast<double>(r1.size());
    result.seeds = greedy.seeds;
    result.marginal_gain.clear();
    result.positive_gain.clear();
    result.negative_gain.clear();
    for (std::size_t i = 0; i < greedy.seeds.size(); ++i) {
      result.marginal_gain.push_back(scale * greedy.positive_gain[i]);
      result.positive_gain.push_back(scale * greedy.positive_gain[i]);
      result.negative_gain.push_back(scale * (greedy.reach_gain[i] - greedy.positive_gain[i]));
    }
    result.estimated_spread = scale * greedy.positive;
    const double ratio = best_upper > 0 ? std::max(0.0, lower / best_upper) : 0;
    result.guarantee = ratio;
    const double last_gain = greedy.positive_gain.empty() ? 0 : greedy.positive_gain.back();
    if (ratio >= target && (options.refine_min_marginal <= 0 ||
                            last_gain >= options.refine_min_marginal)) {
      stop = options.refine_min_marginal > 0
                 ? fmt::format("the proven ratio reached the target {:.4f} and the last seed's "
                               "gain is {:.0f} samples' worth (refined past the target until at "
                               "least {:g})",
                               target, last_gain, options.refine_min_marginal)
                 : fmt::format("the proven ratio reached the target {:.4f}", target);
    } else if (round >= rounds || static_cast<double>(theta) >= theta_max) {
      stop = "OPIM-C's theta_max reached";
    } else if (ratio < target && previous_ratio > 0 && ratio - previous_ratio < kPlateau) {
      stop = fmt::format("a doubling raised the proven ratio by less than {}: the bounds have "
                         "converged to the gap between the positive reach and its surrogate",
                         kPlateau);
    }
    if (!stop.empty()) {
      result.notes.push_back(fmt::format(
          "round {}: {} samples in R1, {} in R2; proven ratio {:.4f} (target {:.4f}); {}", round,
          group_digits(r1.size()), group_digits(r2.size()), ratio, target, stop));
      break;
    }
    previous_ratio = ratio;
    theta *= 2;
  }
  result.notes.push_back(
      "positive reach on RR samples with depths and shortest-path DAGs (icn with neg=1): "
      "unbiased; the ratio is proven a posteriori from the samples (positive reach is not "
      "submodular, so greedy proves none a priori)");
  if (result.seeds.size() < options.k) {
    result.notes.push_back(fmt::format("stopped at {} of {} seeds: nobody left adds to positive "
                                       "reach on the samples",
                                       result.seeds.size(), options.k));
  }
  result.rr_sets = r1.size() + r2.size();
  result.sample_bytes = r1.memory_bytes() + r2.memory_bytes();
  result.phases = {{"sampling", sampling}, {"selection", selecting}};
  return result;
}

}  // namespace cascade

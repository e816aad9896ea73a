#include "cascade/seeding/reach_goal.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/sample_size.h"
#include "cascade/select/max_coverage.h"
#include "cascade/text.h"

namespace cascade {
namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::uint64_t kMinSets = 1024;
constexpr std::uint64_t kMaxSets = std::uint64_t{1} << 25;

// Greedy cover of `goal` RR sets on `sets`, with the lower bound on the cost of any set covering
// `needed` sets from prefixes 0, 1, 2, 4, ... and the last.
struct Cover {
  std::vector<NodeId> seeds;
  std::vector<std::uint64_t> marginal;
  std::uint64_t coverage = 0;
  double cost = 0;
  double optimum_lower = 0;
};

Cover greedy_cover(const RRCollection& sets, NodeId n, const std::vector<double>& fees,
                   const RRSampler& sampler, std::uint64_t goal, double needed) {
  std::vector<std::uint64_t> count(n, 0);
  for (std::uint64_t s = 0; s < sets.size(); ++s) {
    for (const NodeId v : sets.set(s)) ++count[v];
  }
  std::vector<std::uint64_t> start(n + 1, 0);
  std::partial_sum(count.begin(), count.end(), start.begin() + 1);
  std::vector<std::uint64_t> index(start[n]);
  {
    std::vector<std::uint64_t> next(start.begin(), start.end() - 1);
    for (std::uint64_t s = 0; s < sets.size(); ++s) {
      for (const NodeId v : sets.set(s)) index[next[v]++] = s;
    }
  }
  const bool priced = !fees.empty();
  // Lazy greedy: a key is (free, coverage per unit fee or coverage), ties to the smaller id; a
  // popped key that no longer matches the node's coverage is pushed back with the current one.
  struct Key {
    bool free;
    double value;
    NodeId node;
    bool operator<(const Key& other) const {
      if (free != other.free) return !free;
      if (value != other.value) return value < other.value;
      return node > other.node;
    }
  };
  auto key_of = [&](NodeId v) {
    const bool free = priced && fees[v] == 0;
    const double c = static_cast<double>(count[v]);
    return Key{free, priced && !free ? c / fees[v] : c, v};
  };
  std::priority_queue<Key> heap;
  for (NodeId v = 0; v < n; ++v) {
    if (count[v] > 0 && !sampler.is_reached(v)) heap.push(key_of(v));
  }
  std::vector<char> covered(sets.size(), 0);
  Cover cover;
  // Any set T covering `needed` sets covers at most coverage(S_i) + the sum of T's marginals
  // given the prefix S_i, so it costs at least the cheapest cover of the gap by those marginals.
  auto bound_here = [&] {
    const double gap = needed - static_cast<double>(cover.coverage);
    cover.optimum_lower = std::max(cover.optimum_lower, cover_cost_lower_bound(count, fees, gap));
  };
  std::size_t bounded_at = std::numeric_limits<std::size_t>::max();
  while (cover.coverage < goal && !heap.empty()) {
    const std::size_t picks = cover.seeds.size();
    if ((picks & (picks - 1)) == 0 && bounded_at != picks) {
      bound_here();
      bounded_at = picks;
    }
    const Key top = heap.top();
    heap.pop();
    if (count[top.node] == 0) continue;
    const Key now = key_of(top.node);
    if (now.value != top.value) {
      heap.push(now);
      continue;
    }
    const NodeId best = top.node;
    cover.seeds.push_back(best);
    cover.marginal.push_back(count[best]);
    cover.coverage += count[best];
    cover.cost += priced ? fees[best] : 1.0;
    for (std::uint64_t a = start[best]; a < start[best + 1]; ++a) {
      const std::uint64_t s = index[a];
      if (covered[s]) continue;
      covered[s] = 1;
      for (const NodeId v : sets.set(s)) --count[v];
    }
  }
  bound_here();
  return cover;
}

}  // namespace

double cover_cost_lower_bound(const std::vector<std::uint64_t>& marginal,
                              const std::vector<double>& fees, double gap) {
  if (!(gap > 0)) return 0;
  std::vector<NodeId> order;
  for (NodeId v = 0; v < marginal.size(); ++v) {
    if (marginal[v] > 0) order.push_back(v);
  }
  const bool priced = !fees.empty();
  std::sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    const double ma = static_cast<double>(marginal[a]), mb = static_cast<double>(marginal[b]);
    const double left = priced ? ma * fees[b] : ma, right = priced ? mb * fees[a] : mb;
    return left != right ? left > right : a < b;
  });
  double cost = 0, left = gap;
  for (const NodeId v : order) {
    const double m = static_cast<double>(marginal[v]);
    const double fee = priced ? fees[v] : 1.0;
    if (m >= left) {
      // Unit costs: a whole person; fees: the fractional share of the last one.
      return cost + (priced ? fee * left / m : 1.0);
    }
    cost += fee;
    left -= m;
  }
  return kInfinity;
}

ReachGoalResult reach_goal_seeds(const Graph& graph, const DiffusionModel& model,
                                 const ReachGoalOptions& options) {
  const NodeId n = graph.num_nodes();
  if (!options.fees.empty()) {
    if (options.fees.size() != n) {
      throw UsageError("fees", fmt::format("found {} fees; expected one per node ({})",
                                           options.fees.size(), n));
    }
    for (NodeId v = 0; v < n; ++v) {
      const double fee = options.fees[v];
      if (!(fee >= 0) || !std::isfinite(fee)) {
        throw UsageError("fees", fmt::format("found {} for person '{}'; expected a finite number "
                                             ">= 0",
                                             fee, graph.label(v)));
      }
    }
  }
  if (!(options.epsilon > 0 && options.epsilon < 1)) {
    throw UsageError("eps", fmt::format("found {}; expected a value in (0, 1)", options.epsilon));
  }
  const double delta = options.delta > 0 ? options.delta : 1.0 / std::max<double>(n, 2);
  if (!(delta > 0 && delta < 1)) {
    throw UsageError("delta", fmt::format("found {}; expected a value in (0, 1)", delta));
  }
  const RRSampler sampler(graph, model, options.objective);
  const double everyone = sampler.scale();
  const double goal = options.reach;
  if (!(goal > 0) || !std::isfinite(goal)) {
    throw UsageError("reach", fmt::format("found {}; expected a positive number", goal));
  }
  if (goal > everyone * (1 + 1e-12)) {
    throw UsageError("reach", fmt::format(
        "found {:g}; expected at most {:g}, what seeding everyone{} reaches: the goal is "
        "unreachable",
        goal, everyone,
        options.objective.reached.empty() ? "" : " not yet reached"));
  }
  const double share = std::min(1.0, goal / everyone);
  const bool priced = !options.fees.empty();

  ReachGoalResult answer;
  ReachGoal& out = answer.goal;
  out.goal = goal;
  out.everyone = everyone;
  out.by_fees = priced;
  SeedSelection& result = answer.selection;
  result.algorithm = "reach goal";
  result.failure_probability = delta;
  // Enough sets that a set whose share is p has its share within eps with probability 1 - delta
  // (Chernoff: 3 ln(2/delta) / (eps^2 p)), within [1,024, 2^22] to start.
  const double first = 3.0 * std::log(2.0 / delta) / (options.epsilon * options.epsilon * share);
  std::uint64_t theta = static_cast<std::uint64_t>(
      std::clamp(std::ceil(first), static_cast<double>(kMinSets), static_cast<double>(kMaxSets >> 3)));
  RRCollection r1, r2;
  double sampling = 0, selecting = 0;
  double best_lower = 0;
  for (int round = 1;; ++round) {
    check_interrupt();
    auto t = Clock::now();
    sampler.generate(r1, r1.size(), theta - r1.size(), options.seed, StreamPurpose::kReverseReachable);
    sampler.generate(r2, r2.size(), theta - r2.size(), options.seed,
                     StreamPurpose::kReverseReachableCheck);
    sampling += since(t);
    t = Clock::now();
    // Round i's two bounds fail with probability delta / 2^(i+1) each: delta in all.
    const double round_delta = delta / std::ldexp(1.0, round + 1);
    const double size = static_cast<double>(theta);
    const auto goal_sets = static_cast<std::uint64_t>(std::ceil(share * size - 1e-9));
    const double mean = share * size;
    const double needed = mean - std::sqrt(2.0 * mean * std::log(1.0 / round_delta));
    const Cover cover = greedy_cover(r1, n, options.fees, sampler, goal_sets, needed);
    best_lower = std::max({best_lower, cover.optimum_lower, priced ? 0.0 : 1.0});
    const std::uint64_t check = coverage_of(r2, n, cover.seeds);
    double own = 0;
    for (const NodeId v : cover.seeds) own += sampler.weight(v);
    const double lower = std::max(
        own, sample_size::opim_lower_bound(static_cast<double>(check), size, everyone, round_delta));
    selecting += since(t);

    result.seeds = cover.seeds;
    result.marginal_gain.clear();
    for (const auto c : cover.marginal) result.marginal_gain.push_back(everyone * static_cast<double>(c) / size);
    result.estimated_spread = everyone * static_cast<double>(cover.coverage) / size;
    out.proven_reach = std::min(lower, everyone);
    out.proven = out.proven_reach >= (1 - options.epsilon) * goal * (1 - 1e-12);
    out.cost = cover.cost;
    out.optimum_lower = best_lower;
    out.size_ratio = best_lower > 0 ? std::max(1.0, cover.cost / best_lower)
                                    : (cover.cost == 0 ? 1.0 : kInfinity);
    const std::uint64_t last_marginal = cover.marginal.empty() ? 0 : cover.marginal.back();
    const double refine_cap = sample_size::imm_lambda_star(
                                  std::max<double>(n, 3), std::max(static_cast<double>(cover.seeds.size()), 1.0),
                                  options.epsilon, 1.0, std::max(everyone, 3.0)) /
                              goal;
    const bool settled = out.proven && (last_marginal >= kDefaultRefineMinMarginal ||
                                        size >= refine_cap);
    const bool last = 2 * theta > kMaxSets;
    if (settled || last) {
      result.notes.push_back(fmt::format(
          "round {}: {} RR sets in R1 and R2 each; greedy on R1 until the estimated reach is {:g} "
          "({} RR sets); reach proven on R2: {:.1f}",
          round, group_digits(theta), goal, group_digits(goal_sets), out.proven_reach));
      if (!out.proven) {
        result.notes.push_back(fmt::format(
            "the reach is not proven at least (1 - eps) R = {:.1f} within {} RR sets per "
            "collection",
            (1 - options.epsilon) * goal, group_digits(kMaxSets)));
      }
      break;
    }
    theta *= 2;
  }
  result.rr_sets = r1.size() + r2.size();
  result.sample_bytes = r1.memory_bytes() + r2.memory_bytes();
  result.phases = {{"sampling", sampling}, {"selection", selecting}};
  return answer;
}

}  // namespace cascade

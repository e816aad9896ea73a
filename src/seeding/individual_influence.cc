#include "cascade/seeding/individual_influence.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/select/max_coverage.h"

namespace cascade {
namespace {

std::vector<double> average_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double average = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t t = i; t <= j; ++t) rank[order[t]] = average;
    i = j + 1;
  }
  return rank;
}

// For each node v: the RR sets (seed, purpose, 0 .. rr_sets - 1) rooted at v, and those that
// contain v and are rooted at someone else (a set's root is its first member).
struct Counts {
  std::vector<std::uint64_t> rooted_at, reached_others;
};

Counts count_reached_others(const Graph& graph, const DiffusionModel& model, std::uint64_t rr_sets,
                            std::uint64_t seed, StreamPurpose purpose) {
  if (rr_sets == 0) throw UsageError("samples", "found 0; expected at least 1 RR set");
  const RRSampler sampler(graph, model);
  Counts counts;
  counts.rooted_at.assign(graph.num_nodes(), 0);
  counts.reached_others.assign(graph.num_nodes(), 0);
  constexpr std::uint64_t kBatch = 1 << 18;
  for (std::uint64_t first = 0; first < rr_sets; first += kBatch) {
    check_interrupt();
    RRCollection sets;
    sampler.generate(sets, first, std::min(kBatch, rr_sets - first), seed, purpose);
    for (std::uint64_t s = 0; s < sets.size(); ++s) {
      const auto members = sets.set(s);
      ++counts.rooted_at[members[0]];
      for (std::size_t i = 1; i < members.size(); ++i) ++counts.reached_others[members[i]];
    }
  }
  return counts;
}

// 1 + (n - 1) x the share of RR sets rooted at someone else that contain v, with its Wilson
// interval: never more than n, and exactly 1 (or n) when v reaches nobody (or everyone) on the
// sample.
Estimate individual_reach(const Counts& counts, NodeId v, std::uint64_t rr_sets, NodeId n) {
  const std::uint64_t trials = rr_sets - counts.rooted_at[v];
  Estimate e;
  if (trials > 0) {
    e = proportion_estimate(counts.reached_others[v], trials, static_cast<double>(n) - 1);
  }
  e.mean += 1;
  e.low += 1;
  e.high += 1;
  return e;
}

using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

IndividualInfluence individual_influence(const Graph& graph, const DiffusionModel& model,
                                         std::uint64_t rr_sets, std::uint64_t seed,
                                         StreamPurpose purpose) {
  const Counts counts = count_reached_others(graph, model, rr_sets, seed, purpose);
  const NodeId n = graph.num_nodes();
  IndividualInfluence result;
  result.rr_sets = rr_sets;
  result.reach.resize(n);
  result.standard_error.resize(n);
  result.low.resize(n);
  result.high.resize(n);
  for (NodeId v = 0; v < n; ++v) {
    const Estimate e = individual_reach(counts, v, rr_sets, n);
    result.reach[v] = e.mean;
    result.standard_error[v] = e.standard_error;
    result.low[v] = e.low;
    result.high[v] = e.high;
  }
  return result;
}

std::uint64_t default_influence_rr_sets(NodeId num_nodes) {
  return std::clamp<std::uint64_t>(20ull * num_nodes, 200'000, 5'000'000);
}

InfluenceRanking rank_influencers(const Graph& graph, const DiffusionModel& model,
                                  const InfluenceOptions& options) {
  if (options.top == 0) throw UsageError("top", "found 0; expected at least 1 person");
  const NodeId n = graph.num_nodes();
  const std::uint64_t rr_sets =
      options.rr_sets > 0 ? options.rr_sets : default_influence_rr_sets(n);
  InfluenceRanking result;
  auto t = Clock::now();
  result.everyone = individual_influence(graph, model, rr_sets, options.seed);
  const std::vector<double>& reach = result.everyone.reach;
  result.order.resize(n);
  std::iota(result.order.begin(), result.order.end(), NodeId{0});
  std::stable_sort(result.order.begin(), result.order.end(),
                   [&](NodeId a, NodeId b) { return reach[a] > reach[b]; });
  const std::vector<NodeId> by_degree = out_degree_order(graph);
  result.degree_rank.resize(n);
  for (NodeId i = 0; i < n; ++i) result.degree_rank[by_degree[i]] = i + 1;
  std::vector<double> degrees(n);
  for (NodeId v = 0; v < n; ++v) degrees[v] = graph.out_degree(v);
  result.spearman_with_out_degree = n >= 2 ? spearman(reach, degrees) : 0.0;
  // Summed in node order: the same total on any number of threads.
  result.total_influence = std::accumulate(reach.begin(), reach.end(), 0.0);
  result.phases.push_back({"ranking", since(t)});

  // The top was chosen for its high estimates on the ranking sample: count again on sets that
  // played no part in choosing it.
  t = Clock::now();
  const std::size_t top = std::min<std::size_t>(options.top, n);
  const Counts check =
      count_reached_others(graph, model, rr_sets, options.seed, StreamPurpose::kInfluenceCheck);
  double top_total = 0;
  for (std::size_t i = 0; i < top; ++i) {
    const NodeId v = result.order[i];
    Influencer person;
    person.node = v;
    person.reach = individual_reach(check, v, rr_sets, n);
    person.ranking_reach = reach[v];
    person.share = person.reach.mean / result.total_influence;
    person.out_degree = graph.out_degree(v);
    person.degree_rank = result.degree_rank[v];
    result.top_also_top_by_degree += person.degree_rank <= top;
    top_total += person.reach.mean;
    result.top.push_back(person);
  }
  result.top_share = top_total / result.total_influence;
  result.rr_sets = 2 * rr_sets;
  result.phases.push_back({"re-estimating", since(t)});
  return result;
}

double spearman(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size() || a.size() < 2) {
    throw UsageError(fmt::format("spearman: found sequences of {} and {} values; expected two "
                                 "equally long sequences of at least 2",
                                 a.size(), b.size()));
  }
  const std::vector<double> ra = average_ranks(a), rb = average_ranks(b);
  const double n = static_cast<double>(a.size());
  const double mean = (n + 1) / 2;
  double cov = 0, va = 0, vb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    cov += (ra[i] - mean) * (rb[i] - mean);
    va += (ra[i] - mean) * (ra[i] - mean);
    vb += (rb[i] - mean) * (rb[i] - mean);
  }
  return va == 0 || vb == 0 ? 0.0 : cov / std::sqrt(va * vb);
}

}  // namespace cascade

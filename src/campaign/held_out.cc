// Held-out log-likelihood and next-adopter ranking; see held_out.h.
#include "cascade/campaign/held_out.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

constexpr double kHighestProbability = 1 - 1e-6;

struct CascadeWorkspace {
  CascadeWorkspace(NodeId n, std::size_t outside)
      : stamp(n, 0), time(n, 0), log_none(n, 0), in_prefix(n, 0), outside_in_prefix(outside, 0) {}
  std::vector<std::uint64_t> stamp;  // adopted the current item
  std::vector<double> time;
  std::vector<double> log_none;      // log prod (1 - p) over the prefix's in-neighbours
  std::vector<std::uint64_t> in_prefix;  // stamped: in the prefix, or touched by it (log_none valid)
  std::vector<std::uint64_t> outside_in_prefix;  // stamped: a known outside user in the prefix
};

struct CascadeScore {
  double log_likelihood = 0;
  std::uint64_t adoptions = 0, predictions = 0, unrankable = 0;
  std::array<double, 3> hits{}, map{};
};

double capped(float p) { return std::min<double>(p, kHighestProbability); }

}  // namespace

HeldOutScore evaluate_held_out(const Graph& graph, std::span<const double> background,
                               const AdoptionLog& test, double window,
                               std::span<const double> outside_rates,
                               std::span<const std::uint32_t> outside_of_test) {
  if (!graph.has_probabilities()) {
    throw UsageError("prob", "found a graph without probabilities; expected probabilities to evaluate");
  }
  if (background.size() != graph.num_nodes()) {
    throw UsageError("background", "found a rate count unlike the node count; expected one rate per node");
  }
  if (outside_of_test.size() != test.outside_labels.size()) {
    throw UsageError("outside_of_test", "found a count unlike the test log's outside labels; expected one each");
  }
  const NodeId n = graph.num_nodes();
  const GraphArrays& arrays = graph.arrays();
  const std::size_t items = test.num_items();
  const double floor = 1.0 / (static_cast<double>(std::max<std::size_t>(items, 1)) * std::max<NodeId>(n, 1));
  std::vector<double> base(n);
  for (NodeId v = 0; v < n; ++v) base[v] = std::max(background[v], floor);
  std::vector<CascadeScore> scores(items);
  std::vector<CascadeWorkspace> workspaces(static_cast<std::size_t>(num_threads()), CascadeWorkspace(n, outside_rates.size()));
  parallel_for(0, items, [&](std::uint64_t i) {
    CascadeWorkspace& w = workspaces[static_cast<std::size_t>(thread_index())];
    CascadeScore& score = scores[i];
    const std::uint64_t stamp = i + 1;
    const std::span<const Adoption> adoptions = test.item(i);
    for (const Adoption& a : adoptions) {
      if (a.user == kOutsideGraph) continue;
      w.stamp[a.user] = stamp;
      w.time[a.user] = a.time;
    }
    // 1. Each adoption given the earlier ones, and each failed trial.
    for (const Adoption& a : adoptions) {
      if (a.user == kOutsideGraph) continue;
      const NodeId v = a.user;
      double none = 1 - base[v];
      for (ArcIndex k = arrays.in_offsets[v]; k < arrays.in_offsets[v + 1]; ++k) {
        const NodeId u = arrays.in_sources[k];
        if (w.stamp[u] == stamp && may_credit(w.time[u], a.time, window)) {
          none *= 1 - capped(graph.in_probabilities(v)[k - arrays.in_offsets[v]]);
        }
      }
      score.log_likelihood += std::log(1 - none);
      ++score.adoptions;
      const std::span<const float> p = graph.out_probabilities(v);
      for (ArcIndex k = arrays.out_offsets[v]; k < arrays.out_offsets[v + 1]; ++k) {
        const NodeId target = arrays.out_targets[k];
        const bool adopted = w.stamp[target] == stamp;
        if (adopted && w.time[target] <= a.time + window) continue;  // no trial, or a success
        score.log_likelihood += std::log1p(-capped(p[k - arrays.out_offsets[v]]));
      }
    }
    // 2. Rank every user not yet in the prefix by the chance of adopting next.
    std::vector<NodeId> prefix;
    for (std::size_t position = 0; position < adoptions.size(); ++position) {
      const NodeId u = adoptions[position].user;
      if (u != kOutsideGraph) {
        const std::span<const float> p = graph.out_probabilities(u);
        for (std::uint32_t k = 0; k < graph.out_degree(u); ++k) {
          const NodeId v = graph.out_neighbors(u)[k];
          if (w.in_prefix[v] != stamp) {
            w.in_prefix[v] = stamp;
            w.log_none[v] = 0;
          }
          w.log_none[v] += std::log1p(-capped(p[k]));
        }
        prefix.push_back(u);
      } else if (const std::uint32_t known = outside_of_test[adoptions[position].outside];
                 known != kUnknownOutside) {
        w.outside_in_prefix[known] = stamp;
      }
      if (position + 1 == adoptions.size()) break;
      ++score.predictions;
      const NodeId next = adoptions[position + 1].user;
      const std::uint32_t next_outside =
          next == kOutsideGraph ? outside_of_test[adoptions[position + 1].outside] : kUnknownOutside;
      if (next == kOutsideGraph && next_outside == kUnknownOutside) {
        ++score.unrankable;
        continue;
      }
      const auto chance = [&](NodeId v) {
        const double graph_chance = w.in_prefix[v] == stamp ? 1 - std::exp(w.log_none[v]) : 0.0;
        return graph_chance + base[v];
      };
      const double truth = next == kOutsideGraph ? outside_rates[next_outside] : chance(next);
      std::uint64_t greater = 0, equal = 0;
      for (NodeId v = 0; v < n; ++v) {
        if (v == next) continue;
        const double s = chance(v);
        if (s > truth) ++greater; else if (s == truth) ++equal;
      }
      for (std::uint32_t o = 0; o < outside_rates.size(); ++o) {
        if (o == next_outside || w.outside_in_prefix[o] == stamp) continue;
        if (outside_rates[o] > truth) ++greater; else if (outside_rates[o] == truth) ++equal;
      }
      // Remove the prefix's own members, who cannot adopt again.
      for (const NodeId member : prefix) {
        const double s = chance(member);
        if (s > truth) --greater; else if (s == truth) --equal;
      }
      for (std::size_t c = 0; c < kRankingCutoffs.size(); ++c) {
        const double k = kRankingCutoffs[c];
        double hit = 0, reciprocal = 0;
        for (std::uint64_t x = 0; x <= equal; ++x) {
          const double rank = static_cast<double>(greater + x + 1);
          if (rank > k) break;
          hit += 1;
          reciprocal += 1 / rank;
        }
        score.hits[c] += hit / static_cast<double>(equal + 1);
        score.map[c] += reciprocal / static_cast<double>(equal + 1);
      }
    }
  }, 1);
  HeldOutScore total;
  double log_likelihood = 0;
  for (const CascadeScore& s : scores) {
    log_likelihood += s.log_likelihood;
    total.adoptions += s.adoptions;
    total.predictions += s.predictions;
    total.unrankable += s.unrankable;
    for (std::size_t c = 0; c < 3; ++c) {
      total.hits[c] += s.hits[c];
      total.map[c] += s.map[c];
    }
  }
  total.log_likelihood_per_adoption = total.adoptions > 0 ? log_likelihood / static_cast<double>(total.adoptions) : 0;
  for (std::size_t c = 0; c < 3; ++c) {
    if (total.predictions == 0) break;
    total.hits[c] /= static_cast<double>(total.predictions);
    total.map[c] /= static_cast<double>(total.predictions);
  }
  return total;
}

namespace {

std::vector<double> mean_ranks(std::span<const double> values) {
  std::vector<std::size_t> order(values.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

}  // namespace

double spearman_correlation(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size() || x.size() < 2) return 0;
  const std::vector<double> rx = mean_ranks(x), ry = mean_ranks(y);
  const double n = static_cast<double>(x.size()), mean = (n + 1) / 2;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) * (rx[i] - mean);
    syy += (ry[i] - mean) * (ry[i] - mean);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

CascadeSizeScore evaluate_cascade_sizes(const Graph& graph, const AdoptionLog& test, std::uint64_t runs,
                                        std::uint64_t seed) {
  if (runs == 0) throw UsageError("size_runs", "found 0; expected at least 1");
  const DiffusionModel model = DiffusionModel::parse("ic");
  check_model(graph, model);
  SimulationOptions options;
  options.runs = runs;
  options.seed = seed;
  CascadeSizeScore score;
  std::vector<double> simulated, real, errors;
  for (std::size_t i = 0; i < test.num_items(); ++i) {
    const std::span<const Adoption> adoptions = test.item(i);
    if (adoptions.empty()) continue;
    if (adoptions.front().user == kOutsideGraph) {
      ++score.rootless;
      continue;
    }
    const NodeId root = adoptions.front().user;
    const double reach = simulate(graph, model, std::span<const NodeId>(&root, 1), options).reach.mean;
    const auto size = static_cast<double>(std::count_if(
        adoptions.begin(), adoptions.end(), [](const Adoption& a) { return a.user != kOutsideGraph; }));
    simulated.push_back(reach);
    real.push_back(size);
    errors.push_back(std::abs(reach - size));
  }
  score.cascades = simulated.size();
  if (!errors.empty()) {
    std::sort(errors.begin(), errors.end());
    const std::size_t middle = errors.size() / 2;
    score.median_absolute_error =
        errors.size() % 2 == 1 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
  }
  score.spearman = spearman_correlation(simulated, real);
  return score;
}

}  // namespace cascade

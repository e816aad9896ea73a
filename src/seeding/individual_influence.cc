#include "cascade/seeding/individual_influence.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "cascade/rrset/rr_sampler.h"

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

}  // namespace

IndividualInfluence individual_influence(const Graph& graph, const DiffusionModel& model,
                                         std::uint64_t rr_sets, std::uint64_t seed) {
  const RRSampler sampler(graph, model);
  const NodeId n = graph.num_nodes();
  std::vector<std::uint64_t> count(n, 0);
  constexpr std::uint64_t kBatch = 1 << 18;
  for (std::uint64_t first = 0; first < rr_sets; first += kBatch) {
    RRCollection sets;
    sampler.generate(sets, first, std::min(kBatch, rr_sets - first), seed);
    for (std::uint64_t s = 0; s < sets.size(); ++s) {
      for (const NodeId v : sets.set(s)) ++count[v];
    }
  }
  IndividualInfluence result;
  result.rr_sets = rr_sets;
  result.reach.resize(n);
  result.standard_error.resize(n);
  const double theta = static_cast<double>(rr_sets);
  for (NodeId v = 0; v < n; ++v) {
    const double p = static_cast<double>(count[v]) / theta;
    result.reach[v] = n * p;
    result.standard_error[v] = n * std::sqrt(p * (1 - p) / theta);
  }
  return result;
}

double spearman(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size() || a.size() < 2) throw std::invalid_argument("spearman: sizes");
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

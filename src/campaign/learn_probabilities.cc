// EM (Saito et al., KES 2008) and the static Bernoulli and Jaccard models (Goyal et al., WSDM
// 2010) over an adoption log: one parallel pass finds every adoption's possible parents and every
// arc's trials, then each EM iteration is a pass over the (adoption, parent) pairs and one over the
// arcs. See learn_probabilities.h.
#include "cascade/campaign/learn_probabilities.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/progress.h"

namespace cascade {
namespace {

// Per-thread marks: who adopted the current item (stamped with the item, never cleared) and when.
struct ItemWorkspace {
  explicit ItemWorkspace(NodeId n) : stamp(n, 0), time(n, 0) {}
  std::vector<std::uint64_t> stamp;
  std::vector<double> time;
};

// What the pass over the log finds, fixed for all EM iterations.
struct Evidence {
  std::vector<std::uint64_t> trials;      // per arc: u adopted, v had not by then
  std::vector<std::uint64_t> both;        // per arc: items both adopted
  std::vector<std::uint64_t> adopted;     // per node: items adopted
  std::vector<std::uint64_t> no_parent;   // per node: adoptions without a possible parent
  // Adoptions with possible parents ("events"): event e's parents are the out-arc indices
  // parent_arcs[event_offsets[e] .. event_offsets[e + 1]).
  std::vector<std::uint64_t> event_offsets{0};
  std::vector<ArcIndex> parent_arcs;
  // The same pairs grouped by arc, in pair order: arc a's pairs are
  // arc_pairs[arc_offsets[a] .. arc_offsets[a + 1]) (their count: a's possible successes).
  std::vector<std::uint64_t> arc_offsets;
  std::vector<std::uint64_t> arc_pairs;
};

// For each in-arc position, the index of the same arc among the out-arcs.
std::vector<ArcIndex> in_to_out_arcs(const Graph& graph) {
  const GraphArrays& arrays = graph.arrays();
  std::vector<ArcIndex> map(graph.num_arcs());
  parallel_for(0, graph.num_nodes(), [&](std::uint64_t v) {
    for (ArcIndex k = arrays.in_offsets[v]; k < arrays.in_offsets[v + 1]; ++k) {
      const NodeId u = arrays.in_sources[k];
      const std::span<const NodeId> targets = graph.out_neighbors(u);
      const auto position = std::lower_bound(targets.begin(), targets.end(), static_cast<NodeId>(v));
      map[k] = arrays.out_offsets[u] + static_cast<ArcIndex>(position - targets.begin());
    }
  });
  return map;
}

Evidence gather_evidence(const Graph& graph, const AdoptionLog& log, double window) {
  const GraphArrays& arrays = graph.arrays();
  const NodeId n = graph.num_nodes();
  const ArcIndex m = graph.num_arcs();
  const std::vector<ArcIndex> in_to_out = in_to_out_arcs(graph);
  Evidence evidence;
  evidence.trials.assign(m, 0);
  evidence.both.assign(m, 0);
  evidence.adopted.assign(n, 0);
  evidence.no_parent.assign(n, 0);
  const std::size_t items = log.num_items();
  std::vector<std::vector<ArcIndex>> item_parents(items);
  std::vector<std::vector<std::uint32_t>> item_sizes(items);
  std::vector<ItemWorkspace> workspaces(static_cast<std::size_t>(num_threads()), ItemWorkspace(n));
  parallel_for(0, items, [&](std::uint64_t i) {
    ItemWorkspace& w = workspaces[static_cast<std::size_t>(thread_index())];
    const std::uint64_t stamp = i + 1;
    const std::span<const Adoption> adoptions = log.item(i);
    for (const Adoption& a : adoptions) {
      if (a.user == kOutsideGraph) continue;
      w.stamp[a.user] = stamp;
      w.time[a.user] = a.time;
    }
    for (const Adoption& a : adoptions) {
      if (a.user == kOutsideGraph) continue;
      const NodeId v = a.user;
#pragma omp atomic
      ++evidence.adopted[v];
      std::uint32_t size = 0;
      for (ArcIndex k = arrays.in_offsets[v]; k < arrays.in_offsets[v + 1]; ++k) {
        const NodeId u = arrays.in_sources[k];
        if (w.stamp[u] == stamp && may_credit(w.time[u], a.time, window)) {
          item_parents[i].push_back(in_to_out[k]);
          ++size;
        }
      }
      if (size > 0) {
        item_sizes[i].push_back(size);
      } else {
#pragma omp atomic
        ++evidence.no_parent[v];
      }
    }
    for (const Adoption& a : adoptions) {
      if (a.user == kOutsideGraph) continue;
      const NodeId u = a.user;
      for (ArcIndex k = arrays.out_offsets[u]; k < arrays.out_offsets[u + 1]; ++k) {
        const NodeId v = arrays.out_targets[k];
        if (w.stamp[v] == stamp) {
#pragma omp atomic
          ++evidence.both[k];
          if (w.time[v] <= a.time) continue;
        }
#pragma omp atomic
        ++evidence.trials[k];
      }
    }
  });
  for (std::size_t i = 0; i < items; ++i) {
    for (const std::uint32_t size : item_sizes[i]) {
      evidence.event_offsets.push_back(evidence.event_offsets.back() + size);
    }
    evidence.parent_arcs.insert(evidence.parent_arcs.end(), item_parents[i].begin(), item_parents[i].end());
    std::vector<ArcIndex>().swap(item_parents[i]);
  }
  // Group the pairs by arc with a counting sort, which keeps pair order within each arc.
  evidence.arc_offsets.assign(m + 1, 0);
  for (const ArcIndex a : evidence.parent_arcs) ++evidence.arc_offsets[a + 1];
  for (ArcIndex a = 0; a < m; ++a) evidence.arc_offsets[a + 1] += evidence.arc_offsets[a];
  evidence.arc_pairs.resize(evidence.parent_arcs.size());
  std::vector<std::uint64_t> next(evidence.arc_offsets.begin(), evidence.arc_offsets.end() - 1);
  for (std::uint64_t j = 0; j < evidence.parent_arcs.size(); ++j) {
    evidence.arc_pairs[next[evidence.parent_arcs[j]]++] = j;
  }
  return evidence;
}

// Expectation-maximization; fills trials, successes, probability and the log-likelihoods.
void run_em(const Evidence& evidence, const LearnOptions& options, LearnedProbabilities& learned) {
  const std::size_t m = evidence.trials.size();
  const std::size_t events = evidence.event_offsets.size() - 1;
  const std::size_t pairs = evidence.parent_arcs.size();
  std::vector<double> p(m, 0), share(pairs, 0), event_ll(events, 0), arc_ll(m, 0), credit(m, 0);
  for (std::size_t a = 0; a < m; ++a) {
    if (evidence.arc_offsets[a + 1] > evidence.arc_offsets[a]) p[a] = kInitialProbability;
  }
  // E-step: each adoption's chance of happening, and each parent's share of the credit.
  const auto expectation = [&] {
    parallel_for(0, events, [&](std::uint64_t e) {
      const std::uint64_t begin = evidence.event_offsets[e], end = evidence.event_offsets[e + 1];
      double none = 1;
      for (std::uint64_t j = begin; j < end; ++j) none *= 1 - p[evidence.parent_arcs[j]];
      const double chance = 1 - none;
      event_ll[e] = std::log(chance);
      for (std::uint64_t j = begin; j < end; ++j) share[j] = p[evidence.parent_arcs[j]] / chance;
    });
    parallel_for(0, m, [&](std::uint64_t a) {
      const std::uint64_t failures =
          evidence.trials[a] - (evidence.arc_offsets[a + 1] - evidence.arc_offsets[a]);
      arc_ll[a] = failures > 0 && p[a] > 0 ? static_cast<double>(failures) * std::log1p(-p[a]) : 0.0;
    }, 4096);
    double total = 0;
    for (const double x : event_ll) total += x;
    for (const double x : arc_ll) total += x;
    return total;
  };
  const auto maximization = [&] {
    parallel_for(0, m, [&](std::uint64_t a) {
      double sum = 0;
      for (std::uint64_t k = evidence.arc_offsets[a]; k < evidence.arc_offsets[a + 1]; ++k) {
        sum += share[evidence.arc_pairs[k]];
      }
      credit[a] = sum;
      p[a] = evidence.trials[a] > 0 ? sum / static_cast<double>(evidence.trials[a]) : 0.0;
    }, 4096);
  };
  learned.log_likelihood.push_back(expectation());
  learned.converged = false;
  Progress progress("learning (EM iterations)", options.max_iterations);
  for (std::uint32_t iteration = 1; iteration <= options.max_iterations; ++iteration) {
    progress.advance();
    maximization();
    const double previous = learned.log_likelihood.back();
    learned.log_likelihood.push_back(expectation());
    learned.iterations = iteration;
    if (learned.log_likelihood.back() - previous <= options.tolerance * std::abs(previous)) {
      learned.converged = true;
      break;
    }
  }
  learned.successes = std::move(credit);
  learned.trials = evidence.trials;
}

// lgamma_r rather than std::lgamma, which writes the global signgam: quantiles are computed on
// many threads at once.
double log_gamma(double x) {
  int sign = 0;
  return lgamma_r(x, &sign);
}

double log_beta(double a, double b) { return log_gamma(a) + log_gamma(b) - log_gamma(a + b); }

// The continued fraction of the regularized incomplete beta function (modified Lentz method).
double incomplete_beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 1000; ++m) {
    const double m2 = 2.0 * m;
    double term = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
    d = 1 + term * d;
    c = 1 + term / c;
    if (std::abs(d) < kTiny) d = kTiny;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    term = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
    d = 1 + term * d;
    c = 1 + term / c;
    if (std::abs(d) < kTiny) d = kTiny;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double step = d * c;
    h *= step;
    if (std::abs(step - 1) < 1e-12) break;
  }
  return h;
}

// I_x(a, b), the Beta(a, b) distribution function at x.
double regularized_incomplete_beta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front = std::exp(a * std::log(x) + b * std::log1p(-x) - log_beta(a, b));
  if (x < (a + 1) / (a + b + 2)) return front * incomplete_beta_fraction(a, b, x) / a;
  return 1 - front * incomplete_beta_fraction(b, a, 1 - x) / b;
}

}  // namespace

void check_learn_options(const LearnOptions& options) {
  check_window(options.window);
  if (!(options.prior_a > 0 && options.prior_b > 0 && std::isfinite(options.prior_a) &&
        std::isfinite(options.prior_b))) {
    throw UsageError("prior", fmt::format("found {},{}; expected two positive numbers A,B",
                                          options.prior_a, options.prior_b));
  }
  if (options.method == LearnMethod::kEm && options.max_iterations == 0) {
    throw UsageError("iterations", "found 0; expected at least 1");
  }
  if (!(options.tolerance >= 0 && std::isfinite(options.tolerance))) {
    throw UsageError("tolerance", fmt::format("found {}; expected a number >= 0", options.tolerance));
  }
}

LearnMethod parse_learn_method(std::string_view text) {
  if (text == "em") return LearnMethod::kEm;
  if (text == "bernoulli") return LearnMethod::kBernoulli;
  if (text == "jaccard") return LearnMethod::kJaccard;
  throw UsageError("method", fmt::format("found '{}'; expected em, bernoulli or jaccard", text));
}

std::string to_string(LearnMethod method) {
  switch (method) {
    case LearnMethod::kEm: return "em";
    case LearnMethod::kBernoulli: return "bernoulli";
    case LearnMethod::kJaccard: return "jaccard";
  }
  return "em";
}

Estimator parse_estimator(std::string_view text) {
  if (text == "mle") return Estimator::kMaximumLikelihood;
  if (text == "posterior") return Estimator::kPosteriorMean;
  throw UsageError("estimate", fmt::format("found '{}'; expected mle or posterior", text));
}

std::string to_string(Estimator estimator) {
  return estimator == Estimator::kMaximumLikelihood ? "mle" : "posterior";
}

UntriedFallback parse_untried_fallback(std::string_view text) {
  if (text == "pooled") return UntriedFallback::kPooled;
  if (text == "prior") return UntriedFallback::kPriorMean;
  throw UsageError("untried", fmt::format("found '{}'; expected pooled or prior", text));
}

std::string to_string(UntriedFallback fallback) {
  return fallback == UntriedFallback::kPooled ? "pooled" : "prior";
}

double beta_quantile(double q, double a, double b) {
  // Newton's method on I_x(a, b) = q from the normal approximation, kept inside a bracket that
  // shrinks every step (a bisection step where Newton would leave it): a few evaluations of the
  // continued fraction instead of the fifty a bisection to full precision takes.
  const double mean = a / (a + b);
  const double sd = std::sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
  const double z = q < 0.5 ? -1.959963984540054 : 1.959963984540054;  // a start for the tails
  double low = 0, high = 1;
  double x = std::clamp(mean + z * sd, 1e-12, 1 - 1e-12);
  const double log_normalizer = log_beta(a, b);
  for (int i = 0; i < 200; ++i) {
    const double f = regularized_incomplete_beta(a, b, x) - q;
    if (f < 0) low = x; else high = x;
    const double density = std::exp((a - 1) * std::log(x) + (b - 1) * std::log1p(-x) - log_normalizer);
    double next = density > 0 ? x - f / density : (low + high) / 2;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (std::abs(next - x) <= 1e-13 * x || high - low <= 1e-13 * high) return next;
    x = next;
  }
  return x;
}

LearnedProbabilities learn_probabilities(const Graph& graph, const AdoptionLog& log,
                                         const LearnOptions& options) {
  check_learn_options(options);
  const auto start = std::chrono::steady_clock::now();
  LearnedProbabilities learned;
  learned.method = options.method;
  learned.window = resolve_window(options.window, log);
  const Evidence evidence = gather_evidence(graph, log, learned.window);
  const ArcIndex m = graph.num_arcs();
  const GraphArrays& arrays = graph.arrays();
  if (options.method == LearnMethod::kEm) {
    run_em(evidence, options, learned);
  } else {
    learned.trials.assign(m, 0);
    learned.successes.assign(m, 0);
    parallel_for(0, graph.num_nodes(), [&](std::uint64_t u) {
      for (ArcIndex a = arrays.out_offsets[u]; a < arrays.out_offsets[u + 1]; ++a) {
        const NodeId v = arrays.out_targets[a];
        learned.successes[a] = static_cast<double>(evidence.arc_offsets[a + 1] - evidence.arc_offsets[a]);
        learned.trials[a] = options.method == LearnMethod::kBernoulli
                                ? evidence.adopted[u]
                                : evidence.adopted[u] + evidence.adopted[v] - evidence.both[a];
      }
    });
  }
  double total_successes = 0, total_trials = 0;
  for (ArcIndex a = 0; a < m; ++a) {
    if (learned.trials[a] == 0) continue;
    ++learned.arcs_tried;
    total_successes += learned.successes[a];
    total_trials += static_cast<double>(learned.trials[a]);
  }
  learned.arcs_untried = m - learned.arcs_tried;
  const double prior_mean = options.prior_a / (options.prior_a + options.prior_b);
  learned.fallback = options.untried == UntriedFallback::kPooled && total_trials > 0
                         ? total_successes / total_trials
                         : prior_mean;
  const auto prior_low = static_cast<float>(beta_quantile(0.025, options.prior_a, options.prior_b));
  const auto prior_high = static_cast<float>(beta_quantile(0.975, options.prior_a, options.prior_b));
  learned.probability.assign(m, static_cast<float>(learned.fallback));
  learned.low.assign(m, prior_low);
  learned.high.assign(m, prior_high);
  parallel_for(0, m, [&](std::uint64_t a) {
    const auto trials = static_cast<double>(learned.trials[a]);
    if (trials == 0) return;
    const double successes = std::min(learned.successes[a], trials);
    const double alpha = options.prior_a + successes, beta = options.prior_b + trials - successes;
    learned.probability[a] = static_cast<float>(
        options.estimate == Estimator::kPosteriorMean ? alpha / (alpha + beta) : successes / trials);
    learned.low[a] = static_cast<float>(beta_quantile(0.025, alpha, beta));
    learned.high[a] = static_cast<float>(beta_quantile(0.975, alpha, beta));
  }, 256);
  learned.items = log.num_items();
  learned.background.assign(graph.num_nodes(), 0);
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    learned.background[v] =
        learned.items > 0 ? static_cast<double>(evidence.no_parent[v]) / static_cast<double>(learned.items) : 0;
  }
  learned.outside_background.assign(log.outside_labels.size(), 0);
  for (const Adoption& a : log.adoptions) {
    if (a.user == kOutsideGraph) learned.outside_background[a.outside] += 1;
  }
  for (double& rate : learned.outside_background) rate /= static_cast<double>(std::max<std::uint64_t>(learned.items, 1));
  learned.adoptions = log.adoptions.size();
  learned.explained_by_graph = evidence.event_offsets.size() - 1;
  learned.background_adoptions = learned.adoptions - learned.explained_by_graph;
  learned.possible_parents = evidence.parent_arcs.size();
  learned.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return learned;
}

}  // namespace cascade

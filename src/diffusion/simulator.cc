#include "cascade/diffusion/simulator.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cascade/diffusion/complex_contagion.h"
#include "cascade/diffusion/independent_cascade.h"
#include "cascade/diffusion/linear_threshold.h"
#include "cascade/diffusion/positive_negative.h"
#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/progress.h"

namespace cascade {
namespace {

__extension__ using Wide = unsigned __int128;

// Integer sums: exact, so the order in which threads add them does not matter.
struct Moments {
  std::uint64_t sum = 0;
  Wide sum_squares = 0;
  void add(std::uint64_t x) {
    sum += x;
    sum_squares += static_cast<Wide>(x) * x;
  }
  void merge(const Moments& other) {
    sum += other.sum;
    sum_squares += other.sum_squares;
  }
  Estimate estimate(std::uint64_t runs) const {
    Estimate e;
    if (runs == 0) return e;
    const double n = static_cast<double>(runs);
    e.mean = static_cast<double>(sum) / n;
    if (runs > 1) {
      // Var = (sum x^2 - (sum x)^2 / n) / (n - 1), computed exactly in integers first.
      const Wide scaled = sum_squares * runs - static_cast<Wide>(sum) * sum;
      const double variance = static_cast<double>(scaled) / (n * (n - 1));
      e.standard_error = std::sqrt(std::max(0.0, variance) / n);
    }
    // Every per-run quantity here is a count: the interval never reaches below 0.
    e.low = std::max(0.0, e.mean - 1.96 * e.standard_error);
    e.high = e.mean + 1.96 * e.standard_error;
    return e;
  }
};

// Mean, standard error and mean -/+ 1.96 standard errors (low end at 0) of per-run values,
// summed in run order.
Estimate mean_estimate(const std::vector<double>& values) {
  Estimate e;
  if (values.empty()) return e;
  const double runs = static_cast<double>(values.size());
  double sum = 0;
  for (const double x : values) sum += x;
  e.mean = sum / runs;
  if (values.size() > 1) {
    double squares = 0;
    for (const double x : values) squares += (x - e.mean) * (x - e.mean);
    e.standard_error = std::sqrt(squares / (runs - 1) / runs);
  }
  e.low = std::max(0.0, e.mean - 1.96 * e.standard_error);
  e.high = e.mean + 1.96 * e.standard_error;
  return e;
}

void check_audience(const Graph& graph, std::span<const NodeId> seeds,
                    const std::vector<double>& weights, const std::vector<NodeId>& reached) {
  const NodeId n = graph.num_nodes();
  if (!weights.empty()) {
    if (weights.size() != n) {
      throw UsageError("targets", fmt::format("found {} weights; expected one per node ({})",
                                              weights.size(), n));
    }
    for (NodeId v = 0; v < n; ++v) {
      if (!(weights[v] >= 0) || !std::isfinite(weights[v])) {
        throw UsageError("targets", fmt::format("found weight {} for '{}'; expected a finite "
                                                "number >= 0",
                                                weights[v], graph.label(v)));
      }
    }
  }
  std::vector<char> mark(reached.empty() ? 0 : n, 0);
  for (const NodeId v : reached) {
    if (v >= n) {
      throw UsageError("reached", fmt::format("found node {}; expected a node id below {}", v, n));
    }
    if (mark[v]) {
      throw UsageError("reached", fmt::format("found '{}' twice; expected each person once",
                                              graph.label(v)));
    }
    mark[v] = 1;
  }
  for (const NodeId s : seeds) {
    if (!mark.empty() && mark[s]) {
      throw UsageError("reached", fmt::format("found seed '{}' among the people already reached; "
                                              "expected seeds not yet reached",
                                              graph.label(s)));
    }
  }
}

// Per node, the messages it sends when it speaks: its out-arcs whose end is not a seed.
// O(n + arcs into the seeds).
std::vector<std::uint32_t> messages_out(const Graph& graph, std::span<const NodeId> seeds) {
  const NodeId n = graph.num_nodes();
  std::vector<std::uint32_t> messages(n);
  for (NodeId u = 0; u < n; ++u) messages[u] = static_cast<std::uint32_t>(graph.out_degree(u));
  std::vector<char> seen(n, 0);
  for (const NodeId s : seeds) {
    if (seen[s]) continue;  // a repeated seed's in-arcs are counted once
    seen[s] = 1;
    for (const NodeId u : graph.in_neighbors(s)) --messages[u];
  }
  return messages;
}

struct ThreadTotals {
  explicit ThreadTotals(NodeId n, bool per_node) : workspace(n), reached_count(per_node ? n : 0) {}
  RunWorkspace workspace;
  RunOutcome outcome;  // reused by every run of the thread
  Moments reach, positive, negative, outside;
  Moments impressions, positive_impressions, negative_impressions;
  std::vector<Moments> per_step;
  std::vector<Moments> by_step;  // reach so far at step s, runs still going at s
  std::vector<Moments> ended;    // [l]: final reach of the runs that lasted l steps
  std::vector<std::uint32_t> reached_count;
  std::uint64_t arcs_examined = 0;
};

}  // namespace

void check_simulation(const Graph& graph, const DiffusionModel& model,
                      std::span<const NodeId> seeds) {
  check_model(graph, model);
  if (seeds.empty()) throw UsageError("seeds", "found none; expected at least one seed");
  for (const NodeId seed : seeds) {
    if (seed >= graph.num_nodes()) throw UsageError("seeds", "found a node id out of range");
  }
}

void check_model(const Graph& graph, const DiffusionModel& model) {
  validate(model);
  if (model.needs_probabilities() && !graph.has_probabilities()) {
    throw UsageError("prob", fmt::format("found none; expected a probability scheme, which model "
                                         "{} needs",
                                         model.to_string()));
  }
  if (model.kind == ModelKind::kLinearThreshold) {
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      double total = 0;
      for (const float p : graph.in_probabilities(v)) total += p;
      if (total > 1.0 + 1e-5) {
        throw UsageError("prob", fmt::format(
            "{}: under model lt the weights into node {} sum to {:.6g}; expected at most 1 (use "
            "wc or weight-normalized)",
            graph.probability_scheme(), graph.label(v), total));
      }
    }
  }
}

RunOutcome run_once(const Graph& graph, const DiffusionModel& model, std::span<const NodeId> seeds,
                    std::uint64_t seed, std::uint64_t run, RunWorkspace& workspace,
                    std::vector<Activation>* trace) {
  RunOutcome outcome;
  run_once(graph, model, seeds, seed, run, workspace, outcome, trace);
  return outcome;
}

void run_once(const Graph& graph, const DiffusionModel& model, std::span<const NodeId> seeds,
              std::uint64_t seed, std::uint64_t run, RunWorkspace& workspace, RunOutcome& outcome,
              std::vector<Activation>* trace) {
  const RunRandomness random(seed, run);
  switch (model.kind) {
    case ModelKind::kIndependentCascade:
      run_independent_cascade(graph, model, seeds, random, workspace, outcome, trace);
      break;
    case ModelKind::kLinearThreshold:
      run_linear_threshold(graph, model, seeds, random, workspace, outcome, trace);
      break;
    case ModelKind::kComplexContagion:
      run_complex_contagion(graph, model, seeds, random, workspace, outcome, trace);
      break;
    case ModelKind::kPositiveNegative:
      run_positive_negative(graph, model, seeds, random, workspace, outcome, trace);
      break;
  }
}

Estimate proportion_estimate(std::uint64_t successes, std::uint64_t trials, double scale) {
  if (trials == 0 || successes > trials) {
    throw UsageError(fmt::format("proportion_estimate: found {} successes in {} trials; expected "
                                 "at least one trial and at most as many successes",
                                 successes, trials));
  }
  constexpr double z = 1.96;
  const double t = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / t;
  const double denominator = 1 + z * z / t;
  const double center = (p + z * z / (2 * t)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / t + z * z / (4 * t * t)) / denominator;
  Estimate e;
  e.mean = scale * p;
  e.standard_error = scale * std::sqrt(p * (1 - p) / t);
  e.low = scale * std::max(0.0, center - half);   // rounding only: center >= half in exact terms
  e.high = scale * std::min(1.0, center + half);
  return e;
}

SimulationResult simulate(const Graph& graph, const DiffusionModel& model,
                          std::span<const NodeId> seeds, const SimulationOptions& options) {
  check_simulation(graph, model, seeds);
  if (options.relative_error < 0 || (options.relative_error == 0 && options.runs == 0)) {
    throw UsageError("expected at least one run, or a positive relative error");
  }
  const NodeId n = graph.num_nodes();
  const bool targeted = !options.target_weights.empty();
  check_audience(graph, seeds, options.target_weights, options.reached);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::uint32_t> messages = messages_out(graph, seeds);
  // With a deadline T, the people reached at step T (the last new_per_step entry when the steps
  // ran to T) do not speak: they would at T + 1.
  const std::size_t last_step = model.has_deadline() ? std::size_t{model.deadline} + 1 : 0;
  SimulationResult result;
  std::vector<std::unique_ptr<ThreadTotals>> totals(static_cast<std::size_t>(num_threads()));
  std::vector<std::uint32_t> reach_of_run;
  std::vector<double> audience_of_run;  // with targets: each run's weighted reach inside

  Progress progress("simulating", options.relative_error > 0 ? 0 : options.runs);
  auto run_batch = [&](std::uint64_t begin, std::uint64_t end) {
    check_interrupt();
    reach_of_run.resize(end);
    if (targeted) audience_of_run.resize(end);
    parallel_for(begin, end, [&](std::uint64_t run) {
      auto& mine = totals[static_cast<std::size_t>(thread_index())];
      if (!mine) {
        mine = std::make_unique<ThreadTotals>(n, options.node_probabilities);
        mine->workspace.set_spent(options.reached);
      }
      std::vector<Activation>* trace = options.trace_first_run && run == 0 ? &result.trace : nullptr;
      RunOutcome& outcome = mine->outcome;
      run_once(graph, model, seeds, options.seed, run, mine->workspace, outcome, trace);
      reach_of_run[run] = outcome.reached;
      progress.advance();
      mine->reach.add(outcome.reached);
      mine->positive.add(outcome.reached - outcome.negative);
      mine->negative.add(outcome.negative);
      if (mine->per_step.size() < outcome.new_per_step.size()) {
        mine->per_step.resize(outcome.new_per_step.size());
      }
      if (mine->by_step.size() < outcome.new_per_step.size()) {
        mine->by_step.resize(outcome.new_per_step.size());
        mine->ended.resize(outcome.new_per_step.size() + 1);
      }
      std::uint64_t so_far = 0;
      for (std::size_t s = 0; s < outcome.new_per_step.size(); ++s) {
        mine->per_step[s].add(outcome.new_per_step[s]);
        so_far += outcome.new_per_step[s];
        mine->by_step[s].add(so_far);
      }
      mine->ended[outcome.new_per_step.size()].add(so_far);
      mine->arcs_examined += outcome.arcs_examined;
      {
        const std::vector<NodeId>& reached = mine->workspace.reached;  // in order of steps
        std::size_t speakers = reached.size();
        if (outcome.new_per_step.size() == last_step) speakers -= outcome.new_per_step.back();
        std::uint64_t told[2] = {0, 0};  // by positive, negative speakers
        for (std::size_t i = 0; i < speakers; ++i) {
          const NodeId v = reached[i];
          told[static_cast<int>(mine->workspace.sentiment(v))] += messages[v];
        }
        mine->impressions.add(told[0] + told[1]);
        mine->positive_impressions.add(told[0]);
        mine->negative_impressions.add(told[1]);
      }
      if (options.node_probabilities) {
        for (const NodeId v : mine->workspace.reached) ++mine->reached_count[v];
      }
      if (targeted) {
        double inside = 0;
        std::uint64_t outside = 0;
        for (const NodeId v : mine->workspace.reached) {
          const double w = options.target_weights[v];
          inside += w;
          outside += w > 0 ? 0 : 1;
        }
        audience_of_run[run] = inside;
        mine->outside.add(outside);
      }
    }, 16);
  };
  auto total_reach = [&] {
    Moments all;
    for (const auto& t : totals) {
      if (t) all.merge(t->reach);
    }
    return all;
  };

  if (options.relative_error > 0) {
    std::uint64_t done = 0, batch = 1000;
    result.converged = false;
    while (done < options.max_runs) {
      const std::uint64_t end = std::min(options.max_runs, done + batch);
      run_batch(done, end);
      if (done > 0) batch *= 2;
      done = end;
      const Estimate e = total_reach().estimate(done);
      if (1.96 * e.standard_error <= options.relative_error * e.mean) {
        result.converged = true;
        break;
      }
    }
    result.runs = done;
  } else {
    // In batches only so that a long simulation can be interrupted between them: every total is
    // an integer sum over runs, the same however the runs are split.
    constexpr std::uint64_t kInterruptBatch = 1 << 10;
    for (std::uint64_t begin = 0; begin < options.runs; begin += kInterruptBatch) {
      run_batch(begin, std::min(options.runs, begin + kInterruptBatch));
    }
    result.runs = options.runs;
  }

  Moments reach, negative, positive, outside, impressions, positive_impressions,
      negative_impressions;
  std::vector<Moments> per_step, by_step, ended;
  std::vector<std::uint64_t> counts(options.node_probabilities ? n : 0, 0);
  for (const auto& t : totals) {
    if (!t) continue;
    reach.merge(t->reach);
    positive.merge(t->positive);
    negative.merge(t->negative);
    outside.merge(t->outside);
    impressions.merge(t->impressions);
    positive_impressions.merge(t->positive_impressions);
    negative_impressions.merge(t->negative_impressions);
    if (per_step.size() < t->per_step.size()) per_step.resize(t->per_step.size());
    for (std::size_t s = 0; s < t->per_step.size(); ++s) per_step[s].merge(t->per_step[s]);
    if (by_step.size() < t->by_step.size()) by_step.resize(t->by_step.size());
    for (std::size_t s = 0; s < t->by_step.size(); ++s) by_step[s].merge(t->by_step[s]);
    if (ended.size() < t->ended.size()) ended.resize(t->ended.size());
    for (std::size_t s = 0; s < t->ended.size(); ++s) ended[s].merge(t->ended[s]);
    result.arcs_examined += t->arcs_examined;
    for (std::size_t v = 0; v < counts.size(); ++v) counts[v] += t->reached_count[v];
  }
  result.reach = reach.estimate(result.runs);
  // Every run reaches every seed: the interval of the reach never goes below their number.
  if (!per_step.empty()) {
    const double seeds_reached = static_cast<double>(per_step[0].sum) / static_cast<double>(result.runs);
    result.reach.low = std::max(result.reach.low, seeds_reached);
  }
  result.positive = positive.estimate(result.runs);
  result.negative = negative.estimate(result.runs);
  result.impressions = impressions.estimate(result.runs);
  result.positive_impressions = positive_impressions.estimate(result.runs);
  result.negative_impressions = negative_impressions.estimate(result.runs);
  for (const Moments& m : per_step) result.new_per_step.push_back(m.estimate(result.runs));
  {
    // Runs still going at step s add their reach so far; runs that ended (after l <= s steps) add
    // their final reach.
    Moments finished;
    for (std::size_t s = 0; s < by_step.size(); ++s) {
      if (s < ended.size()) finished.merge(ended[s]);
      Moments at = by_step[s];
      at.merge(finished);
      result.reached_by_step.push_back(at.estimate(result.runs));
    }
  }
  if (options.node_probabilities) {
    result.node_probability.resize(n);
    for (NodeId v = 0; v < n; ++v) {
      result.node_probability[v] = static_cast<double>(counts[v]) / static_cast<double>(result.runs);
    }
  }
  if (targeted) {
    double seeds_inside = 0;
    for (const NodeId v : seeds) seeds_inside += options.target_weights[v];
    result.audience = mean_estimate(audience_of_run);
    result.audience.low = std::max(result.audience.low, seeds_inside);
    result.outside_audience = outside.estimate(result.runs);
  }
  std::sort(reach_of_run.begin(), reach_of_run.end());
  auto percentile = [&](double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(reach_of_run.size())));
    return reach_of_run[std::max<std::size_t>(rank, 1) - 1];
  };
  result.percentile5 = percentile(0.05);
  result.median = percentile(0.50);
  result.percentile95 = percentile(0.95);
  result.reach_of_run = std::move(reach_of_run);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace cascade

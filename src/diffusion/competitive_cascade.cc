#include "cascade/diffusion/competitive_cascade.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

enum : char { kRumorLabel = 1, kProtectorLabel = 2 };

struct Workspace {
  std::vector<std::uint32_t> stamp;  // == epoch: reached in this search
  std::vector<std::uint32_t> step;   // the step it was reached at
  std::vector<char> label;
  std::vector<NodeId> reached, frontier, next;
  std::uint32_t epoch = 0;
  void begin(NodeId n) {
    if (stamp.empty()) {
      stamp.assign(n, 0);
      step.assign(n, 0);
      label.assign(n, 0);
    }
    if (++epoch == 0) {
      std::fill(stamp.begin(), stamp.end(), 0);
      epoch = 1;
    }
    reached.clear();
    frontier.clear();
  }
};

// One search from both sides in the world `live`; returns (rumor, protected) counts.
template <typename Live>
std::pair<std::uint32_t, std::uint32_t> compete(const Graph& graph, std::span<const NodeId> rumor,
                                                std::span<const NodeId> protectors, TieRule tie,
                                                const Live& live, Workspace& w) {
  w.begin(graph.num_nodes());
  const char winner = tie == TieRule::kProtector ? kProtectorLabel : kRumorLabel;
  auto start = [&](NodeId v, char label) {
    w.stamp[v] = w.epoch;
    w.step[v] = 0;
    w.label[v] = label;
    w.frontier.push_back(v);
    w.reached.push_back(v);
  };
  for (const NodeId v : rumor) start(v, kRumorLabel);
  for (const NodeId v : protectors) start(v, kProtectorLabel);
  const auto& offsets = graph.arrays().out_offsets;
  for (std::uint32_t step = 1; !w.frontier.empty(); ++step) {
    w.next.clear();
    for (const NodeId u : w.frontier) {
      const auto targets = graph.out_neighbors(u);
      const auto probabilities = graph.out_probabilities(u);
      const ArcIndex first = offsets[u];
      for (std::size_t i = 0; i < targets.size(); ++i) {
        const NodeId v = targets[i];
        // Only arcs into people not reached before this step can matter: skip the coin otherwise.
        if (w.stamp[v] == w.epoch && w.step[v] != step) continue;
        if (w.stamp[v] == w.epoch && w.label[v] == w.label[u]) continue;
        if (!live(first + i, probabilities[i])) continue;
        if (w.stamp[v] != w.epoch) {
          w.stamp[v] = w.epoch;
          w.step[v] = step;
          w.label[v] = w.label[u];
          w.next.push_back(v);
          w.reached.push_back(v);
        } else {
          w.label[v] = winner;  // both messages arrive at this step
        }
      }
    }
    std::swap(w.frontier, w.next);
  }
  std::uint32_t rumor_count = 0, protected_count = 0;
  for (const NodeId v : w.reached) {
    (w.label[v] == kRumorLabel ? rumor_count : protected_count) += 1;
  }
  return {rumor_count, protected_count};
}

template <typename Live>
CompetitiveOutcome outcome_in(const Graph& graph, std::span<const NodeId> rumor,
                              std::span<const NodeId> protectors, TieRule tie, const Live& live,
                              Workspace& w) {
  CompetitiveOutcome out;
  out.rumor_alone = compete(graph, rumor, {}, tie, live, w).first;
  const auto [r, p] = compete(graph, rumor, protectors, tie, live, w);
  out.rumor = r;
  out.protected_people = p;
  return out;
}

// Mean -/+ 1.96 standard errors of per-run counts, summed in run order, the low end at `floor`.
Estimate mean_estimate(const std::vector<double>& values, double floor) {
  Estimate e;
  const double runs = static_cast<double>(values.size());
  double sum = 0;
  for (const double x : values) sum += x;
  e.mean = sum / runs;
  double squares = 0;
  for (const double x : values) squares += (x - e.mean) * (x - e.mean);
  e.standard_error = values.size() > 1 ? std::sqrt(squares / (runs - 1) / runs) : 0;
  e.low = std::max(floor, e.mean - 1.96 * e.standard_error);
  e.high = e.mean + 1.96 * e.standard_error;
  return e;
}

}  // namespace

TieRule parse_tie_rule(const std::string& text) {
  if (text == "protector") return TieRule::kProtector;
  if (text == "rumor") return TieRule::kRumor;
  throw UsageError("tie", fmt::format("found '{}'; expected protector or rumor (who wins when "
                                      "both messages reach someone at the same step)",
                                      text));
}

const char* to_string(TieRule tie) { return tie == TieRule::kProtector ? "protector" : "rumor"; }

void check_competition(const Graph& graph, std::span<const NodeId> rumor,
                       std::span<const NodeId> protectors) {
  if (!graph.has_probabilities()) {
    throw UsageError("model", "competitive ic needs arc probabilities; expected a probability "
                              "scheme (prob)");
  }
  if (rumor.empty()) {
    throw UsageError("against", "found nobody; expected at least one person spreading the rumor");
  }
  const NodeId n = graph.num_nodes();
  std::vector<char> side(n, 0);
  for (const NodeId v : rumor) {
    if (v >= n) {
      throw UsageError("against", fmt::format("found node {}; expected a node id below {}", v, n));
    }
    if (side[v] != 0) {
      throw UsageError("against", fmt::format("found {} twice; expected each person once",
                                              graph.label(v)));
    }
    side[v] = 1;
  }
  for (const NodeId v : protectors) {
    if (v >= n) {
      throw UsageError("seeds", fmt::format("found node {}; expected a node id below {}", v, n));
    }
    if (side[v] == 2) {
      throw UsageError("seeds", fmt::format("found {} twice; expected each person once",
                                            graph.label(v)));
    }
    if (side[v] == 1) {
      throw UsageError("seeds", fmt::format("found {}, who already spreads the rumor (against); "
                                            "expected protectors outside it",
                                            graph.label(v)));
    }
    side[v] = 2;
  }
}

CompetitiveOutcome competitive_run(const Graph& graph, std::span<const NodeId> rumor,
                                   std::span<const NodeId> protectors, TieRule tie,
                                   std::uint64_t seed, StreamPurpose purpose, std::uint64_t run) {
  check_competition(graph, rumor, protectors);
  Workspace w;
  auto live = [&](ArcIndex a, float p) { return hashed_uniform(seed, purpose, run, a) < p; };
  return outcome_in(graph, rumor, protectors, tie, live, w);
}

CompetitiveOutcome competitive_outcome(const Graph& graph, std::span<const NodeId> rumor,
                                       std::span<const NodeId> protectors, TieRule tie,
                                       const std::vector<char>& live) {
  check_competition(graph, rumor, protectors);
  if (live.size() != graph.num_arcs()) {
    throw UsageError(fmt::format("live: found {} arcs; expected {}", live.size(),
                                 graph.num_arcs()));
  }
  Workspace w;
  auto is_live = [&](ArcIndex a, float) { return live[a] != 0; };
  return outcome_in(graph, rumor, protectors, tie, is_live, w);
}

CompetitiveResult simulate_competitive(const Graph& graph, std::span<const NodeId> rumor,
                                       std::span<const NodeId> protectors,
                                       const CompetitiveOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  check_competition(graph, rumor, protectors);
  if (options.runs == 0) throw UsageError("runs", "found 0; expected at least 1");
  std::vector<CompetitiveOutcome> outcomes(options.runs);
  std::vector<Workspace> workspaces(static_cast<std::size_t>(num_threads()));
  parallel_for(0, options.runs, [&](std::uint64_t r) {
    Workspace& w = workspaces[static_cast<std::size_t>(thread_index())];
    // hashed_uniform(seed, purpose, r, a), with the run's key computed once, not per arc.
    const std::uint64_t key = stream_key(options.seed, options.purpose, r);
    auto live = [&](ArcIndex a, float p) {
      return static_cast<double>(mix64(key ^ mix64(a)) >> 11) * 0x1.0p-53 < p;
    };
    outcomes[r] = outcome_in(graph, rumor, protectors, options.tie, live, w);
  });
  CompetitiveResult result;
  result.runs = options.runs;
  std::vector<double> alone(options.runs), with(options.runs), saved(options.runs),
      protected_people(options.runs);
  for (std::uint64_t r = 0; r < options.runs; ++r) {
    alone[r] = outcomes[r].rumor_alone;
    with[r] = outcomes[r].rumor;
    saved[r] = static_cast<double>(outcomes[r].rumor_alone) - outcomes[r].rumor;
    protected_people[r] = outcomes[r].protected_people;
  }
  const double seeds = static_cast<double>(rumor.size());
  result.rumor_alone = mean_estimate(alone, seeds);
  result.rumor = mean_estimate(with, seeds);
  result.saved = mean_estimate(saved, 0);
  result.protected_people = mean_estimate(protected_people, static_cast<double>(protectors.size()));
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace cascade

#include "cascade/seeding/celf.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <numeric>
#include <queue>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/text.h"
#include "cascade/interrupt.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

// Total reach over runs 0..runs-1 of the model from `seeds` (an integer: exact, order-free).
class SpreadOracle {
 public:
  SpreadOracle(const Graph& graph, const DiffusionModel& model, std::uint64_t runs, std::uint64_t seed)
      : graph_(graph), model_(model), runs_(runs), seed_(seed),
        workspaces_(static_cast<std::size_t>(num_threads())),
        outcomes_(workspaces_.size()) {}

  std::uint64_t total_reach(const std::vector<NodeId>& seeds) {
    check_interrupt();
    std::vector<std::uint64_t> per_thread(workspaces_.size(), 0);
    parallel_for(0, runs_, [&](std::uint64_t r) {
      const auto t = static_cast<std::size_t>(thread_index());
      if (!workspaces_[t]) workspaces_[t] = std::make_unique<RunWorkspace>(graph_.num_nodes());
      run_once(graph_, model_, seeds, seed_, r, *workspaces_[t], outcomes_[t]);
      per_thread[t] += outcomes_[t].reached;
    }, 8);
    ++evaluations_;
    return std::accumulate(per_thread.begin(), per_thread.end(), std::uint64_t{0});
  }
  std::uint64_t evaluations() const { return evaluations_; }

 private:
  const Graph& graph_;
  const DiffusionModel& model_;
  std::uint64_t runs_, seed_;
  std::vector<std::unique_ptr<RunWorkspace>> workspaces_;
  std::vector<RunOutcome> outcomes_;  // per thread, reused by every run
  std::uint64_t evaluations_ = 0;
};

struct Candidate {
  NodeId node;
  std::uint32_t rank;       // position in the candidate list: ties go to the earlier one
  std::int64_t gain;        // mg1: marginal total reach given the seeds when last evaluated
  NodeId previous_best;     // the best candidate at the time of that evaluation
  std::int64_t gain_after;  // mg2: marginal total reach given seeds + previous_best
  std::uint32_t round;      // size of the seed set when mg1 was computed
};

struct Order {
  bool operator()(const Candidate& a, const Candidate& b) const {
    return a.gain != b.gain ? a.gain < b.gain : a.rank > b.rank;  // max gain, then earliest
  }
};

constexpr NodeId kNone = std::numeric_limits<NodeId>::max();

}  // namespace

SeedSelection celf_plus_plus(const Graph& graph, const DiffusionModel& model,
                             const CelfOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  check_model(graph, model);
  if (options.k < 1 || options.k > graph.num_nodes()) {
    throw UsageError("k", fmt::format("found {}; expected 1 to {} (the number of nodes)", options.k,
                                 graph.num_nodes()));
  }
  if (options.runs < 1) throw UsageError("runs", "found 0; expected at least 1");
  std::vector<NodeId> candidates = options.candidates;
  if (candidates.empty()) {
    // Everyone, by decreasing out-degree: where marginal gains tie (under complex contagion a
    // single seed often convinces nobody), the better-connected person goes first.
    candidates.resize(graph.num_nodes());
    std::iota(candidates.begin(), candidates.end(), NodeId{0});
    std::stable_sort(candidates.begin(), candidates.end(), [&](NodeId a, NodeId b) {
      return graph.out_degree(a) > graph.out_degree(b);
    });
  }
  {
    std::vector<char> listed(graph.num_nodes(), 0);
    for (const NodeId v : candidates) {
      if (v >= graph.num_nodes() || listed[v]) {
        throw UsageError(fmt::format("candidates: found node {} {}; expected distinct nodes below {}",
                                     v, v >= graph.num_nodes() ? "out of range" : "twice",
                                     graph.num_nodes()));
      }
      listed[v] = 1;
    }
  }
  if (candidates.size() < options.k) {
    throw UsageError("candidates", fmt::format("found {}; expected at least k = {}", candidates.size(),
                                 options.k));
  }
  SpreadOracle oracle(graph, model, options.runs, options.seed);
  std::vector<NodeId> seeds;
  std::int64_t current = 0;  // total reach of `seeds`

  // First round: every candidate alone, and (CELF++) with the best one seen before it.
  std::priority_queue<Candidate, std::vector<Candidate>, Order> queue;
  NodeId best = kNone;
  std::int64_t best_gain = -1;
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const NodeId v = candidates[i];
    Candidate c{v, i, static_cast<std::int64_t>(oracle.total_reach({v})), best, 0, 0};
    if (best != kNone) {
      c.gain_after = static_cast<std::int64_t>(oracle.total_reach({best, v})) - best_gain;
    }
    if (c.gain > best_gain) {  // ties keep the earlier candidate
      best = v;
      best_gain = c.gain;
    }
    queue.push(c);
  }

  SeedSelection result;
  result.algorithm = "celf++";
  NodeId last_seed = kNone;
  NodeId round_best = kNone;  // best candidate evaluated in this round
  std::uint32_t round_best_rank = 0;
  std::int64_t round_best_gain = -1;
  while (seeds.size() < options.k && !queue.empty()) {
    Candidate c = queue.top();
    queue.pop();
    const auto round = static_cast<std::uint32_t>(seeds.size());
    if (c.round == round) {
      seeds.push_back(c.node);
      result.marginal_gain.push_back(static_cast<double>(c.gain) / static_cast<double>(options.runs));
      current += c.gain;
      last_seed = c.node;
      round_best = kNone;
      round_best_gain = -1;
      continue;
    }
    if (c.previous_best == last_seed && last_seed != kNone && c.round + 1 == round) {
      c.gain = c.gain_after;  // CELF++: already evaluated with the seed just added
    } else {
      std::vector<NodeId> with = seeds;
      with.push_back(c.node);
      c.gain = static_cast<std::int64_t>(oracle.total_reach(with)) - current;
      c.previous_best = round_best;
      if (round_best != kNone) {
        // sigma(S + best) = current + round_best_gain: evaluated earlier in this round.
        with.push_back(round_best);
        c.gain_after = static_cast<std::int64_t>(oracle.total_reach(with)) - current -
                       round_best_gain;
      }
    }
    c.round = round;
    if (c.gain > round_best_gain || (c.gain == round_best_gain && c.rank < round_best_rank)) {
      round_best = c.node;
      round_best_rank = c.rank;
      round_best_gain = c.gain;
    }
    queue.push(c);
  }
  result.seeds = seeds;
  result.estimated_spread = static_cast<double>(current) / static_cast<double>(options.runs);
  result.simulations = oracle.evaluations() * options.runs;
  result.phases = {{"greedy by simulation",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()}};
  result.notes.push_back(fmt::format("{} spread evaluations of {} runs each over {} candidates",
                                     group_digits(oracle.evaluations()), group_digits(options.runs),
                                     group_digits(candidates.size())));
  // Gains are ties at 0 once the seeds reach every remaining candidate in every run: the queue
  // then yields them in candidate order, by default the fill rule's (out-degree, then id).
  const auto filled = static_cast<std::uint32_t>(
      std::count(result.marginal_gain.begin(), result.marginal_gain.end(), 0.0));
  if (filled > 0) {
    result.notes.push_back(options.candidates.empty()
                               ? filled_note(filled)
                               : fmt::format("{} seed{} added nothing in any run (every remaining "
                                             "marginal gain was 0): taken in candidate order",
                                             filled, filled == 1 ? "" : "s"));
  }
  return result;
}

}  // namespace cascade

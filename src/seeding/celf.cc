#include "cascade/seeding/celf.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
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

// Totals over runs 0..runs-1 of the model from a seed set (integers: exact, order-free).
struct Totals {
  std::int64_t reached = 0, negative = 0;
  std::int64_t positive() const { return reached - negative; }
};

// Total reach (and its negative part) over the same runs for every seed set, and the objective
// the greedy maximizes: the reach, or under a model with sentiment positive - L x negative.
class SpreadOracle {
 public:
  SpreadOracle(const Graph& graph, const DiffusionModel& model, std::uint64_t runs,
               std::uint64_t seed, double negative_weight)
      : graph_(graph), model_(model), runs_(runs), seed_(seed),
        sentiment_(model.has_sentiment()), negative_weight_(negative_weight),
        workspaces_(static_cast<std::size_t>(num_threads())),
        outcomes_(workspaces_.size()) {}

  Totals totals(const std::vector<NodeId>& seeds) {
    check_interrupt();
    std::vector<Totals> per_thread(workspaces_.size());
    parallel_for(0, runs_, [&](std::uint64_t r) {
      const auto t = static_cast<std::size_t>(thread_index());
      if (!workspaces_[t]) workspaces_[t] = std::make_unique<RunWorkspace>(graph_.num_nodes());
      run_once(graph_, model_, seeds, seed_, r, *workspaces_[t], outcomes_[t]);
      per_thread[t].reached += outcomes_[t].reached;
      per_thread[t].negative += outcomes_[t].negative;
    }, 8);
    ++evaluations_;
    Totals sum;
    for (const Totals& t : per_thread) {
      sum.reached += t.reached;
      sum.negative += t.negative;
    }
    return sum;
  }
  // The objective of a seed set's totals: exact sums of integers, then one multiplication.
  double objective(const Totals& t) const {
    return sentiment_ ? static_cast<double>(t.positive()) -
                            negative_weight_ * static_cast<double>(t.negative)
                      : static_cast<double>(t.reached);
  }
  double total(const std::vector<NodeId>& seeds) { return objective(totals(seeds)); }
  std::uint64_t evaluations() const { return evaluations_; }

 private:
  const Graph& graph_;
  const DiffusionModel& model_;
  std::uint64_t runs_, seed_;
  bool sentiment_;
  double negative_weight_;
  std::vector<std::unique_ptr<RunWorkspace>> workspaces_;
  std::vector<RunOutcome> outcomes_;  // per thread, reused by every run
  std::uint64_t evaluations_ = 0;
};

struct Candidate {
  NodeId node;
  std::uint32_t rank;       // position in the candidate list: ties go to the earlier one
  double gain;              // mg1: marginal total objective given the seeds when last evaluated
  NodeId previous_best;     // the best candidate at the time of that evaluation
  double gain_after;        // mg2: marginal total objective given seeds + previous_best
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
  if (!(options.negative_weight >= 0) || !std::isfinite(options.negative_weight)) {
    throw UsageError("neg_weight", fmt::format("found {}; expected a number at least 0",
                                               options.negative_weight));
  }
  const bool sentiment = model.has_sentiment();
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
  SpreadOracle oracle(graph, model, options.runs, options.seed, options.negative_weight);
  std::vector<NodeId> seeds;
  double current = 0;         // total objective of `seeds`
  Totals current_totals;      // their totals

  // First round: every candidate alone, and (CELF++) with the best one seen before it.
  std::priority_queue<Candidate, std::vector<Candidate>, Order> queue;
  NodeId best = kNone;
  double best_gain = -std::numeric_limits<double>::infinity();
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const NodeId v = candidates[i];
    Candidate c{v, i, oracle.total({v}), best, 0, 0};
    if (best != kNone) c.gain_after = oracle.total({best, v}) - best_gain;
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
  constexpr double kNoGain = -std::numeric_limits<double>::infinity();
  double round_best_gain = kNoGain;
  const auto runs = static_cast<double>(options.runs);
  bool stopped = false;
  while (seeds.size() < options.k && !queue.empty()) {
    Candidate c = queue.top();
    queue.pop();
    const auto round = static_cast<std::uint32_t>(seeds.size());
    if (c.round == round) {
      if (sentiment && !(c.gain > 0)) {  // the best adds nothing: a seed must earn its place
        stopped = true;
        break;
      }
      seeds.push_back(c.node);
      result.marginal_gain.push_back(c.gain / runs);
      current += c.gain;
      if (sentiment) {
        const Totals with = oracle.totals(seeds);
        result.positive_gain.push_back(static_cast<double>(with.positive() - current_totals.positive()) / runs);
        result.negative_gain.push_back(static_cast<double>(with.negative - current_totals.negative) / runs);
        current_totals = with;
      }
      last_seed = c.node;
      round_best = kNone;
      round_best_gain = kNoGain;
      continue;
    }
    if (c.previous_best == last_seed && last_seed != kNone && c.round + 1 == round) {
      c.gain = c.gain_after;  // CELF++: already evaluated with the seed just added
    } else {
      std::vector<NodeId> with = seeds;
      with.push_back(c.node);
      c.gain = oracle.total(with) - current;
      c.previous_best = round_best;
      if (round_best != kNone) {
        // sigma(S + best) = current + round_best_gain: evaluated earlier in this round.
        with.push_back(round_best);
        c.gain_after = oracle.total(with) - current - round_best_gain;
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
  result.estimated_spread = current / runs;
  if (stopped) {
    result.notes.push_back(fmt::format(
        "stopped at {} of {} seeds: nobody left adds to positive reach{} (a seed must add more "
        "positive word than it costs)",
        seeds.size(), options.k,
        options.negative_weight > 0 ? fmt::format(" - {:g} x negative reach", options.negative_weight)
                                    : std::string()));
  }
  result.simulations = oracle.evaluations() * options.runs;
  result.phases = {{"greedy by simulation",
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()}};
  result.notes.push_back(fmt::format("{} spread evaluations of {} runs each over {} candidates",
                                     group_digits(oracle.evaluations()), group_digits(options.runs),
                                     group_digits(candidates.size())));
  // Gains are ties at 0 once the seeds reach every remaining candidate in every run: the queue
  // then yields them in candidate order, by default the fill rule's (out-degree, then id).
  const auto filled = sentiment ? 0u : static_cast<std::uint32_t>(
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

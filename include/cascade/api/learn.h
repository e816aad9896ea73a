// Learning influence probabilities from an adoption log, for every front end: one request in, one
// result out, every field checked by the library (UsageError naming the field), as in requests.h.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cascade/campaign/adoption_log.h"
#include "cascade/campaign/held_out.h"
#include "cascade/campaign/learn_probabilities.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct LearnRequest {
  std::string log;                     // the adoption log: a file, or "-" for standard input
  std::string log_format = "actions";  // actions or cascades (adoption_log.h)
  std::string method = "em";           // em, bernoulli or jaccard (learn_probabilities.h)
  // Who may be credited with an adoption: "graph" (in-neighbours in the graph) or "any" (every
  // earlier adopter within the window, linked or not: the ties the log reveals, log_ties.h).
  std::string parents = "graph";
  double window = 0;                   // 0: 1 for integer steps, infinity for time stamps
  std::array<double, 2> prior = {1, 1};  // Beta(A, B) for the intervals (and untried arcs)
  std::string untried = "pooled";      // untried arcs: pooled (all successes / all trials) or prior
  std::string estimate = "mle";        // tried arcs: mle (successes / trials) or posterior (mean)
  std::uint32_t iterations = 100;      // em: at most this many
  double tolerance = 1e-7;             // em: stop when the log-likelihood gains less (relative)
  std::string test;                    // a held-out log in the same format, or empty
  // Schemes evaluated beside the learned probabilities on the held-out log.
  std::vector<std::string> baselines = {"wc", "const:0.01", "trivalency"};
  std::uint64_t size_runs = 1000;      // Monte Carlo runs per test cascade for its simulated size
  std::uint64_t seed = 1;              // for random baselines (trivalency) and the simulations
};

struct LogSummary {
  std::string source;
  std::uint64_t items = 0, adoptions = 0, users = 0;
  std::uint64_t outside_adoptions = 0, outside_users = 0;
  std::vector<std::string> outside_examples;  // up to 5 labels
  std::uint64_t repeats_dropped = 0;
  bool integer_steps = false;
};

struct HeldOutRow {
  std::string probabilities;  // "learned" or a scheme
  HeldOutScore score;
  CascadeSizeScore sizes;
};

struct LearnResult {
  // With parents "any": the graph plus the users and ties of the log (log_ties.h), the graph
  // `learned` is per arc of; none with parents "graph".
  std::optional<Graph> graph_with_ties;
  LogSummary log;
  LearnedProbabilities learned;
  std::array<double, 5> quantiles{};  // min, 25%, median, 75%, max of tried arcs' estimates
  double mean_background = 0;         // the background rates' mean over the graph's nodes
  bool has_test = false;
  LogSummary test;
  std::vector<HeldOutRow> held_out;  // learned first, then the baselines
  double seconds = 0;                // reading, learning and evaluating
};

// Checks every field without reading anything (UsageError naming the field); learn() calls it
// first, and front ends may call it before loading the graph.
void check_learn_request(const LearnRequest& request);

// Reads the log(s), learns, and evaluates on the held-out log when `test` is given.
LearnResult learn(const Graph& graph, const LearnRequest& request);

// The graph whose arcs `result.learned` is indexed by: `graph`, or the graph with the log's ties.
const Graph& learned_graph(const Graph& graph, const LearnResult& result);

// Every field but log and test, for logs that are not files (check_learn_request less those two).
void check_learn_settings(const LearnRequest& request);

// learn() on logs already read or built from rows (parse_adoption_log, adoption_log_from_rows),
// for front ends that hold the log in memory: request.log and request.test are not looked at
// (log_format neither, beyond its check); `test` may be null. Checks the other fields first.
LearnResult learn_from_logs(const Graph& graph, const LearnRequest& request, const AdoptionLog& log,
                            const AdoptionLog* test);

// A copy of `graph` carrying the learned probabilities (scheme "learned").
Graph with_learned_probabilities(const Graph& graph, const LearnedProbabilities& learned);

}  // namespace cascade

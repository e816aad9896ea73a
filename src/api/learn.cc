// learn: an adoption log in, probabilities with their evidence out, and a held-out evaluation.
#include "cascade/api/learn.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "cascade/campaign/log_ties.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"

namespace cascade {
namespace {

LogSummary summarize(const AdoptionLog& log) {
  LogSummary summary;
  summary.source = log.source;
  summary.items = log.num_items();
  summary.adoptions = log.rows;
  summary.users = log.users;
  summary.outside_adoptions = log.outside_adoptions;
  summary.outside_users = log.outside_users;
  const std::size_t examples = std::min<std::size_t>(log.outside_labels.size(), 5);
  summary.outside_examples.assign(log.outside_labels.begin(), log.outside_labels.begin() + examples);
  summary.repeats_dropped = log.repeats_dropped;
  summary.integer_steps = log.integer_steps;
  return summary;
}

}  // namespace

const Graph& learned_graph(const Graph& graph, const LearnResult& result) {
  return result.graph_with_ties ? *result.graph_with_ties : graph;
}

Graph with_learned_probabilities(const Graph& graph, const LearnedProbabilities& learned) {
  const GraphArrays& arrays = graph.arrays();
  std::vector<float> in(graph.num_arcs());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    for (ArcIndex k = arrays.in_offsets[v]; k < arrays.in_offsets[v + 1]; ++k) {
      const NodeId u = arrays.in_sources[k];
      const std::span<const NodeId> targets = graph.out_neighbors(u);
      const auto position = std::lower_bound(targets.begin(), targets.end(), v) - targets.begin();
      in[k] = learned.probability[arrays.out_offsets[u] + static_cast<ArcIndex>(position)];
    }
  }
  Graph copy = graph;
  copy.set_probabilities(learned.probability, std::move(in), "learned");
  return copy;
}

namespace {

struct CheckedRequest {
  LogFormat format;
  bool any_parents;
  LearnOptions options;
  std::vector<ProbabilitySpec> baselines;
};

CheckedRequest checked(const LearnRequest& request, bool log_files) {
  if (log_files && request.log.empty()) {
    throw UsageError("log", "found nothing; expected the adoption log's path");
  }
  const LogFormat format = parse_log_format(request.log_format);
  if (request.parents != "graph" && request.parents != "any") {
    throw UsageError("parents", fmt::format("found '{}'; expected graph (in-neighbours in the graph) "
                                            "or any (every earlier adopter within the window)",
                                            request.parents));
  }
  LearnOptions options;
  options.method = parse_learn_method(request.method);
  options.window = request.window;
  options.prior_a = request.prior[0];
  options.prior_b = request.prior[1];
  options.untried = parse_untried_fallback(request.untried);
  options.estimate = parse_estimator(request.estimate);
  options.max_iterations = request.iterations;
  options.tolerance = request.tolerance;
  check_learn_options(options);
  if (request.size_runs == 0) throw UsageError("size_runs", "found 0; expected at least 1");
  std::vector<ProbabilitySpec> baselines;
  for (const std::string& scheme : request.baselines) {
    try {
      baselines.push_back(ProbabilitySpec::parse(scheme));
    } catch (const UsageError& e) {
      throw UsageError("baselines", e.what());
    }
    if (baselines.back().needs_weights()) {
      throw UsageError("baselines", fmt::format("found {}; expected schemes that need no weights "
                                                "(wc, const:P, trivalency)", scheme));
    }
  }
  return {format, request.parents == "any", options, std::move(baselines)};
}

}  // namespace

void check_learn_request(const LearnRequest& request) { checked(request, true); }

void check_learn_settings(const LearnRequest& request) { checked(request, false); }

namespace {

LearnResult learn_checked(const Graph& social, const LearnRequest& request,
                          const CheckedRequest& settings, const AdoptionLog& social_log,
                          const AdoptionLog* social_test,
                          std::chrono::steady_clock::time_point start) {
  const LearnOptions& options = settings.options;
  const std::vector<ProbabilitySpec>& baselines = settings.baselines;
  LearnResult result;
  result.log = summarize(social_log);
  if (social_test != nullptr) {
    result.has_test = true;
    result.test = summarize(*social_test);
  }
  // With parents "any", the logs are re-expressed on the graph with the log's ties, whose nodes
  // include the training log's users outside the social graph.
  AdoptionLog tied_log, tied_test;
  if (settings.any_parents) {
    result.graph_with_ties =
        graph_with_log_ties(social, social_log, resolve_window(options.window, social_log));
    tied_log = social_log;
    move_outside_users_into(tied_log, *result.graph_with_ties);
    if (social_test != nullptr) {
      tied_test = *social_test;
      move_outside_users_into(tied_test, *result.graph_with_ties);
    }
  }
  const Graph& graph = learned_graph(social, result);
  const AdoptionLog& log = settings.any_parents ? tied_log : social_log;
  const AdoptionLog* test_log = settings.any_parents && social_test != nullptr ? &tied_test : social_test;
  result.learned = learn_probabilities(graph, log, options);

  double background_sum = 0;
  for (const double b : result.learned.background) background_sum += b;
  if (graph.num_nodes() > 0) result.mean_background = background_sum / graph.num_nodes();

  std::vector<float> tried;
  for (ArcIndex a = 0; a < graph.num_arcs(); ++a) {
    if (result.learned.trials[a] > 0) tried.push_back(result.learned.probability[a]);
  }
  std::sort(tried.begin(), tried.end());
  if (!tried.empty()) {
    for (std::size_t q = 0; q < 5; ++q) {
      result.quantiles[q] = tried[q * (tried.size() - 1) / 4];
    }
  }

  if (result.has_test) {
    const AdoptionLog& test = *test_log;
    // Users outside the graph: known from training by label, or not at all.
    std::unordered_map<std::string_view, std::uint32_t> known;
    for (std::uint32_t o = 0; o < log.outside_labels.size(); ++o) known.emplace(log.outside_labels[o], o);
    std::vector<std::uint32_t> outside_of_test;
    for (const std::string& label : test.outside_labels) {
      const auto it = known.find(label);
      outside_of_test.push_back(it == known.end() ? kUnknownOutside : it->second);
    }
    const auto evaluate = [&](const Graph& probabilities) {
      return std::pair{evaluate_held_out(probabilities, result.learned.background, test,
                                         result.learned.window, result.learned.outside_background,
                                         outside_of_test),
                       evaluate_cascade_sizes(probabilities, test, request.size_runs, request.seed)};
    };
    const Graph learned = with_learned_probabilities(graph, result.learned);
    const auto [score, sizes] = evaluate(learned);
    result.held_out.push_back({"learned", score, sizes});
    for (std::size_t b = 0; b < baselines.size(); ++b) {
      Graph copy = graph;
      assign_probabilities(copy, baselines[b], request.seed);
      const auto [baseline_score, baseline_sizes] = evaluate(copy);
      result.held_out.push_back({baselines[b].to_string(), baseline_score, baseline_sizes});
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace

LearnResult learn(const Graph& graph, const LearnRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  const CheckedRequest settings = checked(request, true);
  const AdoptionLog log = read_adoption_log(graph, request.log, settings.format);
  AdoptionLog test;
  if (!request.test.empty()) test = read_adoption_log(graph, request.test, settings.format);
  return learn_checked(graph, request, settings, log, request.test.empty() ? nullptr : &test, start);
}

LearnResult learn_from_logs(const Graph& graph, const LearnRequest& request, const AdoptionLog& log,
                            const AdoptionLog* test) {
  const auto start = std::chrono::steady_clock::now();
  return learn_checked(graph, request, checked(request, false), log, test, start);
}

}  // namespace cascade

// cascade learn GRAPH --log FILE: influence probabilities learned from an adoption log (EM for the
// independent cascade, or Goyal's static Bernoulli and Jaccard models), each arc with its
// evidence and a 95% interval, and with --test how well they predict a held-out log beside the
// assumed schemes.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "cascade/api/learn.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  LearnRequest request;
  std::string window = "default";
  std::string prior = "1,1";
  std::string out;
};

void write_arcs(const Graph& graph, const LearnedProbabilities& learned, const std::string& path) {
  std::string text = "source,target,probability,trials,successes,low,high\n";
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    const ArcIndex first = graph.arrays().out_offsets[u];
    const std::string source = csv_field(graph.label(u));
    for (std::uint32_t k = 0; k < graph.out_degree(u); ++k) {
      const ArcIndex a = first + k;
      text += fmt::format("{},{},{},{},{},{},{}\n", source, csv_field(graph.label(graph.out_neighbors(u)[k])),
                          shortest_decimal(learned.probability[a]), learned.trials[a],
                          float_precision(learned.successes[a]), shortest_decimal(learned.low[a]),
                          shortest_decimal(learned.high[a]));
    }
  }
  write_output_file(path, text);
}

nlohmann::ordered_json log_json(const LogSummary& log) {
  nlohmann::ordered_json json;
  json["file"] = log.source;
  json["items"] = log.items;
  json["adoptions"] = log.adoptions;
  json["users"] = log.users;
  json["outside_adoptions"] = log.outside_adoptions;
  json["outside_users"] = log.outside_users;
  json["outside_examples"] = log.outside_examples;
  json["repeats_dropped"] = log.repeats_dropped;
  json["integer_steps"] = log.integer_steps;
  return json;
}

void print_log(const char* name, const LogSummary& log) {
  fmt::print("{:<12}{}: {} items, {} adoptions by {} people of the graph{}\n", name, log.source,
             with_commas(log.items), with_commas(log.adoptions), with_commas(log.users),
             log.integer_steps ? " (integer steps)" : " (time stamps)");
  if (log.outside_adoptions > 0) {
    std::string examples;
    for (const std::string& label : log.outside_examples) {
      examples += (examples.empty() ? "" : ", ") + table_label(label);
    }
    fmt::print("{:<12}{} by {} not in the graph (explained by background only), such as {}\n", "",
               count_of(log.outside_adoptions, "adoption", "adoptions"),
               count_of(log.outside_users, "user", "users"), examples);
  }
  if (log.repeats_dropped > 0) {
    fmt::print("{:<12}{} repeated adoptions of an item by the same user: the first kept\n", "",
               with_commas(log.repeats_dropped));
  }
}

void run(Options options) {
  apply_common_options(options.common);
  LearnRequest& request = options.request;
  request.seed = options.common.seed;
  request.window = parse_window(options.window);
  request.prior = parse_prior(options.prior);
  check_learn_request(request);
  check_files({{"GRAPH", options.graph.path}, {"--log", request.log}, {"--test", request.test}},
              {{"--out", options.out}});
  const Graph graph = load_graph_for(options.graph, options.common.seed);
  const LearnResult result = learn(graph, request);
  const LearnedProbabilities& learned = result.learned;
  const Graph& on = learned_graph(graph, result);
  if (!options.out.empty()) write_arcs(on, learned, options.out);
  const double adoptions = static_cast<double>(std::max<std::uint64_t>(learned.adoptions, 1));
  const double mean_background = result.mean_background;

  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["method"] = to_string(learned.method);
    json["parents"] = request.parents;
    if (result.graph_with_ties) {
      json["graph_with_ties"] = {{"nodes", on.num_nodes()}, {"arcs", on.num_arcs()}};
    } else {
      json["graph_with_ties"] = nullptr;
    }
    json["window"] = window_json(learned.window);
    json["prior"] = {request.prior[0], request.prior[1]};
    json["log"] = log_json(result.log);
    json["adoptions"] = learned.adoptions;
    json["explained_by_graph"] = learned.explained_by_graph;
    json["background_adoptions"] = learned.background_adoptions;
    json["mean_background_rate"] = mean_background;
    json["possible_parents"] = learned.possible_parents;
    json["arcs_tried"] = learned.arcs_tried;
    json["arcs_untried"] = learned.arcs_untried;
    json["untried"] = request.untried;
    json["estimate"] = request.estimate;
    json["fallback"] = learned.fallback;
    nlohmann::ordered_json quantiles = nlohmann::ordered_json::array();
    for (const double q : result.quantiles) quantiles.push_back(shortest_decimal(q));
    json["probability_quantiles"] = quantiles;
    json["iterations"] = learned.iterations;
    json["converged"] = learned.converged;
    json["log_likelihood"] = learned.log_likelihood;
    if (result.has_test) {
      json["test"] = log_json(result.test);
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (const HeldOutRow& row : result.held_out) {
        nlohmann::ordered_json r;
        r["probabilities"] = row.probabilities;
        r["log_likelihood_per_adoption"] = row.score.log_likelihood_per_adoption;
        r["adoptions"] = row.score.adoptions;
        r["predictions"] = row.score.predictions;
        r["unrankable"] = row.score.unrankable;
        for (std::size_t c = 0; c < kRankingCutoffs.size(); ++c) {
          r[fmt::format("hits@{}", kRankingCutoffs[c])] = row.score.hits[c];
        }
        for (std::size_t c = 0; c < kRankingCutoffs.size(); ++c) {
          r[fmt::format("map@{}", kRankingCutoffs[c])] = row.score.map[c];
        }
        r["sized_cascades"] = row.sizes.cascades;
        r["rootless_cascades"] = row.sizes.rootless;
        r["size_median_absolute_error"] = row.sizes.median_absolute_error;
        r["size_spearman"] = row.sizes.spearman;
        rows.push_back(r);
      }
      json["held_out"] = rows;
    }
    json["out"] = options.out.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(options.out);
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    timing["learn"] = learned.seconds;
    timing["total"] = result.seconds;
    json["timing"] = timing;
    print_json(json);
    return;
  }
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  print_log("log", result.log);
  if (result.graph_with_ties) {
    fmt::print("ties        parents any: {} people and {} arcs with the log's own ties (each "
               "earlier adopter within the window), the graph the probabilities are for\n",
               with_commas(on.num_nodes()), with_commas(on.num_arcs()));
  }
  fmt::print("method      {}, window {}{}, prior Beta({:g}, {:g}), estimates {}\n",
             to_string(learned.method), window_text(learned.window),
             request.window > 0 ? "" : " (the default for this log)", request.prior[0],
             request.prior[1],
             request.estimate == "mle" ? "successes / trials" : "posterior means");
  fmt::print("adoptions   {}: {} ({:.1f}%) with a possible parent {}, {} ({:.1f}%) by "
             "background (mean rate {:.3g} per person and item)\n",
             with_commas(learned.adoptions), with_commas(learned.explained_by_graph),
             100 * static_cast<double>(learned.explained_by_graph) / adoptions,
             result.graph_with_ties ? "(an earlier adopter)" : "in the graph",
             with_commas(learned.background_adoptions),
             100 * static_cast<double>(learned.background_adoptions) / adoptions, mean_background);
  fmt::print("arcs        {} tried, {} never tried (kept at {:.4g}, the {})\n", with_commas(learned.arcs_tried),
             with_commas(learned.arcs_untried), learned.fallback,
             request.untried == "pooled" ? "pooled rate" : "prior mean");
  fmt::print("learned     tried arcs' probabilities: min {:.4g}, quartiles {:.4g} / {:.4g} / {:.4g}, "
             "max {:.4g}\n", result.quantiles[0], result.quantiles[1], result.quantiles[2],
             result.quantiles[3], result.quantiles[4]);
  if (learned.method == LearnMethod::kEm) {
    fmt::print("em          {} iterations{}; log-likelihood {:.6g} -> {:.6g}\n", learned.iterations,
               learned.converged ? "" : " (stopped at --iterations before converging)",
               learned.log_likelihood.front(), learned.log_likelihood.back());
  }
  if (result.has_test) {
    print_log("test", result.test);
    fmt::print("\n{:<14} {:>14} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>8}\n", "probabilities",
               "loglik/adopt", "hits@10", "hits@50", "hits@100", "map@10", "map@50", "map@100",
               "size MAE", "Spearman");
    for (const HeldOutRow& row : result.held_out) {
      fmt::print("{:<14} {:>14.4f} {:>7.2f}% {:>7.2f}% {:>7.2f}% {:>7.2f}% {:>7.2f}% {:>7.2f}% {:>9.2f} {:>8.3f}\n",
                 row.probabilities, row.score.log_likelihood_per_adoption, 100 * row.score.hits[0],
                 100 * row.score.hits[1], 100 * row.score.hits[2], 100 * row.score.map[0],
                 100 * row.score.map[1], 100 * row.score.map[2], row.sizes.median_absolute_error,
                 row.sizes.spearman);
    }
    const HeldOutScore& first = result.held_out.front().score;
    fmt::print("{} predictions (next adopters), {} of them outside the graph and unseen in training, "
               "counted as misses\n", with_commas(first.predictions), with_commas(first.unrankable));
    const CascadeSizeScore& sizes = result.held_out.front().sizes;
    fmt::print("size: {} cascades simulated from their root ({} runs each; {} with a root outside the "
               "graph skipped); median absolute error and Spearman correlation against the real "
               "size in people of the graph\n",
               with_commas(sizes.cascades), with_commas(request.size_runs), with_commas(sizes.rootless));
  }
  if (!options.out.empty()) {
    fmt::print("written     {} (read it back with --prob weight)\n", options.out);
  }
  fmt::print("time        {:.3f} s\n", result.seconds);
}

}  // namespace

void register_learn(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "learn", "Influence probabilities learned from an adoption log, with intervals and a held-out test");
  add_graph_options(command, options->graph, "");
  command->add_option("--log", options->request.log,
                      "The adoption log: user,item,time rows (actions) or one cascade a line")
      ->required()
      ->check(nonempty_path());
  command->add_option("--log-format", options->request.log_format, "actions or cascades")
      ->capture_default_str();
  command->add_option("--method", options->request.method, "em, bernoulli or jaccard")
      ->capture_default_str();
  command->add_option("--parents", options->request.parents,
                      "Who may be credited with an adoption: graph (in-neighbours in GRAPH) or any "
                      "(every earlier adopter within the window, linked or not; --out then writes "
                      "GRAPH plus those ties)")
      ->capture_default_str();
  command->add_option("--window", options->window,
                      "How long after u's adoption v's counts as u's doing: a number, inf, or default "
                      "(1 for integer steps, inf for time stamps)")
      ->capture_default_str();
  command->add_option("--prior", options->prior, "Beta prior A,B for the 95% intervals")
      ->capture_default_str();
  command->add_option("--untried", options->request.untried,
                      "Probability of arcs never tried: pooled (all successes / all trials) or prior "
                      "(the prior mean)")
      ->capture_default_str();
  command->add_option("--estimate", options->request.estimate,
                      "Each tried arc's probability: mle (successes / trials) or posterior (the "
                      "posterior mean under --prior)")
      ->capture_default_str();
  command->add_option("--iterations", options->request.iterations, "EM: at most this many iterations")
      ->check(whole_number(1, 1'000'000))
      ->capture_default_str();
  command->add_option("--test", options->request.test,
                      "A held-out log in the same format: log-likelihood and next-adopter Hits/MAP@k, "
                      "beside wc, const:0.01 and trivalency")
      ->check(nonempty_path());
  command->add_option("--size-runs", options->request.size_runs,
                      "Monte Carlo runs per test cascade for its simulated size")
      ->check(whole_number(1, 100'000'000))
      ->capture_default_str();
  command->add_option("--out", options->out,
                      "Write source,target,probability,trials,successes,low,high as CSV (a graph "
                      "file: read it with --prob weight)")
      ->check(nonempty_path());
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

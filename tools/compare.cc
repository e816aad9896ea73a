// cascade compare GRAPH -k K: the same budget spent by different strategies (the optimizer's
// seeds, the top hubs, a tight group, PageRank, random), simulated on the same random worlds.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  CompareRequest request;
  std::string strategies = "optimal,hubs,group,pagerank,random";
};

void run(Options options) {
  apply_common_options(options.common);
  CompareRequest& request = options.request;
  request.seed = options.common.seed;
  request.strategies.clear();
  {
    std::stringstream list(options.strategies);
    std::string name;
    while (std::getline(list, name, ',')) request.strategies.push_back(name);
  }
  const DiffusionModel checked_model = make_model(request.model);
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  const CompareReport report = compare(graph, request);
  const DiffusionModel& model = report.model;
  const std::vector<StrategyOutcome>& outcomes = report.outcomes;
  const double best = report.best;
  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["model"] = model.to_string();
    json["probability"] = probability;
    json["k"] = request.k;
    json["runs"] = request.runs;
    const bool error_bars = request.runs >= 2;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const StrategyOutcome& o : outcomes) {
      nlohmann::ordered_json row;
      row["strategy"] = o.strategy;
      row["how"] = o.how;
      row["seeds"] = json_labels(graph, o.seeds);
      const Estimate& r = o.result.reach;
      put_estimate(row, "reach", r.mean, r.standard_error, r.low, r.high, error_bars);
      row["beyond_seeds"] = r.mean - static_cast<double>(o.seeds.size());
      rows.push_back(row);
    }
    json["strategies"] = rows;
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    for (const StrategyOutcome& o : outcomes) timing[o.strategy] = o.seconds;
    json["timing"] = timing;
    print_json(json);
    return;
  }
  fmt::print("graph     {}: {} nodes, {} arcs\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  fmt::print("model     {} with probabilities {}; {} each; {} on the same random worlds (seed {})\n\n",
             model.to_string(), probability, count_of(request.k, "person", "people"),
             count_of(request.runs, "run", "runs"), options.common.seed);
  fmt::print("{:<9} {:>24} {:>13} {:>9}  {}\n", "strategy", "reach (95% interval)", "beyond seeds",
             "vs best", "how");
  for (const StrategyOutcome& o : outcomes) {
    const Estimate& r = o.result.reach;
    fmt::print("{:<9} {:>13} +/- {:>6} {:>13} {:>8.1f}%  {}\n", o.strategy, with_commas(r.mean, 1),
               request.runs >= 2 ? with_commas(1.96 * r.standard_error, 1) : std::string("none"),
               with_commas(r.mean - static_cast<double>(o.seeds.size()), 1),
               best > 0 ? 100 * r.mean / best : 0.0, o.how);
  }
}

}  // namespace

void register_compare(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "compare", "The same budget spent by different strategies, simulated on the same worlds");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (default), const:P, trivalency, weight, weight-normalized");
  command->add_option("-k", options->request.k, "People per strategy")
      ->check(whole_number(1, std::numeric_limits<NodeId>::max()))
      ->capture_default_str();
  command->add_option("--strategies", options->strategies,
                      "Comma list of optimal, hubs, group, pagerank, random")
      ->capture_default_str();
  command->add_option("--model", options->request.model.model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  command->add_option("--runs", options->request.runs, "Simulations per strategy")
      ->check(whole_number(1, 100'000'000))
      ->capture_default_str();
  command->add_option("--celf-runs", options->request.celf_runs,
                      "optimal under models RR sets cannot handle: CELF++ runs per evaluation")
      ->check(whole_number(1, 100'000'000))
      ->capture_default_str();
  command->add_option("--candidates", options->request.candidates,
                      "optimal under those models: the C highest out-degree people considered")
      ->check(whole_number(1, std::numeric_limits<NodeId>::max()))
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

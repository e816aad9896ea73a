// cascade compare GRAPH -k K: the same budget spent by different strategies (the optimizer's
// seeds, the top hubs, a tight group, PageRank, random), simulated on the same random worlds.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cascade/community/tight_group.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/validation.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::uint32_t k = 10;
  std::string strategies = "optimal,hubs,group,pagerank,random";
  std::string model = "ic";
  std::uint64_t runs = 10'000;
  std::uint64_t celf_runs = 200;
  std::uint32_t candidates = 300;
};

struct Outcome {
  std::string strategy;
  std::string how;
  std::vector<NodeId> seeds;
  SimulationResult result;
};

void run(const Options& options) {
  apply_common_options(options.common);
  DiffusionModel model = DiffusionModel::parse(options.model);
  validate(model);
  std::vector<std::string> strategies;
  {
    std::stringstream list(options.strategies);
    std::string name;
    while (std::getline(list, name, ',')) {
      if (name != "optimal" && name != "hubs" && name != "group" && name != "pagerank" &&
          name != "random") {
        throw UsageError(fmt::format("--strategies: found '{}'; expected optimal, hubs, group, "
                                     "pagerank or random",
                                     name));
      }
      strategies.push_back(name);
    }
  }
  if (options.k < 1) throw UsageError("-k: expected at least 1");
  GraphOptions graph_options = options.graph;
  if (graph_options.probability.empty() && model.needs_probabilities()) graph_options.probability = "wc";
  const Graph graph = load_graph_for(graph_options, options.common.seed);
  if (options.k > graph.num_nodes()) {
    throw UsageError(fmt::format("-k: found {}; expected at most {} (the number of nodes)", options.k,
                                 graph.num_nodes()));
  }
  check_model(graph, model);

  std::vector<Outcome> outcomes;
  SimulationOptions simulation;
  simulation.runs = options.runs;
  simulation.seed = options.common.seed;  // the same random worlds for every strategy
  for (const std::string& strategy : strategies) {
    Outcome o;
    o.strategy = strategy;
    if (strategy == "optimal") {
      if (supports_rr_sets(model)) {
        OpimOptions opim;
        opim.k = options.k;
        opim.seed = options.common.seed;
        opim.refine_min_marginal = kDefaultRefineMinMarginal;
        const SeedSelection s = opim_c(graph, model, opim);
        o.seeds = s.seeds;
        o.how = fmt::format("OPIM-C refined, ratio {:.2f} proven", s.guarantee);
      } else {
        CelfOptions celf;
        celf.k = options.k;
        celf.runs = options.celf_runs;
        // Selection draws other worlds than the comparison: it must not be graded on its own sample.
        celf.seed = options.common.seed + 0x9e3779b97f4a7c15ULL;
        const std::uint32_t pool = std::min(options.candidates, graph.num_nodes());
        if (pool < graph.num_nodes()) celf.candidates = highest_degree(graph, pool);
        o.seeds = celf_plus_plus(graph, model, celf).seeds;
        o.how = fmt::format("CELF++, {} runs, {} candidates", options.celf_runs, pool);
      }
    } else if (strategy == "hubs") {
      o.seeds = highest_degree(graph, options.k);
      o.how = "highest out-degree";
    } else if (strategy == "group") {
      LeidenOptions leiden_options;
      leiden_options.seed = options.common.seed;
      const TightGroup group = tight_group(graph, leiden(graph, leiden_options), options.k);
      o.seeds = group.members;
      o.how = group.community >= 0
                  ? fmt::format("community {}, {:.1f} links inside per member", group.community,
                                group.links_per_member)
                  : fmt::format("whole graph, {:.1f} links inside per member", group.links_per_member);
    } else if (strategy == "pagerank") {
      o.seeds = pagerank(graph, options.k);
      o.how = "PageRank on the reversed graph";
    } else {
      o.seeds = random_seeds(graph, options.k, options.common.seed);
      o.how = "uniform";
    }
    o.result = simulate(graph, model, o.seeds, simulation);
    outcomes.push_back(std::move(o));
  }
  double best = 0;
  for (const Outcome& o : outcomes) best = std::max(best, o.result.reach.mean);

  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["model"] = model.to_string();
    json["probability"] = probability;
    json["k"] = options.k;
    json["runs"] = options.runs;
    json["seed"] = options.common.seed;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const Outcome& o : outcomes) {
      nlohmann::ordered_json labels = nlohmann::ordered_json::array();
      for (const NodeId v : o.seeds) labels.push_back(graph.label(v));
      rows.push_back({{"strategy", o.strategy},
                      {"how", o.how},
                      {"seeds", labels},
                      {"mean", o.result.reach.mean},
                      {"stderr", o.result.reach.standard_error},
                      {"ci95", {o.result.reach.low, o.result.reach.high}},
                      {"beyond_seeds", o.result.reach.mean - static_cast<double>(o.seeds.size())}});
    }
    json["strategies"] = rows;
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("graph     {}: {} nodes, {} arcs\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  fmt::print("model     {} with probabilities {}; {} people each; {} runs on the same random "
             "worlds (seed {})\n\n",
             model.to_string(), probability, options.k, with_commas(options.runs), options.common.seed);
  fmt::print("{:<9} {:>24} {:>13} {:>9}  {}\n", "strategy", "reach (95% interval)", "beyond seeds",
             "vs best", "how");
  for (const Outcome& o : outcomes) {
    const Estimate& r = o.result.reach;
    fmt::print("{:<9} {:>13.1f} +/- {:>6.1f} {:>13.1f} {:>8.1f}%  {}\n", o.strategy, r.mean,
               1.96 * r.standard_error, r.mean - static_cast<double>(o.seeds.size()),
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
  command->add_option("-k", options->k, "People per strategy")->capture_default_str();
  command->add_option("--strategies", options->strategies,
                      "Comma list of optimal, hubs, group, pagerank, random")
      ->capture_default_str();
  command->add_option("--model", options->model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  command->add_option("--runs", options->runs, "Simulations per strategy")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))
      ->capture_default_str();
  command->add_option("--celf-runs", options->celf_runs,
                      "optimal under models RR sets cannot handle: CELF++ runs per evaluation")
      ->capture_default_str();
  command->add_option("--candidates", options->candidates,
                      "optimal under those models: the C highest out-degree people considered")
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

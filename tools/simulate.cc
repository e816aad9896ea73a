// cascade simulate GRAPH --seeds FILE --model M --prob S: how far and how fast a campaign spreads,
// by Monte Carlo simulation with error bars.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::string seeds_file;
  std::vector<std::string> seed_labels;
  std::string model = "ic";
  std::uint64_t runs = 10'000;
  double relative_error = 0;
  double fade = 0;
  std::uint32_t deadline = 0;
  std::string trace_file;
  std::string node_probabilities_file;
};

nlohmann::ordered_json estimate_json(const Estimate& e) {
  return {{"mean", e.mean}, {"stderr", e.standard_error}, {"ci95", {e.low, e.high}}};
}

std::string sentiment_name(Sentiment s) { return s == Sentiment::kPositive ? "positive" : "negative"; }

void write_trace(const Graph& graph, const DiffusionModel& model, const SimulationResult& result,
                 const std::string& path) {
  std::string text = model.has_sentiment() ? "step,source,target,sentiment\n" : "step,source,target\n";
  for (const Activation& a : result.trace) {
    text += fmt::format("{},{},{}", a.step, a.step == 0 ? std::string() : graph.label(a.source),
                        graph.label(a.target));
    if (model.has_sentiment()) text += "," + sentiment_name(a.sentiment);
    text += '\n';
  }
  write_output_file(path, text);
}

void write_node_probabilities(const Graph& graph, const SimulationResult& result,
                              const std::string& path) {
  std::string text = "label,probability,stderr\n";
  const double runs = static_cast<double>(result.runs);
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    const double p = result.node_probability[v];
    text += fmt::format("{},{:.6g},{:.3g}\n", graph.label(v), p, std::sqrt(p * (1 - p) / runs));
  }
  write_output_file(path, text);
}

void run(const Options& options) {
  apply_common_options(options.common);
  DiffusionModel model = DiffusionModel::parse(options.model);
  model.fade = options.fade;
  if (options.deadline > 0) model.deadline = options.deadline;
  validate(model);
  GraphOptions graph_options = options.graph;
  if (graph_options.probability.empty() && model.needs_probabilities()) {
    graph_options.probability = "wc";
  }
  const Graph graph = load_graph_for(graph_options, options.common.seed);
  const std::vector<NodeId> seeds = resolve_seeds(graph, options.seeds_file, options.seed_labels);

  SimulationOptions simulation;
  simulation.runs = options.runs;
  simulation.relative_error = options.relative_error;
  simulation.seed = options.common.seed;
  simulation.trace_first_run = !options.trace_file.empty();
  simulation.node_probabilities = !options.node_probabilities_file.empty();
  const SimulationResult result = simulate(graph, model, seeds, simulation);
  if (!options.trace_file.empty()) write_trace(graph, model, result, options.trace_file);
  if (!options.node_probabilities_file.empty()) {
    write_node_probabilities(graph, result, options.node_probabilities_file);
  }

  std::size_t distinct_seeds = result.new_per_step.empty() ? 0 : static_cast<std::size_t>(
                                                                     result.new_per_step[0].mean);
  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  const double runs_per_second = static_cast<double>(result.runs) / result.seconds;
  const double arcs_per_second = static_cast<double>(result.arcs_examined) / result.seconds;
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["nodes"] = graph.num_nodes();
    json["arcs"] = graph.num_arcs();
    json["model"] = model.to_string();
    json["probability"] = probability;
    json["fade"] = model.fade;
    json["deadline"] = model.has_deadline() ? nlohmann::ordered_json(model.deadline) : nullptr;
    json["seed"] = options.common.seed;
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (const NodeId s : seeds) labels.push_back(graph.label(s));
    json["seeds"] = labels;
    json["runs"] = result.runs;
    if (options.relative_error > 0) {
      json["relative_error_target"] = options.relative_error;
      json["converged"] = result.converged;
    }
    json["mean"] = result.reach.mean;
    json["stderr"] = result.reach.standard_error;
    json["ci95"] = {result.reach.low, result.reach.high};
    json["percentiles"] = {{"5", result.percentile5}, {"50", result.median}, {"95", result.percentile95}};
    json["beyond_seeds"] = result.reach.mean - static_cast<double>(distinct_seeds);
    if (model.has_sentiment()) {
      json["positive"] = estimate_json(result.positive);
      json["negative"] = estimate_json(result.negative);
    }
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (std::size_t s = 0; s < result.new_per_step.size(); ++s) {
      nlohmann::ordered_json point = estimate_json(result.new_per_step[s]);
      point["step"] = s;
      curve.push_back(point);
    }
    json["curve"] = curve;
    json["arcs_examined"] = result.arcs_examined;
    json["timing"] = {{"seconds", result.seconds},
                      {"runs_per_second", runs_per_second},
                      {"arcs_per_second", arcs_per_second},
                      {"threads", num_threads()}};
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("graph         {}: {} nodes, {} arcs{}\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()),
             graph.directed() ? "" : " (undirected)");
  fmt::print("model         {} with probabilities {}; fade {}; {}\n", model.to_string(), probability,
             model.fade, model.has_deadline() ? fmt::format("deadline step {}", model.deadline)
                                              : std::string("no deadline"));
  std::string seed_list;
  for (std::size_t i = 0; i < seeds.size() && i < 10; ++i) seed_list += (i ? ", " : "") + graph.label(seeds[i]);
  fmt::print("seeds         {} ({}{})\n", distinct_seeds, seed_list, seeds.size() > 10 ? ", ..." : "");
  fmt::print("runs          {} (seed {}){}\n", with_commas(result.runs), options.common.seed,
             options.relative_error > 0
                 ? fmt::format(", {} the 95% interval within {:g}% of the mean",
                               result.converged ? "until" : "stopped at the limit before",
                               100 * options.relative_error)
                 : "");
  fmt::print("reach         {:.2f} +/- {:.2f} people (mean, 95% interval [{:.2f}, {:.2f}]; standard "
             "error {:.3f}), seeds included\n",
             result.reach.mean, 1.96 * result.reach.standard_error, result.reach.low,
             result.reach.high, result.reach.standard_error);
  fmt::print("beyond seeds  {:.2f}\n", result.reach.mean - static_cast<double>(distinct_seeds));
  fmt::print("percentiles   5%: {} | 50%: {} | 95%: {}\n", result.percentile5, result.median,
             result.percentile95);
  if (model.has_sentiment()) {
    fmt::print("positive      {:.2f} +/- {:.2f}\n", result.positive.mean,
               1.96 * result.positive.standard_error);
    fmt::print("negative      {:.2f} +/- {:.2f}\n", result.negative.mean,
               1.96 * result.negative.standard_error);
  }
  fmt::print("\nstep  new adopters (mean, 95% interval)\n");
  for (std::size_t s = 0; s < result.new_per_step.size(); ++s) {
    const Estimate& e = result.new_per_step[s];
    fmt::print("{:>4}  {:.3f} [{:.3f}, {:.3f}]\n", s, e.mean, e.low, e.high);
  }
  fmt::print("\ntiming        {:.3f} s on {} threads: {:.0f} runs/s, {:.3g} arcs examined/s\n",
             result.seconds, num_threads(), runs_per_second, arcs_per_second);
}

}  // namespace

void register_simulate(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "simulate", "Monte Carlo spread of a campaign from given seeds, with error bars");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (1/in-degree of the target; default), const:P, "
                    "trivalency, weight, weight-normalized");
  auto* seeds = command->add_option("--seeds", options->seeds_file, "File of seed labels, one per line");
  auto* labels = command->add_option("--seed-labels", options->seed_labels, "Seed labels: a,b,c")
                     ->delimiter(',');
  seeds->excludes(labels);
  command->add_option("--model", options->model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  auto* runs = command->add_option("--runs", options->runs, "Monte Carlo runs")
                   ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}))
                   ->capture_default_str();
  command->add_option("--rel-error", options->relative_error,
                      "Run until the 95% interval is within this fraction of the mean")
      ->check(CLI::Range(1e-6, 1.0))
      ->excludes(runs);
  command->add_option("--fade", options->fade,
                      "Multiply probabilities by (1 - F) at each step after the seeds")
      ->capture_default_str();
  command->add_option("--deadline", options->deadline, "Stop the spread after this step")
      ->check(CLI::Range(std::uint32_t{1}, std::numeric_limits<std::uint32_t>::max()));
  command->add_option("--trace", options->trace_file,
                      "Write run 0's word-of-mouth tree as CSV: step,source,target");
  command->add_option("--node-probabilities", options->node_probabilities_file,
                      "Write each person's probability of being reached as CSV");
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

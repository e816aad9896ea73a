// cascade export GRAPH OUT.gexf|OUT.graphml [--seeds FILE] [--communities] [--influence] [--reach]
// [--costs FILE]: the network for Gephi, Gephi Lite, networkx or yEd, with node attributes the
// library computes (api/export.h), written atomically.
#include "cascade/api/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "cascade/io/label_file.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  ExportRequest request;
  std::string seeds_file;
  std::string seed_labels;
  std::string costs_file;
  double default_cost = kDefaultFee;
};

// The library names the output "out"; here it is the positional OUT.
template <typename Call>
auto out_as_positional(Call&& call) {
  try {
    return call();
  } catch (const UsageError& e) {
    if (e.field() != "out") throw;
    throw UsageError(fmt::format("OUT{}", std::string(e.what()).substr(3)));
  }
}

void run(Options options) {
  apply_common_options(options.common);
  ExportRequest& request = options.request;
  request.seed = options.common.seed;
  // Refused before any reading: a file nobody can open as a graph, a model that cannot run.
  out_as_positional([&] { return export_format(request.out); });
  const bool needs_model = request.influence || request.reach;
  std::optional<DiffusionModel> model;
  if (needs_model) model = make_model(request.model);
  check_files({{"GRAPH", options.graph.path},
               {"--seeds", options.seeds_file},
               {"--costs", options.costs_file}},
              {{"OUT", request.out}});
  const Graph graph = model ? load_graph_for(options.graph, *model, options.common.seed)
                            : load_graph_for(options.graph, options.common.seed);
  request.seeds = seeds_from(graph, options.seeds_file, options.seed_labels);
  if (!options.costs_file.empty()) {
    request.fees = read_fees(graph, options.costs_file, options.default_cost);
  }

  const ExportResult result = out_as_positional([&] { return export_graph(graph, request); });
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["output"] = request.out;
    json["format"] = result.format;
    json["bytes"] = result.bytes;
    json["nodes"] = result.nodes;
    json["edges"] = result.edges;
    json["directed"] = result.directed;
    json["node_attributes"] = result.node_attributes;
    json["edge_attributes"] = result.edge_attributes;
    json["seeds"] = json_labels(graph, request.seeds);
    json["probability_scheme"] =
        graph.has_probabilities() ? nlohmann::ordered_json(graph.probability_scheme()) : nullptr;
    json["communities"] =
        request.communities ? nlohmann::ordered_json(result.communities) : nullptr;
    json["modularity"] = request.communities ? nlohmann::ordered_json(result.modularity) : nullptr;
    json["rr_sets"] = request.influence ? nlohmann::ordered_json(result.rr_sets) : nullptr;
    if (result.reach) {
      json["runs"] = result.runs;
      put_estimate(json, "reach", result.reach->mean, result.reach->standard_error,
                   result.reach->low, result.reach->high);
    } else {
      json["runs"] = nullptr;
      json["reach"] = nullptr;
    }
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    for (const Phase& phase : result.phases) timing[phase.name] = phase.seconds;
    json["timing"] = timing;
    print_json(json);
    return;
  }
  fmt::print("wrote     {} ({}, {}): {} nodes, {} {} edges\n", request.out, result.format,
             human_bytes(result.bytes), with_commas(std::uint64_t{result.nodes}),
             with_commas(result.edges), result.directed ? "directed" : "undirected");
  std::string nodes, edges;
  for (const std::string& name : result.node_attributes)
    nodes += (nodes.empty() ? "" : ", ") + name;
  for (const std::string& name : result.edge_attributes)
    edges += (edges.empty() ? "" : ", ") + name;
  fmt::print("nodes     {}\n", nodes);
  fmt::print("edges     {}\n", edges.empty() ? std::string("(no attributes)") : edges);
  if (!request.seeds.empty()) fmt::print("seeds     {}\n", label_list(graph, request.seeds));
  if (request.communities) {
    fmt::print("found     {} communities (modularity {:.3f})\n",
               with_commas(std::uint64_t{result.communities}), result.modularity);
  }
  if (result.reach) {
    fmt::print("reach     {:.1f} +/- {:.1f} people (95%, {} runs)\n", result.reach->mean,
               1.96 * result.reach->standard_error, with_commas(result.runs));
  }
  std::string timings;
  for (const Phase& phase : result.phases) {
    timings += fmt::format("{}{} {:.2f} s", timings.empty() ? "" : ", ", phase.name, phase.seconds);
  }
  fmt::print("took      {}\n", timings);
}

}  // namespace

void register_export(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "export",
      "The network as GEXF 1.3 (Gephi, Gephi Lite) or GraphML, with seeds, fees, "
      "communities, influence and reach probabilities as node attributes");
  add_graph_options(command, options->graph,
                    "Arc probabilities, written as each arc's probability attribute (default: wc "
                    "with --influence or --reach, else none)");
  command->add_option("OUT", options->request.out, "Output file: .gexf or .graphml")->required();
  auto* seeds = command
                    ->add_option("--seeds", options->seeds_file,
                                 "File of seed labels, one per line: the seed attribute")
                    ->check(nonempty_path());
  auto* labels = command->add_option("--seed-labels", options->seed_labels,
                                     "Seed labels: a,b,c (CSV quoting for a label with a comma)");
  seeds->excludes(labels);
  auto* costs = command
                    ->add_option("--costs", options->costs_file,
                                 "File of 'label,fee' lines: the fee attribute")
                    ->check(nonempty_path());
  command->add_option("--default-cost", options->default_cost, "Fee of everyone not in --costs")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true))
      ->needs(costs)
      ->capture_default_str();
  command->add_flag("--communities", options->request.communities,
                    "Leiden communities: the community attribute");
  command
      ->add_option("--resolution", options->request.resolution,
                   "With --communities: Leiden's resolution")
      ->check(real_number(0, 1000, true, false))
      ->capture_default_str();
  command->add_flag("--influence", options->request.influence,
                    "Everyone's expected reach alone (RR sets; ic, lt): influence, influence_se");
  command
      ->add_option("--samples", options->request.samples,
                   "With --influence: RR sets (0: 20 per node within 200,000 and 5,000,000)")
      ->capture_default_str();
  command->add_flag("--reach", options->request.reach,
                    "Each person's chance of being reached by the seeds (Monte Carlo): "
                    "reach_probability, reach_probability_se");
  command->add_option("--runs", options->request.runs, "With --reach: Monte Carlo runs")
      ->check(whole_number(2, 100'000'000))
      ->capture_default_str();
  command
      ->add_option("--model", options->request.model.model,
                   "With --influence or --reach: ic, lt (--reach also threshold:..., icn:...)")
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade report GRAPH [--seeds FILE | -k K] [--out report.html]: one self-contained HTML page
// (the map, the diffusion, the choice, who matters, what it earned, the run), computed by the
// library (api/report.h) and written atomically.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <sstream>

#include "cascade/api/report.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/label_file.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  ReportRequest request;
  std::string seeds_file;
  std::string seed_labels;
  std::string targets_file;
  std::string costs_file;
  double default_cost = kDefaultFee;
  CLI::Option* default_cost_option = nullptr;
  std::string strategies = "optimal,hubs,group,pagerank,random";
  bool no_communities = false;
  bool no_compare = false;
  std::string out = "report.html";
};

std::string quoted_command() {
  std::string command;
  for (const std::string& word : invocation()) {
    if (!command.empty()) command += ' ';
    const bool plain = !word.empty() && word.find_first_of(" \t\"'\\$`;&|<>()*?[]{}!#~") ==
                                            std::string::npos;
    if (plain) {
      command += word;
    } else {
      command += '\'';
      for (const char c : word) command += c == '\'' ? std::string("'\\''") : std::string(1, c);
      command += '\'';
    }
  }
  return command;
}

void run(Options options) {
  apply_common_options(options.common);
  ReportRequest& request = options.request;
  request.seed = options.common.seed;
  request.communities = !options.no_communities;
  request.compare = !options.no_compare;
  request.strategies.clear();
  {
    std::stringstream list(options.strategies);
    std::string name;
    while (std::getline(list, name, ',')) request.strategies.push_back(name);
  }
  const DiffusionModel checked_model = make_model(request.model);  // refused before any reading
  check_files({{"GRAPH", options.graph.path},
               {"--seeds", options.seeds_file},
               {"--targets", options.targets_file},
               {"--costs", options.costs_file}},
              {{"--out", options.out}});
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  request.seeds = seeds_from(graph, options.seeds_file, options.seed_labels);
  if (!options.targets_file.empty()) request.targets = read_targets(graph, options.targets_file);
  if (!options.costs_file.empty()) {
    request.fees = read_fees(graph, options.costs_file, options.default_cost);
  } else if (options.default_cost_option->count() > 0) {
    request.default_fee = options.default_cost;
  }
  request.network_name = std::filesystem::path(options.graph.path).filename().string();
  if (request.title.empty()) request.title = fmt::format("Cascade report: {}", request.network_name);
  request.command = quoted_command();

  const ReportPage page = make_report(graph, request);
  write_output_file(options.out, page.html);
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["report"] = options.out;
    json["bytes"] = page.html.size();
    json["seeds"] = json_labels(graph, page.seeds);
    json["map"] = page.drawn_as_communities ? "communities" : "people";
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    for (const Phase& phase : page.phases) {
      std::string key = phase.name;  // "choosing seeds" -> choosing_seeds, as every timing key
      std::replace(key.begin(), key.end(), ' ', '_');
      timing[key] = phase.seconds;
    }
    json["timing"] = timing;
    print_json(json);
    return;
  }
  fmt::print("report    {} ({})\n", options.out, human_bytes(page.html.size()));
  fmt::print("seeds     {}\n", label_list(graph, page.seeds));
  fmt::print("map       {}\n", page.drawn_as_communities
                                   ? fmt::format("the community graph (more than {} people or {} "
                                                 "ties to draw one by one)",
                                                 with_commas(std::uint64_t{request.max_drawn_people}),
                                                 with_commas(request.max_drawn_ties))
                                   : std::string("everyone"));
  std::string timings;
  for (const Phase& phase : page.phases) {
    timings += fmt::format("{}{} {:.2f} s", timings.empty() ? "" : ", ", phase.name, phase.seconds);
  }
  fmt::print("took      {}\n", timings);
  fmt::print("open it   in a browser: file://{}\n",
             std::filesystem::absolute(options.out).lexically_normal().string());
}

}  // namespace

void register_report(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "report", "One self-contained HTML page: the map, the diffusion, the choice, who matters");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (default), const:P, trivalency, weight, weight-normalized");
  auto* seeds = command->add_option("--seeds", options->seeds_file,
                                    "File of seed labels, one per line (default: choose -k)")
                    ->check(nonempty_path());
  auto* labels = command->add_option("--seed-labels", options->seed_labels,
                                     "Seed labels: a,b,c (CSV quoting for a label with a comma)");
  seeds->excludes(labels);
  auto* k = command->add_option("-k", options->request.k, "Seeds to choose when none are given")
                ->check(whole_number(1, std::numeric_limits<NodeId>::max()))
                ->capture_default_str();
  k->excludes(seeds)->excludes(labels);
  command->add_option("--model", options->request.model.model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  command->add_option("--algo", options->request.algo, "Seed selection, as in cascade seeds")
      ->capture_default_str();
  command->add_option("--eps", options->request.eps, "Seed selection's eps")
      ->check(real_number(0, 1, true, true))
      ->capture_default_str();
  command->add_option("--runs", options->request.runs,
                      "Monte Carlo runs for the diffusion and each strategy")
      ->check(whole_number(2, 100'000'000))
      ->capture_default_str();
  command->add_option("--targets", options->targets_file,
                      "File of 'label[,weight]' lines: choose the seeds for this audience")
      ->check(nonempty_path());
  command->add_option("--costs", options->costs_file, "File of 'label,fee' lines: shown per seed")
      ->check(nonempty_path());
  options->default_cost_option =
      command->add_option("--default-cost", options->default_cost, "Fee of each seed not in --costs")
          ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--cpm", options->request.cpm,
                      "Cost of 1,000 advertising impressions: add what it earned, as a cost "
                      "equivalence beside reach and sentiment")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--value-per-adoption", options->request.value_per_adoption,
                      "What one adoption is worth: add the adoptions' value (and, with fees, the "
                      "return)")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--strategies", options->strategies,
                      "Comma list of optimal, hubs, group, pagerank, random")
      ->capture_default_str();
  command->add_flag("--no-compare", options->no_compare, "Leave out the strategy comparison");
  command->add_flag("--no-communities", options->no_communities,
                    "Leave out the communities (the map is coloured as one)");
  command->add_option("--top", options->request.top,
                      "Influencers listed: a count (25) or a share of everyone (10%)")
      ->capture_default_str();
  command->add_option("--title", options->request.title, "The page's title");
  command->add_option("--out", options->out, "The page to write (a file: standard output carries the summary)")
      ->check(nonempty_path())
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade audit GRAPH --account LABEL: how real an audience is. Its size, how many of its pairs
// know each other, their clustering, the reach if the audience passes the message on, and with a
// likers file, the likers with no tie to the account's community (a signal, never proof).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/community/audience.h"
#include "cascade/community/leiden.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::string account;
  std::string likers_file;
  std::string model = "ic";
  std::uint64_t runs = 2000;
};

void run(const Options& options) {
  apply_common_options(options.common);
  DiffusionModel model = DiffusionModel::parse(options.model);
  validate(model);
  GraphOptions graph_options = options.graph;
  if (graph_options.probability.empty() && model.needs_probabilities()) graph_options.probability = "wc";
  const Graph graph = load_graph_for(graph_options, options.common.seed);
  const auto account = graph.labels().find(options.account);
  if (!account) {
    throw InputError(fmt::format("--account: found '{}', which is not a node of {}; expected a "
                                 "node label", options.account, graph.load_report().source));
  }
  const std::vector<NodeId> likers =
      options.likers_file.empty() ? std::vector<NodeId>{} : read_labels(graph, options.likers_file, "liker");
  check_model(graph, model);

  const AudienceAudit audit = audit_audience(graph, *account);
  SimulationOptions simulation;
  simulation.runs = options.runs;
  simulation.seed = options.common.seed;
  const SimulationResult alone = simulate(graph, model, std::vector<NodeId>{*account}, simulation);
  std::vector<NodeId> audience(graph.out_neighbors(*account).begin(), graph.out_neighbors(*account).end());
  audience.push_back(*account);
  const SimulationResult passed_on = simulate(graph, model, audience, simulation);

  std::vector<NodeId> strangers;
  std::uint32_t community = 0;
  if (!likers.empty()) {
    LeidenOptions leiden_options;
    leiden_options.seed = options.common.seed;
    const CommunityPartition partition = leiden(graph, leiden_options);
    community = partition.community[*account];
    strangers = likers_without_ties(graph, partition.community, community, likers);
  }
  const std::string caveat =
      "a signal, not proof: real fans outside the account's circle exist, and bought likes can "
      "come from accounts with ties";
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["account"] = options.account;
    json["audience"] = audit.size;
    json["connected_pairs"] = audit.connected_pairs;
    json["pairs"] = audit.pairs;
    json["connected_share"] = audit.connected_share;
    json["graph_density"] = audit.graph_density;
    json["mean_clustering"] = audit.mean_clustering;
    json["model"] = model.to_string();
    json["probability"] = graph.has_probabilities() ? graph.probability_scheme() : "none";
    json["reach_from_account"] = {{"mean", alone.reach.mean}, {"stderr", alone.reach.standard_error}};
    json["reach_if_audience_passes_on"] = {{"mean", passed_on.reach.mean},
                                           {"stderr", passed_on.reach.standard_error}};
    json["runs"] = options.runs;
    json["seed"] = options.common.seed;
    if (!likers.empty()) {
      nlohmann::ordered_json labels = nlohmann::ordered_json::array();
      for (const NodeId v : strangers) labels.push_back(graph.label(v));
      json["likers"] = likers.size();
      json["likers_without_ties"] = labels;
      json["likers_without_ties_share"] = static_cast<double>(strangers.size()) / static_cast<double>(likers.size());
      json["caveat"] = caveat;
    }
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("account      {} in {}\n", options.account, graph.load_report().source);
  fmt::print("audience     {} people its word reaches directly (out-neighbours)\n", with_commas(audit.size));
  fmt::print("know each    {:.2f}% of audience pairs are linked ({} of {}); the network as a whole: "
             "{:.4f}%\n",
             100 * audit.connected_share, with_commas(audit.connected_pairs), with_commas(audit.pairs),
             100 * audit.graph_density);
  fmt::print("clustering   {:.3f} mean local coefficient of the audience\n", audit.mean_clustering);
  fmt::print("reach        from the account alone {:.1f} +/- {:.1f}; if the whole audience passes it "
             "on {:.1f} +/- {:.1f} ({}, {}, {} runs)\n",
             alone.reach.mean, 1.96 * alone.reach.standard_error, passed_on.reach.mean,
             1.96 * passed_on.reach.standard_error, model.to_string(),
             graph.has_probabilities() ? graph.probability_scheme() : "no probabilities", options.runs);
  if (!likers.empty()) {
    std::string sample;
    for (std::size_t i = 0; i < strangers.size() && i < 10; ++i) sample += (i ? ", " : "") + graph.label(strangers[i]);
    fmt::print("likers       {} of {} ({:.1f}%) have no tie to the account's community (community {})"
               "{}\n",
               strangers.size(), likers.size(),
               100.0 * static_cast<double>(strangers.size()) / static_cast<double>(likers.size()),
               community, sample.empty() ? "" : ": " + sample + (strangers.size() > 10 ? ", ..." : ""));
    fmt::print("caveat       {}\n", caveat);
  }
}

}  // namespace

void register_audit(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("audit", "How real an account's audience is");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (default), const:P, trivalency, weight, weight-normalized");
  command->add_option("--account", options->account, "The account's label")->required();
  command->add_option("--likers", options->likers_file, "File of likers' labels, one per line");
  command->add_option("--model", options->model, "Model for the reach figures")->capture_default_str();
  command->add_option("--runs", options->runs, "Simulations for the reach figures")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

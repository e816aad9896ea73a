// cascade audit GRAPH --account LABEL: how real an audience is. Its size, how many of its pairs
// know each other, their clustering, the reach if the audience passes the message on, and with a
// likers file, the likers with no tie to the account's community (a signal, never proof).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/label_file.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::string account;
  std::string likers_file;
  AuditRequest request;
};

void run(Options options) {
  apply_common_options(options.common);
  AuditRequest& request = options.request;
  request.seed = options.common.seed;
  const DiffusionModel checked_model = make_model(request.model);
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  const auto account = graph.labels().find(options.account);
  if (!account) {
    throw InputError(fmt::format("--account: found '{}', which is not a node of {}; expected a "
                                 "node label", options.account, graph.load_report().source));
  }
  request.account = *account;
  // People outside the network may like a post: they are counted and reported, not refused.
  LabelFile likers_file;
  if (!options.likers_file.empty()) {
    LabelFileOptions read;
    read.what = "liker";
    read.count_unknown = true;
    likers_file = read_label_file(graph, options.likers_file, read);
    for (const LabelEntry& entry : likers_file.entries) request.likers.push_back(entry.node);
  }
  const AuditReport report = audit(graph, request);
  const AudienceAudit& audit_result = report.audience;
  const bool has_audience = report.has_audience;
  const DiffusionModel& model = report.model;
  const SimulationResult& alone = report.alone;
  const SimulationResult& passed_on = report.passed_on;
  const bool error_bars = request.runs >= 2;
  const std::vector<NodeId>& likers = request.likers;
  const std::vector<NodeId>& strangers = report.likers_without_ties;
  const std::uint32_t community = report.community;
  const std::string caveat = AuditReport::kCaveat;
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["account"] = json_label(graph, *account);
    json["audience"] = audit_result.size;
    json["connected_pairs"] = audit_result.connected_pairs;
    json["pairs"] = audit_result.pairs;
    json["connected_share"] = has_audience && audit_result.pairs > 0 ? nlohmann::ordered_json(audit_result.connected_share) : nullptr;
    json["graph_density"] = audit_result.graph_density;
    json["mean_clustering"] = audit_result.size >= 2
                                  ? nlohmann::ordered_json(audit_result.mean_clustering)
                                  : nullptr;
    json["model"] = model.to_string();
    json["probability"] = graph.has_probabilities() ? graph.probability_scheme() : "none";
    put_estimate(json, "reach_from_account", alone.reach.mean, alone.reach.standard_error,
                 alone.reach.low, alone.reach.high, error_bars);
    put_estimate(json, "reach_if_audience_passes_on", passed_on.reach.mean,
                 passed_on.reach.standard_error, passed_on.reach.low, passed_on.reach.high,
                 error_bars);
    json["runs"] = request.runs;
    json["timing"] = {{"load", graph.load_report().seconds},
                      {"simulation", alone.seconds + passed_on.seconds}};
    if (!options.likers_file.empty()) {
      json["likers"] = likers.size();
      json["likers_not_in_graph"] = likers_file.unknown;
      json["likers_without_ties"] = json_labels(graph, strangers);
      json["likers_without_ties_share"] =
          likers.empty() ? nlohmann::ordered_json(nullptr)
                         : nlohmann::ordered_json(static_cast<double>(strangers.size()) /
                                                  static_cast<double>(likers.size()));
      json["caveat"] = caveat;
    }
    print_json(json);
    return;
  }
  const std::string who = label_list(graph, std::vector<NodeId>{*account});
  fmt::print("account      {} in {}\n", who, graph.load_report().source);
  if (!has_audience) {
    fmt::print("audience     none: {} has no out-neighbours, so nobody hears its word directly "
               "(for a who-follows-whom file, give arcs from the followed to the follower)\n",
               who);
  } else {
    fmt::print("audience     {} its word reaches directly (out-neighbours)\n",
               count_of(audit_result.size, "person", "people"));
    if (audit_result.pairs > 0) {
      fmt::print("know each    {:.2f}% of audience pairs are linked ({} of {}); the network as a "
                 "whole: {:.4f}%\n",
                 100 * audit_result.connected_share, with_commas(audit_result.connected_pairs),
                 with_commas(audit_result.pairs), 100 * audit_result.graph_density);
    } else {
      fmt::print("know each    no pairs: an audience of one person\n");
    }
    if (audit_result.size >= 2) {
      fmt::print("clustering   {:.3f} mean local coefficient of the audience\n",
                 audit_result.mean_clustering);
    }
  }
  auto reach = [&](const SimulationResult& r) {
    return error_bars ? fmt::format("{} +/- {}", with_commas(r.reach.mean, 1),
                                    with_commas(1.96 * r.reach.standard_error, 1))
                      : with_commas(r.reach.mean, 1) + " (no error bar from a single run)";
  };
  fmt::print("reach        from the account alone {}; if the whole audience passes it on {} ({}, "
             "{}, {})\n",
             reach(alone), reach(passed_on), model.to_string(),
             graph.has_probabilities() ? graph.probability_scheme() : "no probabilities",
             count_of(request.runs, "run", "runs"));
  if (!options.likers_file.empty()) {
    if (likers_file.unknown > 0) {
      std::string examples;
      for (const std::string& label : likers_file.unknown_examples) {
        examples += (examples.empty() ? "" : ", ") + csv_field(label);
      }
      fmt::print("not in graph {} of the likers are not people of {} (for example {}): left out\n",
                 with_commas(likers_file.unknown), graph.load_report().source, examples);
    }
    if (likers.empty()) {
      fmt::print("likers       none of the likers is in the network\n");
    } else {
      fmt::print("likers       {} of {} ({:.1f}%) have no tie to the account's community (community "
                 "{}){}\n",
                 with_commas(strangers.size()), with_commas(likers.size()),
                 100.0 * static_cast<double>(strangers.size()) / static_cast<double>(likers.size()),
                 community, strangers.empty() ? "" : ": " + label_list(graph, strangers));
    }
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
  command->add_option("--likers", options->likers_file,
                      "File of likers' labels, one per line (people not in the network are "
                      "counted and left out)")
      ->check(nonempty_path());
  command->add_option("--model", options->request.model.model, "Model for the reach figures")
      ->capture_default_str();
  command->add_option("--runs", options->request.runs, "Simulations for the reach figures")
      ->check(whole_number(1, 100'000'000))
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

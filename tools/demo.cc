// cascade demo: the whole job on a small real network bundled with Cascade (data/README.md).
#include <fmt/format.h>

#include <unistd.h>

#include <filesystem>

#include "cascade/api/report.h"
#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/io/label_file.h"
#include "graph_summary.h"
#include "options.h"

namespace cascade::cli {
namespace {

constexpr const char* kDemoGraph = "email-Eu-core.txt.gz";

// The folder of the running binary, from /proc/self/exe (empty if unknown).
std::filesystem::path binary_folder() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : exe.parent_path();
}

// The bundled data: beside an installed binary (PREFIX/share/cascade/data), in the source tree it
// was built from, or in the source tree above a build folder; the first that holds the network.
std::string find_demo_data(const std::string& given) {
  std::vector<std::filesystem::path> places;
  if (!given.empty()) {
    places.push_back(given);
  } else {
    const std::filesystem::path here = binary_folder();
    if (!here.empty()) places.push_back(here.parent_path() / "share" / "cascade" / "data");
    places.push_back(CASCADE_DEMO_DIR);
    if (!here.empty()) {
      places.push_back(here / "data");
      places.push_back(here.parent_path() / "data");
    }
  }
  std::string looked;
  for (const auto& place : places) {
    std::error_code error;
    if (std::filesystem::is_regular_file(place / kDemoGraph, error)) return place.string();
    looked += (looked.empty() ? "" : ", ") + place.string();
  }
  throw InputError(fmt::format("demo: found no {} in {}; expected the bundled data folder (give "
                               "it with --data FOLDER)",
                               kDemoGraph, looked));
}

}  // namespace

void register_demo(CLI::App& app) {
  struct Options {
    std::string data_dir;
    std::string report = "demo-report.html";
    CommonOptions common;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "demo", "Run Cascade on the bundled email-Eu-core network (1,005 people of a European "
              "research institution)");
  command->add_option("--data", options->data_dir,
                      "Folder holding email-Eu-core.txt.gz (default: the bundled data beside the "
                      "installed binary or in the source tree)");
  command->add_option("--report", options->report,
                      "The browser report to write (cascade report on the demo network)")
      ->check(nonempty_path())
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] {
    apply_common_options(options->common);
    check_files({}, {{"--report", options->report}});
    const std::string data_dir = find_demo_data(options->data_dir);
    GraphOptions graph_options;
    graph_options.path = data_dir + "/" + kDemoGraph;
    graph_options.probability = "wc";
    const Graph graph = load_graph_for(graph_options, options->common.seed);
    const GraphSummary summary = summarize_graph(graph, options->common.seed);
    const std::uint64_t seed = options->common.seed;

    // Who to seed: 10 people chosen by Cascade, against the 10 who email the most people; both
    // simulated on the same random worlds.
    SeedRequest pick;
    pick.k = 10;
    pick.seed = seed;
    const SeedResult cascade_pick = select_seeds(graph, pick);
    const SeedSelection& chosen = cascade_pick.selection;
    pick.algo = "degree";
    const std::vector<NodeId> hubs = select_seeds(graph, pick).selection.seeds;
    SimulationRequest run;
    run.seed = seed;
    run.seeds = chosen.seeds;
    const SimulationResult picked_spread = simulate(graph, run).result;
    run.seeds = hubs;
    const SimulationResult spread = simulate(graph, run).result;

    // Who matters: communities against the 42 departments (every member has one), and a tight
    // group against the hubs under simple (ic) and complex (threshold:2,prob) contagion, on the
    // same random worlds.
    const GroupFile departments =
        read_groups(graph, data_dir + "/email-Eu-core-department-labels.txt.gz");
    CommunityRequest grouping;
    grouping.seed = seed;
    grouping.truth = &departments;
    const CommunityReport found = communities(graph, grouping);
    const CommunityPartition& partition = found.partition;
    const double nmi = found.nmi;
    CompareRequest hubs_or_group;
    hubs_or_group.k = 10;
    hubs_or_group.seed = seed;
    hubs_or_group.strategies = {"hubs", "group"};
    const CompareReport simple = compare(graph, hubs_or_group);
    hubs_or_group.model.model = "threshold:2,prob";
    const CompareReport complex = compare(graph, hubs_or_group);
    const StrategyOutcome& group = simple.outcomes[1];
    const SimulationResult& group_ic = group.result;
    const SimulationResult& hubs_complex = complex.outcomes[0].result;
    const SimulationResult& group_complex = complex.outcomes[1].result;

    // The browser report of the chosen seeds.
    ReportRequest page_request;
    page_request.seeds = chosen.seeds;
    page_request.seed = seed;
    page_request.network_name = kDemoGraph;
    page_request.title = "Cascade demo: email-Eu-core";
    page_request.command = "cascade demo";
    const ReportPage page = make_report(graph, page_request);
    write_output_file(options->report, page.html);
    const std::string report_path =
        std::filesystem::absolute(options->report).lexically_normal().string();

    if (options->common.json) {
      nlohmann::ordered_json json = json_record(options->common, &graph);
      json["network"] = summary_json(summary);
      nlohmann::ordered_json picked = nlohmann::ordered_json::array();
      for (const NodeId v : chosen.seeds) picked.push_back(json_label(graph, v));
      json["seeds"] = {{"seeds", picked},
                       {"algorithm", chosen.algorithm},
                       {"guarantee", chosen.guarantee},
                       {"model", "ic"},
                       {"probability", graph.probability_scheme()},
                       {"runs", picked_spread.runs},
                       {"reach", picked_spread.reach.mean},
                       {"reach_stderr", picked_spread.reach.standard_error},
                       {"reach_ci95", {picked_spread.reach.low, picked_spread.reach.high}}};
      nlohmann::ordered_json labels = nlohmann::ordered_json::array();
      for (const NodeId v : hubs) labels.push_back(json_label(graph, v));
      json["hubs_spread"] = {{"seeds", labels},
                             {"model", "ic"},
                             {"probability", graph.probability_scheme()},
                             {"runs", spread.runs},
                             {"reach", spread.reach.mean},
                             {"reach_stderr", spread.reach.standard_error},
                             {"reach_ci95", {spread.reach.low, spread.reach.high}}};
      json["communities"] = {{"count", partition.count},
                             {"modularity", partition.modularity},
                             {"nmi_with_departments", nmi}};
      auto versus = [](const SimulationResult& hubs_result, const SimulationResult& group_result) {
        nlohmann::ordered_json pair;
        const Estimate& h = hubs_result.reach;
        const Estimate& g = group_result.reach;
        put_estimate(pair, "hubs", h.mean, h.standard_error, h.low, h.high);
        put_estimate(pair, "group", g.mean, g.standard_error, g.low, g.high);
        return pair;
      };
      json["hubs_versus_group"] = {{"ic", versus(spread, group_ic)},
                                   {"threshold:2,prob", versus(hubs_complex, group_complex)}};
      json["report"] = report_path;
      print_json(json);
      return;
    }
    fmt::print(
        "Cascade demo: email-Eu-core, who emails whom among 1,005 members of a European research\n"
        "institution (SNAP; Leskovec, Kleinberg, Faloutsos, TKDD 2007; Yin et al., KDD 2017).\n\n"
        "The network\n");
    fmt::print("{}", summary_text(summary));
    auto list = [&](const std::vector<NodeId>& nodes) { return label_list(graph, nodes, nodes.size()); };
    auto reach = [](const SimulationResult& r) {
      return fmt::format("{:.1f} people (95% interval [{:.1f}, {:.1f}]), {:.1f} beyond the seeds; "
                         "5%/50%/95%: {}/{}/{}",
                         r.reach.mean, r.reach.low, r.reach.high, r.reach.mean - 10.0,
                         r.percentile5, r.median, r.percentile95);
    };
    fmt::print(
        "\nWho to seed with 10 people: independent cascade, weighted-cascade probabilities\n"
        "(1/in-degree of the listener); reach simulated over {} runs (seed {}) on the same random\n"
        "worlds for both choices.\n"
        "  chosen by Cascade ({}, at least {:.2f} x the optimum with probability 1 - 1/n):\n"
        "    {}\n    reach {}\n"
        "  the 10 people who email the most others:\n    {}\n    reach {}\n",
        picked_spread.runs, options->common.seed, chosen.algorithm, chosen.guarantee,
        list(chosen.seeds), reach(picked_spread), list(hubs), reach(spread));
    const std::vector<CommunityCohesion>& cohesion = found.cohesion;
    fmt::print(
        "\nWho matters: {} communities (Leiden, modularity {:.3f}); NMI {:.3f} against the 42\n"
        "departments. The five largest, with the share of their members' links that stay inside:\n"
        "  {}\n",
        partition.count, partition.modularity, nmi, [&] {
          std::string text;
          for (std::uint32_t c = 0; c < std::min<std::uint32_t>(5, partition.count); ++c) {
            text += fmt::format("{}{} people ({:.0f}%)", c ? ", " : "", cohesion[c].size,
                                100 * cohesion[c].share_inside);
          }
          return text;
        }());
    fmt::print(
        "\nA lone set of hubs or a tight group? 10 people each: the top senders above, and a group\n"
        "of 10 who nearly all email each other ({}: {}).\n"
        "  simple contagion (ic):                 hubs {:.1f}, group {:.1f}\n"
        "  complex contagion (threshold:2,prob):  hubs {:.1f}, group {:.1f}\n"
        "(reach in people, seeds included; threshold:2,prob: adopt after two contacts get through,\n"
        "each with its wc probability).\n{}\n",
        group.how, list(group.seeds), spread.reach.mean, group_ic.reach.mean,
        hubs_complex.reach.mean, group_complex.reach.mean,
        [&]() -> std::string {
          const bool hubs_simple = spread.reach.mean >= group_ic.reach.mean;
          const bool hubs_complex_win = hubs_complex.reach.mean >= group_complex.reach.mean;
          if (hubs_simple && hubs_complex_win) {
            return "On this network the hubs win under both models: the top senders email each "
                   "other,\nso they are a tight group themselves.";
          }
          if (hubs_simple) return "The hubs win under simple contagion, the tight group under complex contagion.";
          if (hubs_complex_win) return "The tight group wins under simple contagion, the hubs under complex contagion.";
          return "The tight group wins under both models.";
        }());
    fmt::print("\nThe report, with the map, the curves and the choice: open it in a browser:\n"
               "  file://{}\n",
               report_path);
  });
}

}  // namespace cascade::cli

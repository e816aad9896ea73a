// cascade communities GRAPH: which groups are real micro-networks whose members talk to each
// other, and which are not. Leiden on modularity; per community: size, density, the share of
// members' links that stay inside, conductance, clustering, and a flag for loose groups.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
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
  CommunityRequest request;
  std::uint32_t top = 20;
  std::string out;
  std::string truth;
};

void run(Options options) {
  apply_common_options(options.common);
  CommunityRequest& request = options.request;
  request.seed = options.common.seed;
  check_files({{"GRAPH", options.graph.path}, {"--truth", options.truth}},
              {{"--out", options.out}});
  const Graph graph = load_graph_for(options.graph, options.common.seed);
  GroupFile truth;
  if (!options.truth.empty()) {
    truth = read_groups(graph, options.truth);
    request.truth = &truth;
  }
  const CommunityReport report = communities(graph, request);
  const CommunityPartition& partition = report.partition;
  const std::vector<CommunityCohesion>& cohesion = report.cohesion;
  const double seconds = report.seconds;
  const double nmi = report.nmi;
  const std::uint32_t loose = report.loose, singletons = report.singletons;
  if (!options.out.empty()) {
    std::string text = "label,community\n";
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      text += fmt::format("{},{}\n", csv_field(graph.label(v)), partition.community[v]);
    }
    write_output_file(options.out, text);
  }
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["algorithm"] = "leiden";
    json["resolution"] = request.resolution;
    json["communities"] = partition.count;
    json["modularity"] = partition.modularity;
    json["loose_communities"] = loose;
    json["singletons"] = singletons;
    if (report.has_truth) {
      json["nmi"] = nmi;
      json["truth_coverage"] = report.truth_coverage;
      json["truth_groups"] = report.truth_groups;
    }
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::uint32_t c = 0; c < partition.count; ++c) {
      const CommunityCohesion& k = cohesion[c];
      list.push_back({{"community", c},
                      {"size", k.size},
                      {"density", k.density},
                      {"share_inside", k.share_inside},
                      {"conductance", k.conductance},
                      {"clustering", k.clustering},
                      {"loose", k.loose()}});
    }
    json["cohesion"] = list;
    json["levels"] = partition.levels;
    json["timing"] = {{"load", graph.load_report().seconds}, {"leiden", seconds}};
    print_json(json);
    return;
  }
  fmt::print("graph        {}: {} nodes, {} arcs (taken as undirected and simple)\n",
             graph.load_report().source, with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  fmt::print("algorithm    Leiden on modularity, resolution {}, seed {}, {}, {:.3f} s\n",
             request.resolution, options.common.seed, count_of(partition.levels, "level", "levels"),
             seconds);
  fmt::print("communities  {} ({} of a single person); modularity {:.4f}\n",
             with_commas(partition.count), with_commas(singletons), partition.modularity);
  if (!options.truth.empty()) {
    fmt::print("agreement    NMI {:.4f} with {} ({} groups; over the {} people it lists, {:.1f}% of "
               "the network)\n",
               nmi, options.truth, with_commas(truth.groups), with_commas(truth.listed),
               100.0 * truth.listed / graph.num_nodes());
  }
  fmt::print("loose        {} whose members hardly talk to each other (most of their links "
             "leave the group)\n\n",
             count_of(loose, "group", "groups"));
  fmt::print("{:>9}  {:>6}  {:>8}  {:>12}  {:>11}  {:>10}\n", "community", "size", "density",
             "links inside", "conductance", "clustering");
  for (std::uint32_t c = 0; c < std::min(options.top, partition.count); ++c) {
    const CommunityCohesion& k = cohesion[c];
    fmt::print("{:>9}  {:>6}  {:>8.4f}  {:>11.1f}%  {:>11.3f}  {:>10.3f}{}\n", c, with_commas(k.size), k.density,
               100 * k.share_inside, k.conductance, k.clustering, k.loose() ? "  loose" : "");
  }
  if (partition.count > options.top) {
    fmt::print("  ... {} more (--top, or --out for everyone's community)\n",
               with_commas(partition.count - options.top));
  }
}

}  // namespace

void register_communities(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "communities", "Which groups are real micro-networks: Leiden communities and their cohesion");
  add_graph_options(command, options->graph, "");
  command->add_option("--resolution", options->request.resolution,
                      "Modularity resolution: above 1 gives smaller communities")
      ->check(real_number(0, 1000, true, false))
      ->capture_default_str();
  command->add_option("--iterations", options->request.iterations,
                      "Rerun Leiden from its last partition at most this often")
      ->check(whole_number(1, 1000))
      ->capture_default_str();
  command->add_option("--top", options->top, "Communities listed")
      ->check(whole_number(0, std::numeric_limits<std::uint32_t>::max()))
      ->capture_default_str();
  command->add_option("--out", options->out,
                      "Write label,community for everyone (CSV)")
      ->check(nonempty_path());
  command->add_option("--truth", options->truth,
                      "Known groups (label,group lines): report the NMI against them, over the "
                      "people listed (at least 10% of the network)")
      ->check(nonempty_path());
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

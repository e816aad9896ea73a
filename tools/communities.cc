// cascade communities GRAPH: which groups are real micro-networks whose members talk to each
// other, and which are not. Leiden on modularity; per community: size, density, the share of
// members' links that stay inside, conductance, clustering, and a flag for loose groups.
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "cascade/community/cohesion.h"
#include "cascade/community/leiden.h"
#include "cascade/error.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  double resolution = 1.0;
  int iterations = 10;
  std::uint32_t top = 20;
  std::string out;
  std::string truth;
};

void run(const Options& options) {
  apply_common_options(options.common);
  if (!(options.resolution > 0)) {
    throw UsageError(fmt::format("--resolution: found {}; expected a positive number",
                                 options.resolution));
  }
  const Graph graph = load_graph_for(options.graph, options.common.seed);
  std::vector<std::uint32_t> truth;
  if (!options.truth.empty()) {
    // Ground-truth groups by name; nodes the file does not list form their own group.
    std::map<std::string, std::uint32_t> ids;
    truth.assign(graph.num_nodes(), UINT32_MAX);
    for (const LabelValue& entry : read_label_values(graph, options.truth)) {
      truth[entry.node] = ids.try_emplace(entry.value, static_cast<std::uint32_t>(ids.size())).first->second;
    }
    for (auto& t : truth) {
      if (t == UINT32_MAX) t = static_cast<std::uint32_t>(ids.size());
    }
  }
  LeidenOptions leiden_options;
  leiden_options.resolution = options.resolution;
  leiden_options.seed = options.common.seed;
  leiden_options.max_iterations = options.iterations;
  const auto start = std::chrono::steady_clock::now();
  const CommunityPartition partition = leiden(graph, leiden_options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::vector<CommunityCohesion> cohesion =
      community_cohesion(graph, partition.community, partition.count);
  const double nmi = truth.empty() ? 0.0 : normalized_mutual_information(partition.community, truth);
  std::uint32_t loose = 0, singletons = 0;
  for (const auto& c : cohesion) {
    loose += c.loose();
    singletons += c.size == 1;
  }
  if (!options.out.empty()) {
    std::string text = "label,community\n";
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      text += fmt::format("{},{}\n", graph.label(v), partition.community[v]);
    }
    write_output_file(options.out, text);
  }
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["nodes"] = graph.num_nodes();
    json["algorithm"] = "leiden";
    json["resolution"] = options.resolution;
    json["seed"] = options.common.seed;
    json["communities"] = partition.count;
    json["modularity"] = partition.modularity;
    json["loose_communities"] = loose;
    json["singletons"] = singletons;
    if (!truth.empty()) json["nmi"] = nmi;
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
    json["seconds"] = seconds;
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("graph        {}: {} nodes, {} arcs (taken as undirected and simple)\n",
             graph.load_report().source, with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  fmt::print("algorithm    Leiden on modularity, resolution {}, seed {}, {} levels, {:.3f} s\n",
             options.resolution, options.common.seed, partition.levels, seconds);
  fmt::print("communities  {} ({} of a single person); modularity {:.4f}\n",
             with_commas(partition.count), with_commas(singletons), partition.modularity);
  if (!truth.empty()) {
    fmt::print("agreement    NMI {:.4f} with {}\n", nmi, options.truth);
  }
  fmt::print("loose        {} groups whose members hardly talk to each other (most of their links "
             "leave the group)\n\n",
             loose);
  fmt::print("{:>9}  {:>6}  {:>8}  {:>12}  {:>11}  {:>10}\n", "community", "size", "density",
             "links inside", "conductance", "clustering");
  for (std::uint32_t c = 0; c < std::min(options.top, partition.count); ++c) {
    const CommunityCohesion& k = cohesion[c];
    fmt::print("{:>9}  {:>6}  {:>8.4f}  {:>11.1f}%  {:>11.3f}  {:>10.3f}{}\n", c, k.size, k.density,
               100 * k.share_inside, k.conductance, k.clustering, k.loose() ? "  loose" : "");
  }
  if (partition.count > options.top) {
    fmt::print("  ... {} more (--top, or --out for everyone's community)\n", partition.count - options.top);
  }
}

}  // namespace

void register_communities(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "communities", "Which groups are real micro-networks: Leiden communities and their cohesion");
  add_graph_options(command, options->graph, "");
  command->add_option("--resolution", options->resolution,
                      "Modularity resolution: above 1 gives smaller communities")
      ->capture_default_str();
  command->add_option("--iterations", options->iterations,
                      "Rerun Leiden from its last partition at most this often")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command->add_option("--top", options->top, "Communities listed")->capture_default_str();
  command->add_option("--out", options->out, "Write label,community for everyone");
  command->add_option("--truth", options->truth,
                      "Known groups (label,group lines): report the NMI against them");
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade generate MODEL OUT: synthetic networks (Erdos-Renyi, Barabasi-Albert, Watts-Strogatz,
// planted partition, R-MAT), deterministic for a seed, in any format cascade reads.
#include <fmt/format.h>

#include "cascade/error.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/edge_list_writer.h"
#include "cascade/graph/snapshot.h"
#include "options.h"

namespace cascade::cli {

void register_generate(CLI::App& app) {
  struct Options {
    std::string model;
    std::string output;
    std::uint32_t nodes = 1000;
    std::uint64_t arcs = 5000;
    std::uint32_t attach = 3;
    std::uint32_t neighbors = 6;
    double rewire = 0.1;
    std::uint32_t groups = 10;
    std::uint32_t degree = 16;
    double mixing = 0.3;
    std::uint32_t scale = 16;
    std::uint32_t edge_factor = 16;
    std::uint64_t seed = kDefaultSeed;
    std::string communities;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "generate", "Generate a synthetic network: erdos-renyi, barabasi-albert, watts-strogatz, "
                  "planted-partition, rmat");
  command->add_option("MODEL", options->model, "Which generator")
      ->required()
      ->check(CLI::IsMember({"erdos-renyi", "barabasi-albert", "watts-strogatz", "planted-partition",
                             "rmat"}));
  command->add_option("OUT", options->output,
                      "Output: .cgraph snapshot, .csv, or edge list (.txt); .gz compresses")
      ->required();
  command->add_option("--nodes", options->nodes, "Nodes (all but rmat)")->capture_default_str();
  command->add_option("--arcs", options->arcs, "erdos-renyi: arcs")->capture_default_str();
  command->add_option("--attach", options->attach, "barabasi-albert: links per new node")
      ->capture_default_str();
  command->add_option("--neighbors", options->neighbors, "watts-strogatz: ring neighbours (even)")
      ->capture_default_str();
  command->add_option("--rewire", options->rewire, "watts-strogatz: rewiring probability")
      ->capture_default_str();
  command->add_option("--groups", options->groups, "planted-partition: communities")
      ->capture_default_str();
  command->add_option("--degree", options->degree, "planted-partition: links per node")
      ->capture_default_str();
  command->add_option("--mixing", options->mixing,
                      "planted-partition: share of links leaving the community (LFR's mu)")
      ->capture_default_str();
  command->add_option("--scale", options->scale, "rmat: 2^scale nodes")->capture_default_str();
  command->add_option("--edge-factor", options->edge_factor, "rmat: arcs per node")
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Seed: the same seed gives the same graph")
      ->capture_default_str();
  command->add_option("--communities", options->communities,
                      "planted-partition: write the planted communities as label,community");
  command->callback([options] {
    const Options& o = *options;
    if (!o.communities.empty() && o.model != "planted-partition") {
      throw UsageError("--communities: only planted-partition plants communities");
    }
    Graph graph;
    std::vector<std::uint32_t> community;
    if (o.model == "erdos-renyi") graph = erdos_renyi(o.nodes, o.arcs, o.seed);
    if (o.model == "barabasi-albert") graph = barabasi_albert(o.nodes, o.attach, o.seed);
    if (o.model == "watts-strogatz") graph = watts_strogatz(o.nodes, o.neighbors, o.rewire, o.seed);
    if (o.model == "rmat") graph = rmat(o.scale, o.edge_factor, o.seed);
    if (o.model == "planted-partition") {
      PlantedPartition planted = planted_partition(o.nodes, o.groups, o.degree, o.mixing, o.seed);
      graph = std::move(planted.graph);
      community = std::move(planted.community);
    }
    if (!o.communities.empty()) {
      std::string text = "label,community\n";
      for (NodeId v = 0; v < graph.num_nodes(); ++v) text += fmt::format("{},{}\n", v, community[v]);
      write_output_file(o.communities, text);
    }
    const bool snapshot = o.output.size() >= 7 && o.output.compare(o.output.size() - 7, 7, ".cgraph") == 0;
    if (snapshot) {
      write_snapshot(graph, o.output);
    } else {
      write_edge_list(graph, o.output);
    }
    fmt::print("wrote {}: {}, {} nodes, {} arcs{}\n", o.output, graph.load_report().source,
               with_commas(graph.num_nodes()), with_commas(graph.num_arcs()),
               graph.directed() ? "" : " (undirected: read it back with --undirected)");
  });
}

}  // namespace cascade::cli

// cascade generate MODEL OUT: synthetic networks (Erdos-Renyi, Barabasi-Albert, Watts-Strogatz,
// planted partition, R-MAT), deterministic for a seed, in the format OUT's extension names
// (edge_list_writer.h), which reads back as the same graph without options.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "cascade/error.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/edge_list_writer.h"
#include "cascade/io/file.h"
#include "cascade/io/paths.h"
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
    bool json = false;
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
                      "Output: .cgraph snapshot, .txt/.tsv/.edges edge list, .csv, .graphml, "
                      ".gexf (the text formats may add .gz), or - for standard output")
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
  add_seed_option(command, options->seed);
  command->add_option("--communities", options->communities,
                      "planted-partition: write the planted communities as label,community");
  command->add_flag("--json", options->json, "Print one JSON object instead of text");
  command->callback([options] {
    const Options& o = *options;
    if (!o.communities.empty() && o.model != "planted-partition") {
      throw UsageError("--communities: only planted-partition plants communities");
    }
    // Before generating: a folder that does not exist, an extension nobody can read back.
    check_output_path(o.output);
    const OutputFormat format = output_format_for(o.output);
    if (!o.communities.empty()) check_output_path(o.communities);
    check_distinct_files({}, {{"OUT", o.output}, {"--communities", o.communities}});
    const auto start = std::chrono::steady_clock::now();
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
    const auto generated = std::chrono::steady_clock::now();
    write_graph(graph, o.output);
    const NodeId left_out = nodes_left_out(graph, format);
    if (left_out > 0) {
      fmt::print(stderr,
                 "cascade: warning: {}: {} cannot be written as {} and {} left out "
                 "(write .txt, .graphml, .gexf or .cgraph to keep them)\n",
                 o.output, count_of(left_out, "isolated node", "isolated nodes"), format_name(format),
                 left_out == 1 ? "is" : "are");
    }
    const auto written = std::chrono::steady_clock::now();
    std::FILE* summary = is_standard_output(o.output) ? stderr : stdout;
    if (o.json) {
      CommonOptions common;
      common.seed = o.seed;
      nlohmann::ordered_json json = json_record(common, &graph);
      json["model"] = o.model;
      json["output"] = o.output;
      json["format"] = format_name(format);
      json["directed"] = graph.directed();
      json["communities"] = o.communities.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(o.communities);
      json["timing"] = {
          {"generate", std::chrono::duration<double>(generated - start).count()},
          {"write", std::chrono::duration<double>(written - generated).count()}};
      json["seconds"] = seconds_since_start();
      fmt::print(summary, "{}\n", json.dump(2));
      return;
    }
    // An undirected graph is written with both arcs of every link: it reads back as is.
    fmt::print(summary, "wrote {} ({}): {}, {} nodes, {} arcs{}\n", o.output, format_name(format),
               graph.load_report().source, with_commas(graph.num_nodes()),
               with_commas(graph.num_arcs()),
               graph.directed() ? ""
                                : fmt::format(" ({} undirected links, one arc each way)",
                                              with_commas(graph.num_arcs() / 2)));
  });
}

}  // namespace cascade::cli

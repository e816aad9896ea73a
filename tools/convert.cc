// cascade convert IN OUT: a graph in the format OUT's extension names (edge_list_writer.h):
// a .cgraph snapshot, an edge list, CSV, GraphML or GEXF, gzip-compressed with .gz, or an edge list
// on standard output for "-". With --prob, the probabilities are written as the weight column.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "cascade/graph/edge_list_writer.h"
#include "cascade/io/file.h"
#include "cascade/io/paths.h"
#include "options.h"

namespace cascade::cli {

void register_convert(CLI::App& app) {
  struct Options {
    GraphOptions graph;
    CommonOptions common;
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "convert",
      "Write a graph in the format OUT names: .cgraph snapshot, .txt/.tsv/.edges edge list, .csv, "
      ".graphml, .gexf (the text formats may add .gz); - writes an edge list to standard output");
  add_graph_options(command, options->graph,
                    "Write these probabilities as the weight column (wc, const:P, trivalency, "
                    "weight, weight-normalized), so that --prob weight on the output reproduces "
                    "them exactly (freezes trivalency draws)");
  command->add_option("OUT", options->output, "Output file, or - for standard output")->required();
  add_common_options(command, options->common);
  command->callback([options] {
    const std::string& out = options->output;
    // Before any reading: a folder that does not exist, an extension nobody can read back.
    check_output_path(out);
    check_distinct_files({{"GRAPH", options->graph.path}}, {{"OUT", out}});
    const OutputFormat format = output_format_for(out);
    apply_common_options(options->common);
    const Graph graph = load_graph_for(options->graph, options->common.seed);
    const auto start = std::chrono::steady_clock::now();
    write_graph(graph, out);
    const NodeId left_out = nodes_left_out(graph, format);
    if (left_out > 0) {
      fmt::print(stderr,
                 "cascade: warning: {}: {} cannot be written as {} and {} left out "
                 "(write .graphml, .gexf or .cgraph to keep them)\n",
                 out, count_of(left_out, "isolated node", "isolated nodes"), format_name(format),
                 left_out == 1 ? "is" : "are");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // The graph itself may be on standard output: the summary goes to stderr then.
    std::FILE* summary = is_standard_output(out) ? stderr : stdout;
    if (options->common.json) {
      nlohmann::ordered_json json = json_record(options->common, &graph);
      json["output"] = out;
      json["format"] = format_name(format);
      json["probability_scheme"] =
          graph.has_probabilities() ? nlohmann::ordered_json(graph.probability_scheme()) : nullptr;
      json["timing"] = {{"load", graph.load_report().seconds}, {"write", seconds}};
      json["seconds"] = seconds_since_start();
      fmt::print(summary, "{}\n", json.dump(2));
      return;
    }
    fmt::print(summary, "wrote {} ({}): {} nodes, {} arcs{} in {:.3f} s (read in {:.3f} s)\n", out,
               format_name(format), with_commas(graph.num_nodes()), with_commas(graph.num_arcs()),
               graph.has_probabilities()
                   ? fmt::format(", probabilities {} as the weight", graph.probability_scheme())
                   : "",
               seconds, graph.load_report().seconds);
  });
}

}  // namespace cascade::cli

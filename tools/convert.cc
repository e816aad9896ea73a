// cascade convert IN OUT: a text edge list to a binary snapshot (.cgraph), or any graph to text.
#include <fmt/format.h>

#include <chrono>

#include "cascade/graph/edge_list_writer.h"
#include "cascade/graph/snapshot.h"
#include "options.h"

namespace cascade::cli {

void register_convert(CLI::App& app) {
  struct Options {
    GraphOptions graph;
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "convert",
      "Write a graph as a binary snapshot (OUT ends in .cgraph) or as text (.txt, .csv, .gz)");
  add_graph_options(command, options->graph, "");
  command->add_option("OUT", options->output, "Output file")->required();
  command->callback([options] {
    const Graph graph = load_graph_for(options->graph, kDefaultSeed);
    const auto start = std::chrono::steady_clock::now();
    const std::string& out = options->output;
    const bool snapshot = out.size() >= 7 && out.compare(out.size() - 7, 7, ".cgraph") == 0;
    if (snapshot) {
      write_snapshot(graph, out);
    } else {
      write_edge_list(graph, out);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    fmt::print("wrote {} ({}): {} nodes, {} arcs in {:.3f} s (read in {:.3f} s)\n", out,
               snapshot ? "snapshot" : "edge list", with_commas(graph.num_nodes()),
               with_commas(graph.num_arcs()), seconds, graph.load_report().seconds);
  });
}

}  // namespace cascade::cli

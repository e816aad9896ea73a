// cascade info GRAPH: what a network is, before anything is run on it.
#include <fmt/format.h>

#include "graph_summary.h"
#include "options.h"

namespace cascade::cli {

void register_info(CLI::App& app) {
  struct Options {
    GraphOptions graph;
    CommonOptions common;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "info", "Summarize a network: size, degrees, components, clustering, memory");
  add_graph_options(command, options->graph,
                    "Also summarize arc probabilities under this scheme: wc, const:P, trivalency, "
                    "weight, weight-normalized");
  add_common_options(command, options->common);
  command->callback([options] {
    apply_common_options(options->common);
    const Graph graph = load_graph_for(options->graph, options->common.seed);
    const GraphSummary summary = summarize_graph(graph, options->common.seed);
    if (options->common.json) {
      nlohmann::ordered_json json = json_record(options->common, &graph);
      json.update(summary_json(summary));
      print_json(json);
    } else {
      fmt::print("{}", summary_text(summary));
    }
  });
}

}  // namespace cascade::cli

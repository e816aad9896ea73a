// cascade demo: the whole job on a small real network bundled with Cascade (data/README.md).
#include <fmt/format.h>

#include "graph_summary.h"
#include "options.h"

namespace cascade::cli {

void register_demo(CLI::App& app) {
  struct Options {
    std::string data_dir = CASCADE_DEMO_DIR;
    CommonOptions common;
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "demo", "Run Cascade on the bundled email-Eu-core network (1,005 people of a European "
              "research institution)");
  command->add_option("--data", options->data_dir, "Folder holding email-Eu-core.txt.gz")
      ->capture_default_str();
  add_common_options(command, options->common);
  command->callback([options] {
    apply_common_options(options->common);
    GraphOptions graph_options;
    graph_options.path = options->data_dir + "/email-Eu-core.txt.gz";
    graph_options.probability = "wc";
    const Graph graph = load_graph_for(graph_options, options->common.seed);
    const GraphSummary summary = summarize_graph(graph, options->common.seed);
    if (options->common.json) {
      nlohmann::ordered_json json;
      json["network"] = summary_json(summary);
      json["seed"] = options->common.seed;
      fmt::print("{}\n", json.dump(2));
      return;
    }
    fmt::print(
        "Cascade demo: email-Eu-core, who emails whom among 1,005 members of a European research\n"
        "institution (SNAP; Leskovec, Kleinberg, Faloutsos, TKDD 2007; Yin et al., KDD 2017).\n\n"
        "The network\n");
    fmt::print("{}", summary_text(summary));
  });
}

}  // namespace cascade::cli

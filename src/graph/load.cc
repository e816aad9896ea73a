#include "cascade/graph/load.h"

#include <chrono>

#include "cascade/error.h"
#include "cascade/graph/snapshot.h"
#include "cascade/io/file.h"

namespace cascade {

Graph load_graph(const std::string& path, const LoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string bytes = read_file(path);
  Graph graph;
  if (looks_like_snapshot(bytes)) {
    graph = parse_snapshot(bytes, path);
    if (options.build.undirected && graph.directed()) {
      throw UsageError(path + " is a snapshot of a directed graph; --undirected applies only when "
                              "reading text (convert the text again with --undirected)");
    }
  } else {
    EdgeListData data = parse_edge_list(bytes, path, options.read);
    graph = build_graph(std::move(data.labels), std::move(data.arcs), options.build,
                        std::move(data.report));
  }
  graph.load_report().seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return graph;
}

}  // namespace cascade

#include "cascade/graph/load.h"

#include <chrono>

#include "cascade/error.h"
#include "cascade/graph/gml_reader.h"
#include "cascade/graph/snapshot.h"
#include "cascade/graph/xml_graph_reader.h"
#include "cascade/io/file.h"

namespace cascade {

EdgeListData parse_graph_text(std::string_view text, const std::string& source,
                              const ReadOptions& options) {
  if (looks_like_xml(text)) return parse_xml_graph(text, source, options);
  if (looks_like_gml(text)) return parse_gml(text, source, options);
  return parse_edge_list(text, source, options);
}

Graph load_graph(const std::string& path, const LoadOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string bytes = read_file(path);
  Graph graph;
  if (looks_like_snapshot(bytes)) {
    graph = parse_snapshot(bytes, path);
    if (options.build.undirected && graph.directed()) {
      throw UsageError(path +
                       " is a snapshot of a directed graph; --undirected applies only when "
                       "reading text (convert the text again with --undirected)");
    }
  } else {
    EdgeListData data = parse_graph_text(bytes, path, options.read);
    BuildOptions build = options.build;
    build.undirected = build.undirected || data.undirected;
    graph =
        build_graph(std::move(data.labels), std::move(data.arcs), build, std::move(data.report));
  }
  graph.load_report().seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return graph;
}

}  // namespace cascade

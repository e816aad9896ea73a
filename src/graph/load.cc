#include "cascade/graph/load.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "cascade/error.h"
#include "cascade/graph/gml_reader.h"
#include "cascade/graph/snapshot.h"
#include "cascade/graph/xml_graph_reader.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

// Places each line's trials and successes on its arc of the built graph (and, for an undirected
// load, on the reversed copy too). Evidence cannot be merged the way repeated probabilities are
// (1 - prod(1 - p_i) has no counterpart in trials), so an arc given twice is refused.
ArcEvidence align_evidence(const Graph& graph, const std::vector<NodeId>& sources,
                           const std::vector<NodeId>& targets, const EvidenceColumns& columns,
                           bool undirected) {
  ArcEvidence evidence;
  evidence.trials.assign(graph.num_arcs(), 0);
  evidence.successes.assign(graph.num_arcs(), 0);
  std::vector<std::uint64_t> line_of(graph.num_arcs(), 0);
  const auto& offsets = graph.arrays().out_offsets;
  auto place = [&](NodeId u, NodeId v, std::size_t i, bool reversed) {
    const auto row = graph.out_neighbors(u);
    const ArcIndex a =
        offsets[u] + static_cast<ArcIndex>(std::lower_bound(row.begin(), row.end(), v) - row.begin());
    if (line_of[a] != 0) {
      throw InputError(
          graph.load_report().source, columns.lines[i],
          fmt::format("found arc {} -> {}{} again (first on line {}); expected each arc once in a "
                      "file with trials and successes, whose counts cannot be merged{}",
                      graph.label(u), graph.label(v), reversed ? " (this line reversed)" : "",
                      line_of[a],
                      undirected ? " (a file that cascade learn wrote lists both directions: read "
                                   "it without --undirected)"
                                 : ""));
    }
    line_of[a] = columns.lines[i];
    evidence.trials[a] = columns.trials[i];
    evidence.successes[a] = columns.successes[i];
  };
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i] == targets[i]) continue;  // self-loops are dropped
    place(sources[i], targets[i], i, false);
    if (undirected) place(targets[i], sources[i], i, true);
  }
  return evidence;
}

}  // namespace

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
    std::vector<NodeId> sources, targets;  // copies, only to place the evidence
    if (data.evidence) {
      sources = data.arcs.sources;
      targets = data.arcs.targets;
    }
    graph =
        build_graph(std::move(data.labels), std::move(data.arcs), build, std::move(data.report));
    if (data.evidence) {
      graph.set_arc_evidence(
          align_evidence(graph, sources, targets, *data.evidence, build.undirected));
    }
  }
  graph.load_report().seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return graph;
}

}  // namespace cascade

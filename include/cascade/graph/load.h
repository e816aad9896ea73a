// Loading a graph from any file Cascade reads, gzip-compressed or not, the format recognized by
// content, never by file name: a snapshot (its magic number), GraphML or GEXF (an XML document,
// told apart by the root element), GML (a "graph [" list, possibly after header pairs), else a
// text edge list (SNAP whitespace, CSV/TSV with a header, networkx write_edgelist; see
// edge_list_reader.h). LoadReport::format names what was read.
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/builder.h"
#include "cascade/graph/edge_list_reader.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct LoadOptions {
  ReadOptions read;
  BuildOptions build;
};

// Parses the text of any text format above (everything but a snapshot).
EdgeListData parse_graph_text(std::string_view text, const std::string& source,
                              const ReadOptions& options);

// A file that declares its links undirected (GraphML, GEXF, GML) is stored with both directions
// of each link, as options.build.undirected does.
// With options.read.arc_evidence and a CSV/TSV header naming trials and successes, the graph
// carries them (Graph::arc_evidence); an arc listed twice is then an InputError.
// Throws InputError for unreadable or malformed files and UsageError for options that do not
// apply (--undirected on a snapshot of a directed graph, for instance).
Graph load_graph(const std::string& path, const LoadOptions& options);

}  // namespace cascade

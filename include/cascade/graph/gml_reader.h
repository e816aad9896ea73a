// Reader for GML (Graph Modelling Language, as networkx write_gml, igraph and Cytoscape write it):
//   graph [ directed 1  node [ id 1 label "x" ]  edge [ source 1 target 2 weight 0.5 ] ]
// Keys are identifiers, values are numbers, "strings" (HTML character references such as &#233;
// and &quot; decoded, as networkx writes non-ASCII text) or [ lists ]; '#' starts a comment line.
// Node labels are `label`, falling back to `id`; the weight is `weight` (or
// ReadOptions::weight_column); `directed 0` (the default) makes every link two arcs, as
// --undirected does for text. Other keys (graphics, attributes) are skipped.
// A small hand-written tokenizer: GML is not XML and no maintained Debian library reads it.
// O(bytes) time.
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/edge_list_reader.h"

namespace cascade {

// Whether `text` begins (after comments and header pairs such as Creator "...") with "graph [".
bool looks_like_gml(std::string_view text);

EdgeListData parse_gml(std::string_view text, const std::string& source,
                       const ReadOptions& options);

}  // namespace cascade

// Writes a graph as text that read_edge_list reads back to the same graph: SNAP-style
// "source<TAB>target[<TAB>weight]" lines, or CSV with a "source,target[,weight]" header when the
// path ends in .csv; gzip-compressed when the path ends in .gz. Atomic: written to a temporary
// file and renamed into place.
#pragma once

#include <string>

#include "cascade/graph/graph.h"

namespace cascade {

void write_edge_list(const Graph& graph, const std::string& path);

}  // namespace cascade

// Loading a graph from any file Cascade reads: a snapshot (recognized by its magic number) or a
// text edge list, gzip-compressed or not.
#pragma once

#include <string>

#include "cascade/graph/builder.h"
#include "cascade/graph/edge_list_reader.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct LoadOptions {
  ReadOptions read;
  BuildOptions build;
};

// Throws InputError for unreadable or malformed files and UsageError for options that do not
// apply (--undirected on a snapshot of a directed graph, for instance).
Graph load_graph(const std::string& path, const LoadOptions& options);

}  // namespace cascade

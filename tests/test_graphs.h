// Helpers shared by the tests: graphs from inline text, random graphs, scratch files.
#pragma once

#include <cstdint>
#include <string>

#include "cascade/graph/builder.h"
#include "cascade/graph/edge_list_reader.h"
#include "cascade/graph/graph.h"

namespace cascade::testing {

// Parses `text` as an edge-list file and builds the graph.
Graph graph_from_text(const std::string& text, const BuildOptions& build = {},
                      const ReadOptions& read = {});

// A random directed graph with integer labels 0..n-1 (or names "node-<i>"), about m arcs.
Graph random_graph(NodeId n, std::size_t m, std::uint64_t seed, bool weighted, bool names);

// A random graph of `n` nodes (all present) and at most 14 arcs with probabilities in [0.1, 0.9]
// assigned by --prob weight, drawn from stream (seed, kTest, stream): small enough for exact
// live-edge enumeration (exact_spread.h).
Graph tiny_probability_graph(std::uint64_t seed, NodeId n, std::uint64_t stream = 7);

// A path in a scratch folder that is removed with the test binary's build tree.
std::string scratch_path(const std::string& name);

void write_text(const std::string& path, const std::string& content);

}  // namespace cascade::testing

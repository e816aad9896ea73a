// Turns a list of arcs between dense node ids into a Graph: drops self-loops, merges duplicate arcs,
// and lays out both CSR directions with rows sorted by neighbour id.
// Time O(n + m log d_max), memory O(n + m); the result does not depend on the thread count.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct ArcList {
  std::vector<NodeId> sources;
  std::vector<NodeId> targets;
  std::vector<float> weights;  // empty, or one per arc
};

// How the weights of repeated arcs combine into the one merged arc.
enum class DuplicateMerge {
  kSumWeights,          // tie strength adds up (an unweighted repeat counts 1 each)
  kIndependentChances,  // weights are probabilities: 1 - prod(1 - w_i), one chance per copy
};

struct BuildOptions {
  bool undirected = false;  // store each arc in both directions
  DuplicateMerge duplicates = DuplicateMerge::kSumWeights;
};

// `report` is completed with the self-loop and duplicate counts.
Graph build_graph(NodeLabels labels, ArcList arcs, const BuildOptions& options, LoadReport report);

}  // namespace cascade

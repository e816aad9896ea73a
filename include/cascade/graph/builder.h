// Turns a list of arcs between dense node ids into a Graph: drops self-loops, merges duplicate
// arcs, and lays out both CSR directions with rows sorted by neighbour id. Time O(n + m log d_max),
// memory O(n + m); the result does not depend on the thread count.
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
  // Store each arc in both directions. A file that already lists a link both ways ("a b 0.5" and
  // "b a 0.5") then holds each direction twice, and the two are merged as duplicates (by
  // `duplicates`: weight 1, or probability 0.75); the report gets a warning with the number of
  // such links.
  bool undirected = false;
  DuplicateMerge duplicates = DuplicateMerge::kSumWeights;
};

// `report` is completed with the self-loop and duplicate counts and any warnings.
Graph build_graph(NodeLabels labels, ArcList arcs, const BuildOptions& options, LoadReport report);

}  // namespace cascade

// Weakly connected components by union-find with path halving and union by size
// (Tarjan, JACM 1975). Time O(m alpha(n)), memory O(n). Deterministic.
#pragma once

#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct Components {
  std::vector<NodeId> component_of;  // component index per node, numbered by smallest member
  NodeId count = 0;
  NodeId largest_size = 0;
};

Components weakly_connected_components(const Graph& graph);

}  // namespace cascade

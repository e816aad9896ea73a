// The graph seen as undirected and simple: v's links are its out- and in-neighbours, each once.
#pragma once

#include "cascade/graph/graph.h"

namespace cascade {

// Calls visit(u) for every node u linked to v either way, once each, in increasing order
// (the merge of two sorted rows). O(out-degree + in-degree).
template <typename Visit>
void for_each_link(const Graph& graph, NodeId v, Visit&& visit) {
  const auto out = graph.out_neighbors(v);
  const auto in = graph.in_neighbors(v);
  std::size_t i = 0, j = 0;
  while (i < out.size() || j < in.size()) {
    if (j == in.size() || (i < out.size() && out[i] < in[j])) {
      visit(out[i++]);
    } else if (i == out.size() || in[j] < out[i]) {
      visit(in[j++]);
    } else {
      visit(out[i++]);
      ++j;
    }
  }
}

}  // namespace cascade

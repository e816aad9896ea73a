#include "cascade/graph/components.h"

#include <numeric>

namespace cascade {

Components weakly_connected_components(const Graph& graph) {
  const NodeId n = graph.num_nodes();
  std::vector<NodeId> parent(n);
  std::vector<NodeId> size(n, 1);
  std::iota(parent.begin(), parent.end(), NodeId{0});
  auto find = [&](NodeId x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (NodeId u = 0; u < n; ++u) {
    for (const NodeId v : graph.out_neighbors(u)) {
      NodeId a = find(u), b = find(v);
      if (a == b) continue;
      if (size[a] < size[b]) std::swap(a, b);
      parent[b] = a;
      size[a] += size[b];
    }
  }
  Components result;
  result.component_of.assign(n, 0);
  std::vector<NodeId> index_of_root(n, n);
  for (NodeId u = 0; u < n; ++u) {
    const NodeId root = find(u);
    if (index_of_root[root] == n) {
      index_of_root[root] = result.count++;
      result.largest_size = std::max(result.largest_size, size[root]);
    }
    result.component_of[u] = index_of_root[root];
  }
  return result;
}

}  // namespace cascade

#include "diffusion/exact_competition.h"

#include <limits>

namespace cascade::testing {

constexpr std::uint32_t kFar = std::numeric_limits<std::uint32_t>::max();

std::vector<std::uint32_t> live_distances(const Graph& graph, const std::vector<char>& live,
                                          const std::vector<NodeId>& sources) {
  std::vector<std::uint32_t> distance(graph.num_nodes(), kFar);
  std::vector<NodeId> queue;
  for (const NodeId s : sources) {
    distance[s] = 0;
    queue.push_back(s);
  }
  const auto& offsets = graph.arrays().out_offsets;
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const NodeId u = queue[q];
    const auto targets = graph.out_neighbors(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (!live[offsets[u] + i] || distance[targets[i]] != kFar) continue;
      distance[targets[i]] = distance[u] + 1;
      queue.push_back(targets[i]);
    }
  }
  return distance;
}

void for_each_world(const Graph& graph,
                    const std::function<void(const std::vector<char>&, double)>& visit) {
  const ArcIndex m = graph.num_arcs();
  std::vector<float> p;
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    for (const float x : graph.out_probabilities(u)) p.push_back(x);
  }
  std::vector<char> live(m);
  for (std::uint64_t world = 0; world < (std::uint64_t{1} << m); ++world) {
    double probability = 1;
    for (ArcIndex a = 0; a < m; ++a) {
      live[a] = static_cast<char>((world >> a) & 1);
      probability *= live[a] ? p[a] : 1.0 - p[a];
    }
    visit(live, probability);
  }
}

ExactCompetition exact_competition(const Graph& graph, const std::vector<NodeId>& rumor,
                                   const std::vector<NodeId>& protectors, bool rumor_wins_ties) {
  ExactCompetition exact;
  for_each_world(graph, [&](const std::vector<char>& live, double probability) {
    const auto from_rumor = live_distances(graph, live, rumor);
    const auto from_protectors = live_distances(graph, live, protectors);
    double alone = 0, with = 0;
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      if (from_rumor[v] == kFar) continue;
      alone += 1;
      const bool rumor_first = rumor_wins_ties ? from_rumor[v] <= from_protectors[v]
                                               : from_rumor[v] < from_protectors[v];
      if (rumor_first) with += 1;
    }
    exact.rumor_alone += probability * alone;
    exact.rumor += probability * with;
  });
  exact.saved = exact.rumor_alone - exact.rumor;
  return exact;
}

}  // namespace cascade::testing

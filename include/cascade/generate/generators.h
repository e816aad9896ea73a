// Synthetic networks, deterministic for a seed, for tests, benchmarks and what-if studies. Each
// returns a graph with integer labels 0..n-1 and no probabilities. Every generator draws from the
// stream (seed, kGenerator, i) for its i-th piece of work, so the graph is the same on any machine.
//
//   erdos_renyi        G(n, m): m distinct arcs (u != v) drawn uniformly (Erdos, Renyi 1959);
//                      expected O(m) time while m is at most half of n(n-1).
//   barabasi_albert    preferential attachment (Barabasi, Albert, Science 1999): each new node
//                      links to `attach` distinct earlier nodes chosen proportionally to degree,
//                      by sampling the endpoint list (Batagelj, Brandes 2005). Undirected. O(n a).
//   watts_strogatz     a ring where each node links to its `neighbors`/2 nearest on each side,
//                      each link rewired with probability `rewire` (Watts, Strogatz, Nature 1998).
//                      Undirected. O(n k).
//   planted_partition  `groups` communities of equal size; each node draws `degree` links, a
//                      fraction 1 - mixing inside its community and `mixing` outside (the LFR
//                      benchmark's mixing parameter mu, Lancichinetti, Fortunato, Radicchi 2008,
//                      with equal degrees and sizes). Undirected. Returns the planted community of
//                      every node too. O(n degree).
//   rmat               R-MAT (Chakrabarti, Zhan, Faloutsos, SDM 2004) with the Graph500
//                      parameters a = 0.57, b = c = 0.19: 2^scale nodes, edge_factor x 2^scale
//                      arcs (duplicates and self-loops are then merged and dropped, as Graph500
//                      does). O(m scale).
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

Graph erdos_renyi(NodeId n, std::uint64_t m, std::uint64_t seed);
Graph barabasi_albert(NodeId n, std::uint32_t attach, std::uint64_t seed);
Graph watts_strogatz(NodeId n, std::uint32_t neighbors, double rewire, std::uint64_t seed);

struct PlantedPartition {
  Graph graph;
  std::vector<std::uint32_t> community;  // per node
};
PlantedPartition planted_partition(NodeId n, std::uint32_t groups, std::uint32_t degree,
                                   double mixing, std::uint64_t seed);

Graph rmat(std::uint32_t scale, std::uint32_t edge_factor, std::uint64_t seed);

}  // namespace cascade

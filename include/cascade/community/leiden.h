// Leiden community detection (Traag, Waltman, van Eck, "From Louvain to Leiden: guaranteeing
// well-connected communities", Scientific Reports 9, 5233, 2019) maximizing modularity with a
// resolution parameter gamma:
//   Q = sum over communities c of [ w_in(c) / (2W) - gamma (K_c / 2W)^2 ],
// w_in(c) the weight of links inside c counted from both ends, K_c the summed strength of c's
// members, W the total link weight. The graph is taken as undirected and simple (a pair linked
// either way, or both, is one link of weight 1), as igraph's Leiden and Louvain see it.
//
// Each level: fast local moving (a queue of nodes, each moved to the neighbouring community of
// largest gain), refinement (within each community, singletons merge into well-connected
// subcommunities chosen at random with probability proportional to exp(gain / 0.01)), and
// aggregation of the refined partition, the unrefined one giving the aggregate's starting
// communities, until local moving changes nothing; then the whole is rerun from that partition
// while modularity rises by 0.0001 or more (leidenalg's n_iterations = -1 goes on to no gain). Communities are guaranteed connected.
// Time O(m) per level in practice, a few levels, plus O(n log n) label comparisons to order
// string labels; memory O(n + m). Sequential and deterministic: the node order and refinement
// draws come from (seed, level), so the result depends on the seed alone.
//
// The result does not depend on how the labels were typed: the same network written with integer
// labels or with the same labels as strings gives the same partition (as label -> community) and
// modularity, and so does the network with labels "u1", "u2", ... in place of 1, 2, ... (the
// numbers keep their order). Leiden runs on the nodes renumbered in label_order (below), each
// node's links in that order, so visit order, tie-breaks and refinement draws never see the
// internal ids, which follow numeric order for integer labels but first appearance for strings.
// Communities are numbered by decreasing size, ties to the one whose first member in label_order
// comes first.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct LeidenOptions {
  double resolution = 1.0;
  std::uint64_t seed = 1;
  double randomness = 0.01;  // theta of the refinement phase
  int max_levels = 50;
  // Iterated Leiden: rerun from the last partition while modularity rises, at most this often.
  int max_iterations = 10;
};

struct CommunityPartition {
  std::vector<std::uint32_t> community;  // per node, numbered 0.. by decreasing size
  std::uint32_t count = 0;
  double modularity = 0;
  int levels = 0;
};

// Throws UsageError unless resolution > 0.
CommunityPartition leiden(const Graph& graph, const LeidenOptions& options = {});

// Every node, ordered by its label's text alone: labels spelt as decimal integers (an optional
// '-', no leading zeros) first, in numeric order, then the others in natural order (runs of
// digits compared by value, other characters by byte, then byte order: "u9" before "u10").
// For integer labels this is the id order itself, and a graph whose labels are the same
// numbers as strings, or the numbers with a common prefix or suffix ("user-12"), gets the same
// order. A label-independent rule for tie-breaks. O(n log n) comparisons of labels.
std::vector<NodeId> label_order(const Graph& graph);

// Modularity (with resolution) of any partition of `graph` taken as undirected and simple.
double modularity(const Graph& graph, const std::vector<std::uint32_t>& community,
                  double resolution = 1.0);

// Normalized mutual information 2 I(A;B) / (H(A) + H(B)) of two labelings of the same nodes
// (Danon, Diaz-Guilera, Duch, Arenas 2005); 1 when both are a single cluster. Throws UsageError
// unless both are equally long and not empty.
double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b);

}  // namespace cascade

// Probability schemes: how each arc (u, v) gets its diffusion probability p(u, v).
//
//   wc                 weighted cascade, p = 1 / in-degree(v)   (Kempe, Kleinberg, Tardos, KDD 2003)
//   const:P            p = P for every arc
//   trivalency         p drawn uniformly from {0.1, 0.01, 0.001} per arc, from the seed
//                      (Chen, Wang, Yang, KDD 2009)
//   weight             p = the arc's weight from the file, which must lie in [0, 1]
//   weight-normalized  p = w(u, v) / sum of w into v: tie strength, as linear threshold expects
//
// With wc and weight-normalized the probabilities into every node sum to 1 (or 0), as the linear
// threshold model requires. Assigning is O(m) and thread-count independent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cascade/graph/graph.h"

namespace cascade {

enum class ProbabilityScheme { kWeightedCascade, kConstant, kTrivalency, kWeight, kWeightNormalized };

struct ProbabilitySpec {
  ProbabilityScheme scheme = ProbabilityScheme::kWeightedCascade;
  double constant = 0.0;  // for kConstant

  // Parses "wc", "const:0.1", "trivalency", "weight", "weight-normalized"; throws UsageError.
  static ProbabilitySpec parse(std::string_view text);
  std::string to_string() const;
  bool needs_weights() const {
    return scheme == ProbabilityScheme::kWeight || scheme == ProbabilityScheme::kWeightNormalized;
  }
};

// Sets graph's probabilities. Throws UsageError when the scheme needs weights the graph lacks,
// InputError when a weight used as a probability lies outside [0, 1].
void assign_probabilities(Graph& graph, const ProbabilitySpec& spec, std::uint64_t seed);

// Summary of assigned probabilities, for reports.
struct ProbabilitySummary {
  double min = 0, mean = 0, max = 0;
  double max_in_sum = 0;  // the largest sum of probabilities into one node (must be <= 1 for LT)
  NodeId max_in_sum_node = 0;
};
ProbabilitySummary summarize_probabilities(const Graph& graph);

}  // namespace cascade

// Degree distributions and the other figures `cascade info` reports.
#pragma once

#include <cstdint>
#include <span>

#include "cascade/graph/clustering.h"
#include "cascade/graph/components.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct DegreeSummary {
  std::uint32_t min = 0;
  double median = 0;
  double mean = 0;
  std::uint32_t max = 0;
};

// Min, median (mean of the two middle values for an even count), mean and max of `degrees`.
DegreeSummary summarize_degrees(std::span<const std::uint32_t> degrees);

struct GraphStatistics {
  DegreeSummary in_degree;
  DegreeSummary out_degree;
  NodeId isolated_nodes = 0;
  NodeId components = 0;
  NodeId largest_component = 0;
  ClusteringEstimate clustering;
};

GraphStatistics compute_statistics(const Graph& graph, const ClusteringOptions& clustering = {});

}  // namespace cascade

// The network summary shown by `cascade info` and `cascade demo`, as text or JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "cascade/graph/graph.h"
#include "cascade/graph/statistics.h"

namespace cascade::cli {

struct GraphSummary {
  const Graph& graph;
  GraphStatistics statistics;
  double statistics_seconds = 0;
};

GraphSummary summarize_graph(const Graph& graph, std::uint64_t seed);
std::string summary_text(const GraphSummary& summary);
nlohmann::ordered_json summary_json(const GraphSummary& summary);

}  // namespace cascade::cli

// influencers and communities as requests: the rules for --top, the sample sizes and the ground
// truth's coverage, decided once for every front end.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/text.h"

namespace cascade {
namespace {

std::size_t parse_top(const std::string& text, NodeId n) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  const bool percent = end != nullptr && std::string(end) == "%";
  if (end == text.c_str() || (!percent && *end != '\0') || !std::isfinite(value) ||
      !(value > 0) || (percent && value > 100) || (!percent && value != std::floor(value))) {
    throw UsageError("top", fmt::format("found '{}'; expected a count (25) or a percentage (10%)",
                                        text));
  }
  if (!percent && value > n) {
    throw UsageError("top", fmt::format("found {}; expected at most {} (the number of nodes), or a "
                                        "percentage",
                                        text, group_digits(n)));
  }
  const double count = percent ? std::ceil(value / 100.0 * n) : value;
  return static_cast<std::size_t>(
      std::clamp(count, 1.0, static_cast<double>(std::max<NodeId>(n, 1))));
}

}  // namespace

InfluenceRanking influencers(const Graph& graph, const InfluenceRequest& request) {
  const DiffusionModel model = DiffusionModel::parse(request.model);
  if (!supports_rr_sets(model)) {
    throw UsageError("model", fmt::format("found {}; influencers estimates individual reach from "
                                          "RR sets, which model ic and lt; expected ic or lt",
                                          model.to_string()));
  }
  InfluenceOptions options;
  options.rr_sets = request.samples;
  options.top = parse_top(request.top, graph.num_nodes());
  options.seed = request.seed;
  return rank_influencers(graph, model, options);
}

CommunityReport communities(const Graph& graph, const CommunityRequest& request) {
  // Above 1,000 every community is a single person or pair whatever the graph.
  if (!(request.resolution > 0 && request.resolution <= 1000)) {
    throw UsageError("resolution", fmt::format("found {}; expected a number in (0, 1000]",
                                               request.resolution));
  }
  if (request.iterations < 1) {
    throw UsageError("iterations", fmt::format("found {}; expected at least 1", request.iterations));
  }
  CommunityReport report;
  if (request.truth != nullptr) {
    const GroupFile& truth = *request.truth;
    if (truth.group.size() != graph.num_nodes()) {
      throw UsageError("truth", fmt::format("found groups for {} nodes; expected {}",
                                            truth.group.size(), graph.num_nodes()));
    }
    report.has_truth = true;
    report.truth_coverage =
        graph.num_nodes() == 0 ? 0.0 : static_cast<double>(truth.listed) / graph.num_nodes();
    report.truth_groups = truth.groups;
    if (report.truth_coverage < kMinimumTruthCoverage || truth.listed < 2) {
      throw UsageError("truth", fmt::format("found groups for {} of {} people ({}); expected at "
                                            "least 2 people and {:.0f}% of the network for an NMI "
                                            "that means something",
                                            group_digits(truth.listed), group_digits(graph.num_nodes()),
                                            report.truth_coverage < kMinimumTruthCoverage
                                                ? fmt::format("{:.2f}%, below {:.0f}%",
                                                              100 * report.truth_coverage,
                                                              100 * kMinimumTruthCoverage)
                                                : fmt::format("{:.1f}%", 100 * report.truth_coverage),
                                            100 * kMinimumTruthCoverage));
    }
  }
  LeidenOptions options;
  options.resolution = request.resolution;
  options.seed = request.seed;
  options.max_iterations = request.iterations;
  const auto start = std::chrono::steady_clock::now();
  report.partition = leiden(graph, options);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.cohesion = community_cohesion(graph, report.partition.community, report.partition.count);
  for (const CommunityCohesion& c : report.cohesion) {
    report.loose += c.loose();
    report.singletons += c.size == 1;
  }
  if (report.has_truth) {
    // The NMI over the people the truth lists; the others have no known group.
    std::vector<std::uint32_t> found, known;
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      if (request.truth->group[v] == GroupFile::kUnlisted) continue;
      found.push_back(report.partition.community[v]);
      known.push_back(request.truth->group[v]);
    }
    report.nmi = normalized_mutual_information(found, known);
  }
  return report;
}

}  // namespace cascade

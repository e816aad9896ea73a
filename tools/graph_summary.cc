#include "graph_summary.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "cascade/graph/probability.h"
#include "options.h"

namespace cascade::cli {
namespace {

std::string degrees_text(const DegreeSummary& d) {
  return fmt::format("min {} | median {} | mean {} | max {}", with_commas(d.min),
                     d.median == std::floor(d.median) ? with_commas(d.median, 0) : with_commas(d.median, 1),
                     with_commas(d.mean, 2), with_commas(d.max));
}

nlohmann::ordered_json degrees_json(const DegreeSummary& d) {
  return {{"min", d.min}, {"median", d.median}, {"mean", d.mean}, {"max", d.max}};
}

double percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

GraphSummary summarize_graph(const Graph& graph, std::uint64_t seed) {
  const auto start = std::chrono::steady_clock::now();
  ClusteringOptions clustering;
  clustering.seed = seed;
  GraphSummary summary{graph, compute_statistics(graph, clustering), 0};
  summary.statistics_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

std::string summary_text(const GraphSummary& summary) {
  const Graph& graph = summary.graph;
  const LoadReport& report = graph.load_report();
  const GraphStatistics& s = summary.statistics;
  std::string out;
  auto line = [&out](std::string_view key, const std::string& value) {
    out += fmt::format("{:<13}{}\n", key, value);
  };
  line("graph", fmt::format("{} ({}, {}, loaded in {:.3f} s)", report.source, report.format,
                            human_bytes(report.bytes), report.seconds));
  if (report.counts_header) {
    line("header", fmt::format("declares {} nodes, {} arcs{}", with_commas(report.declared_nodes),
                               with_commas(report.declared_arcs),
                               report.declared_arcs == report.data_lines
                                   ? std::string()
                                   : fmt::format(" (the file holds {} arc lines)",
                                                 with_commas(report.data_lines))));
  }
  line("nodes", with_commas(graph.num_nodes()) +
                    (graph.labels().is_integer() ? " (integer labels)" : " (text labels)"));
  line("arcs", fmt::format("{} {}{}", with_commas(graph.num_arcs()),
                           graph.directed() ? "directed" : "(undirected: each line stored both ways)",
                           graph.weighted() ? ", weighted" : ""));
  line("cleaned", fmt::format("{} self-loops dropped, {} duplicate arcs merged",
                              with_commas(report.self_loops_dropped),
                              with_commas(report.duplicates_merged)));
  line("in-degree", degrees_text(s.in_degree));
  line("out-degree", degrees_text(s.out_degree));
  line("isolated", with_commas(s.isolated_nodes) + " nodes");
  line("components", fmt::format("{} weakly connected; largest {} nodes ({:.1f}%)",
                                 with_commas(s.components), with_commas(s.largest_component),
                                 percent(s.largest_component, graph.num_nodes())));
  if (s.clustering.exact) {
    line("clustering", fmt::format("{:.4f} average local coefficient (exact)", s.clustering.average));
  } else {
    line("clustering",
         fmt::format("{:.4f} +/- {:.4f} average local coefficient (95% interval, {} nodes sampled)",
                     s.clustering.average, 1.96 * s.clustering.standard_error,
                     with_commas(s.clustering.samples)));
  }
  if (graph.has_probabilities()) {
    const ProbabilitySummary p = summarize_probabilities(graph);
    line("probability",
         fmt::format("{}: min {:.4g}, mean {:.4g}, max {:.4g}; largest sum into one node {:.4g} ({})",
                     graph.probability_scheme(), shortest_decimal(p.min), float_precision(p.mean),
                     shortest_decimal(p.max), float_precision(p.max_in_sum),
                     graph.num_arcs() == 0 ? std::string("-") : label_list(graph, std::vector<NodeId>{p.max_in_sum_node})));
  } else {
    line("probability", "none assigned (choose one with --prob wc|const:P|trivalency|weight|"
                        "weight-normalized)");
  }
  line("memory", fmt::format("graph {}; peak resident {}", human_bytes(graph.memory_bytes()),
                             human_bytes(peak_resident_bytes())));
  return out;
}

nlohmann::ordered_json summary_json(const GraphSummary& summary) {
  const Graph& graph = summary.graph;
  const LoadReport& report = graph.load_report();
  const GraphStatistics& s = summary.statistics;
  nlohmann::ordered_json json;
  json["graph"] = report.source;
  json["format"] = report.format;
  json["nodes"] = graph.num_nodes();
  json["arcs"] = graph.num_arcs();
  json["warnings"] = report.warnings;
  json["directed"] = graph.directed();
  json["weighted"] = graph.weighted();
  json["labels"] = graph.labels().is_integer() ? "integer" : "text";
  json["self_loops_dropped"] = report.self_loops_dropped;
  json["duplicates_merged"] = report.duplicates_merged;
  if (report.counts_header) {
    json["header"] = {{"nodes", report.declared_nodes}, {"arcs", report.declared_arcs},
                      {"arc_lines", report.data_lines}};
  }
  json["in_degree"] = degrees_json(s.in_degree);
  json["out_degree"] = degrees_json(s.out_degree);
  json["isolated_nodes"] = s.isolated_nodes;
  json["weakly_connected_components"] = {{"count", s.components},
                                         {"largest", s.largest_component}};
  json["clustering"] = {{"average", s.clustering.average},
                        {"exact", s.clustering.exact},
                        {"stderr", s.clustering.standard_error},
                        {"sampled_nodes", s.clustering.samples}};
  if (graph.has_probabilities()) {
    const ProbabilitySummary p = summarize_probabilities(graph);
    json["probability"] = {{"scheme", graph.probability_scheme()},
                           {"min", shortest_decimal(p.min)},
                           {"mean", float_precision(p.mean)},
                           {"max", shortest_decimal(p.max)},
                           {"max_in_sum", float_precision(p.max_in_sum)}};
  } else {
    json["probability"] = nullptr;
  }
  json["memory_bytes"] = graph.memory_bytes();
  json["peak_resident_bytes"] = peak_resident_bytes();
  json["input_bytes"] = report.bytes;
  json["timing"] = {{"load", report.seconds}, {"statistics", summary.statistics_seconds}};
  return json;
}

}  // namespace cascade::cli

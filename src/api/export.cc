// export: which attributes a GEXF or GraphML file carries and how each is computed, decided once
// for every front end; the writing itself is graph/xml_graph_writer.h.
#include "cascade/api/export.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_set>

#include "cascade/error.h"
#include "cascade/graph/xml_graph_writer.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

enum class XmlFormat { kGexf, kGraphml };

XmlFormat format_for(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto ends_with = [&](const std::string& tail) {
    return name.size() > tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends_with(".gexf")) return XmlFormat::kGexf;
  if (ends_with(".graphml")) return XmlFormat::kGraphml;
  throw UsageError("out", fmt::format("found '{}'; expected a file name ending in .gexf (Gephi, "
                                      "Gephi Lite) or .graphml",
                                      path));
}

void check_request(const Graph& graph, const ExportRequest& request) {
  std::unordered_set<NodeId> seen;
  for (const NodeId v : request.seeds) {
    if (v >= graph.num_nodes()) {
      throw UsageError(
          "seeds", fmt::format("found node {}; expected a node id below {}", v, graph.num_nodes()));
    }
    if (!seen.insert(v).second) {
      throw UsageError("seeds",
                       fmt::format("found {} twice; expected each person once", graph.label(v)));
    }
  }
  if (!request.fees.empty()) {
    if (request.fees.size() != graph.num_nodes()) {
      throw UsageError("fees", fmt::format("found {} fees; expected one per node ({})",
                                           request.fees.size(), graph.num_nodes()));
    }
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      if (!std::isfinite(request.fees[v]) || request.fees[v] < 0) {
        throw UsageError("fees", fmt::format("found {} for '{}'; expected a finite number >= 0",
                                             request.fees[v], graph.label(v)));
      }
    }
  }
  if (request.communities && !(request.resolution > 0 && request.resolution <= 1000)) {
    throw UsageError("resolution",
                     fmt::format("found {}; expected a number in (0, 1000]", request.resolution));
  }
  if (request.reach && request.seeds.empty()) {
    throw UsageError("reach", "found no seeds; expected seeds whose reach to simulate");
  }
  if (request.reach && request.runs < 2) {
    throw UsageError("runs", fmt::format("found {}; expected at least 2 (an error bar needs two "
                                         "runs)",
                                         request.runs));
  }
  if (request.influence || request.reach) {
    const DiffusionModel model = make_model(request.model);
    if (request.influence && !supports_rr_sets(model)) {
      throw UsageError("model", fmt::format("found {}; influence is estimated from RR sets, which "
                                            "model ic and lt; expected ic or lt",
                                            model.to_string()));
    }
    check_model(graph, model);
  }
}

std::vector<std::string> formatted(const std::vector<double>& values) {
  std::vector<std::string> text(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) text[i] = fmt::format("{}", values[i]);
  return text;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::string export_format(const std::string& out) {
  return format_for(out) == XmlFormat::kGexf ? "gexf" : "graphml";
}

ExportResult export_graph(const Graph& graph, const ExportRequest& request) {
  const XmlFormat format = format_for(request.out);
  check_request(graph, request);
  ExportResult result;
  result.format = format == XmlFormat::kGexf ? "gexf" : "graphml";
  XmlColumns columns;
  using Type = XmlNodeColumn::Type;
  const auto add = [&](std::string name, Type type, std::vector<std::string> values) {
    columns.nodes.push_back({std::move(name), type, std::move(values)});
  };

  if (!request.seeds.empty()) {
    std::vector<std::string> flags(graph.num_nodes(), "false");
    for (const NodeId v : request.seeds) flags[v] = "true";
    add("seed", Type::kBoolean, std::move(flags));
  }
  if (!request.fees.empty()) add("fee", Type::kDouble, formatted(request.fees));
  if (request.communities) {
    const auto start = std::chrono::steady_clock::now();
    CommunityRequest community_request;
    community_request.resolution = request.resolution;
    community_request.seed = request.seed;
    const CommunityReport report = communities(graph, community_request);
    std::vector<std::string> numbers(graph.num_nodes());
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
      numbers[v] = fmt::format("{}", report.partition.community[v]);
    }
    add("community", Type::kInteger, std::move(numbers));
    result.communities = report.partition.count;
    result.modularity = report.partition.modularity;
    result.phases.push_back({"communities", seconds_since(start)});
  }
  if (request.influence) {
    const auto start = std::chrono::steady_clock::now();
    // top 1: everyone's estimate is all the file needs.
    const InfluenceRequest influence_request{request.model.model, std::string(1, '1'),
                                             request.samples, request.seed};
    const InfluenceRanking ranking = influencers(graph, influence_request);
    add("influence", Type::kDouble, formatted(ranking.everyone.reach));
    add("influence_se", Type::kDouble, formatted(ranking.everyone.standard_error));
    result.rr_sets = ranking.everyone.rr_sets;
    result.phases.push_back({"influence", seconds_since(start)});
  }
  if (request.reach) {
    const auto start = std::chrono::steady_clock::now();
    SimulationRequest simulation;
    simulation.seeds = request.seeds;
    simulation.model = request.model;
    simulation.runs = request.runs;
    simulation.node_probabilities = true;
    simulation.seed = request.seed;
    const SimulationReport report = simulate(graph, simulation);
    const auto& p = report.result.node_probability;
    std::vector<double> errors(p.size());
    const double runs = static_cast<double>(report.result.runs);
    for (std::size_t v = 0; v < p.size(); ++v) errors[v] = std::sqrt(p[v] * (1 - p[v]) / runs);
    add("reach_probability", Type::kDouble, formatted(p));
    add("reach_probability_se", Type::kDouble, formatted(errors));
    result.reach = report.result.reach;
    result.runs = report.result.runs;
    result.phases.push_back({"reach", seconds_since(start)});
  }
  columns.probabilities = graph.has_probabilities();

  const auto start = std::chrono::steady_clock::now();
  const std::string document = format == XmlFormat::kGexf
                                   ? gexf_document(graph, request.out, columns)
                                   : graphml_document(graph, request.out, columns);
  AtomicOutputFile file(request.out);
  file.write(document);
  file.commit();
  result.phases.push_back({"writing", seconds_since(start)});

  result.nodes = graph.num_nodes();
  result.directed = graph.directed() || columns.probabilities;
  result.edges = result.directed ? graph.num_arcs() : graph.num_arcs() / 2;
  result.node_attributes.push_back("label");
  for (const XmlNodeColumn& column : columns.nodes) result.node_attributes.push_back(column.name);
  if (graph.weighted()) result.edge_attributes.push_back("weight");
  if (columns.probabilities) result.edge_attributes.push_back("probability");
  result.bytes = document.size();
  return result;
}

}  // namespace cascade

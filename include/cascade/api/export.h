// `cascade export`: the network as a GEXF 1.3 or GraphML file for Gephi, Gephi Lite, networkx,
// igraph or yEd, with what Cascade knows about each person as node attributes, computed here so
// that every front end writes the same file:
//
//   label               the person's label (also the node id)
//   seed                true for the given seeds, false for everyone else (with seeds)
//   fee                 what seeding them costs (with fees)
//   community           their Leiden community, 0.. by decreasing size (with communities)
//   influence           expected reach of that person alone, from RR sets, and influence_se, its
//                       standard error (with influence; ic and lt; as `cascade influencers`)
//   reach_probability   the share of Monte Carlo runs of the seeds that reach them, and
//                       reach_probability_se = sqrt(p (1 - p) / runs) (with reach)
//
// and on each arc its "weight" (the file's weights, if any) and "probability" (the diffusion
// probability, when assigned; then every arc is written, as a directed graph, since the two arcs
// of a link differ). The same request, seed included, writes the same bytes on any number of
// threads. Written atomically (io/file.h): a temporary file renamed into place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cascade/api/requests.h"

namespace cascade {

struct ExportRequest {
  std::string out;            // ends in .gexf or .graphml (any case)
  std::vector<NodeId> seeds;  // distinct nodes; may be empty
  std::vector<double> fees;   // one per node, or empty
  bool communities = false;
  double resolution = 1.0;  // with communities
  bool influence = false;
  std::uint64_t samples = 0;    // with influence: RR sets (InfluenceRequest::samples)
  bool reach = false;           // needs seeds
  ModelRequest model;           // influence and reach
  std::uint64_t runs = 10'000;  // with reach
  std::uint64_t seed = kDefaultSeed;
};

struct ExportResult {
  std::string format;  // "gexf" or "graphml"
  NodeId nodes = 0;
  std::uint64_t edges = 0;  // as written: links once when undirected
  bool directed = true;
  std::vector<std::string> node_attributes;  // in the file's order, label first
  std::vector<std::string> edge_attributes;
  std::uint32_t communities = 0;  // with communities
  double modularity = 0;
  std::uint64_t rr_sets = 0;      // with influence
  std::optional<Estimate> reach;  // with reach: the seeds' expected reach
  std::uint64_t runs = 0;
  std::uint64_t bytes = 0;
  std::vector<Phase> phases;  // what took the time, in order
};

// "gexf" or "graphml", as `out`'s extension names (any case); UsageError (field out) for any other.
std::string export_format(const std::string& out);

// Throws UsageError naming the field (out, seeds, fees, reach, model, runs, ...) before any
// work, InputError for a label XML cannot hold or a file that cannot be written.
ExportResult export_graph(const Graph& graph, const ExportRequest& request);

}  // namespace cascade

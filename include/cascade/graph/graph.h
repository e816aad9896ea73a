// The graph every Cascade algorithm runs on: compressed sparse rows in both directions (diffusion
// walks out-arcs, reverse-reachable sampling walks in-arcs), 32-bit node ids, one float diffusion
// probability per arc in each direction, the raw arc weight when the input has one, and the
// original node labels. Immutable once built, except for the probabilities, which are assigned by
// a probability scheme (probability.h) and may be reassigned.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cascade/graph/labels.h"

namespace cascade {

using ArcIndex = std::uint64_t;

// What happened while a graph was loaded; every command reports it.
struct LoadReport {
  std::string source;               // the file it came from
  // As recognized from the content: "edge list", "csv", "tsv", "networkx edge list", "graphml",
  // "gexf", "gml" or "snapshot".
  std::string format;
  std::uint64_t bytes = 0;          // bytes of (decompressed) input
  std::uint64_t data_lines = 0;     // lines that held an arc
  std::uint64_t self_loops_dropped = 0;
  std::uint64_t duplicates_merged = 0;
  bool counts_header = false;       // the file began with an "n m" line
  std::uint64_t declared_nodes = 0;
  std::uint64_t declared_arcs = 0;
  double seconds = 0;
  // Things the reader or builder did that the user should hear about (one sentence each, no
  // trailing period), such as links listed both ways merged by an undirected load.
  std::vector<std::string> warnings;
};

// Internal CSR arrays; built by build_graph (builder.h) and the snapshot reader.
struct GraphArrays {
  std::vector<ArcIndex> out_offsets;  // num_nodes + 1
  std::vector<NodeId> out_targets;    // sorted within each row
  std::vector<float> out_weights;     // empty when unweighted
  std::vector<ArcIndex> in_offsets;
  std::vector<NodeId> in_sources;     // sorted within each row
  std::vector<float> in_weights;
};

// Each arc's evidence from an adoption log, as `cascade learn --out` writes it, indexed like the
// out-arcs (out_offsets / out_targets): the posterior of arc a is Beta(A + successes[a],
// B + trials[a] - successes[a]) (graph/arc_posterior.h). Loaded only when asked for
// (LoadRequest::arc_evidence), so graphs without it use no memory for it.
struct ArcEvidence {
  std::vector<double> trials;     // 0: never tried
  std::vector<double> successes;  // in [0, trials]; fractional for em's expected successes
};

class Graph {
 public:
  Graph() = default;
  // Checks that the arrays describe a valid graph (throws InputError naming `source` otherwise).
  Graph(GraphArrays arrays, NodeLabels labels, bool directed, LoadReport report);

  NodeId num_nodes() const { return static_cast<NodeId>(arrays_.out_offsets.size() - 1); }
  ArcIndex num_arcs() const { return arrays_.out_targets.size(); }
  // False when every input line was stored as two arcs (--undirected).
  bool directed() const { return directed_; }
  bool weighted() const { return !arrays_.out_weights.empty(); }

  std::uint32_t out_degree(NodeId u) const {
    return static_cast<std::uint32_t>(arrays_.out_offsets[u + 1] - arrays_.out_offsets[u]);
  }
  std::uint32_t in_degree(NodeId v) const {
    return static_cast<std::uint32_t>(arrays_.in_offsets[v + 1] - arrays_.in_offsets[v]);
  }
  std::span<const NodeId> out_neighbors(NodeId u) const {
    return {arrays_.out_targets.data() + arrays_.out_offsets[u], out_degree(u)};
  }
  std::span<const NodeId> in_neighbors(NodeId v) const {
    return {arrays_.in_sources.data() + arrays_.in_offsets[v], in_degree(v)};
  }
  std::span<const float> out_weights(NodeId u) const {
    return {arrays_.out_weights.data() + arrays_.out_offsets[u], out_degree(u)};
  }
  std::span<const float> in_weights(NodeId v) const {
    return {arrays_.in_weights.data() + arrays_.in_offsets[v], in_degree(v)};
  }
  // Diffusion probabilities, aligned with out_neighbors / in_neighbors. Empty spans until a
  // probability scheme has been assigned.
  bool has_probabilities() const { return !out_probabilities_.empty(); }
  std::span<const float> out_probabilities(NodeId u) const {
    return {out_probabilities_.data() + arrays_.out_offsets[u], out_degree(u)};
  }
  std::span<const float> in_probabilities(NodeId v) const {
    return {in_probabilities_.data() + arrays_.in_offsets[v], in_degree(v)};
  }
  // The scheme the probabilities came from, spelled as on the command line ("wc", "const:0.1").
  const std::string& probability_scheme() const { return probability_scheme_; }

  const NodeLabels& labels() const { return labels_; }
  std::string label(NodeId node) const { return labels_.label(node); }
  // The evidence behind each arc's probability, or null when the graph was loaded without it.
  const ArcEvidence* arc_evidence() const { return evidence_ ? &*evidence_ : nullptr; }
  // Both arrays must have num_arcs() entries.
  void set_arc_evidence(ArcEvidence evidence);

  const LoadReport& load_report() const { return report_; }
  LoadReport& load_report() { return report_; }
  const GraphArrays& arrays() const { return arrays_; }

  // Bytes held by the graph's arrays and labels.
  std::size_t memory_bytes() const;

  // Used by assign_probabilities (probability.h); both arrays have num_arcs() entries.
  void set_probabilities(std::vector<float> out, std::vector<float> in, std::string scheme);

 private:
  GraphArrays arrays_{{0}, {}, {}, {0}, {}, {}};
  NodeLabels labels_;
  bool directed_ = true;
  LoadReport report_;
  std::vector<float> out_probabilities_;
  std::vector<float> in_probabilities_;
  std::string probability_scheme_;
  std::optional<ArcEvidence> evidence_;
};

}  // namespace cascade

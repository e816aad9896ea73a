#include "cascade/graph/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "cascade/error.h"

namespace cascade {
namespace {

void check_rows(const std::vector<ArcIndex>& offsets, const std::vector<NodeId>& neighbors,
                std::size_t num_nodes, const char* direction, const std::string& source) {
  if (offsets.size() != num_nodes + 1 || offsets.front() != 0 ||
      offsets.back() != neighbors.size() || !std::is_sorted(offsets.begin(), offsets.end())) {
    throw InputError(source, 0, fmt::format("inconsistent {} offsets", direction));
  }
  for (std::size_t v = 0; v < num_nodes; ++v) {
    for (ArcIndex a = offsets[v]; a < offsets[v + 1]; ++a) {
      if (neighbors[a] >= num_nodes || (a > offsets[v] && neighbors[a] <= neighbors[a - 1])) {
        throw InputError(source, 0,
                         fmt::format("{} neighbour list of node {} is out of range or unsorted",
                                     direction, v));
      }
    }
  }
}

}  // namespace

Graph::Graph(GraphArrays arrays, NodeLabels labels, bool directed, LoadReport report)
    : arrays_(std::move(arrays)),
      labels_(std::move(labels)),
      directed_(directed),
      report_(std::move(report)) {
  const std::size_t n = labels_.size();
  if (n > std::numeric_limits<NodeId>::max() - 1) {
    throw InputError(report_.source, 0, fmt::format("{} nodes exceed the 32-bit node id range", n));
  }
  check_rows(arrays_.out_offsets, arrays_.out_targets, n, "out", report_.source);
  check_rows(arrays_.in_offsets, arrays_.in_sources, n, "in", report_.source);
  if (arrays_.in_sources.size() != arrays_.out_targets.size()) {
    throw InputError(report_.source, 0, "in-arc and out-arc counts differ");
  }
  const bool weighted = !arrays_.out_weights.empty();
  if ((weighted && arrays_.out_weights.size() != arrays_.out_targets.size()) ||
      arrays_.in_weights.size() != arrays_.out_weights.size()) {
    throw InputError(report_.source, 0, "weight arrays do not match the arcs");
  }
}

void Graph::set_probabilities(std::vector<float> out, std::vector<float> in, std::string scheme) {
  out_probabilities_ = std::move(out);
  in_probabilities_ = std::move(in);
  probability_scheme_ = std::move(scheme);
}

void Graph::set_arc_evidence(ArcEvidence evidence) {
  if (evidence.trials.size() != num_arcs() || evidence.successes.size() != num_arcs()) {
    throw InputError(report_.source, 0, "arc evidence arrays do not match the arcs");
  }
  evidence_ = std::move(evidence);
}

std::size_t Graph::memory_bytes() const {
  const std::size_t evidence_bytes =
      evidence_ ? (evidence_->trials.capacity() + evidence_->successes.capacity()) * sizeof(double)
                : 0;
  return evidence_bytes + arrays_.out_offsets.capacity() * sizeof(ArcIndex) +
         arrays_.in_offsets.capacity() * sizeof(ArcIndex) +
         (arrays_.out_targets.capacity() + arrays_.in_sources.capacity()) * sizeof(NodeId) +
         (arrays_.out_weights.capacity() + arrays_.in_weights.capacity() +
          out_probabilities_.capacity() + in_probabilities_.capacity()) *
             sizeof(float) +
         labels_.memory_bytes();
}

}  // namespace cascade

#include "cascade/graph/probability.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "cascade/error.h"
#include "cascade/graph/edge_list_reader.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

constexpr float kTrivalencyValues[3] = {0.1f, 0.01f, 0.001f};

float trivalency(std::uint64_t seed, NodeId u, NodeId v) {
  const double draw = hashed_uniform(seed, StreamPurpose::kTrivalency, u, v);
  return kTrivalencyValues[static_cast<int>(draw * 3.0)];
}

}  // namespace

ProbabilitySpec ProbabilitySpec::parse(std::string_view text) {
  ProbabilitySpec spec;
  if (text == "wc") {
    spec.scheme = ProbabilityScheme::kWeightedCascade;
  } else if (text == "trivalency") {
    spec.scheme = ProbabilityScheme::kTrivalency;
  } else if (text == "weight") {
    spec.scheme = ProbabilityScheme::kWeight;
  } else if (text == "weight-normalized") {
    spec.scheme = ProbabilityScheme::kWeightNormalized;
  } else if (text.starts_with("const:")) {
    spec.scheme = ProbabilityScheme::kConstant;
    const std::string_view number = text.substr(6);
    const auto [end, error] =
        std::from_chars(number.data(), number.data() + number.size(), spec.constant);
    if (error != std::errc() || end != number.data() + number.size() ||
        !(spec.constant >= 0.0 && spec.constant <= 1.0)) {
      throw UsageError("prob", fmt::format("found '{}'; expected const:P with P in [0, 1]", text));
    }
    spec.constant += 0.0;  // -0 is 0
  } else {
    throw UsageError("prob", fmt::format(
        "found '{}'; expected wc, const:P, trivalency, weight or weight-normalized", text));
  }
  return spec;
}

std::string ProbabilitySpec::to_string() const {
  switch (scheme) {
    case ProbabilityScheme::kWeightedCascade: return "wc";
    case ProbabilityScheme::kConstant: return fmt::format("const:{}", constant);
    case ProbabilityScheme::kTrivalency: return "trivalency";
    case ProbabilityScheme::kWeight: return "weight";
    case ProbabilityScheme::kWeightNormalized: return "weight-normalized";
  }
  return "?";
}

void assign_probabilities(Graph& graph, const ProbabilitySpec& spec, std::uint64_t seed) {
  if (spec.needs_weights() && !graph.weighted()) {
    throw UsageError("prob", fmt::format("{}: {} has no weight column; expected a third column, "
                                         "a column named {} (or chosen with weight_column), or a "
                                         "scheme that needs none (wc, const:P, trivalency)",
                                         spec.to_string(), graph.load_report().source,
                                         accepted_weight_column_names()));
  }
  const NodeId n = graph.num_nodes();
  const GraphArrays& arrays = graph.arrays();
  std::vector<float> in(graph.num_arcs());
  std::vector<float> out(graph.num_arcs());
  // In-arcs first: every scheme is a function of (u, v, w) and, for wc and weight-normalized, of
  // v's in-arcs.
  parallel_for(0, n, [&](std::uint64_t node) {
    const auto v = static_cast<NodeId>(node);
    const ArcIndex begin = arrays.in_offsets[v];
    const auto sources = graph.in_neighbors(v);
    double total = 0;
    if (spec.scheme == ProbabilityScheme::kWeightNormalized) {
      for (const float w : graph.in_weights(v)) total += w;
    }
    for (std::size_t i = 0; i < sources.size(); ++i) {
      float p = 0;
      switch (spec.scheme) {
        case ProbabilityScheme::kWeightedCascade:
          p = 1.0f / static_cast<float>(sources.size());
          break;
        case ProbabilityScheme::kConstant: p = static_cast<float>(spec.constant); break;
        case ProbabilityScheme::kTrivalency: p = trivalency(seed, sources[i], v); break;
        case ProbabilityScheme::kWeight: p = graph.in_weights(v)[i]; break;
        case ProbabilityScheme::kWeightNormalized:
          p = total > 0 ? static_cast<float>(graph.in_weights(v)[i] / total) : 0.0f;
          break;
      }
      in[begin + i] = p;
    }
  }, 256);
  if (spec.scheme == ProbabilityScheme::kWeight) {
    for (NodeId v = 0; v < n; ++v) {
      for (std::size_t i = 0; i < graph.in_degree(v); ++i) {
        const float p = in[arrays.in_offsets[v] + i];
        if (p > 1.0f) {
          throw InputError(graph.load_report().source, 0,
                           fmt::format("arc {} -> {} has weight {} (after merging repeated "
                                       "arcs); expected a probability in [0, 1] for --prob weight",
                                       graph.label(graph.in_neighbors(v)[i]), graph.label(v), p));
        }
      }
    }
  }
  // Out-arcs: walk the in-rows in order and place each probability at its out-slot.
  std::vector<ArcIndex> next(arrays.out_offsets.begin(), arrays.out_offsets.end() - 1);
  for (NodeId v = 0; v < n; ++v) {
    const auto sources = graph.in_neighbors(v);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out[next[sources[i]]++] = in[arrays.in_offsets[v] + i];
    }
  }
  graph.set_probabilities(std::move(out), std::move(in), spec.to_string());
}

ProbabilitySummary summarize_probabilities(const Graph& graph) {
  ProbabilitySummary summary;
  if (graph.num_arcs() == 0 || !graph.has_probabilities()) return summary;
  summary.min = 1;
  double total = 0;
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    double into = 0;
    for (const float p : graph.in_probabilities(v)) {
      summary.min = std::min<double>(summary.min, p);
      summary.max = std::max<double>(summary.max, p);
      into += p;
    }
    total += into;
    if (into > summary.max_in_sum) {
      summary.max_in_sum = into;
      summary.max_in_sum_node = v;
    }
  }
  summary.mean = total / static_cast<double>(graph.num_arcs());
  return summary;
}

}  // namespace cascade

#include "cascade/graph/arc_posterior.h"

#include <cassert>
#include <cmath>

#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

// A standard normal variate by Marsaglia's polar method (the second variate is not kept: draws
// must not carry state from one call to the next).
double normal_draw(RandomStream& stream) {
  while (true) {
    const double x = 2 * stream.uniform() - 1;
    const double y = 2 * stream.uniform() - 1;
    const double r = x * x + y * y;
    if (r > 0 && r < 1) return x * std::sqrt(-2 * std::log(r) / r);
  }
}

}  // namespace

double gamma_draw(RandomStream& stream, double shape) {
  assert(shape > 0);
  if (shape < 1) {
    const double boosted = gamma_draw(stream, shape + 1);
    return boosted * std::pow(stream.uniform(), 1 / shape);
  }
  const double d = shape - 1.0 / 3;
  const double c = 1 / std::sqrt(9 * d);
  while (true) {
    double x = 0, v = 0;
    do {
      x = normal_draw(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = stream.uniform();
    const double x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
  }
}

double beta_draw(RandomStream& stream, double a, double b) {
  const double x = gamma_draw(stream, a);
  const double y = gamma_draw(stream, b);
  // Both underflow only for tiny shapes, whose Beta puts its mass at 0 and 1 in the ratio b : a.
  if (x + y == 0) return stream.uniform() < a / (a + b) ? 1.0 : 0.0;
  return x / (x + y);
}

DrawnArcs count_drawn_arcs(const ArcEvidence& evidence) {
  DrawnArcs counts;
  for (const double t : evidence.trials) ++(t > 0 ? counts.drawn : counts.fixed);
  return counts;
}

void draw_probabilities(const Graph& graph, double prior_a, double prior_b, std::uint64_t seed,
                        std::uint64_t draw, std::vector<float>& out, std::vector<float>& in) {
  const ArcEvidence* evidence = graph.arc_evidence();
  assert(evidence != nullptr && graph.has_probabilities() && prior_a > 0 && prior_b > 0);
  const GraphArrays& arrays = graph.arrays();
  const NodeId n = graph.num_nodes();
  out.resize(graph.num_arcs());
  in.resize(graph.num_arcs());
  const std::uint64_t draw_seed = stream_key(seed, StreamPurpose::kParameterDraw, draw);
  parallel_for(
      0, n,
      [&](std::uint64_t node) {
        const auto u = static_cast<NodeId>(node);
        const auto kept = graph.out_probabilities(u);
        for (ArcIndex a = arrays.out_offsets[u]; a < arrays.out_offsets[u + 1]; ++a) {
          const double trials = evidence->trials[a];
          if (trials > 0) {
            RandomStream stream(draw_seed, StreamPurpose::kParameterDraw, a);
            const double successes = evidence->successes[a];
            out[a] = static_cast<float>(
                beta_draw(stream, prior_a + successes, prior_b + trials - successes));
          } else {
            out[a] = kept[a - arrays.out_offsets[u]];
          }
        }
      },
      256);
  // In-arcs: walk the in-rows in order; each source's out-row is sorted by target, so its arcs
  // come up in out-row order.
  std::vector<ArcIndex> next(arrays.out_offsets.begin(), arrays.out_offsets.end() - 1);
  for (NodeId v = 0; v < n; ++v) {
    const auto sources = graph.in_neighbors(v);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      in[arrays.in_offsets[v] + i] = out[next[sources[i]]++];
    }
  }
}

}  // namespace cascade

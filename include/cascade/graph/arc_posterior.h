// What the data say about each learned probability, drawn as whole probability vectors.
//
// An arc that `cascade learn` saw tried t times with s successes (s fractional for em, whose
// successes are expected ones) has the posterior Beta(A + s, B + t - s) under learn's prior
// Beta(A, B) (default A = B = 1, learn --prior). One draw gives every tried arc a probability from
// its own posterior, independently of the other arcs: exact for bernoulli and jaccard, whose
// counts are per arc, and an approximation for em, whose shared credit correlates the arcs of one
// adoption. Arcs never tried (t = 0) keep the probability the graph carries, learn's fallback
// (the pooled rate or the prior mean), and are counted: drawing them from the bare prior would let
// the arcs the log says nothing about (often most of them, each with mean A / (A + B) = 0.5 under
// the uniform prior) decide the spread. A report must therefore say how many arcs the draws leave
// fixed, whose uncertainty the draws do not show.
//
// Beta(a, b) is drawn as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) by G. Marsaglia and W. Tsang,
// "A simple method for generating gamma variables", ACM TOMS 26(3), 2000 (shape < 1 through
// Gamma(a + 1) U^(1/a)), the normal variates by Marsaglia's polar method, all written out here
// rather than taken from <random>, whose distributions differ between standard libraries.
// Draw d of arc a comes from its own stream (seed, kParameterDraw, d, a), so a draw does not depend
// on the thread count or on which other arcs or draws were computed. O(m) time per draw.
#pragma once

#include <cstdint>
#include <vector>

#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {

// One variate of Gamma(shape, 1), shape > 0.
double gamma_draw(RandomStream& stream, double shape);
// One variate of Beta(a, b), a > 0, b > 0.
double beta_draw(RandomStream& stream, double a, double b);

// How many arcs a draw takes from their posterior (tried) and how many it keeps (never tried).
struct DrawnArcs {
  std::uint64_t drawn = 0, fixed = 0;
};
DrawnArcs count_drawn_arcs(const ArcEvidence& evidence);

// Draw number `draw`: every arc's probability aligned with the out-arcs (`out`) and with the
// in-arcs (`in`), as Graph::set_probabilities takes them. The graph must carry arc evidence and
// probabilities (those of the untried arcs are kept); prior_a, prior_b > 0.
void draw_probabilities(const Graph& graph, double prior_a, double prior_b, std::uint64_t seed,
                        std::uint64_t draw, std::vector<float>& out, std::vector<float>& in);

}  // namespace cascade

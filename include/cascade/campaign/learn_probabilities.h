// Influence probabilities learned from an adoption log (adoption_log.h), one per arc of the graph.
//
// Who may be credited: an adoption of item i by v at time t can be credited to an in-neighbour u
// of v that adopted i within [t - W, t) (u's "chance" is (t_u, t_u + W]). A trial of arc (u, v) is
// an item u adopted while v had not adopted it at or before t_u; it succeeds when v adopted within
// u's chance. With integer steps from a discrete-time simulation (step 0 = the seeds), W = 1 is
// exactly the independent cascade: u had one chance, at the step after its own.
// Default W: 1 for integer-step logs; infinity for time stamps, whose unit (seconds, minutes,
// days) the log does not say, so that any finite default would be a guess about the unit: every
// earlier adopting in-neighbour may be credited, as in the static models of Goyal et al.
//
// Methods:
//  - em: expectation-maximization for the independent cascade (K. Saito, R. Nakano, M. Kimura,
//    "Prediction of information diffusion probabilities for independent cascade model", KES 2008).
//    E-step: the credit for each adoption with possible parents P is split among them in
//    proportion to their chances, p(u,v) / (1 - prod_{w in P} (1 - p(w,v))); M-step:
//    p(u,v) = expected successes / trials. Guarantee: the log-likelihood of the log under the
//    independent cascade (adoptions with possible parents, and failed trials) never decreases from
//    one iteration to the next; it converges to a stationary point, not necessarily the global
//    maximum. Every arc with a possible success starts at kInitialProbability.
//  - bernoulli: p(u,v) = A_{v2u} / A_u, and jaccard: p(u,v) = A_{v2u} / A_{u|v} (A. Goyal,
//    F. Bonchi, L. V. S. Lakshmanan, "Learning influence probabilities in social networks",
//    WSDM 2010, static models): A_{v2u} the items v adopted within u's chance, A_u the items u
//    adopted, A_{u|v} the items either adopted. Trials are A_u and A_{u|v}, successes A_{v2u}.
// Adoptions with no possible parent (roots, people whose contacts never adopted first, users
// outside the graph) are explained by a background rate per user: b_v = v's adoptions without a
// possible parent / the number of items; users outside the graph likewise, by label.
// Uncertainty: each arc's 95% interval is the equal-tailed interval of the Beta posterior
// Beta(A + successes, B + trials - successes) under the prior Beta(A, B); default A = B = 1
// (uniform: no opinion on where a probability lies). Arcs never tried keep a fallback, by default
// the pooled rate (all successes / all trials of the log), or the prior mean A / (A + B), with
// the prior's own interval.
//
// Cost: one pass over the log to find parents and trials, O(sum over adoptions of the adopter's
// in- and out-degree) time; each EM iteration O(possible parent pairs + arcs), memory
// O(arcs + possible parent pairs). Each pass is parallel over items and over arcs, every sum of
// floating-point numbers is reduced in a fixed order, and integer counts are exact, so the result
// does not depend on the thread count.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/campaign/adoption_log.h"
#include "cascade/graph/graph.h"

namespace cascade {

enum class LearnMethod { kEm, kBernoulli, kJaccard };
// "em", "bernoulli" or "jaccard"; anything else throws UsageError("method", ...).
LearnMethod parse_learn_method(std::string_view text);
std::string to_string(LearnMethod method);

enum class UntriedFallback { kPooled, kPriorMean };
// "pooled" or "prior"; anything else throws UsageError("untried", ...).
UntriedFallback parse_untried_fallback(std::string_view text);
std::string to_string(UntriedFallback fallback);

// The estimate each tried arc carries: successes / trials (the maximum-likelihood estimate, and
// EM's fixed point), or the posterior mean (A + successes) / (A + B + trials), which pulls arcs
// with few trials toward the prior mean.
enum class Estimator { kMaximumLikelihood, kPosteriorMean };
// "mle" or "posterior"; anything else throws UsageError("estimate", ...).
Estimator parse_estimator(std::string_view text);
std::string to_string(Estimator estimator);

inline constexpr double kInitialProbability = 0.1;

struct LearnOptions {
  LearnMethod method = LearnMethod::kEm;
  double window = 0;  // 0: the default (1 for integer steps, infinity for time stamps)
  double prior_a = 1, prior_b = 1;
  UntriedFallback untried = UntriedFallback::kPooled;
  Estimator estimate = Estimator::kMaximumLikelihood;
  std::uint32_t max_iterations = 100;  // em
  // em stops when an iteration raises the log-likelihood by less than tolerance x |log-likelihood|.
  double tolerance = 1e-7;
};

struct LearnedProbabilities {
  LearnMethod method = LearnMethod::kEm;
  double window = 1;  // as used
  // Per arc of the graph, indexed like its out-arcs (out_offsets / out_targets).
  std::vector<std::uint64_t> trials;
  std::vector<double> successes;  // expected successes for em
  std::vector<float> probability;  // the estimate, or the fallback where trials is 0
  std::vector<float> low, high;    // 95% interval
  std::vector<double> background;  // per node
  std::vector<double> outside_background;  // per label of the log's outside_labels
  double fallback = 0;
  std::uint64_t arcs_tried = 0, arcs_untried = 0;
  std::uint64_t items = 0;
  std::uint64_t adoptions = 0;            // all, outside the graph included
  std::uint64_t explained_by_graph = 0;   // with at least one possible parent
  std::uint64_t background_adoptions = 0;  // without (outside the graph included)
  std::uint64_t possible_parents = 0;     // (adoption, possible parent) pairs
  std::vector<double> log_likelihood;     // em: [0] at the start, [k] after k iterations
  std::uint32_t iterations = 0;
  bool converged = true;
  double seconds = 0;
};

// Throws UsageError naming window, prior, iterations or tolerance when one is out of range.
void check_learn_options(const LearnOptions& options);

// Checks the options and learns.
LearnedProbabilities learn_probabilities(const Graph& graph, const AdoptionLog& log,
                                         const LearnOptions& options);

// The quantile q of Beta(a, b): Newton's method on the regularized incomplete beta function,
// safeguarded by bisection; relative precision about 1e-12.
double beta_quantile(double q, double a, double b);

}  // namespace cascade

// Influence maximization straight from an adoption log, with no probabilities: the
// credit-distribution model (A. Goyal, F. Bonchi, L. V. S. Lakshmanan, "A Data-Based Approach to
// Social Influence Maximization", VLDB 2011).
//
// Model. For each item a, the possible parents of v's adoption are v's in-neighbours in the graph
// that adopted a within [t - W, t) (may_credit in adoption_log.h: the same rule and the same
// default window as `cascade learn`). Each parent u gets the direct credit
// gamma_{u,v}(a) = 1 / |parents| (the paper's equal split; its time-decayed variant is not
// implemented). A set S is credited with Gamma_{S,v}(a) = 1 if v is in S, else
// sum over parents w of Gamma_{S,w}(a) gamma_{w,v}(a), and
// sigma_cd(S) = sum over users v of (1 / A_v) sum over items a of Gamma_{S,v}(a), A_v the items v
// adopted: each user counts at most 1 ("adopters credited"). Credit flows only along arcs of the
// graph, and seeds are nodes of the graph: adoptions by users outside the graph (kept in the log
// as kOutsideGraph) can be credited to no one and credit no one, so they add nothing to sigma_cd;
// a node that adopted nothing adds nothing either.
//
// Algorithm (the paper's): one scan of the log computes the total credit Gamma_{x,u}(a) of every
// ancestor x on every adopter u ("UC"), dropping a contribution (a direct credit, or an
// ancestor's credit times a direct credit) below the threshold lambda, default 0.001 as in the
// paper (0 computes sigma_cd exactly). The greedy keeps the seeds' credit Gamma_{S,u}(a) ("SC");
// the marginal gain of x is sum over a of (1 - Gamma_{S,x}(a)) (1 / A_x + sum over u of
// Gamma^{V-S}_{x,u}(a) / A_u), Gamma^{V-S} the credit along paths that avoid S, and after seed s
// every credit is updated in place: Gamma^{V-S-s}_{x,u} = Gamma^{V-S}_{x,u} - Gamma^{V-S}_{x,s}
// Gamma^{V-S}_{s,u}, Gamma_{S+s,u} = Gamma_{S,u} + (1 - Gamma_{S,s}) Gamma^{V-S}_{s,u}. Lazy
// (CELF) evaluation: a gain never grows as S grows, so the top of the queue, once re-evaluated,
// is the best.
//
// Guarantee: sigma_cd is monotone and submodular (the paper's Theorem 2), so the greedy seeds have
// sigma_cd at least (1 - 1/e) of the best k seeds' (exactly so with lambda 0; the default drops
// credits below lambda, as the paper does). This is a guarantee on the model of the log, not on
// the spread under any probabilities.
//
// Returns the seeds in order with their marginal gains in sigma_cd units, and sigma_cd(S) as the
// estimated spread. Where every remaining gain is 0 the rest are filled by highest out-degree,
// ties to the smaller id. Ties between equal gains go the same way.
//
// Cost: the scan takes O(sum over adoptions of the in-degree, plus sum over (adoption, parent)
// of the parent's credited ancestors) time and O(credit entries) memory, at most the square of
// the largest item's adopters per item, far fewer with a finite window or lambda > 0; each seed
// s then costs O(sum over its items of ancestors x descendants x log) and each evaluation of x
// O(x's credit entries). The scan is parallel over items, the initial gains over users and each
// update over the seed's items; every sum is taken in a fixed order, so the seeds and gains do
// not depend on the thread count.
#pragma once

#include <cstdint>
#include <string>

#include "cascade/campaign/adoption_log.h"
#include "cascade/graph/graph.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

inline constexpr double kDefaultCreditThreshold = 0.001;

struct CreditOptions {
  std::uint32_t k = 10;
  double window = 0;                           // 0: default_window(log)
  double threshold = kDefaultCreditThreshold;  // lambda, in [0, 1)
};

// What the selection was made of, and its objective.
struct CreditSummary {
  std::string log;                // the log's source
  double sigma_cd = 0;            // sigma_cd(seeds), in adopters credited
  double sigma_cd_guarantee = 0;  // 1 - 1/e: greedy on a monotone submodular function
  double window = 0;              // as used
  double threshold = 0;           // as used
  std::uint64_t items = 0;
  std::uint64_t adoptions = 0;           // by users of the graph
  std::uint64_t outside_adoptions = 0;   // by users outside it: credited to no one
  std::uint64_t adopters = 0;            // users of the graph with at least one adoption
  std::uint64_t credited_adoptions = 0;  // adoptions with at least one possible parent
  std::uint64_t credit_entries = 0;      // (ancestor, adopter, item) credits kept by the scan
};

struct CreditSelection {
  // Algorithm "credit"; marginal_gain and estimated_spread in sigma_cd units. guarantee stays 0:
  // nothing is proven about a spread under probabilities (summary.sigma_cd_guarantee is the
  // model's own).
  SeedSelection selection;
  CreditSummary summary;
};

// Throws UsageError naming k, window or threshold when one is out of range.
void check_credit_options(const Graph& graph, const CreditOptions& options);

// Checks the options and selects the seeds.
CreditSelection credit_distribution_seeds(const Graph& graph, const AdoptionLog& log,
                                          const CreditOptions& options);

}  // namespace cascade

// Every person's expected individual reach, sigma({v}), from one pass over RR sets (Borgs et al.,
// SODA 2014): sigma({v}) = 1 + sum over u != v of Pr[v reaches u] = 1 + (n - 1) Pr[v in RR(U)]
// for a root U drawn uniformly among the others, since a person always reaches themself. So the
// estimate is 1 + (n - 1) x the share, among the RR sets rooted at someone other than v, of those
// that contain v (the root is the first member of each set, rr_sampler.cc): unbiased, never
// above n, and with less variance than n x v's share of all sets, as the root's own term is
// known exactly (under const:0 everyone gets exactly 1, under const:1 on a strongly connected
// graph exactly n). The share is a binomial proportion over those t sets: standard error
// (n - 1) sqrt(p (1 - p) / t), 95% Wilson score interval (proportion_estimate in simulator.h),
// shifted by 1.
// This ranks people by what their word actually reaches under the model, rather than by how many
// contacts they have. Time O(theta x mean RR set size); memory O(n) beyond the sets, which are
// counted and dropped batch by batch. Thread-count independent.
//
// rank_influencers ranks everyone on one RR sample and re-estimates the top on an independent
// one (StreamPurpose::kInfluenceCheck). The top's estimates on the ranking sample are biased
// upward, since the ranking picks those whose estimates came out high on that very sample
// (under const:0 every reach is 1, yet with n x share the top showed 1.25 +/- 0.16); the
// re-estimates are unbiased for whoever was picked. Twice the sampling time of one pass.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/diffusion/model.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/seeding/seed_selection.h"

namespace cascade {

struct IndividualInfluence {
  std::vector<double> reach;           // expected reach of each person alone (themself included)
  std::vector<double> standard_error;  // of each estimate
  std::vector<double> low, high;       // 95% Wilson score interval of each estimate
  std::uint64_t rr_sets = 0;
};

// Throws UsageError when rr_sets is 0 or the model is not ic or lt (see RRSampler).
IndividualInfluence individual_influence(const Graph& graph, const DiffusionModel& model,
                                         std::uint64_t rr_sets, std::uint64_t seed,
                                         StreamPurpose purpose = StreamPurpose::kReverseReachable);

// The default sample for ranking everyone: 20 RR sets per person, within 200,000 and 5,000,000.
std::uint64_t default_influence_rr_sets(NodeId num_nodes);

struct InfluenceOptions {
  std::uint64_t rr_sets = 0;  // RR sets in each of the two samples; 0: default_influence_rr_sets
  std::size_t top = 10;       // how many to re-estimate and report; clamped to the number of nodes
  std::uint64_t seed = 1;
};

// One person at the top of the ranking.
struct Influencer {
  NodeId node = 0;
  Estimate reach;             // re-estimated on the independent sample: unbiased, Wilson interval
  double ranking_reach = 0;   // on the ranking sample (biased upward at the top)
  double share = 0;           // reach.mean / the total individual influence of everyone
  std::uint32_t out_degree = 0;
  NodeId degree_rank = 0;     // 1 = highest out-degree, ties to the smaller id
};

struct InfluenceRanking {
  IndividualInfluence everyone;      // everyone's estimates from the ranking sample
  std::vector<NodeId> order;         // everyone by decreasing ranking reach, ties to the smaller id
  std::vector<NodeId> degree_rank;   // per node: 1 = highest out-degree, ties to the smaller id
  std::vector<Influencer> top;       // order[0 .. top), re-estimated
  double total_influence = 0;        // sum of everyone's reach (ranking sample)
  double top_share = 0;              // sum of the top's re-estimated reach / total_influence
  std::size_t top_also_top_by_degree = 0;  // of the top, how many are in the top as many by degree
  double spearman_with_out_degree = 0;     // everyone's ranking reach vs out-degree; 0 if n < 2
  std::uint64_t rr_sets = 0;         // drawn in all: the ranking sample and the check sample
  std::vector<Phase> phases;         // "ranking", "re-estimating"
};

// Throws UsageError when top is 0, or as individual_influence.
InfluenceRanking rank_influencers(const Graph& graph, const DiffusionModel& model,
                                  const InfluenceOptions& options);

// Spearman's rank correlation of two equally long sequences (at least 2), ties given their average
// rank; 0 when either sequence is constant. Throws UsageError otherwise.
double spearman(std::span<const double> a, std::span<const double> b);

}  // namespace cascade

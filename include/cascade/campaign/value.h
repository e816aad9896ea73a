// What a campaign earned, priced, and never alone.
//
// Impressions are the word-of-mouth messages that people outside the seeds received: every person
// who speaks (reached, seeds included, and passing the message on under the model) sends one
// message along each out-arc whose end is not a seed (diffusion/simulator.h says who speaks).
// Their cost equivalence ("earned media value") is impressions x CPM / 1000: what the same
// attention would have cost as advertising. The return is (adoptions x value per adoption - fees)
// / fees, adoptions being the people reached beyond the seeds.
//
// Following the measurement industry's Barcelona Principles (AMEC, 2010, revised 2015 and 2020:
// "advertising value equivalents are not the value of communication"), a cost equivalence is
// never reported alone: front ends show it after the reach and the positive/negative split,
// labelled "cost equivalence", and under a model with sentiment the impressions of negative
// speakers are reported apart from the positive ones, never netted against them into one figure.
//
// Each figure is a mean over runs (or random worlds) with its 95% interval. With fees fixed in
// advance (terms.fees, as simulate has them) every figure is a fixed linear function of a mean of
// counts, so its interval is that of the count mapped through the same function.
//
// Fees that vary by sample (a campaign's adaptive phases pick different seeds, and pay different
// fees, in different worlds: ValueSample::fees) make the return a ratio of means,
// value x mean(adoptions) / mean(fees) - 1: the return of the campaign as it is run again and
// again, not the mean of per-world returns (a world whose phases seed nobody would have none).
// Its interval is the delta method's: with r = mean(adoptions) / mean(fees) and the residuals
// d_w = adoptions_w - r fees_w, se(r) = sqrt(sum d_w^2 / (W (W - 1))) / mean(fees) (Cochran,
// Sampling Techniques, 1977, ch. 6); with the same fees in every sample this is exactly the fixed
// fees' interval. When mean(fees) = 0 (nobody was seeded in any world) the return is undefined
// and absent: never reported as 0. Pure functions of their inputs: no randomness, no threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "cascade/diffusion/simulator.h"

namespace cascade {

// What one run (or one world) produced.
struct ValueSample {
  std::uint64_t positive_impressions = 0;  // messages from speakers with positive sentiment
  std::uint64_t negative_impressions = 0;  // ... with negative sentiment (0 without sentiment)
  std::uint64_t adoptions = 0;             // people reached beyond the seeds
  double fees = 0;  // what this sample's seeds cost, where that varies by sample (campaigns)
};

// The prices. Each, when given, a finite number >= 0.
struct ValueTerms {
  std::optional<double> cpm;                 // cost of 1,000 advertising impressions
  std::optional<double> value_per_adoption;  // what one adoption is worth
  std::optional<double> fees;                // the seeds' total fee; the return needs fees > 0
};

// Means with 95% intervals over samples: impressions = positive + negative, each a count.
struct ValueCounts {
  std::uint64_t samples = 0;
  Estimate impressions, positive_impressions, negative_impressions, adoptions;
  Estimate fees;  // of ValueSample::fees
  // mean(adoptions) / mean(fees) with its delta-method interval; absent when mean(fees) is 0.
  std::optional<Estimate> adoptions_per_fee;
};

struct CampaignValue {
  ValueTerms terms;
  Estimate impressions, positive_impressions, negative_impressions;
  // With cpm: impressions x cpm / 1000, the positive and negative speakers' parts apart.
  std::optional<Estimate> cost_equivalence, positive_cost_equivalence, negative_cost_equivalence;
  Estimate adoptions;
  std::optional<Estimate> adoption_value;  // with value_per_adoption: adoptions x value
  // With value_per_adoption and fees > 0: (adoptions x value - fees) / fees. Absent otherwise:
  // with fees 0 (or none given) the return is undefined and adoption_value stands alone. Without
  // terms.fees, the samples' own fees are used (the ratio of means above) when per_sample_fees.
  std::optional<Estimate> return_on_fees;
  std::optional<Estimate> fees_paid;  // per_sample_fees: the mean fees over samples
};

// Throws UsageError naming cpm, value_per_adoption or fees when one is negative, NaN or infinite.
void check_value_terms(const ValueTerms& terms);

// Means, standard errors and 95% intervals (mean -/+ 1.96 standard errors, low end at 0) of the
// samples' counts; exact integer sums, so the order of the samples does not matter. Throws
// UsageError when there are none.
ValueCounts value_counts(std::span<const ValueSample> samples);

// The priced figures from the counts' estimates (checks the terms first). per_sample_fees: the
// return is computed on the samples' own fees (terms.fees must then be absent).
CampaignValue campaign_value(const ValueCounts& counts, const ValueTerms& terms,
                             bool per_sample_fees = false);

}  // namespace cascade

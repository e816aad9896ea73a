#include "cascade/campaign/value.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cascade/error.h"

namespace cascade {
namespace {

__extension__ using Wide = unsigned __int128;

void check_term(const std::optional<double>& value, const char* field) {
  if (value && !(*value >= 0 && std::isfinite(*value))) {
    throw UsageError(field, fmt::format("found {}; expected a finite number >= 0", *value));
  }
}

// Mean of a count with its 95% interval, from exact integer sums.
Estimate count_estimate(std::uint64_t sum, Wide sum_squares, std::uint64_t samples) {
  Estimate e;
  const double n = static_cast<double>(samples);
  e.mean = static_cast<double>(sum) / n;
  if (samples > 1) {
    const Wide scaled = sum_squares * samples - static_cast<Wide>(sum) * sum;
    e.standard_error = std::sqrt(static_cast<double>(scaled) / (n * (n - 1)) / n);
  }
  e.low = std::max(0.0, e.mean - 1.96 * e.standard_error);
  e.high = e.mean + 1.96 * e.standard_error;
  return e;
}

// a x + b applied to an estimate (a >= 0): the interval maps through the same line.
Estimate affine(const Estimate& e, double a, double b) {
  return {a * e.mean + b, a * e.standard_error, a * e.low + b, a * e.high + b};
}

}  // namespace

void check_value_terms(const ValueTerms& terms) {
  check_term(terms.cpm, "cpm");
  check_term(terms.value_per_adoption, "value_per_adoption");
  check_term(terms.fees, "fees");
}

ValueCounts value_counts(std::span<const ValueSample> samples) {
  if (samples.empty()) throw UsageError("value_counts: found no samples; expected at least one");
  std::uint64_t positive = 0, negative = 0, total = 0, adoptions = 0;
  Wide positive_squares = 0, negative_squares = 0, total_squares = 0, adoption_squares = 0;
  for (const ValueSample& s : samples) {
    const std::uint64_t both = s.positive_impressions + s.negative_impressions;
    positive += s.positive_impressions;
    negative += s.negative_impressions;
    total += both;
    adoptions += s.adoptions;
    positive_squares += static_cast<Wide>(s.positive_impressions) * s.positive_impressions;
    negative_squares += static_cast<Wide>(s.negative_impressions) * s.negative_impressions;
    total_squares += static_cast<Wide>(both) * both;
    adoption_squares += static_cast<Wide>(s.adoptions) * s.adoptions;
  }
  ValueCounts counts;
  counts.samples = samples.size();
  // Fees are money, not counts: summed in sample order (callers give a fixed order).
  const double n = static_cast<double>(samples.size());
  double fee_sum = 0;
  for (const ValueSample& s : samples) fee_sum += s.fees;
  const double fee_mean = fee_sum / n;
  double fee_squares = 0;
  for (const ValueSample& s : samples) fee_squares += (s.fees - fee_mean) * (s.fees - fee_mean);
  counts.fees.mean = fee_mean;
  if (samples.size() > 1) counts.fees.standard_error = std::sqrt(fee_squares / (n - 1) / n);
  counts.fees.low = std::max(0.0, fee_mean - 1.96 * counts.fees.standard_error);
  counts.fees.high = fee_mean + 1.96 * counts.fees.standard_error;
  if (fee_mean > 0) {
    const double ratio = static_cast<double>(adoptions) / fee_sum;
    double residuals = 0;
    for (const ValueSample& s : samples) {
      const double d = static_cast<double>(s.adoptions) - ratio * s.fees;
      residuals += d * d;
    }
    Estimate r;
    r.mean = ratio;
    if (samples.size() > 1) r.standard_error = std::sqrt(residuals / (n * (n - 1))) / fee_mean;
    r.low = std::max(0.0, ratio - 1.96 * r.standard_error);
    r.high = ratio + 1.96 * r.standard_error;
    counts.adoptions_per_fee = r;
  }
  counts.impressions = count_estimate(total, total_squares, samples.size());
  counts.positive_impressions = count_estimate(positive, positive_squares, samples.size());
  counts.negative_impressions = count_estimate(negative, negative_squares, samples.size());
  counts.adoptions = count_estimate(adoptions, adoption_squares, samples.size());
  return counts;
}

CampaignValue campaign_value(const ValueCounts& counts, const ValueTerms& terms,
                             bool per_sample_fees) {
  check_value_terms(terms);
  if (per_sample_fees && terms.fees) {
    throw UsageError("fees", "found fixed fees with per-sample fees; expected one or the other");
  }
  CampaignValue value;
  value.terms = terms;
  value.impressions = counts.impressions;
  value.positive_impressions = counts.positive_impressions;
  value.negative_impressions = counts.negative_impressions;
  value.adoptions = counts.adoptions;
  if (terms.cpm) {
    const double per_impression = *terms.cpm / 1000;
    value.cost_equivalence = affine(counts.impressions, per_impression, 0);
    value.positive_cost_equivalence = affine(counts.positive_impressions, per_impression, 0);
    value.negative_cost_equivalence = affine(counts.negative_impressions, per_impression, 0);
  }
  if (terms.value_per_adoption) {
    value.adoption_value = affine(counts.adoptions, *terms.value_per_adoption, 0);
    if (terms.fees && *terms.fees > 0) {
      value.return_on_fees =
          affine(counts.adoptions, *terms.value_per_adoption / *terms.fees, -1.0);
    } else if (per_sample_fees && counts.adoptions_per_fee) {
      value.return_on_fees = affine(*counts.adoptions_per_fee, *terms.value_per_adoption, -1.0);
    }
  }
  if (per_sample_fees) value.fees_paid = counts.fees;
  return value;
}

}  // namespace cascade

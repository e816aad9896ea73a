// Diffusion models, chosen on the command line with --model, and the timing rules every model
// shares (--fade, --deadline). Models run in discrete steps: step 0 is the seeds; a node activated
// at step s exerts its influence on step s + 1.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace cascade {

enum class ModelKind {
  kIndependentCascade,  // ic
  kLinearThreshold,     // lt
  kComplexContagion,    // threshold:N, threshold:F
  kPositiveNegative,    // icn:q=Q,neg=M
};

struct DiffusionModel {
  ModelKind kind = ModelKind::kIndependentCascade;

  // Complex contagion: adopt once at least `threshold_count` contacts got through, or (when
  // threshold_fraction > 0) at least ceil(threshold_fraction x in-degree) of them.
  std::uint32_t threshold_count = 0;
  double threshold_fraction = 0;
  // Complex contagion: each exposure gets through with the arc's probability ("threshold:2,prob");
  // otherwise every exposure gets through.
  bool exposure_uses_probability = false;

  // Positive/negative word of mouth: a reached person is satisfied with probability `quality`;
  // negative word crosses an arc with probability min(1, negativity x p).
  double quality = 1.0;
  double negativity = 1.0;

  // Influence exerted by a node activated at step s is multiplied by (1 - fade)^s.
  double fade = 0.0;
  // No activation after this step.
  std::uint32_t deadline = std::numeric_limits<std::uint32_t>::max();

  // Parses ic, lt, threshold:N[,prob], threshold:F[,prob] (F with a decimal point, in (0, 1]),
  // icn:q=Q,neg=M. Throws UsageError naming what was expected.
  static DiffusionModel parse(std::string_view text);
  // The spelling parse() accepts, without fade and deadline.
  std::string to_string() const;

  bool has_fading() const { return fade > 0; }
  bool has_deadline() const { return deadline != std::numeric_limits<std::uint32_t>::max(); }
  bool needs_probabilities() const {
    return kind != ModelKind::kComplexContagion || exposure_uses_probability;
  }
  bool has_sentiment() const { return kind == ModelKind::kPositiveNegative; }
};

// Checks fade in [0, 1) and the model's parameters; throws UsageError.
void validate(const DiffusionModel& model);

}  // namespace cascade

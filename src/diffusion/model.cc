#include "cascade/diffusion/model.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "cascade/error.h"

namespace cascade {
namespace {

bool parse_double(std::string_view text, double& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc() && end == text.data() + text.size() &&
         std::isfinite(value);
}

[[noreturn]] void bad_model(std::string_view text, std::string_view expected) {
  throw UsageError("model", fmt::format("found '{}'; expected {}", text, expected));
}

}  // namespace

DiffusionModel DiffusionModel::parse(std::string_view text) {
  DiffusionModel model;
  if (text == "ic") return model;
  if (text == "lt") {
    model.kind = ModelKind::kLinearThreshold;
    return model;
  }
  if (text.starts_with("threshold:")) {
    model.kind = ModelKind::kComplexContagion;
    std::string_view rest = text.substr(10);
    if (rest.ends_with(",prob")) {
      model.exposure_uses_probability = true;
      rest.remove_suffix(5);
    }
    constexpr std::string_view kExpected =
        "threshold:N (N >= 1 contacts) or threshold:F (a fraction 0 < F <= 1 of contacts, written "
        "with a decimal point), optionally followed by ',prob'";
    if (rest.find('.') != std::string_view::npos) {
      if (!parse_double(rest, model.threshold_fraction) || model.threshold_fraction <= 0 ||
          model.threshold_fraction > 1) {
        bad_model(text, kExpected);
      }
    } else {
      const auto [end, error] =
          std::from_chars(rest.data(), rest.data() + rest.size(), model.threshold_count);
      if (rest.empty() || error != std::errc() || end != rest.data() + rest.size() ||
          model.threshold_count < 1) {
        bad_model(text, kExpected);
      }
    }
    return model;
  }
  if (text.starts_with("icn:")) {
    model.kind = ModelKind::kPositiveNegative;
    constexpr std::string_view kExpected =
        "icn:q=Q,neg=M with quality Q in [0, 1] and negativity multiplier M >= 1 (for example "
        "icn:q=0.8,neg=1.55)";
    bool have_quality = false, have_negativity = false;
    std::string_view rest = text.substr(4);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view part = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      if (part.starts_with("q=") && parse_double(part.substr(2), model.quality)) {
        have_quality = true;
      } else if (part.starts_with("neg=") && parse_double(part.substr(4), model.negativity)) {
        have_negativity = true;
      } else {
        bad_model(text, kExpected);
      }
    }
    if (!have_quality || !have_negativity || model.quality < 0 || model.quality > 1 ||
        model.negativity < 1) {
      bad_model(text, kExpected);
    }
    return model;
  }
  bad_model(text, "ic, lt, threshold:N, threshold:F or icn:q=Q,neg=M");
}

std::string DiffusionModel::to_string() const {
  switch (kind) {
    case ModelKind::kIndependentCascade: return "ic";
    case ModelKind::kLinearThreshold: return "lt";
    case ModelKind::kComplexContagion:
      return fmt::format("threshold:{}{}",
                         threshold_fraction > 0 ? fmt::format("{:#}", threshold_fraction)
                                                : std::to_string(threshold_count),
                         exposure_uses_probability ? ",prob" : "");
    case ModelKind::kPositiveNegative: return fmt::format("icn:q={},neg={}", quality, negativity);
  }
  return "?";
}

void validate(const DiffusionModel& model) {
  if (!(model.fade >= 0 && model.fade < 1)) {
    throw UsageError("fade", fmt::format("found {}; expected a fraction in [0, 1)", model.fade));
  }
}

}  // namespace cascade

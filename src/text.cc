#include "cascade/text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace cascade {

std::string group_digits(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::optional<std::uint64_t> parse_byte_size(std::string_view text, std::uint64_t whole) {
  std::size_t end = 0;
  while (end < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '.')) {
    ++end;
  }
  if (end == 0) return std::nullopt;
  const std::string number(text.substr(0, end));
  double value = 0;
  const auto [rest, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (error != std::errc() || rest != number.data() + number.size()) return std::nullopt;
  std::string unit;
  for (const char c : text.substr(end)) unit.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  double bytes = 0;
  if (unit == "%") {
    if (whole == 0 || value > 100) return std::nullopt;
    bytes = value / 100 * static_cast<double>(whole);
  } else {
    double scale = 0;
    if (unit.empty() || unit == "b") scale = 1;
    const char* prefixes = "kmgt";
    for (int i = 0; i < 4; ++i) {
      const std::string p(1, prefixes[i]);
      if (unit == p || unit == p + "b" || unit == p + "ib") scale = std::pow(1024.0, i + 1);
    }
    if (scale == 0) return std::nullopt;
    bytes = value * scale;
  }
  if (!(bytes >= 1) || bytes >= 18446744073709551616.0) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

}  // namespace cascade

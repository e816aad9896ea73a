// Numbers in messages and notes as people read them: 1234567 -> "1,234,567".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cascade {

std::string group_digits(std::uint64_t value);

// A size as people write it: "2G", "512M", "1.5GiB", "300k", "4096" (bytes), K/M/G/T in powers
// of 1024 with or without "B" or "iB", or "80%" of `whole` (the machine's memory). None for
// anything else, zero, or past 2^64.
std::optional<std::uint64_t> parse_byte_size(std::string_view text, std::uint64_t whole);

}  // namespace cascade

// Numbers in messages and notes as people read them: 1234567 -> "1,234,567".
#pragma once

#include <cstdint>
#include <string>

namespace cascade {

std::string group_digits(std::uint64_t value);

}  // namespace cascade

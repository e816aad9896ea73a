#include "cascade/error.h"

namespace cascade {
namespace {

std::string located(const std::string& file, std::uint64_t line, const std::string& what) {
  if (file.empty()) return what;
  if (line == 0) return file + ": " + what;
  return file + ":" + std::to_string(line) + ": " + what;
}

}  // namespace

InputError::InputError(std::string file, std::uint64_t line, const std::string& what)
    : std::runtime_error(located(file, line, what)), file_(std::move(file)), line_(line) {}

InputError::InputError(const std::string& what) : std::runtime_error(what) {}

UsageError::UsageError(std::string field, const std::string& what)
    : std::invalid_argument(std::string(field).append(": ").append(what)), field_(std::move(field)) {}

}  // namespace cascade

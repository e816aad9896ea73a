#include "cascade/io/paths.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "cascade/error.h"

namespace cascade {
namespace {

bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return a == b;
  struct stat first{}, second{};
  if (::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0) {
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
  }
  std::error_code error;
  const auto absolute_a = std::filesystem::absolute(a, error).lexically_normal();
  const auto absolute_b = std::filesystem::absolute(b, error).lexically_normal();
  return absolute_a == absolute_b;
}

}  // namespace

void check_distinct_files(const std::vector<NamedPath>& inputs,
                          const std::vector<NamedPath>& outputs) {
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const NamedPath& out = outputs[i];
    if (out.path.empty()) continue;
    for (const NamedPath& in : inputs) {
      if (!in.path.empty() && in.path != "-" && same_file(in.path, out.path)) {
        throw UsageError(fmt::format("{}: found {}, which is also {}, an input; expected another "
                                     "file (writing it would destroy the input)",
                                     out.name, out.path, in.name));
      }
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (!outputs[j].path.empty() && same_file(outputs[j].path, out.path)) {
        throw UsageError(fmt::format("{}: found {}, which is also {}; expected another file (one "
                                     "would overwrite the other)",
                                     out.name, out.path, outputs[j].name));
      }
    }
  }
}

}  // namespace cascade

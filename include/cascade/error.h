// Errors that cross the library boundary. The library never prints and never exits: it throws one
// of these, and the command-line layer turns it into a single line on stderr and an exit code.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace cascade {

// Bad input: a file that cannot be read or does not hold what was expected. `file` and `line`
// locate the problem when it has a place (line 0 means "the file as a whole").
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::uint64_t line, const std::string& what);
  explicit InputError(const std::string& what);

  const std::string& file() const { return file_; }
  std::uint64_t line() const { return line_; }

 private:
  std::string file_;
  std::uint64_t line_ = 0;
};

// A request that cannot be carried out as asked: a parameter out of range, an option combination
// that cannot work. The CLI maps it to exit code 2.
// Errors about one field of a request name it (field() is "eps", "k", "time_limit": the API's
// names, which are the CLI's options without dashes); what() then starts with "field: ".
class UsageError : public std::invalid_argument {
 public:
  explicit UsageError(const std::string& what) : std::invalid_argument(what) {}
  explicit UsageError(const char* what) : std::invalid_argument(what) {}
  UsageError(std::string field, const std::string& what);

  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

}  // namespace cascade

#include "cascade/graph/edge_list_reader.h"

#include "cascade/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <memory>
#include <unordered_map>

#include "cascade/error.h"
#include "cascade/io/csv.h"

namespace cascade {
namespace {

constexpr int kMaxFields = 16;

// A label is an integer only when it reads back as written ("7", "-3"; not "007", "+7" or "-0"),
// so that two spellings of one number stay two people, as they are in the file.
bool parse_integer_label(std::string_view field, std::int64_t& value) {
  const bool negative = !field.empty() && field[0] == '-';
  const std::string_view digits = negative ? field.substr(1) : field;
  if (digits.empty() || digits[0] == '+' || (digits.size() > 1 && digits[0] == '0') ||
      (negative && digits == "0")) {
    return false;
  }
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size();
}

bool parse_number(std::string_view field, double& value) {
  if (field.empty()) return false;
  const char* begin = field.data();
  if (*begin == '+') ++begin;
  const auto [end, error] = std::from_chars(begin, field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size();
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

enum class Column { kSource, kTarget, kWeight, kOther };

Column column_named(std::string_view name) {
  static const std::unordered_map<std::string, Column> kNames = {
      {"source", Column::kSource},      {"src", Column::kSource},    {"from", Column::kSource},
      {"u", Column::kSource},           {"node1", Column::kSource},  {"sender", Column::kSource},
      {"follower", Column::kSource},    {"target", Column::kTarget}, {"dst", Column::kTarget},
      {"to", Column::kTarget},          {"v", Column::kTarget},      {"node2", Column::kTarget},
      {"receiver", Column::kTarget},    {"weight", Column::kWeight}, {"w", Column::kWeight},
      {"probability", Column::kWeight}, {"p", Column::kWeight},      {"strength", Column::kWeight},
  };
  const auto it = kNames.find(lowercase(name));
  return it == kNames.end() ? Column::kOther : it->second;
}

constexpr const char* kWeightColumnNames = "weight, w, probability, p or strength";

// One physical line at a time, skipping blank and comment lines; CR before LF is dropped.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next data line (without its end-of-line bytes), or false at the end.
  bool next(std::string_view& line) {
    while (position_ < text_.size()) {
      const char* start = text_.data() + position_;
      const void* newline = std::memchr(start, '\n', text_.size() - position_);
      std::size_t length =
          newline ? static_cast<const char*>(newline) - start : text_.size() - position_;
      position_ += length + (newline ? 1 : 0);
      ++line_number_;
      while (length > 0 && start[length - 1] == '\r') --length;
      std::size_t first = 0;
      while (first < length && (start[first] == ' ' || start[first] == '\t')) ++first;
      if (first == length || start[first] == '#' || start[first] == '%') continue;
      line = std::string_view(start, length);
      return true;
    }
    return false;
  }
  std::uint64_t line_number() const { return line_number_; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::uint64_t line_number_ = 0;
};

struct Fields {
  std::array<std::string_view, kMaxFields> values;
  int count = 0;  // may exceed kMaxFields: only the first kMaxFields are kept
};

[[noreturn]] void misplaced_byte_order_mark(const std::string& source, std::uint64_t line) {
  throw InputError(source, line,
                   fmt::format("found {} inside the file; expected one only at the very start "
                               "(were two files joined?)",
                               kByteOrderMarkName));
}

[[noreturn]] void binary_data(const std::string& source, std::uint64_t line, unsigned char byte) {
  throw InputError(source, line,
                   fmt::format("found byte 0x{:02x}, binary data where text was expected; expected "
                               "an edge list (source target [weight] per line)",
                               byte));
}

bool is_control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; }

void split_whitespace(std::string_view line, Fields& fields, const std::string& source,
                      std::uint64_t line_number) {
  fields.count = 0;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (true) {
    while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == n) return;
    const std::size_t start = i;
    while (i < n && line[i] != ' ' && line[i] != '\t') {
      const auto byte = static_cast<unsigned char>(line[i]);
      if (is_control(byte)) binary_data(source, line_number, byte);
      if (byte == 0xEF && line.substr(i, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
        misplaced_byte_order_mark(source, line_number);
      }
      ++i;
    }
    if (fields.count < kMaxFields) fields.values[fields.count] = line.substr(start, i - start);
    ++fields.count;
  }
}

enum class Mode {
  kWhitespace,  // runs of spaces and tabs separate the fields
  kDelimited,   // CSV/TSV by the RFC 4180 rules (io/csv.h)
  kNetworkx,    // "u v {python dict}" as networkx write_edgelist writes it
};

struct Layout {
  Mode mode = Mode::kWhitespace;
  char delimiter = 0;  // for kDelimited
  int columns = 0;     // fields per line; 0 until the first arc line fixes 2 or 3
  int source = 0, target = 1, weight = -1;
  int trials = -1, successes = -1;  // with ReadOptions::arc_evidence and a names header
  bool names_header = false;
  std::string weight_key = "weight";  // for kNetworkx
};

// A networkx edge-list line: two labels, then a Python dict literal.
struct NetworkxLine {
  std::string_view from, to, dict;
};

bool split_networkx(std::string_view line, NetworkxLine& out) {
  std::size_t i = 0;
  const std::size_t n = line.size();
  std::string_view* labels[] = {&out.from, &out.to};
  for (std::string_view* label : labels) {
    while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < n && line[i] != ' ' && line[i] != '\t') ++i;
    *label = line.substr(start, i - start);
  }
  while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::size_t end = n;
  while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  out.dict = line.substr(i, end - i);
  return !out.from.empty() && !out.to.empty() && !out.dict.empty() && out.dict.front() == '{';
}

// Finds `key` in a Python dict literal such as {'weight': 0.5, 'color': 'red'}: sets `value` to
// its value's text and returns true, or returns false when the dict has no such key. Values of
// other keys may be strings, numbers, lists, tuples or dicts; they are skipped. Returns an error
// description in `error` (and false) when the text is not a dict literal.
bool python_dict_value(std::string_view dict, std::string_view key, std::string_view& value,
                       std::string& error) {
  const std::size_t n = dict.size();
  std::size_t i = 1;  // after '{'
  auto skip_spaces = [&] {
    while (i < n && (dict[i] == ' ' || dict[i] == '\t')) ++i;
  };
  // A string literal at i ('...' or "..." with backslash escapes); returns its content.
  auto string_literal = [&](std::string_view& content) {
    const char quote = dict[i];
    const std::size_t start = ++i;
    while (i < n && dict[i] != quote) i += dict[i] == '\\' ? 2 : 1;
    if (i >= n) return false;
    content = dict.substr(start, i - start);
    ++i;
    return true;
  };
  // Any value: up to a ',' or '}' outside brackets and strings.
  auto any_value = [&](std::string_view& text) {
    const std::size_t start = i;
    int depth = 0;
    while (i < n) {
      const char c = dict[i];
      if (c == '\'' || c == '"') {
        std::string_view ignored;
        if (!string_literal(ignored)) return false;
        continue;
      }
      if (c == '[' || c == '(' || c == '{') ++depth;
      if (c == ']' || c == ')' || c == '}') {
        if (depth == 0) break;
        --depth;
      }
      if (c == ',' && depth == 0) break;
      ++i;
    }
    std::size_t end = i;
    while (end > start && (dict[end - 1] == ' ' || dict[end - 1] == '\t')) --end;
    text = dict.substr(start, end - start);
    return depth == 0 && !text.empty();
  };
  bool found = false;
  skip_spaces();
  if (i < n && dict[i] == '}') {
    ++i;
  } else {
    while (true) {
      skip_spaces();
      std::string_view name;
      if (i < n && (dict[i] == '\'' || dict[i] == '"')) {
        if (!string_literal(name)) break;
      } else if (!any_value(name)) {
        break;
      }
      skip_spaces();
      if (i >= n || dict[i] != ':') break;
      ++i;
      skip_spaces();
      std::string_view text;
      if (!any_value(text)) break;
      if (name == key) {
        value = text;
        found = true;
      }
      if (i < n && dict[i] == ',') {
        ++i;
        continue;
      }
      if (i < n && dict[i] == '}') ++i;
      break;
    }
  }
  if (i != n || dict[n - 1] != '}') {
    error = "a Python dict such as {'weight': 0.5} after the two labels";
    return false;
  }
  return found;
}

// The number inside a wrapper such as np.float64(0.5), as numpy 2 writes it; else `text`.
std::string_view unwrapped_number(std::string_view text) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') return text;
  return text.substr(open + 1, text.size() - open - 2);
}

// Parses the whole text once with labels read as integers (integer_labels) or as strings.
// Returns false if integer_labels was asked but a label is not an integer.
class Parser {
 public:
  Parser(std::string_view text, const std::string& source, const ReadOptions& options)
      : text_(text), source_(source), options_(options) {
    if (text_.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
      text_.remove_prefix(kUtf8ByteOrderMark.size());
    }
  }

  bool run(bool integer_labels, EdgeListData& out);

 private:
  bool next_record(Fields& fields, std::uint64_t& number);
  // The last record read, for messages: the raw line, or the fields written back as CSV.
  std::string record_text() const;
  void split(std::string_view line, std::uint64_t number, Fields& fields) const {
    if (layout_.mode == Mode::kNetworkx) {
      NetworkxLine parts;
      if (!split_networkx(line, parts)) {
        throw InputError(source_, number,
                         fmt::format("found {}; expected a networkx edge-list line 'u v {{...}}' "
                                     "like the lines before",
                                     shown_in_message(line)));
      }
      fields.values[0] = parts.from;
      fields.values[1] = parts.to;
      fields.values[2] = parts.dict;
      fields.count = 3;
      return;
    }
    split_whitespace(line, fields, source_, number);
  }
  [[noreturn]] void column_count_error(std::uint64_t number, int found) const;
  float weight_of(std::string_view field, std::uint64_t number) const;
  void take_evidence(const Fields& fields, std::uint64_t number, EvidenceColumns& evidence) const;
  NodeId intern(std::string_view name);
  void use_names_header(const Fields& fields, std::uint64_t number, EdgeListData& out);
  void map_integer_labels(EdgeListData& out, bool has_counts_header, std::int64_t declared_nodes);

  std::string_view text_;
  const std::string& source_;
  const ReadOptions& options_;
  Layout layout_;
  LineReader lines_{std::string_view()};
  std::unique_ptr<CsvReader> csv_;
  CsvRecord record_;
  std::string_view raw_line_;  // the last line read outside delimited mode
  std::vector<std::int64_t> integer_sources_, integer_targets_;
  std::unordered_map<std::string_view, NodeId> name_ids_;
  std::vector<std::string_view> names_;
  std::deque<std::string> unescaped_names_;  // labels that CsvReader unescaped into its storage
};

bool Parser::next_record(Fields& fields, std::uint64_t& number) {
  if (layout_.mode != Mode::kDelimited) {
    if (!lines_.next(raw_line_)) return false;
    number = lines_.line_number();
    split(raw_line_, number, fields);
    return true;
  }
  if (!csv_->next(record_)) return false;
  number = record_.line;
  fields.count = static_cast<int>(record_.fields.size());
  const int kept = std::min(fields.count, kMaxFields);
  for (int i = 0; i < kept; ++i) fields.values[i] = record_.fields[i];
  return true;
}

std::string Parser::record_text() const {
  if (layout_.mode != Mode::kDelimited) return shown_in_message(raw_line_);
  std::string line;
  for (std::size_t i = 0; i < record_.fields.size(); ++i) {
    if (i > 0) line += layout_.delimiter;
    line += csv_field(record_.fields[i], layout_.delimiter);
  }
  return shown_in_message(line);
}

void Parser::column_count_error(std::uint64_t number, int found) const {
  const std::string what =
      layout_.names_header
          ? fmt::format("{} columns as in the header", layout_.columns)
          : (layout_.columns == 3
                 ? std::string("3 columns like the lines before (source target weight)")
             : layout_.columns == 2 ? std::string("2 columns like the lines before (source target)")
                                    : std::string("2 or 3 columns (source target [weight])"));
  throw InputError(
      source_, number,
      fmt::format("found {} column{}; expected {}", found, found == 1 ? "" : "s", what));
}

float Parser::weight_of(std::string_view field, std::uint64_t number) const {
  double value = 0;
  if (!parse_number(field, value)) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected a number", shown_in_message(field)));
  }
  if (!std::isfinite(value) || value < 0) {
    throw InputError(
        source_, number,
        fmt::format("found weight {}; expected a finite non-negative number", shown_in_message(field)));
  }
  if (options_.weights_are_probabilities && value > 1) {
    throw InputError(
        source_, number,
        fmt::format("found weight {}; expected a probability in [0, 1]", shown_in_message(field)));
  }
  if (value > std::numeric_limits<float>::max()) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected at most {:g}", shown_in_message(field),
                                 std::numeric_limits<float>::max()));
  }
  return static_cast<float>(value);
}

void Parser::take_evidence(const Fields& fields, std::uint64_t number,
                           EvidenceColumns& evidence) const {
  double trials = 0, successes = 0;
  const std::string_view trials_text = fields.values[layout_.trials];
  const std::string_view successes_text = fields.values[layout_.successes];
  if (!parse_number(trials_text, trials) || !std::isfinite(trials) || trials < 0) {
    throw InputError(source_, number,
                     fmt::format("found trials {}; expected a non-negative number (how often the "
                                 "arc was tried in the log)",
                                 shown_in_message(trials_text)));
  }
  if (!parse_number(successes_text, successes) || !std::isfinite(successes) || successes < 0) {
    throw InputError(source_, number,
                     fmt::format("found successes {}; expected a non-negative number (how often "
                                 "the arc's trials succeeded)",
                                 shown_in_message(successes_text)));
  }
  // Expected successes are written to a float's precision and may round just above trials.
  if (successes > trials * (1 + 1e-6) + 1e-9) {
    throw InputError(source_, number,
                     fmt::format("found successes {} above trials {}; expected at most as many "
                                 "successes as trials",
                                 successes_text, trials_text));
  }
  evidence.trials.push_back(trials);
  evidence.successes.push_back(std::min(successes, trials));
  evidence.lines.push_back(number);
}

NodeId Parser::intern(std::string_view name) {
  auto it = name_ids_.find(name);
  if (it != name_ids_.end()) return it->second;
  if (names_.size() >= std::numeric_limits<NodeId>::max() - 1) {
    throw InputError(source_, 0, "more than 4,294,967,294 distinct labels; expected fewer");
  }
  if (csv_ && !csv_->views_text(name)) name = unescaped_names_.emplace_back(name);
  const auto id = static_cast<NodeId>(names_.size());
  name_ids_.emplace(name, id);
  names_.push_back(name);
  return id;
}

std::string header_list(const Fields& fields) {
  std::string out;
  for (int i = 0; i < std::min(fields.count, kMaxFields); ++i) {
    out += (i > 0 ? ", '" : "'") + std::string(fields.values[i]) + "'";
  }
  return out;
}

void Parser::use_names_header(const Fields& fields, std::uint64_t number, EdgeListData& out) {
  if (fields.count < 2 || fields.count > kMaxFields) {
    throw InputError(source_, number,
                     fmt::format("found a header of {} columns; expected 2 to {} "
                                 "(source,target[,weight])",
                                 fields.count, kMaxFields));
  }
  layout_.names_header = true;
  layout_.columns = fields.count;
  layout_.source = layout_.target = layout_.weight = -1;
  for (int i = 0; i < fields.count; ++i) {
    switch (column_named(fields.values[i])) {
      case Column::kSource:
        if (layout_.source < 0) layout_.source = i;
        break;
      case Column::kTarget:
        if (layout_.target < 0) layout_.target = i;
        break;
      case Column::kWeight:
        if (layout_.weight < 0) layout_.weight = i;
        break;
      case Column::kOther:
        break;
    }
  }
  if (options_.arc_evidence) {
    for (int i = 0; i < fields.count; ++i) {
      const std::string name = lowercase(fields.values[i]);
      if (name == "trials" && layout_.trials < 0) layout_.trials = i;
      if (name == "successes" && layout_.successes < 0) layout_.successes = i;
    }
    if (layout_.trials >= 0 && layout_.successes >= 0) out.evidence.emplace();
  }
  const bool positional = layout_.source < 0 && layout_.target < 0;
  if (positional) {
    // Unrecognized names: the columns are positional.
    layout_.source = 0;
    layout_.target = 1;
    layout_.weight = fields.count >= 3 ? 2 : -1;
  } else if (layout_.source < 0 || layout_.target < 0) {
    throw InputError(source_, number,
                     fmt::format("found header {}; expected both a source and a target column "
                                 "(source,target[,weight])",
                                 record_text()));
  }
  if (!options_.weight_column.empty()) {
    int chosen = -1;
    for (int i = 0; i < fields.count && chosen < 0; ++i) {
      if (fields.values[i] == options_.weight_column) chosen = i;
    }
    for (int i = 0; i < fields.count && chosen < 0; ++i) {
      if (lowercase(fields.values[i]) == lowercase(options_.weight_column)) chosen = i;
    }
    if (chosen < 0) {
      throw InputError(source_, number,
                       fmt::format("found no column named '{}' in the header ({}); expected one "
                                   "of the header's columns as the weight column",
                                   options_.weight_column, header_list(fields)));
    }
    if (chosen == layout_.source || chosen == layout_.target) {
      throw InputError(
          source_, number,
          fmt::format("found weight column '{}' that is the {} column; expected "
                      "another column as the weight",
                      options_.weight_column, chosen == layout_.source ? "source" : "target"));
    }
    layout_.weight = chosen;
  } else if (!positional && layout_.weight < 0) {
    for (int i = 0; i < fields.count; ++i) {
      if (i == layout_.source || i == layout_.target) continue;
      out.report.warnings.push_back(fmt::format(
          "column '{}' is not read as a weight: weight columns are named {}, or chosen with "
          "weight_column (--weight-column)",
          fields.values[i], kWeightColumnNames));
    }
  }
}

bool Parser::run(bool integer_labels, EdgeListData& out) {
  lines_ = LineReader(text_);
  std::string_view first_line;
  Fields fields;
  if (!lines_.next(first_line)) {
    throw InputError(source_, 0,
                     "found no arcs (the file is empty or only comments); expected lines "
                     "'source target [weight]'");
  }
  const std::uint64_t first_number = lines_.line_number();

  // A third field opening a Python dict makes a networkx edge list; else a comma or semicolon in
  // the first line makes a CSV; otherwise whitespace, except that a tab-separated file with a
  // names header splits on tabs alone (labels may hold spaces).
  auto start_delimited = [&](char delimiter) {
    layout_.mode = Mode::kDelimited;
    layout_.delimiter = delimiter;
    const auto offset = static_cast<std::size_t>(first_line.data() - text_.data());
    csv_ = std::make_unique<CsvReader>(text_.substr(offset), source_, delimiter, first_number);
    lines_ = LineReader(std::string_view());
  };
  split_whitespace(first_line, fields, source_, first_number);
  if (fields.count >= 3 && fields.values[2].front() == '{') {
    layout_.mode = Mode::kNetworkx;
  } else if (first_line.find(',') != std::string_view::npos) {
    start_delimited(',');
  } else if (first_line.find(';') != std::string_view::npos) {
    start_delimited(';');
  }
  std::uint64_t number = first_number;
  if (layout_.mode == Mode::kDelimited) {
    next_record(fields, number);
  } else {
    raw_line_ = first_line;
    split(first_line, first_number, fields);
  }

  bool all_text = fields.count >= 2;
  bool any_known_name = false;
  for (int i = 0; i < std::min(fields.count, kMaxFields); ++i) {
    double value = 0;
    if (parse_number(fields.values[i], value)) all_text = false;
    if (column_named(fields.values[i]) != Column::kOther) any_known_name = true;
  }
  // Three or more names cannot be an arc (a weight is a number), nor can a row naming a column.
  const bool names_header =
      layout_.mode != Mode::kNetworkx && (options_.header == HeaderMode::kNames ||
                                          (options_.header == HeaderMode::kAuto &&
                                           ((all_text && (any_known_name || fields.count >= 3)) ||
                                            (all_text && !options_.weight_column.empty()))));
  std::int64_t declared_nodes = 0, declared_arcs = 0;
  bool counts_candidate = false;
  bool first_line_pending = true;  // the first line still has to be read as an arc

  if (names_header) {
    if (layout_.mode == Mode::kWhitespace && first_line.find('\t') != std::string_view::npos) {
      start_delimited('\t');
      next_record(fields, number);
    }
    use_names_header(fields, number, out);
    first_line_pending = false;
  } else if (options_.header == HeaderMode::kCounts ||
             (options_.header == HeaderMode::kAuto && layout_.mode == Mode::kWhitespace &&
              fields.count == 2)) {
    counts_candidate = parse_integer_label(fields.values[0], declared_nodes) &&
                       parse_integer_label(fields.values[1], declared_arcs) && declared_nodes >= 0 &&
                       declared_arcs >= 0;
    if (options_.header == HeaderMode::kCounts && !counts_candidate) {
      throw InputError(source_, first_number,
                       fmt::format("found {}; expected a header 'n m' of two non-negative integers",
                                   record_text()));
    }
    if (counts_candidate && declared_nodes > std::numeric_limits<NodeId>::max() - 1) {
      if (options_.header == HeaderMode::kCounts) {
        throw InputError(source_, first_number,
                         fmt::format("header declares {} nodes; expected at most 4,294,967,294",
                                     declared_nodes));
      }
      counts_candidate = false;
    }
    if (counts_candidate) first_line_pending = false;
  }
  if (!options_.weight_column.empty() && !layout_.names_header) {
    if (layout_.mode == Mode::kNetworkx) {
      layout_.weight_key = options_.weight_column;
    } else {
      throw InputError(source_, first_number,
                       fmt::format("found no header row naming the columns (the first line is "
                                   "{}); expected a header with a column '{}' for the weight",
                                   record_text(), options_.weight_column));
    }
  }
  // Views of the first line: the text itself in whitespace mode (delimited files never have a
  // counts header).
  const std::string_view first_from = fields.values[0];
  const std::string_view first_to = fields.count > 1 ? fields.values[1] : std::string_view();

  std::vector<NodeId>& sources = out.arcs.sources;
  std::vector<NodeId>& targets = out.arcs.targets;
  std::vector<float>& weights = out.arcs.weights;
  std::int64_t max_label = -1;  // for the counts-header test
  bool negative_label = false;
  std::uint64_t arc_lines = 0;
  std::uint64_t missing_weights = 0;  // networkx lines without the weight key
  const auto estimated = text_.size() / 12;
  if (integer_labels) {
    integer_sources_.reserve(estimated);
    integer_targets_.reserve(estimated);
  } else {
    sources.reserve(estimated);
    targets.reserve(estimated);
  }

  auto take = [&](std::uint64_t at) -> bool {
    if (layout_.mode == Mode::kNetworkx) {
      layout_.columns = 3;
    } else if (layout_.columns == 0) {
      if (fields.count != 2 && fields.count != 3) column_count_error(at, fields.count);
      layout_.columns = fields.count;
      layout_.weight = fields.count == 3 ? 2 : -1;
    } else if (fields.count != layout_.columns) {
      column_count_error(at, fields.count);
    }
    const std::string_view from = fields.values[layout_.source];
    const std::string_view to = fields.values[layout_.target];
    for (const std::string_view label : {from, to}) {
      if (label.empty()) {
        throw InputError(
            source_, at,
            fmt::format("found an empty label in {}; expected a node label", record_text()));
      }
    }
    if (integer_labels) {
      std::int64_t u = 0, v = 0;
      if (!parse_integer_label(from, u) || !parse_integer_label(to, v)) return false;
      integer_sources_.push_back(u);
      integer_targets_.push_back(v);
      max_label = std::max({max_label, u, v});
      negative_label = negative_label || u < 0 || v < 0;
    } else {
      sources.push_back(intern(from));
      targets.push_back(intern(to));
    }
    if (layout_.mode == Mode::kNetworkx) {
      std::string_view value;
      std::string error;
      if (python_dict_value(fields.values[2], layout_.weight_key, value, error)) {
        // Lines before the first weight had none: weight 1, as networkx assumes.
        if (weights.size() < arc_lines) weights.resize(arc_lines, 1.0f);
        weights.push_back(weight_of(unwrapped_number(value), at));
      } else if (!error.empty()) {
        throw InputError(source_, at,
                         fmt::format("found {}; expected {}", shown_in_message(fields.values[2]), error));
      } else {
        ++missing_weights;
        if (!weights.empty()) weights.push_back(1.0f);
      }
    } else if (layout_.weight >= 0) {
      weights.push_back(weight_of(fields.values[layout_.weight], at));
    }
    if (out.evidence) take_evidence(fields, at, *out.evidence);
    ++arc_lines;
    return true;
  };

  if (first_line_pending && !take(number)) return false;
  {
    Progress progress("reading arcs", 0);
    constexpr std::uint64_t kPerReport = 1 << 16;
    std::uint64_t since_report = 0;
    while (next_record(fields, number)) {
      if (!take(number)) return false;
      if (++since_report == kPerReport) {
        progress.advance(since_report);
        since_report = 0;
      }
    }
  }
  if (layout_.mode == Mode::kNetworkx && !weights.empty() && missing_weights > 0) {
    if (weights.size() < arc_lines) weights.resize(arc_lines, 1.0f);
    out.report.warnings.push_back(
        fmt::format("{} of {} edges have no '{}' in their attributes; read as weight 1 (as "
                    "networkx does)",
                    missing_weights, arc_lines, layout_.weight_key));
  }

  bool has_counts_header = false;
  if (counts_candidate) {
    const auto lines_count = static_cast<std::int64_t>(arc_lines);
    const bool labels_fit = integer_labels && !negative_label && max_label < declared_nodes;
    const bool count_close = std::abs(declared_arcs - lines_count) <= declared_arcs / 100;
    if (options_.header == HeaderMode::kCounts) {
      if (!labels_fit) {
        throw InputError(
            source_, first_number,
            fmt::format("header declares {} nodes, but the labels are not all integers "
                        "in 0..{}; expected labels below the declared count",
                        declared_nodes, declared_nodes - 1));
      }
      has_counts_header = true;
    } else {
      // A header may add isolated nodes, but not implausibly many (a first arc "444444444 0"
      // is not a graph of 444 million nodes).
      const bool nodes_plausible = declared_nodes <= 4 * lines_count + 1024;
      has_counts_header = labels_fit && count_close && nodes_plausible;
    }
    if (!has_counts_header) {
      // The first line was an arc after all.
      if (!integer_labels) {
        sources.insert(sources.begin(), intern(first_from));
        targets.insert(targets.begin(), intern(first_to));
      } else {
        integer_sources_.insert(integer_sources_.begin(), declared_nodes);
        integer_targets_.insert(integer_targets_.begin(), declared_arcs);
      }
      if (layout_.columns != 0 && layout_.columns != 2) column_count_error(first_number, 2);
      ++arc_lines;
    }
  }
  if (arc_lines == 0 && !has_counts_header) {
    throw InputError(source_, 0, "found no arcs; expected lines 'source target [weight]'");
  }

  out.report.format = layout_.mode == Mode::kNetworkx     ? "networkx edge list"
                      : layout_.mode == Mode::kWhitespace ? "edge list"
                      : layout_.delimiter == '\t'         ? "tsv"
                                                          : "csv";
  out.report.data_lines = arc_lines;
  out.report.counts_header = has_counts_header;
  if (has_counts_header) {
    out.report.declared_nodes = static_cast<std::uint64_t>(declared_nodes);
    out.report.declared_arcs = static_cast<std::uint64_t>(declared_arcs);
  }
  if (integer_labels) {
    map_integer_labels(out, has_counts_header, declared_nodes);
  } else {
    std::vector<std::string> names(names_.begin(), names_.end());
    out.labels = NodeLabels::from_names(std::move(names));
  }
  return true;
}

// Dense ids in ascending label order, through a direct table when the label range is compact.
void Parser::map_integer_labels(EdgeListData& out, bool has_counts_header,
                                std::int64_t declared_nodes) {
  std::vector<NodeId>& sources = out.arcs.sources;
  std::vector<NodeId>& targets = out.arcs.targets;
  const std::size_t m = integer_sources_.size();
  sources.resize(m);
  targets.resize(m);
  if (has_counts_header) {
    for (std::size_t i = 0; i < m; ++i) {
      sources[i] = static_cast<NodeId>(integer_sources_[i]);
      targets[i] = static_cast<NodeId>(integer_targets_[i]);
    }
    std::vector<std::int64_t> values(static_cast<std::size_t>(declared_nodes));
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::int64_t>(i);
    out.labels = NodeLabels::from_integers(std::move(values));
    return;
  }
  std::int64_t low = std::numeric_limits<std::int64_t>::max();
  std::int64_t high = std::numeric_limits<std::int64_t>::min();
  for (std::size_t i = 0; i < m; ++i) {
    low = std::min({low, integer_sources_[i], integer_targets_[i]});
    high = std::max({high, integer_sources_[i], integer_targets_[i]});
  }
  const auto range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) + 1;
  std::vector<std::int64_t> values;
  if (range <= 4 * m + (1u << 20)) {
    std::vector<NodeId> id_of(range, 0);
    for (std::size_t i = 0; i < m; ++i) {
      id_of[static_cast<std::uint64_t>(integer_sources_[i] - low)] = 1;
      id_of[static_cast<std::uint64_t>(integer_targets_[i] - low)] = 1;
    }
    NodeId next = 0;
    for (std::uint64_t offset = 0; offset < range; ++offset) {
      if (id_of[offset] == 0) continue;
      if (next == std::numeric_limits<NodeId>::max() - 1) {
        throw InputError(source_, 0, "more than 4,294,967,294 distinct labels; expected fewer");
      }
      values.push_back(low + static_cast<std::int64_t>(offset));
      id_of[offset] = next++;
    }
    for (std::size_t i = 0; i < m; ++i) {
      sources[i] = id_of[static_cast<std::uint64_t>(integer_sources_[i] - low)];
      targets[i] = id_of[static_cast<std::uint64_t>(integer_targets_[i] - low)];
    }
  } else {
    values.reserve(2 * m);
    values.insert(values.end(), integer_sources_.begin(), integer_sources_.end());
    values.insert(values.end(), integer_targets_.begin(), integer_targets_.end());
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.size() > std::numeric_limits<NodeId>::max() - 1) {
      throw InputError(source_, 0, "more than 4,294,967,294 distinct labels; expected fewer");
    }
    auto id = [&](std::int64_t label) {
      return static_cast<NodeId>(std::lower_bound(values.begin(), values.end(), label) -
                                 values.begin());
    };
    for (std::size_t i = 0; i < m; ++i) {
      sources[i] = id(integer_sources_[i]);
      targets[i] = id(integer_targets_[i]);
    }
  }
  integer_sources_ = {};
  integer_targets_ = {};
  out.labels = NodeLabels::from_integers(std::move(values));
}

}  // namespace

std::string accepted_weight_column_names() { return kWeightColumnNames; }

HeaderMode parse_header_mode(std::string_view text) {
  if (text == "auto") return HeaderMode::kAuto;
  if (text == "none") return HeaderMode::kNone;
  if (text == "names") return HeaderMode::kNames;
  if (text == "counts") return HeaderMode::kCounts;
  throw UsageError("header", fmt::format("found '{}'; expected auto, none, names or counts", text));
}

EdgeListData parse_edge_list(std::string_view text, const std::string& source,
                             const ReadOptions& options) {
  {
    EdgeListData data;
    data.report.source = source;
    data.report.bytes = text.size();
    if (Parser(text, source, options).run(true, data)) return data;
  }
  EdgeListData data;
  data.report.source = source;
  data.report.bytes = text.size();
  Parser(text, source, options).run(false, data);
  return data;
}

}  // namespace cascade

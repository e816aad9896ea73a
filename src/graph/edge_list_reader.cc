#include "cascade/graph/edge_list_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "cascade/error.h"

namespace cascade {
namespace {

constexpr int kMaxFields = 16;

std::string shown(std::string_view text) {
  constexpr std::size_t kLimit = 40;
  std::string out;
  for (const char c : text.substr(0, kLimit)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? fmt::format("\\x{:02x}", byte) : std::string(1, c);
  }
  if (text.size() > kLimit) out += "...";
  return "'" + out + "'";
}

bool parse_integer(std::string_view field, std::int64_t& value) {
  if (field.empty()) return false;
  const char* begin = field.data();
  if (*begin == '+') ++begin;
  const auto [end, error] = std::from_chars(begin, field.data() + field.size(), value);
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
      {"source", Column::kSource}, {"src", Column::kSource},       {"from", Column::kSource},
      {"u", Column::kSource},      {"node1", Column::kSource},     {"sender", Column::kSource},
      {"follower", Column::kSource}, {"target", Column::kTarget},  {"dst", Column::kTarget},
      {"to", Column::kTarget},     {"v", Column::kTarget},         {"node2", Column::kTarget},
      {"receiver", Column::kTarget}, {"weight", Column::kWeight},  {"w", Column::kWeight},
      {"probability", Column::kWeight}, {"p", Column::kWeight},    {"strength", Column::kWeight},
  };
  const auto it = kNames.find(lowercase(name));
  return it == kNames.end() ? Column::kOther : it->second;
}

// One physical line at a time, skipping blank and comment lines; CR before LF is dropped.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  // The next data line (without its end-of-line bytes), or false at the end.
  bool next(std::string_view& line) {
    while (position_ < text_.size()) {
      const char* start = text_.data() + position_;
      const void* newline = std::memchr(start, '\n', text_.size() - position_);
      std::size_t length = newline ? static_cast<const char*>(newline) - start
                                   : text_.size() - position_;
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
      if (is_control(static_cast<unsigned char>(line[i]))) {
        binary_data(source, line_number, static_cast<unsigned char>(line[i]));
      }
      ++i;
    }
    if (fields.count < kMaxFields) fields.values[fields.count] = line.substr(start, i - start);
    ++fields.count;
  }
}

// Splits on `delimiter`, trimming spaces around fields and the double quotes around a quoted one
// (in which the delimiter may appear).
void split_delimited(std::string_view line, char delimiter, Fields& fields,
                     const std::string& source, std::uint64_t line_number) {
  fields.count = 0;
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (true) {
    while (i < n && line[i] == ' ') ++i;
    std::string_view value;
    if (i < n && line[i] == '"') {
      const std::size_t close = line.find('"', i + 1);
      if (close == std::string_view::npos) {
        throw InputError(source, line_number,
                         fmt::format("found an unclosed quote in {}; expected \"...\"", shown(line)));
      }
      value = line.substr(i + 1, close - i - 1);
      i = close + 1;
      while (i < n && line[i] == ' ') ++i;
      if (i < n && line[i] != delimiter) {
        throw InputError(source, line_number,
                         fmt::format("found {} after a quoted field; expected '{}' (a quote inside "
                                     "a quoted label is not supported)",
                                     shown(line.substr(i)), delimiter));
      }
    } else {
      const std::size_t start = i;
      while (i < n && line[i] != delimiter) ++i;
      std::size_t end = i;
      while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
      value = line.substr(start, end - start);
    }
    for (const char c : value) {
      if (is_control(static_cast<unsigned char>(c))) {
        binary_data(source, line_number, static_cast<unsigned char>(c));
      }
    }
    if (fields.count < kMaxFields) fields.values[fields.count] = value;
    ++fields.count;
    if (i >= n) return;
    ++i;  // the delimiter
  }
}

struct Layout {
  char delimiter = 0;  // 0: runs of spaces and tabs
  int columns = 0;     // fields per line; 0 until the first arc line fixes 2 or 3
  int source = 0, target = 1, weight = -1;
  bool names_header = false;
};

// Parses the whole text once with labels read as integers (integer_labels) or as strings.
// Returns false if integer_labels was asked but a label is not an integer.
class Parser {
 public:
  Parser(std::string_view text, const std::string& source, const ReadOptions& options)
      : text_(text), source_(source), options_(options) {}

  bool run(bool integer_labels, EdgeListData& out);

 private:
  void split(std::string_view line, std::uint64_t number, Fields& fields) const {
    if (layout_.delimiter == 0) {
      split_whitespace(line, fields, source_, number);
    } else {
      split_delimited(line, layout_.delimiter, fields, source_, number);
    }
  }
  [[noreturn]] void column_count_error(std::uint64_t number, int found) const;
  float weight_of(std::string_view field, std::uint64_t number) const;
  NodeId intern(std::string_view name);
  void map_integer_labels(EdgeListData& out, bool has_counts_header, std::int64_t declared_nodes);

  std::string_view text_;
  const std::string& source_;
  const ReadOptions& options_;
  Layout layout_;
  std::vector<std::int64_t> integer_sources_, integer_targets_;
  std::unordered_map<std::string_view, NodeId> name_ids_;
  std::vector<std::string_view> names_;
};

void Parser::column_count_error(std::uint64_t number, int found) const {
  const std::string what =
      layout_.names_header
          ? fmt::format("{} columns as in the header", layout_.columns)
          : (layout_.columns == 3 ? std::string("3 columns like the lines before (source target weight)")
             : layout_.columns == 2 ? std::string("2 columns like the lines before (source target)")
                                    : std::string("2 or 3 columns (source target [weight])"));
  throw InputError(source_, number,
                   fmt::format("found {} column{}; expected {}", found, found == 1 ? "" : "s", what));
}

float Parser::weight_of(std::string_view field, std::uint64_t number) const {
  double value = 0;
  if (!parse_number(field, value)) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected a number", shown(field)));
  }
  if (!std::isfinite(value) || value < 0) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected a finite non-negative number",
                                 shown(field)));
  }
  if (options_.weights_are_probabilities && value > 1) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected a probability in [0, 1]", shown(field)));
  }
  if (value > std::numeric_limits<float>::max()) {
    throw InputError(source_, number,
                     fmt::format("found weight {}; expected at most {:g}", shown(field),
                                 std::numeric_limits<float>::max()));
  }
  return static_cast<float>(value);
}

NodeId Parser::intern(std::string_view name) {
  const auto [it, inserted] = name_ids_.try_emplace(name, static_cast<NodeId>(names_.size()));
  if (inserted) {
    if (names_.size() >= std::numeric_limits<NodeId>::max() - 1) {
      throw InputError(source_, 0, "more than 4,294,967,294 distinct labels; expected fewer");
    }
    names_.push_back(name);
  }
  return it->second;
}

bool Parser::run(bool integer_labels, EdgeListData& out) {
  LineReader lines(text_);
  std::string_view line;
  Fields fields;
  if (!lines.next(line)) {
    throw InputError(source_, 0,
                     "found no arcs (the file is empty or only comments); expected lines "
                     "'source target [weight]'");
  }
  const std::uint64_t first_number = lines.line_number();

  // The delimiter: a comma or semicolon in the first line makes a CSV; otherwise whitespace, except
  // that a tab-separated file with a names header splits on tabs alone (labels may hold spaces).
  if (line.find(',') != std::string_view::npos) {
    layout_.delimiter = ',';
  } else if (line.find(';') != std::string_view::npos) {
    layout_.delimiter = ';';
  }
  split(line, first_number, fields);

  bool all_text = fields.count >= 2;
  bool any_known_name = false;
  for (int i = 0; i < std::min(fields.count, kMaxFields); ++i) {
    double number = 0;
    if (parse_number(fields.values[i], number)) all_text = false;
    if (column_named(fields.values[i]) != Column::kOther) any_known_name = true;
  }
  const bool names_header = options_.header == HeaderMode::kNames ||
                            (options_.header == HeaderMode::kAuto && all_text && any_known_name);
  std::int64_t declared_nodes = 0, declared_arcs = 0;
  bool counts_candidate = false;
  bool first_line_pending = true;  // the first line still has to be read as an arc

  if (names_header) {
    if (layout_.delimiter == 0 && line.find('\t') != std::string_view::npos) {
      layout_.delimiter = '\t';
      split(line, first_number, fields);
    }
    if (fields.count < 2 || fields.count > kMaxFields) {
      throw InputError(source_, first_number,
                       fmt::format("found a header of {} columns; expected 2 to {} "
                                   "(source,target[,weight])",
                                   fields.count, kMaxFields));
    }
    layout_.names_header = true;
    layout_.columns = fields.count;
    layout_.source = layout_.target = layout_.weight = -1;
    for (int i = 0; i < fields.count; ++i) {
      switch (column_named(fields.values[i])) {
        case Column::kSource: if (layout_.source < 0) layout_.source = i; break;
        case Column::kTarget: if (layout_.target < 0) layout_.target = i; break;
        case Column::kWeight: if (layout_.weight < 0) layout_.weight = i; break;
        case Column::kOther: break;
      }
    }
    if (layout_.source < 0 && layout_.target < 0) {
      // Unrecognized names: the columns are positional.
      layout_.source = 0;
      layout_.target = 1;
      layout_.weight = fields.count >= 3 ? 2 : -1;
    } else if (layout_.source < 0 || layout_.target < 0) {
      throw InputError(source_, first_number,
                       fmt::format("found header {}; expected both a source and a target column "
                                   "(source,target[,weight])",
                                   shown(line)));
    }
    first_line_pending = false;
  } else if (options_.header == HeaderMode::kCounts ||
             (options_.header == HeaderMode::kAuto && layout_.delimiter == 0 && fields.count == 2)) {
    counts_candidate = parse_integer(fields.values[0], declared_nodes) &&
                       parse_integer(fields.values[1], declared_arcs) && declared_nodes >= 0 &&
                       declared_arcs >= 0;
    if (options_.header == HeaderMode::kCounts && !counts_candidate) {
      throw InputError(source_, first_number,
                       fmt::format("found {}; expected a header 'n m' of two non-negative integers",
                                   shown(line)));
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
  const std::string_view first_from = fields.values[0];
  const std::string_view first_to = fields.count > 1 ? fields.values[1] : std::string_view();

  std::vector<NodeId>& sources = out.arcs.sources;
  std::vector<NodeId>& targets = out.arcs.targets;
  std::vector<float>& weights = out.arcs.weights;
  std::int64_t max_label = -1;  // for the counts-header test
  bool negative_label = false;
  std::uint64_t arc_lines = 0;
  const auto estimated = text_.size() / 12;
  if (integer_labels) {
    integer_sources_.reserve(estimated);
    integer_targets_.reserve(estimated);
  } else {
    sources.reserve(estimated);
    targets.reserve(estimated);
  }

  auto take = [&](std::string_view text_line, std::uint64_t number) -> bool {
    split(text_line, number, fields);
    if (layout_.columns == 0) {
      if (fields.count != 2 && fields.count != 3) column_count_error(number, fields.count);
      layout_.columns = fields.count;
      layout_.weight = fields.count == 3 ? 2 : -1;
    } else if (fields.count != layout_.columns) {
      column_count_error(number, fields.count);
    }
    const std::string_view from = fields.values[layout_.source];
    const std::string_view to = fields.values[layout_.target];
    for (const std::string_view label : {from, to}) {
      if (label.empty()) {
        throw InputError(source_, number,
                         fmt::format("found an empty label in {}; expected a node label", shown(text_line)));
      }
    }
    if (integer_labels) {
      std::int64_t u = 0, v = 0;
      if (!parse_integer(from, u) || !parse_integer(to, v)) return false;
      integer_sources_.push_back(u);
      integer_targets_.push_back(v);
      max_label = std::max({max_label, u, v});
      negative_label = negative_label || u < 0 || v < 0;
    } else {
      sources.push_back(intern(from));
      targets.push_back(intern(to));
    }
    if (layout_.weight >= 0) weights.push_back(weight_of(fields.values[layout_.weight], number));
    ++arc_lines;
    return true;
  };

  if (first_line_pending && !take(line, first_number)) return false;
  while (lines.next(line)) {
    if (!take(line, lines.line_number())) return false;
  }

  bool has_counts_header = false;
  if (counts_candidate) {
    const auto lines_count = static_cast<std::int64_t>(arc_lines);
    const bool labels_fit = integer_labels && !negative_label && max_label < declared_nodes;
    const bool count_close =
        std::abs(declared_arcs - lines_count) <= declared_arcs / 100;
    if (options_.header == HeaderMode::kCounts) {
      if (!labels_fit) {
        throw InputError(source_, first_number,
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

  out.report.format = layout_.delimiter == ',' || layout_.delimiter == ';' ? "csv"
                      : layout_.names_header                                ? "tsv"
                                                                            : "edge list";
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

HeaderMode parse_header_mode(std::string_view text) {
  if (text == "auto") return HeaderMode::kAuto;
  if (text == "none") return HeaderMode::kNone;
  if (text == "names") return HeaderMode::kNames;
  if (text == "counts") return HeaderMode::kCounts;
  throw UsageError(fmt::format("--header: found '{}'; expected auto, none, names or counts", text));
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

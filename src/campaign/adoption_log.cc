// Reading adoption logs: the actions CSV through CsvReader, the cascades format by hand (fields
// separated by spaces or tabs, one cascade a line).
#include "cascade/campaign/adoption_log.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

// One adoption as read, before the items are sorted; outside-graph users keep an id so that
// repeats among them are recognized too.
struct RawAdoption {
  NodeId user;
  std::uint32_t outside;  // index into the outside labels when user is kOutsideGraph
  double time;
};

// Lookups by string_view without building a std::string per row.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using StringIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

class LogBuilder {
 public:
  LogBuilder(const Graph& graph, std::string source) : graph_(graph) { log_.source = std::move(source); }

  std::uint32_t item(std::string_view name) {
    if (!log_.items.empty() && name == log_.items[last_item_]) return last_item_;  // rows come in runs
    if (const auto it = item_index_.find(name); it != item_index_.end()) {
      last_item_ = it->second;
    } else {
      last_item_ = static_cast<std::uint32_t>(log_.items.size());
      item_index_.emplace(std::string(name), last_item_);
      log_.items.emplace_back(name);
      raw_.emplace_back();
    }
    return last_item_;
  }
  // A fresh item that no name can repeat (one cascade line).
  std::uint32_t new_item(std::string name) {
    log_.items.push_back(std::move(name));
    raw_.emplace_back();
    return static_cast<std::uint32_t>(log_.items.size() - 1);
  }

  void add(std::uint32_t item, std::string_view user, double time) {
    RawAdoption adoption{kOutsideGraph, 0, time};
    if (const std::optional<NodeId> node = graph_.labels().find(user)) {
      adoption.user = *node;
    } else {
      auto it = outside_index_.find(user);
      if (it == outside_index_.end()) {
        it = outside_index_.emplace(std::string(user), static_cast<std::uint32_t>(outside_index_.size())).first;
        log_.outside_labels.emplace_back(user);
      }
      adoption.outside = it->second;
    }
    raw_[item].push_back(adoption);
  }

  AdoptionLog finish() && {
    log_.outside_users = outside_index_.size();
    std::vector<std::uint32_t> node_seen(graph_.num_nodes(), 0);
    std::vector<std::uint32_t> outside_seen(outside_index_.size(), 0);
    std::vector<bool> adopted_any(graph_.num_nodes(), false);
    for (std::size_t i = 0; i < raw_.size(); ++i) {
      std::vector<RawAdoption>& adoptions = raw_[i];
      std::stable_sort(adoptions.begin(), adoptions.end(),
                       [](const RawAdoption& a, const RawAdoption& b) { return a.time < b.time; });
      const auto stamp = static_cast<std::uint32_t>(i + 1);
      for (const RawAdoption& a : adoptions) {
        std::uint32_t& seen = a.user == kOutsideGraph ? outside_seen[a.outside] : node_seen[a.user];
        if (seen == stamp) {
          ++log_.repeats_dropped;
          continue;
        }
        seen = stamp;
        if (a.user == kOutsideGraph) {
          ++log_.outside_adoptions;
        } else if (!adopted_any[a.user]) {
          adopted_any[a.user] = true;
          ++log_.users;
        }
        if (a.time != std::floor(a.time)) log_.integer_steps = false;
        log_.adoptions.push_back({a.user, a.user == kOutsideGraph ? a.outside : 0, a.time});
      }
      if (!adoptions.empty() && adoptions.front().time != 0) log_.integer_steps = false;
      log_.item_offsets.push_back(log_.adoptions.size());
      std::vector<RawAdoption>().swap(adoptions);
    }
    log_.rows = log_.adoptions.size();
    return std::move(log_);
  }

 private:
  const Graph& graph_;
  AdoptionLog log_;
  std::vector<std::vector<RawAdoption>> raw_;
  StringIndex item_index_;
  StringIndex outside_index_;
  std::uint32_t last_item_ = 0;
};

std::optional<double> parse_time(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

AdoptionLog parse_actions(LogBuilder builder, std::string_view text, const std::string& source) {
  CsvReader reader(text, source);
  CsvRecord record;
  if (!reader.next(record)) {
    throw InputError(source, 0, "found no header; expected a header naming the columns user, item and time");
  }
  const std::uint64_t header_line = record.line;
  constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  std::size_t user = kMissing, item = kMissing, time = kMissing;
  std::string found;
  for (std::size_t c = 0; c < record.fields.size(); ++c) {
    const std::string name = lower(record.fields[c]);
    found += (found.empty() ? "" : ", ") + shown_in_message(record.fields[c]);
    std::size_t* slot = name == "user" ? &user : name == "item" ? &item : name == "time" ? &time : nullptr;
    if (slot == nullptr) continue;
    if (*slot != kMissing) {
      throw InputError(source, header_line,
                       fmt::format("found the column '{}' twice; expected each of user, item and time once", name));
    }
    *slot = c;
  }
  if (user == kMissing || item == kMissing || time == kMissing) {
    throw InputError(source, header_line,
                     fmt::format("found the columns {}; expected a header naming the columns user, "
                                 "item and time (in any order)", found));
  }
  const std::size_t needed = std::max({user, item, time}) + 1;
  while (reader.next(record)) {
    if (record.fields.size() < needed) {
      throw InputError(source, record.line,
                       fmt::format("found {} field{}; expected at least {} (user, item and time as the "
                                   "header names them)",
                                   record.fields.size(), record.fields.size() == 1 ? "" : "s", needed));
    }
    const std::optional<double> t = parse_time(record.fields[time]);
    if (!t) {
      throw InputError(source, record.line,
                       fmt::format("found the time {}; expected a finite number",
                                   shown_in_message(record.fields[time])));
    }
    if (record.fields[user].empty()) {
      throw InputError(source, record.line, "found an empty user; expected a label of the graph");
    }
    builder.add(builder.item(record.fields[item]), record.fields[user], *t);
  }
  return std::move(builder).finish();
}

AdoptionLog parse_cascades(LogBuilder builder, std::string_view text, const std::string& source) {
  std::uint64_t line_number = 0;
  std::vector<std::string_view> fields;
  std::size_t position = 0;
  if (text.starts_with(kUtf8ByteOrderMark)) position = kUtf8ByteOrderMark.size();
  while (position < text.size()) {
    ++line_number;
    std::size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(position, end - position);
    position = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    fields.clear();
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      if (j > i) fields.push_back(line.substr(i, j - i));
      i = j;
    }
    if (fields.empty() || fields.front().starts_with('#')) continue;
    if (fields.size() % 2 == 0) {
      throw InputError(source, line_number,
                       fmt::format("found {} fields; expected the root and then pairs of user and time "
                                   "(an odd number of fields)", fields.size()));
    }
    std::vector<double> times;
    for (std::size_t f = 2; f < fields.size(); f += 2) {
      const std::optional<double> t = parse_time(fields[f]);
      if (!t) {
        throw InputError(source, line_number,
                         fmt::format("found the time {} (field {}); expected a finite number",
                                     shown_in_message(fields[f]), f + 1));
      }
      if (!times.empty() && *t < times.back()) {
        throw InputError(source, line_number,
                         fmt::format("found the time {} (field {}) after {}; expected times that never "
                                     "decrease along a cascade", fields[f], f + 1, times.back()));
      }
      times.push_back(*t);
    }
    const std::uint32_t item = builder.new_item(fmt::format("line {}", line_number));
    builder.add(item, fields[0], times.empty() ? 0.0 : times.front() - 1);
    for (std::size_t p = 0; p < times.size(); ++p) builder.add(item, fields[1 + 2 * p], times[p]);
  }
  return std::move(builder).finish();
}

}  // namespace

LogFormat parse_log_format(std::string_view text) {
  if (text == "actions") return LogFormat::kActions;
  if (text == "cascades") return LogFormat::kCascades;
  throw UsageError("log_format", fmt::format("found {}; expected actions or cascades", shown_in_message(text)));
}

std::string to_string(LogFormat format) {
  return format == LogFormat::kActions ? "actions" : "cascades";
}

AdoptionLog parse_adoption_log(const Graph& graph, std::string_view text, std::string source,
                               LogFormat format) {
  LogBuilder builder(graph, source);
  return format == LogFormat::kActions ? parse_actions(std::move(builder), text, source)
                                       : parse_cascades(std::move(builder), text, source);
}

AdoptionLog read_adoption_log(const Graph& graph, const std::string& path, LogFormat format) {
  const std::string text = read_file(path);
  return parse_adoption_log(graph, text, path == "-" ? "standard input" : path, format);
}

double default_window(const AdoptionLog& log) {
  return log.integer_steps ? 1.0 : std::numeric_limits<double>::infinity();
}

double resolve_window(double requested, const AdoptionLog& log) {
  return requested > 0 ? requested : default_window(log);
}

void check_window(double window) {
  if (!(window >= 0)) {
    throw UsageError("window", fmt::format("found {}; expected a positive number (0: the default)",
                                           window));
  }
}

AdoptionLog adoption_log_from_rows(const Graph& graph, std::span<const AdoptionRow> rows,
                                   std::string source, const std::string& field) {
  LogBuilder builder(graph, std::move(source));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const AdoptionRow& row = rows[r];
    if (!std::isfinite(row.time)) {
      throw UsageError(field, fmt::format("row {} (user {}, item {}): found the time {}; expected a "
                                          "finite number", r, shown_in_message(row.user),
                                          shown_in_message(row.item), row.time));
    }
    if (row.user.empty()) {
      throw UsageError(field, fmt::format("row {} (item {}): found an empty user; expected a label "
                                          "of the graph", r, shown_in_message(row.item)));
    }
    builder.add(builder.item(row.item), row.user, row.time);
  }
  return std::move(builder).finish();
}

}  // namespace cascade

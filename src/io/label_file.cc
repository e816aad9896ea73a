#include "cascade/io/label_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

constexpr std::size_t kUnknownExamples = 5;

bool is_header_name(std::string_view field) {
  std::string lower(field);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "label" || lower == "node" || lower == "id" || lower == "name" ||
         lower == "user" || lower == "account";
}

std::string quoted(std::string_view label) { return fmt::format("'{}'", label); }

}  // namespace

LabelFile read_label_file(const Graph& graph, const std::string& path,
                          const LabelFileOptions& options) {
  const std::string text = read_file(path);
  CsvReader reader(text, path);
  CsvRecord record;
  LabelFile result;
  std::unordered_map<NodeId, std::uint64_t> line_of;
  std::unordered_map<std::string, std::uint64_t> unknown_line_of;
  bool first = true;
  const bool with_value = !options.value_name.empty();
  const std::size_t fields = with_value ? 2 : 1;
  const std::string shape =
      !with_value             ? std::string("one label per line")
      : options.value_optional ? fmt::format("'label[,{}]' lines", options.value_name)
                               : fmt::format("'label,{}' lines", options.value_name);
  while (reader.next(record)) {
    const bool header = first && !graph.labels().find(record.fields[0]) &&
                        is_header_name(record.fields[0]);
    first = false;
    if (header) result.header.assign(record.fields.begin(), record.fields.end());
    const bool shape_ok = record.fields.size() == fields ||
                          (with_value && options.value_optional && record.fields.size() == 1);
    if (!shape_ok) {
      if (header) continue;  // a header's other columns are names, whatever their count
      throw InputError(path, record.line,
                       fmt::format("found {} field{}; expected {}", record.fields.size(),
                                   record.fields.size() == 1 ? "" : "s", shape));
    }
    if (header) continue;
    const std::string_view label = record.fields[0];
    const auto node = graph.labels().find(label);
    if (!node) {
      if (options.count_unknown) {
        const auto [seen, first_time] = unknown_line_of.try_emplace(std::string(label), record.line);
        if (!first_time) {
          throw InputError(path, record.line,
                           fmt::format("found {} {} again (first on line {}); expected each person "
                                       "once",
                                       options.what, quoted(label), seen->second));
        }
        ++result.unknown;
        if (result.unknown_examples.size() < kUnknownExamples) {
          result.unknown_examples.emplace_back(label);
        }
        continue;
      }
      throw InputError(path, record.line,
                       fmt::format("found {} {}, which is not a node of {}; expected a node label",
                                   options.what, quoted(label), graph.load_report().source));
    }
    const auto [it, inserted] = line_of.try_emplace(*node, record.line);
    if (!inserted) {
      throw InputError(path, record.line,
                       fmt::format("found {} {} again (first on line {}); expected each person "
                                   "once",
                                   options.what, quoted(label), it->second));
    }
    LabelEntry entry;
    entry.node = *node;
    entry.line = record.line;
    if (with_value && record.fields.size() > 1) entry.value = std::string(record.fields[1]);
    result.entries.push_back(std::move(entry));
  }
  if (result.entries.empty() && result.unknown == 0) {
    throw InputError(path, 0,
                     fmt::format("found no {} (the file is empty or holds only a header and "
                                 "comments); expected {}",
                                 with_value ? std::string("lines") : fmt::format("{}s", options.what), shape));
  }
  return result;
}

std::vector<NodeId> read_node_list(const Graph& graph, const std::string& path,
                                   std::string_view what) {
  LabelFileOptions options;
  options.what = std::string(what);
  std::vector<NodeId> nodes;
  for (const LabelEntry& entry : read_label_file(graph, path, options).entries) {
    nodes.push_back(entry.node);
  }
  return nodes;
}

std::vector<NodeId> nodes_from_labels(const Graph& graph, std::span<const std::string> labels,
                                      const std::string& source, std::string_view what) {
  std::vector<NodeId> nodes;
  std::unordered_map<NodeId, std::size_t> position;
  for (const std::string& label : labels) {
    const auto node = graph.labels().find(label);
    if (!node) {
      throw InputError(source, 0,
                       fmt::format("found {} {}, which is not a node of {}; expected a node label",
                                   what, quoted(label), graph.load_report().source));
    }
    if (!position.try_emplace(*node, nodes.size()).second) {
      throw UsageError(fmt::format("{}: found {} {} twice; expected each person once", source, what,
                                   quoted(label)));
    }
    nodes.push_back(*node);
  }
  return nodes;
}

std::vector<double> read_fees(const Graph& graph, const std::string& path, double default_fee) {
  LabelFileOptions options;
  options.value_name = "fee";
  std::vector<double> fees(graph.num_nodes(), default_fee);
  for (const LabelEntry& entry : read_label_file(graph, path, options).entries) {
    double fee = 0;
    const char* begin = entry.value.data();
    const char* end = begin + entry.value.size();
    const auto parsed = std::from_chars(begin, end, fee);
    if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(fee) || !(fee >= 0)) {
      throw InputError(path, entry.line,
                       fmt::format("found fee '{}' for {}; expected a number >= 0", entry.value,
                                   quoted(graph.label(entry.node))));
    }
    fees[entry.node] = fee;
  }
  return fees;
}

std::vector<double> read_targets(const Graph& graph, const std::string& path) {
  LabelFileOptions options;
  options.what = "target";
  options.value_name = "weight";
  options.value_optional = true;
  const LabelFile file = read_label_file(graph, path, options);
  if (file.header.size() >= 2) {
    std::string column = file.header[1];
    std::transform(column.begin(), column.end(), column.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (column == "community" || column == "group") {
      throw InputError(path, 1,
                       fmt::format("found a '{}' column (everyone's community, as communities "
                                   "--out writes); expected 'label[,weight]' lines: keep one "
                                   "community's labels, e.g. awk -F, 'NR > 1 && $2 == 3 {{print "
                                   "$1}}' {}",
                                   file.header[1], path));
    }
  }
  std::vector<double> weights(graph.num_nodes(), 0.0);
  bool positive = false;
  for (const LabelEntry& entry : file.entries) {
    double weight = 1;
    if (!entry.value.empty()) {
      const char* begin = entry.value.data();
      const char* end = begin + entry.value.size();
      const auto parsed = std::from_chars(begin, end, weight);
      if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(weight) || !(weight >= 0)) {
        throw InputError(path, entry.line,
                         fmt::format("found weight '{}' for {}; expected a number >= 0",
                                     entry.value, quoted(graph.label(entry.node))));
      }
    }
    weights[entry.node] = weight;
    positive = positive || weight > 0;
  }
  if (!positive) {
    throw InputError(path, 0, "found no positive weight; expected at least one target person "
                              "with a weight above 0");
  }
  return weights;
}

GroupFile read_groups(const Graph& graph, const std::string& path) {
  LabelFileOptions options;
  options.value_name = "group";
  GroupFile result;
  result.group.assign(graph.num_nodes(), GroupFile::kUnlisted);
  std::map<std::string, std::uint32_t> ids;
  for (const LabelEntry& entry : read_label_file(graph, path, options).entries) {
    result.group[entry.node] =
        ids.try_emplace(entry.value, static_cast<std::uint32_t>(ids.size())).first->second;
    ++result.listed;
  }
  result.groups = static_cast<std::uint32_t>(ids.size());
  return result;
}

}  // namespace cascade

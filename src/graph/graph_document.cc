#include "graph_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "cascade/error.h"

namespace cascade {

std::uint32_t DocumentGraph::node(std::string_view key, std::string_view label) {
  const auto [it, inserted] =
      position.try_emplace(std::string(key), static_cast<std::uint32_t>(keys.size()));
  if (inserted) {
    keys.emplace_back(key);
    labels.emplace_back(label.empty() ? key : label);
  } else if (!label.empty()) {
    labels[it->second] = std::string(label);
  }
  return it->second;
}

std::uint64_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::uint64_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

float document_weight(std::string_view text, const std::string& source, std::uint64_t line,
                      const ReadOptions& options) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  double value = 0;
  const char* begin = text.data() + (!text.empty() && text.front() == '+' ? 1 : 0);
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw InputError(source, line, fmt::format("found weight '{}'; expected a number", text));
  }
  if (!std::isfinite(value) || value < 0 || value > std::numeric_limits<float>::max()) {
    throw InputError(source, line,
                     fmt::format("found weight '{}'; expected a finite non-negative number", text));
  }
  if (options.weights_are_probabilities && value > 1) {
    throw InputError(source, line,
                     fmt::format("found weight '{}'; expected a probability in [0, 1]", text));
  }
  return static_cast<float>(value);
}

namespace {

bool integer_of(const std::string& text, std::int64_t& value) {
  if (text.empty()) return false;
  const char* begin = text.data() + (text.front() == '+' ? 1 : 0);
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

EdgeListData finish_document(DocumentGraph& document, std::string_view text,
                             const std::string& source, const char* format) {
  EdgeListData data;
  data.report.source = source;
  data.report.bytes = text.size();
  data.report.format = format;
  data.report.data_lines = document.links.size();
  if (document.keys.size() >= std::numeric_limits<NodeId>::max() - 1) {
    throw InputError(source, 0, "more than 4,294,967,294 distinct nodes; expected fewer");
  }

  std::vector<std::string>* labels = &document.labels;
  {
    std::unordered_set<std::string_view> seen;
    for (const std::string& label : document.labels) {
      if (!seen.insert(label).second) {
        data.report.warnings.push_back(fmt::format(
            "two nodes are labelled '{}'; nodes are named by their ids in the file instead",
            label));
        labels = &document.keys;
        break;
      }
    }
  }
  // Integer labels keep their numeric order as internal ids, as in text files.
  std::vector<NodeId> id_of(labels->size());
  std::vector<std::int64_t> integers(labels->size());
  bool all_integers = !labels->empty();
  for (std::size_t i = 0; i < labels->size() && all_integers; ++i) {
    all_integers = integer_of((*labels)[i], integers[i]);
  }
  if (all_integers) {
    std::vector<std::int64_t> sorted = integers;
    std::sort(sorted.begin(), sorted.end());
    all_integers = std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();  // "1", "01"
  }
  if (all_integers) {
    std::vector<std::int64_t> sorted = integers;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < integers.size(); ++i) {
      id_of[i] = static_cast<NodeId>(std::lower_bound(sorted.begin(), sorted.end(), integers[i]) -
                                     sorted.begin());
    }
    data.labels = NodeLabels::from_integers(std::move(sorted));
  } else {
    for (std::size_t i = 0; i < id_of.size(); ++i) id_of[i] = static_cast<NodeId>(i);
    data.labels = NodeLabels::from_names(*labels);
  }

  const bool all_undirected =
      !document.links.empty() &&
      std::none_of(document.links.begin(), document.links.end(),
                   [](const DocumentGraph::Link& link) { return link.directed; });
  data.undirected = all_undirected || (document.links.empty() && !document.default_directed);
  ArcList& arcs = data.arcs;
  auto add = [&](std::uint32_t from, std::uint32_t to, float weight) {
    arcs.sources.push_back(id_of[from]);
    arcs.targets.push_back(id_of[to]);
    if (document.weighted) arcs.weights.push_back(weight);
  };
  for (const DocumentGraph::Link& link : document.links) {
    add(link.source, link.target, link.weight);
    if (!link.directed && !data.undirected) add(link.target, link.source, link.weight);
  }
  return data;
}

}  // namespace cascade

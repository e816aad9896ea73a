#include "cascade/graph/labels.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "cascade/error.h"

namespace cascade {

NodeLabels NodeLabels::from_integers(std::vector<std::int64_t> values) {
  NodeLabels labels;
  labels.integers_ = std::move(values);
  return labels;
}

NodeLabels NodeLabels::from_names(std::vector<std::string> names) {
  NodeLabels labels;
  labels.names_ = std::move(names);
  labels.name_index_.reserve(labels.names_.size());
  for (std::size_t i = 0; i < labels.names_.size(); ++i) {
    if (!labels.name_index_.emplace(labels.names_[i], static_cast<NodeId>(i)).second) {
      throw UsageError("labels", "found '" + labels.names_[i] + "' twice; expected distinct labels");
    }
  }
  return labels;
}

NodeLabels::NodeLabels(const NodeLabels& other) : integers_(other.integers_) {
  if (!other.names_.empty()) *this = from_names(other.names_);
}

NodeLabels& NodeLabels::operator=(const NodeLabels& other) {
  if (this != &other) *this = NodeLabels(other);
  return *this;
}

std::string NodeLabels::label(NodeId node) const {
  if (!names_.empty()) return names_[node];
  return std::to_string(integers_[node]);
}

std::optional<NodeId> NodeLabels::find(std::string_view label) const {
  if (!names_.empty()) {
    const auto it = name_index_.find(label);
    if (it == name_index_.end()) return std::nullopt;
    return it->second;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), value);
  if (error != std::errc() || end != label.data() + label.size()) return std::nullopt;
  if (std::to_string(value) != label) return std::nullopt;  // "007" is not person 7
  const auto it = std::lower_bound(integers_.begin(), integers_.end(), value);
  if (it == integers_.end() || *it != value) return std::nullopt;
  return static_cast<NodeId>(it - integers_.begin());
}

std::size_t NodeLabels::memory_bytes() const {
  std::size_t bytes = integers_.capacity() * sizeof(std::int64_t);
  for (const auto& name : names_) bytes += sizeof(std::string) + name.capacity();
  bytes += name_index_.size() * (sizeof(std::string_view) + sizeof(NodeId) + 2 * sizeof(void*));
  return bytes;
}

}  // namespace cascade

// Original node labels. Internally nodes are dense 32-bit ids; every output speaks in labels.
// Labels are either integers (kept in ascending order, so a file with ids 0..n-1 keeps them as
// internal ids) or arbitrary strings such as account names (kept in order of first appearance).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cascade {

using NodeId = std::uint32_t;

class NodeLabels {
 public:
  NodeLabels() = default;
  // Copies rebuild the name index, whose keys view the copied strings.
  NodeLabels(const NodeLabels& other);
  NodeLabels& operator=(const NodeLabels& other);
  NodeLabels(NodeLabels&&) noexcept = default;
  NodeLabels& operator=(NodeLabels&&) noexcept = default;
  // `values` must be strictly ascending.
  static NodeLabels from_integers(std::vector<std::int64_t> values);
  // `names` must be pairwise distinct.
  static NodeLabels from_names(std::vector<std::string> names);

  bool is_integer() const { return names_.empty() && !integers_.empty(); }
  std::size_t size() const { return is_integer() ? integers_.size() : names_.size(); }

  std::string label(NodeId node) const;
  // The node with this label, if any. Integer labels accept their decimal spelling.
  std::optional<NodeId> find(std::string_view label) const;

  const std::vector<std::int64_t>& integers() const { return integers_; }
  const std::vector<std::string>& names() const { return names_; }
  std::size_t memory_bytes() const;

  friend bool operator==(const NodeLabels& a, const NodeLabels& b) {
    return a.integers_ == b.integers_ && a.names_ == b.names_;
  }

 private:
  std::vector<std::int64_t> integers_;
  std::vector<std::string> names_;
  std::unordered_map<std::string_view, NodeId> name_index_;  // views into names_
};

}  // namespace cascade

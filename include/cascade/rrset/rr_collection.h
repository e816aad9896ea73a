// A collection of reverse-reachable (RR) sets stored flat: one array of members and one of offsets,
// so a million sets cost two allocations, not a million.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

class RRCollection {
 public:
  RRCollection() : offsets_{0} {}

  std::uint64_t size() const { return offsets_.size() - 1; }
  std::span<const NodeId> set(std::uint64_t i) const {
    return {members_.data() + offsets_[i], static_cast<std::size_t>(offsets_[i + 1] - offsets_[i])};
  }
  std::uint64_t total_members() const { return members_.size(); }
  std::size_t memory_bytes() const {
    return offsets_.capacity() * sizeof(std::uint64_t) + members_.capacity() * sizeof(NodeId);
  }

  // Appends sets given as flat arrays (offsets relative to `members`, starting at 0).
  void append(std::span<const std::uint64_t> offsets, std::span<const NodeId> members) {
    const std::uint64_t base = members_.size();
    members_.insert(members_.end(), members.begin(), members.end());
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets_.push_back(base + offsets[i]);
  }
  void clear() {
    offsets_.assign(1, 0);
    members_.clear();
  }

 private:
  std::vector<std::uint64_t> offsets_;
  std::vector<NodeId> members_;
};

}  // namespace cascade

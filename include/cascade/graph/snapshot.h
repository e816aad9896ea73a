// The binary snapshot: a graph's CSR arrays, weights and labels as they lie in memory, behind a
// magic number, a format version and a CRC-32 of everything, so a snapshot loads at the speed of
// the disk and a damaged, truncated or foreign file is refused rather than misread.
//
// Layout (little-endian): "CSCGRAPH", u32 version, u32 flags, u64 nodes, u64 arcs,
// u64 self-loops dropped, u64 duplicates merged, u64 total file size, then the arrays, then the
// CRC-32 of all preceding bytes.
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/graph.h"

namespace cascade {

inline constexpr std::string_view kSnapshotMagic = "CSCGRAPH";
inline constexpr std::uint32_t kSnapshotVersion = 1;

bool looks_like_snapshot(std::string_view first_bytes);

// Writes atomically: a temporary file renamed into place once complete.
void write_snapshot(const Graph& graph, const std::string& path);

// Parses a snapshot held in memory; `source` names it in errors.
Graph parse_snapshot(std::string_view bytes, const std::string& source);

}  // namespace cascade

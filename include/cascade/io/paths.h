// The files one run reads and writes, checked together before any work: an output must not be
// one of the inputs (`--out graph.csv` would destroy the graph) nor another output (one would
// silently overwrite the other). Files are compared as the system sees them (device and inode)
// when they exist, by their absolute, normalized path otherwise; "-" (standard input or output)
// is compared by name.
#pragma once

#include <string>
#include <vector>

namespace cascade {

struct NamedPath {
  std::string name;  // how the caller's user knows it: "GRAPH", "--out", "out"
  std::string path;
};

// Throws UsageError naming both when an output is an input or another output. Empty paths are
// ignored.
void check_distinct_files(const std::vector<NamedPath>& inputs,
                          const std::vector<NamedPath>& outputs);

}  // namespace cascade

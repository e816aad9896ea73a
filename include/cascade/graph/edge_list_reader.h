// Readers for text edge lists: SNAP-style whitespace lists ("#" and "%" comments, optional third
// weight column, optional "n m" first line) and CSV/TSV with a header row naming the columns
// (source,target[,weight]; the delimiter is detected). Line endings may be LF or CRLF; gzip input
// is decompressed transparently. Labels may be integers or arbitrary strings.
//
// Parsing is a single pass over the file held in memory, O(bytes); integer labels are mapped to
// dense ids through a direct table when their range is compact, else through sorting.
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/builder.h"
#include "cascade/graph/labels.h"

namespace cascade {

// Whether the first data line is a header.
enum class HeaderMode {
  kAuto,    // detect: a row of column names, or an "n m" line (see read_edge_list)
  kNone,    // the first line is an arc
  kNames,   // the first line names the columns
  kCounts,  // the first line is "n m": n nodes labelled 0..n-1, m arcs
};
HeaderMode parse_header_mode(std::string_view text);  // "auto", "none", "names", "counts"

struct ReadOptions {
  HeaderMode header = HeaderMode::kAuto;
  // Require every weight to lie in [0, 1] (it will be used as a probability).
  bool weights_are_probabilities = false;
};

struct EdgeListData {
  NodeLabels labels;
  ArcList arcs;
  LoadReport report;
};

// Parses `text`, the content of `source` (used in error messages). Throws InputError naming the
// source, the line, what was found and what was expected.
//
// In kAuto mode an "n m" first line (two non-negative integers) is taken as a header when every
// later label is an integer below n, m is within 1% of the number of arc lines (some published
// files miscount) and n is at most 4 m + 1024; every id 0..n-1 then becomes a node, isolated or not.
EdgeListData parse_edge_list(std::string_view text, const std::string& source,
                             const ReadOptions& options);

}  // namespace cascade

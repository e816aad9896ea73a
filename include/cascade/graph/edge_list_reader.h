// Readers for text edge lists, the format recognized from the content:
//  - SNAP-style whitespace lists: "#" and "%" comments, optional third weight column, optional
//    "n m" first line;
//  - CSV/TSV with a header row naming the columns (source,target[,weight]; the delimiter is
//    detected: a comma or semicolon in the first line, or tabs in a header row), read by the RFC
//    4180 rules of io/csv.h: quoted labels with commas, spaces, quotes ("") and line breaks, a
//    UTF-8 byte-order mark at the start, CRLF;
//  - networkx write_edgelist lines "u v {}" / "u v {'weight': 0.5}": the third field is a Python
//    dict; its weight key (or ReadOptions::weight_column) is the weight, other keys are ignored.
// Line endings may be LF or CRLF; gzip input is decompressed transparently (io/file.h). Labels may
// be integers or arbitrary strings. GraphML, GEXF and GML are read by their own readers (load.h).
//
// Parsing is a single pass over the file held in memory, O(bytes); integer labels are mapped to
// dense ids through a direct table when their range is compact, else through sorting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // The column (CSV/TSV header name), networkx dict key, GraphML key attr.name, GEXF attribute
  // title or GML key that holds the weight. Empty: the accepted names
  // (accepted_weight_column_names()), the third column of a file without a names header, GraphML
  // and GML "weight", the GEXF weight attribute.
  std::string weight_column;
  // Keep the columns named trials and successes of a names header (CSV/TSV), as `cascade learn
  // --out` writes them, in EdgeListData::evidence; other formats and headers have none.
  bool arc_evidence = false;
};

// The header names read as a weight column, for messages: "weight, w, probability, p or strength".
std::string accepted_weight_column_names();

// A names header's trials and successes columns, one entry per arc line (self-loops included),
// with the line each came from.
struct EvidenceColumns {
  std::vector<double> trials;
  std::vector<double> successes;
  std::vector<std::uint64_t> lines;
};

struct EdgeListData {
  NodeLabels labels;
  ArcList arcs;
  LoadReport report;
  // The file declares its links undirected (GraphML, GEXF, GML): each arc is to be stored in both
  // directions, as BuildOptions::undirected does.
  bool undirected = false;
  // With ReadOptions::arc_evidence and both columns in the header.
  std::optional<EvidenceColumns> evidence;
};

// Parses `text`, the content of `source` (used in error messages). Throws InputError naming the
// source, the line, what was found and what was expected.
//
// In kAuto mode an "n m" first line (two non-negative integers) is taken as a header when every
// later label is an integer below n, m is within 1% of the number of arc lines (some published
// files miscount) and n is at most 4 m + 1024; every id 0..n-1 then becomes a node, isolated or
// not.
EdgeListData parse_edge_list(std::string_view text, const std::string& source,
                             const ReadOptions& options);

}  // namespace cascade

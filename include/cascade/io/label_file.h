// Side files: people named by label, alone (seeds, likers) or with a value (a fee, a group). Every
// side file is read the same way, by the CSV reader that reads graphs (csv.h): the delimiter is
// detected (',', ';' or tab), fields may be quoted as RFC 4180 writes them (commas, quotes, spaces,
// unicode, line breaks inside quotes), a UTF-8 byte-order mark is skipped, '#' lines are comments.
// One rule for all of them:
//   - the first line is a header when its first field is not a label of the graph and is one of
//     label, node, id, name, user, account (any case);
//   - a person appears at most once: a second line for the same person is an error naming both
//     lines;
//   - a file with no data line is an error;
//   - a label that is not a node of the graph is an error naming the file and line, unless the
//     caller counts unknown labels instead (likers: people outside the network are expected).
// O(file size) time and memory.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct LabelFileOptions {
  std::string what = "person";  // how errors call a line's person: "seed", "liker"
  std::string value_name;       // lines are 'label,<value_name>'; empty: one label per line
  bool count_unknown = false;   // count labels not in the graph instead of refusing them
  bool value_optional = false;  // with a value_name: 'label' alone is a line too (value empty)
};

struct LabelEntry {
  NodeId node = 0;
  std::string value;  // with a value_name: the second field, as written
  std::uint64_t line = 0;
};

struct LabelFile {
  std::vector<LabelEntry> entries;  // in file order
  std::uint64_t unknown = 0;        // count_unknown: lines whose label is not a node
  std::vector<std::string> unknown_examples;  // the first few of them
  std::vector<std::string> header;  // the header line's fields, if the file has one
};

// Throws InputError (file, line, what was found, what was expected).
LabelFile read_label_file(const Graph& graph, const std::string& path,
                          const LabelFileOptions& options);

// The people of a one-label-per-line file, in file order.
std::vector<NodeId> read_node_list(const Graph& graph, const std::string& path,
                                   std::string_view what);

// Labels given inline (a comma list on a command line): each a node of the graph (InputError
// naming `source` otherwise), each once (UsageError otherwise).
std::vector<NodeId> nodes_from_labels(const Graph& graph, std::span<const std::string> labels,
                                      const std::string& source, std::string_view what);

// A fee per person from 'label,fee' lines, each a finite number >= 0 (0: free); people not listed get
// `default_fee`.
std::vector<double> read_fees(const Graph& graph, const std::string& path, double default_fee);

// A target audience from 'label[,weight]' lines: per node the weight (1 when the line has none;
// each a finite number >= 0, at least one positive), 0 for people not listed. A file with a
// header naming its second column community or group (what `communities --out` writes for
// everyone) is refused with the way to keep one community.
std::vector<double> read_targets(const Graph& graph, const std::string& path);

// Known groups from 'label,group' lines (a ground truth to compare communities with).
struct GroupFile {
  std::vector<std::uint32_t> group;  // per node; kUnlisted for people the file does not list
  std::uint32_t groups = 0;
  NodeId listed = 0;
  static constexpr std::uint32_t kUnlisted = 0xffffffffu;
};
GroupFile read_groups(const Graph& graph, const std::string& path);

}  // namespace cascade

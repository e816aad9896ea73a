// Adoption logs: who adopted which item (a message, product or campaign) and when, the data
// `cascade learn` turns into influence probabilities. Two formats:
//  - actions: CSV/TSV with a header naming the columns user, item and time in any order (other
//    columns are ignored); time is a number, integer steps or time stamps.
//  - cascades: one cascade per line, `root user1 t1 user2 t2 ...`, separated by spaces or tabs
//    (the format of the Topo-LSTM data sets, Wang et al., ICDM 2017). The root has no time: it is
//    placed one unit before the first listed time (at 0 on a line with the root alone). Times
//    must not decrease along the line.
// Users are labels of the graph. Adoptions by users outside the graph are kept in the log (as
// kOutsideGraph) and counted, never silently dropped: they take part in each item's order and in
// the held-out evaluation, and can only be explained by background adoption.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

enum class LogFormat { kActions, kCascades };

// "actions" or "cascades"; anything else throws UsageError("log_format", ...).
LogFormat parse_log_format(std::string_view text);
std::string to_string(LogFormat format);

// The user of an adoption whose label is not a node of the graph.
inline constexpr NodeId kOutsideGraph = std::numeric_limits<NodeId>::max();

struct Adoption {
  NodeId user = kOutsideGraph;
  std::uint32_t outside = 0;  // when user is kOutsideGraph: the index of its label in outside_labels
  double time = 0;
};

struct AdoptionLog {
  std::string source;
  // Items in order of first appearance; item i's adoptions are
  // adoptions[item_offsets[i] .. item_offsets[i + 1]), sorted by time (ties in file order).
  std::vector<std::string> items;
  std::vector<std::uint64_t> item_offsets{0};
  std::vector<Adoption> adoptions;

  std::uint64_t rows = 0;                // adoptions read (repeats excluded)
  std::uint64_t repeats_dropped = 0;     // a user adopting an item again: the first time is kept
  std::uint64_t outside_adoptions = 0;   // adoptions by users outside the graph
  std::uint64_t outside_users = 0;       // distinct labels outside the graph
  std::vector<std::string> outside_labels;  // those labels, in order of first appearance
  std::uint64_t users = 0;               // distinct users of the graph that adopted something
  // Every time is a whole number and every item's first adoption is at time 0: the steps of a
  // discrete-time simulation (step 0 = the seeds), rather than time stamps.
  bool integer_steps = true;

  std::size_t num_items() const { return items.size(); }
  std::span<const Adoption> item(std::size_t i) const {
    return {adoptions.data() + item_offsets[i], adoptions.data() + item_offsets[i + 1]};
  }
};

// Parses `text` (the whole file; `source` names it in errors). Throws
// InputError(source, line, "found ...; expected ...") for a missing column, a bad or non-finite
// time, an odd number of fields after the root, or a time lower than the one before it on a
// cascade line.
AdoptionLog parse_adoption_log(const Graph& graph, std::string_view text, std::string source,
                               LogFormat format);
// Reads the file (or "-" for standard input; gzip is decompressed) and parses it.
AdoptionLog read_adoption_log(const Graph& graph, const std::string& path, LogFormat format);

// Who may be credited with an adoption, the one rule of `learn` (learn_probabilities.h) and
// `seeds --algo credit` (credit_distribution.h): an adoption at time `time` can be credited to an
// in-neighbour that adopted the same item at `parent_time` within [time - window, time).
inline bool may_credit(double parent_time, double time, double window) {
  return parent_time < time && parent_time >= time - window;
}

// The window when none is asked for: 1 for integer-step logs (a discrete-time simulation's one
// chance per arc: the independent cascade exactly), infinity for time stamps, whose unit the log
// does not say, so that any finite default would be a guess about the unit.
double default_window(const AdoptionLog& log);
// `requested` when positive; 0 asks for default_window(log).
double resolve_window(double requested, const AdoptionLog& log);
// Throws UsageError("window", ...) unless window is 0 (the default) or positive (infinity allowed).
void check_window(double window);

// One adoption given as values rather than text: a row of a data frame, a tuple.
struct AdoptionRow {
  std::string_view user;
  std::string_view item;
  double time = 0;
};

// A log from rows already split into fields, under the rules of the actions format (rows in any
// order; items in order of first appearance; repeats dropped; users outside the graph kept).
// The rows are a value the caller passed, not a file: a non-finite time or an empty user throws
// UsageError(field, "row R ...: found ...; expected ..."), R counting from 0 as the caller's
// sequence does. `source` names the log in the result (as a path does).
AdoptionLog adoption_log_from_rows(const Graph& graph, std::span<const AdoptionRow> rows,
                                   std::string source, const std::string& field);

}  // namespace cascade

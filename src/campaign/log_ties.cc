// Ties the log reveals (log_ties.h): GRAPH plus an arc from each earlier adopter within the window.
#include "cascade/campaign/log_ties.h"

#include <fmt/format.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "cascade/error.h"
#include "cascade/graph/builder.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/text.h"

namespace cascade {
namespace {

NodeId extended_id(const Adoption& a, NodeId graph_nodes) {
  return a.user == kOutsideGraph ? graph_nodes + a.outside : a.user;
}

// Calls visit(u, v) for each pair of the item where u adopted before v within the window; the
// adoptions are sorted by time.
template <typename Visit>
void for_each_tie(std::span<const Adoption> adoptions, double window, NodeId graph_nodes,
                  Visit&& visit) {
  for (std::size_t j = 1; j < adoptions.size(); ++j) {
    const double t = adoptions[j].time;
    const NodeId v = extended_id(adoptions[j], graph_nodes);
    for (std::size_t i = j; i-- > 0;) {
      const double s = adoptions[i].time;
      if (s >= t) continue;          // the same time: not a parent
      if (s < t - window) break;     // earlier still: out of the window
      visit(extended_id(adoptions[i], graph_nodes), v);
    }
  }
}

}  // namespace

Graph graph_with_log_ties(const Graph& graph, const AdoptionLog& log, double window,
                          std::uint64_t max_ties) {
  const NodeId n = graph.num_nodes();
  const std::size_t items = log.num_items();
  std::vector<std::uint64_t> offsets(items + 1, 0);
  parallel_for(0, items, [&](std::uint64_t i) {
    std::uint64_t count = 0;
    for_each_tie(log.item(i), window, n, [&](NodeId, NodeId) { ++count; });
    offsets[i + 1] = count;
  });
  for (std::size_t i = 0; i < items; ++i) offsets[i + 1] += offsets[i];
  const std::uint64_t ties = offsets[items];
  if (ties > max_ties) {
    throw UsageError("parents", fmt::format("found a log whose adopters form {} (earlier adopter, "
                                            "later adopter) pairs within the window, more than the "
                                            "{} parents any holds; expected a shorter window or "
                                            "parents graph",
                                            group_digits(ties), group_digits(max_ties)));
  }
  const std::uint64_t outside = log.outside_labels.size();
  if (static_cast<std::uint64_t>(n) + outside >= kOutsideGraph) {
    throw InputError(fmt::format("{}: found {} users outside the graph; expected fewer than {} "
                                 "people in all",
                                 log.source, group_digits(outside), group_digits(kOutsideGraph)));
  }
  ArcList arcs;
  const ArcIndex m = graph.num_arcs();
  arcs.sources.resize(m + ties);
  arcs.targets.resize(m + ties);
  const GraphArrays& arrays = graph.arrays();
  parallel_for(0, n, [&](std::uint64_t u) {
    for (ArcIndex k = arrays.out_offsets[u]; k < arrays.out_offsets[u + 1]; ++k) {
      arcs.sources[k] = static_cast<NodeId>(u);
      arcs.targets[k] = arrays.out_targets[k];
    }
  });
  parallel_for(0, items, [&](std::uint64_t i) {
    std::uint64_t at = m + offsets[i];
    for_each_tie(log.item(i), window, n, [&](NodeId u, NodeId v) {
      arcs.sources[at] = u;
      arcs.targets[at] = v;
      ++at;
    });
  });
  std::vector<std::string> names;
  names.reserve(n + outside);
  for (NodeId v = 0; v < n; ++v) names.push_back(graph.label(v));
  names.insert(names.end(), log.outside_labels.begin(), log.outside_labels.end());
  LoadReport report;
  report.source = fmt::format("{} with the ties of {}", graph.load_report().source, log.source);
  report.format = graph.load_report().format;
  report.data_lines = m + ties;
  BuildOptions options;
  options.undirected = false;
  Graph extended = build_graph(NodeLabels::from_names(std::move(names)), std::move(arcs), options,
                               std::move(report));
  extended.load_report().duplicates_merged = 0;  // repeated ties are one arc, not a fault
  extended.load_report().warnings.clear();
  return extended;
}

void move_outside_users_into(AdoptionLog& log, const Graph& extended) {
  std::vector<std::string> still_outside;
  std::vector<std::uint32_t> renumbered(log.outside_labels.size());
  std::vector<NodeId> node(log.outside_labels.size(), kOutsideGraph);
  for (std::size_t o = 0; o < log.outside_labels.size(); ++o) {
    if (const std::optional<NodeId> found =
            extended.labels().find(log.outside_labels[o])) {
      node[o] = *found;
    } else {
      renumbered[o] = static_cast<std::uint32_t>(still_outside.size());
      still_outside.push_back(log.outside_labels[o]);
    }
  }
  std::uint64_t moved = 0;
  for (Adoption& a : log.adoptions) {
    if (a.user != kOutsideGraph) continue;
    if (node[a.outside] != kOutsideGraph) {
      a.user = node[a.outside];
      a.outside = 0;
      ++moved;
    } else {
      a.outside = renumbered[a.outside];
    }
  }
  log.users += log.outside_labels.size() - still_outside.size();
  log.outside_users = still_outside.size();
  log.outside_adoptions -= moved;
  log.outside_labels = std::move(still_outside);
}

}  // namespace cascade

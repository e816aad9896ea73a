#include "cascade/graph/builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "cascade/error.h"
#include "cascade/text.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade {
namespace {

// Counting sort of arcs by `key` into rows: returns offsets and, per slot, the arc's index.
std::vector<ArcIndex> row_offsets(const std::vector<NodeId>& keys, std::size_t num_nodes) {
  std::vector<ArcIndex> offsets(num_nodes + 1, 0);
  for (const NodeId key : keys) ++offsets[key + 1];
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  return offsets;
}

// The number of distinct values above `floor` in both sorted ranges.
template <typename Iterator, typename Key>
std::uint32_t count_common_above(Iterator a, Iterator a_end, Iterator b, Iterator b_end,
                                 std::uint64_t floor, Key key) {
  std::uint32_t common = 0;
  while (a != a_end && b != b_end) {
    const NodeId x = key(*a);
    const NodeId y = key(*b);
    if (x < y) {
      ++a;
    } else if (y < x) {
      ++b;
    } else {
      if (x > floor) ++common;
      while (a != a_end && key(*a) == x) ++a;
      while (b != b_end && key(*b) == x) ++b;
    }
  }
  return common;
}

}  // namespace

Graph build_graph(NodeLabels labels, ArcList arcs, const BuildOptions& options, LoadReport report) {
  const std::size_t n = labels.size();
  const bool weighted = !arcs.weights.empty();
  if (arcs.sources.size() != arcs.targets.size() ||
      (weighted && arcs.weights.size() != arcs.sources.size())) {
    throw UsageError("arcs", "found arc arrays of different lengths; expected one source, target (and weight) per arc");
  }

  // Drop self-loops, then add reversed copies for an undirected graph.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < arcs.sources.size(); ++i) {
    if (arcs.sources[i] >= n || arcs.targets[i] >= n) {
      throw UsageError("arcs", "found a node id out of range; expected ids below the number of labels");
    }
    if (arcs.sources[i] == arcs.targets[i]) continue;
    arcs.sources[kept] = arcs.sources[i];
    arcs.targets[kept] = arcs.targets[i];
    if (weighted) arcs.weights[kept] = arcs.weights[i];
    ++kept;
  }
  report.self_loops_dropped = arcs.sources.size() - kept;
  arcs.sources.resize(kept);
  arcs.targets.resize(kept);
  if (weighted) arcs.weights.resize(kept);
  // Per node, how many of its arcs the file listed (the rest of its row are reversed copies);
  // the counting sort below is stable, so in each row the listed arcs come first.
  std::vector<ArcIndex> listed;
  if (options.undirected) {
    listed.assign(n, 0);
    for (std::size_t i = 0; i < kept; ++i) ++listed[arcs.sources[i]];
    arcs.sources.reserve(2 * kept);
    arcs.targets.reserve(2 * kept);
    for (std::size_t i = 0; i < kept; ++i) {
      arcs.sources.push_back(arcs.targets[i]);
      arcs.targets.push_back(arcs.sources[i]);
    }
    if (weighted) {
      arcs.weights.reserve(2 * kept);
      for (std::size_t i = 0; i < kept; ++i) arcs.weights.push_back(arcs.weights[i]);
    }
  }
  const std::size_t m = arcs.sources.size();

  // Bucket by source (stable), then sort each row by target and merge repeats.
  std::vector<ArcIndex> offsets = row_offsets(arcs.sources, n);
  std::vector<NodeId> targets(m);
  std::vector<float> weights(weighted ? m : 0);
  {
    std::vector<ArcIndex> next(offsets.begin(), offsets.end() - 1);
    for (std::size_t i = 0; i < m; ++i) {
      const ArcIndex slot = next[arcs.sources[i]]++;
      targets[slot] = arcs.targets[i];
      if (weighted) weights[slot] = arcs.weights[i];
    }
  }
  arcs = ArcList{};

  std::vector<ArcIndex> row_size(n, 0);
  // Links u - v (u < v) that the file listed both as u v and as v u, counted in row u.
  std::vector<std::uint32_t> both_ways(options.undirected ? n : 0, 0);
  // One scratch row per thread, reused for every node it sorts.
  std::vector<std::vector<std::pair<NodeId, float>>> scratch(
      static_cast<std::size_t>(num_threads()));
  parallel_for(
      0, n,
      [&](std::uint64_t u) {
        const ArcIndex begin = offsets[u];
        const ArcIndex end = offsets[u + 1];
        if (weighted) {
          std::vector<std::pair<NodeId, float>>& row =
              scratch[static_cast<std::size_t>(thread_index())];
          row.resize(end - begin);
          for (ArcIndex a = begin; a < end; ++a) row[a - begin] = {targets[a], weights[a]};
          const auto by_target = [](const auto& x, const auto& y) { return x.first < y.first; };
          if (options.undirected) {
            // Sorting the listed arcs and the reversed copies apart and merging them keeps the
            // order of one stable sort, and shows which targets appear in both.
            const auto split = row.begin() + static_cast<std::ptrdiff_t>(listed[u]);
            std::stable_sort(row.begin(), split, by_target);
            std::stable_sort(split, row.end(), by_target);
            both_ways[u] = count_common_above(row.begin(), split, split, row.end(), u,
                                              [](const auto& x) { return x.first; });
            std::inplace_merge(row.begin(), split, row.end(), by_target);
          } else {
            std::stable_sort(row.begin(), row.end(), by_target);
          }
          ArcIndex out = begin;
          for (std::size_t i = 0; i < row.size(); ++i) {
            if (out > begin && targets[out - 1] == row[i].first) {
              float& merged = weights[out - 1];
              merged = options.duplicates == DuplicateMerge::kSumWeights
                           ? merged + row[i].second
                           : 1.0f - (1.0f - merged) * (1.0f - row[i].second);
              continue;
            }
            targets[out] = row[i].first;
            weights[out] = row[i].second;
            ++out;
          }
          row_size[u] = out - begin;
        } else {
          const auto first = targets.begin() + static_cast<std::ptrdiff_t>(begin);
          const auto last_slot = targets.begin() + static_cast<std::ptrdiff_t>(end);
          if (options.undirected) {
            const auto split = first + static_cast<std::ptrdiff_t>(listed[u]);
            std::sort(first, split);
            std::sort(split, last_slot);
            both_ways[u] = count_common_above(first, split, split, last_slot, u,
                                              [](NodeId target) { return target; });
            std::inplace_merge(first, split, last_slot);
          } else {
            std::sort(first, last_slot);
          }
          const auto last = std::unique(targets.begin() + static_cast<std::ptrdiff_t>(begin),
                                        targets.begin() + static_cast<std::ptrdiff_t>(end));
          row_size[u] = static_cast<ArcIndex>(last - targets.begin()) - begin;
        }
      },
      256);

  // Compact rows.
  GraphArrays graph;
  graph.out_offsets.assign(n + 1, 0);
  for (std::size_t u = 0; u < n; ++u) graph.out_offsets[u + 1] = graph.out_offsets[u] + row_size[u];
  const ArcIndex merged_m = graph.out_offsets[n];
  report.duplicates_merged = m - merged_m;
  const std::uint64_t listed_both_ways =
      std::accumulate(both_ways.begin(), both_ways.end(), std::uint64_t{0});
  if (listed_both_ways > 0) {
    const char* merge =
        !weighted ? "each kept once"
        : options.duplicates == DuplicateMerge::kSumWeights
            ? "their weights added up (a b 0.5 and b a 0.5 give 1 each way)"
            : "their probabilities combined as independent chances (a b 0.5 and b a 0.5 give 0.75 "
              "each way)";
    report.warnings.push_back(fmt::format(
        "{} link{} listed in both directions; the undirected load merged the two into one link, "
        "{} (list each link once, or load without --undirected)",
        group_digits(listed_both_ways), listed_both_ways == 1 ? " was" : "s were", merge));
  }
  graph.out_targets.resize(merged_m);
  if (weighted) graph.out_weights.resize(merged_m);
  for (std::size_t u = 0; u < n; ++u) {
    std::copy_n(targets.begin() + static_cast<std::ptrdiff_t>(offsets[u]), row_size[u],
                graph.out_targets.begin() + static_cast<std::ptrdiff_t>(graph.out_offsets[u]));
    if (weighted) {
      std::copy_n(weights.begin() + static_cast<std::ptrdiff_t>(offsets[u]), row_size[u],
                  graph.out_weights.begin() + static_cast<std::ptrdiff_t>(graph.out_offsets[u]));
    }
  }
  targets = {};
  weights = {};

  // Transpose; scanning sources in order leaves every in-row sorted by source.
  graph.in_offsets = row_offsets(graph.out_targets, n);
  graph.in_sources.resize(merged_m);
  if (weighted) graph.in_weights.resize(merged_m);
  std::vector<ArcIndex> next(graph.in_offsets.begin(), graph.in_offsets.end() - 1);
  for (std::size_t u = 0; u < n; ++u) {
    for (ArcIndex a = graph.out_offsets[u]; a < graph.out_offsets[u + 1]; ++a) {
      const ArcIndex slot = next[graph.out_targets[a]]++;
      graph.in_sources[slot] = static_cast<NodeId>(u);
      if (weighted) graph.in_weights[slot] = graph.out_weights[a];
    }
  }
  return Graph(std::move(graph), std::move(labels), !options.undirected, std::move(report));
}

}  // namespace cascade

#include "cascade/community/leiden.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cascade/error.h"
#include "cascade/graph/links.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/progress.h"

namespace cascade {
namespace {

// An undirected weighted graph without self-loops in its adjacency; a node's strength still
// counts the weight folded into it by aggregation.
struct WeightedGraph {
  std::vector<std::uint64_t> offsets{0};
  std::vector<std::uint32_t> neighbors;
  std::vector<double> weights;
  std::vector<double> strength;
  double total = 0;  // 2W: the sum of strengths

  std::uint32_t size() const { return static_cast<std::uint32_t>(strength.size()); }
};

WeightedGraph simple_undirected(const Graph& graph) {
  WeightedGraph g;
  const NodeId n = graph.num_nodes();
  g.strength.assign(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    for_each_link(graph, v, [&](NodeId u) {
      g.neighbors.push_back(u);
      g.weights.push_back(1.0);
    });
    g.offsets.push_back(g.neighbors.size());
    g.strength[v] = static_cast<double>(g.offsets[v + 1] - g.offsets[v]);
  }
  g.total = std::accumulate(g.strength.begin(), g.strength.end(), 0.0);
  return g;
}

// The same with node order[i] as node i, each node's links in increasing new number.
WeightedGraph simple_undirected(const Graph& graph, const std::vector<NodeId>& order,
                                const std::vector<NodeId>& position) {
  WeightedGraph g;
  const NodeId n = graph.num_nodes();
  g.strength.assign(n, 0);
  for (NodeId i = 0; i < n; ++i) {
    const std::size_t first = g.neighbors.size();
    for_each_link(graph, order[i], [&](NodeId u) { g.neighbors.push_back(position[u]); });
    std::sort(g.neighbors.begin() + static_cast<std::ptrdiff_t>(first), g.neighbors.end());
    g.offsets.push_back(g.neighbors.size());
    g.strength[i] = static_cast<double>(g.neighbors.size() - first);
  }
  g.weights.assign(g.neighbors.size(), 1.0);
  g.total = std::accumulate(g.strength.begin(), g.strength.end(), 0.0);
  return g;
}

// A label spelt as a decimal integer: optional '-', digits, no leading zero (except "0"), not "-0".
bool is_decimal(std::string_view text) {
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.empty() || (digits.size() > 1 && digits[0] == '0') ||
      (digits == "0" && text.size() > 1)) {
    return false;
  }
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Numeric order of two decimal spellings of any length.
bool decimal_less(std::string_view a, std::string_view b) {
  const bool negative_a = a.starts_with('-'), negative_b = b.starts_with('-');
  if (negative_a != negative_b) return negative_a;
  const std::string_view x = negative_a ? a.substr(1) : a, y = negative_b ? b.substr(1) : b;
  const bool magnitude_less = x.size() != y.size() ? x.size() < y.size() : x < y;
  const bool magnitude_greater = x.size() != y.size() ? x.size() > y.size() : x > y;
  return negative_a ? magnitude_greater : magnitude_less;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Natural order: the texts compared run by run, runs of digits by their value (any length),
// other characters by byte; equal so far, the shorter first, then byte order (so "u009" before
// "u9"). Labels that differ only in a number ("user-7", "user-12") keep that number's order.
bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      std::size_t end_a = i, end_b = j;
      while (end_a < a.size() && is_digit(a[end_a])) ++end_a;
      while (end_b < b.size() && is_digit(b[end_b])) ++end_b;
      while (i + 1 < end_a && a[i] == '0') ++i;  // leading zeros do not change the value
      while (j + 1 < end_b && b[j] == '0') ++j;
      const std::string_view x = a.substr(i, end_a - i), y = b.substr(j, end_b - j);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = end_a;
      j = end_b;
    } else {
      if (a[i] != b[j]) {
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      }
      ++i;
      ++j;
    }
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();
  return a < b;
}

// Collapses each group of `group` (0..groups-1) into one node.
WeightedGraph aggregate(const WeightedGraph& g, const std::vector<std::uint32_t>& group,
                        std::uint32_t groups) {
  struct Link {
    std::uint32_t a, b;
    double w;
  };
  std::vector<Link> links;
  links.reserve(g.neighbors.size());
  for (std::uint32_t v = 0; v < g.size(); ++v) {
    for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      const std::uint32_t a = group[v], b = group[g.neighbors[e]];
      if (a != b) links.push_back({a, b, g.weights[e]});
    }
  }
  std::sort(links.begin(), links.end(),
            [](const Link& x, const Link& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  WeightedGraph out;
  out.strength.assign(groups, 0);
  for (std::uint32_t v = 0; v < g.size(); ++v) out.strength[group[v]] += g.strength[v];
  out.total = g.total;
  std::size_t i = 0;
  for (std::uint32_t a = 0; a < groups; ++a) {
    while (i < links.size() && links[i].a == a) {
      const std::uint32_t b = links[i].b;
      double w = 0;
      while (i < links.size() && links[i].a == a && links[i].b == b) w += links[i++].w;
      out.neighbors.push_back(b);
      out.weights.push_back(w);
    }
    out.offsets.push_back(out.neighbors.size());
  }
  return out;
}

// Scratch for summing a node's link weight per community.
struct WeightsTo {
  std::vector<double> weight;
  std::vector<std::uint32_t> touched;
  explicit WeightsTo(std::uint32_t n) : weight(n, 0) {}
  void add(std::uint32_t c, double w) {
    if (weight[c] == 0) touched.push_back(c);
    weight[c] += w;
  }
  void clear() {
    for (const auto c : touched) weight[c] = 0;
    touched.clear();
  }
};

// Moves nodes to the neighbouring community of largest modularity gain until none gains.
// Returns whether any node moved.
bool move_nodes_fast(const WeightedGraph& g, std::vector<std::uint32_t>& community, double gamma,
                     RandomStream& random) {
  const std::uint32_t n = g.size();
  std::vector<double> total(n, 0);  // community strength
  std::vector<std::uint32_t> members(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    total[community[v]] += g.strength[v];
    ++members[community[v]];
  }
  std::vector<std::uint32_t> empty;
  for (std::uint32_t c = 0; c < n; ++c) {
    if (members[c] == 0) empty.push_back(c);
  }
  std::vector<std::uint32_t> queue(n);
  std::iota(queue.begin(), queue.end(), 0u);
  for (std::uint32_t i = n; i > 1; --i) std::swap(queue[i - 1], queue[random.below(i)]);
  std::vector<char> queued(n, 1);
  std::size_t head = 0;
  WeightsTo to(n);
  bool moved = false;
  const double scale = gamma / g.total;
  while (head < queue.size()) {
    const std::uint32_t v = queue[head++];
    queued[v] = 0;
    const std::uint32_t current = community[v];
    const double k = g.strength[v];
    for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      to.add(community[g.neighbors[e]], g.weights[e]);
    }
    total[current] -= k;
    --members[current];
    if (members[current] == 0) empty.push_back(current);
    std::uint32_t best = current;
    double best_gain = to.weight[current] - scale * k * total[current];
    for (const std::uint32_t c : to.touched) {
      const double gain = to.weight[c] - scale * k * total[c];
      if (gain > best_gain + 1e-12) {
        best = c;
        best_gain = gain;
      }
    }
    if (best_gain < -1e-12 && !empty.empty()) best = empty.back();  // alone is better
    to.clear();
    if (members[best] == 0) empty.erase(std::find(empty.begin(), empty.end(), best));
    total[best] += k;
    ++members[best];
    community[v] = best;
    if (best != current) {
      moved = true;
      for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        const std::uint32_t u = g.neighbors[e];
        if (!queued[u] && community[u] != best) {
          queued[u] = 1;
          queue.push_back(u);
        }
      }
    }
  }
  return moved;
}

// Renumbers labels (each below labels.size()) to 0..count-1 in order of first appearance;
// returns count.
std::uint32_t compact(std::vector<std::uint32_t>& labels) {
  std::vector<std::uint32_t> map(labels.size() + 1, UINT32_MAX);
  std::uint32_t next = 0;
  for (auto& label : labels) {
    if (map[label] == UINT32_MAX) map[label] = next++;
    label = map[label];
  }
  return next;
}

// Within each community, merges singletons into well-connected subcommunities.
std::vector<std::uint32_t> refine(const WeightedGraph& g, const std::vector<std::uint32_t>& community,
                                  std::uint32_t communities, double gamma, double randomness,
                                  RandomStream& random) {
  const std::uint32_t n = g.size();
  const double scale = gamma / g.total;
  std::vector<std::uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  std::vector<double> refined_total(g.strength);
  std::vector<std::uint32_t> refined_size(n, 1);
  std::vector<double> community_total(communities, 0);
  std::vector<std::vector<std::uint32_t>> members(communities);
  for (std::uint32_t v = 0; v < n; ++v) {
    community_total[community[v]] += g.strength[v];
    members[community[v]].push_back(v);
  }
  // external[r]: weight from refined community r to the rest of its community.
  std::vector<double> external(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      if (community[g.neighbors[e]] == community[v]) external[v] += g.weights[e];
    }
  }
  WeightsTo to(n);
  std::vector<double> gains;
  std::vector<std::uint32_t> options;
  for (std::uint32_t c = 0; c < communities; ++c) {
    std::vector<std::uint32_t>& nodes = members[c];
    for (std::size_t i = nodes.size(); i > 1; --i) std::swap(nodes[i - 1], nodes[random.below(i)]);
    const double kc = community_total[c];
    for (const std::uint32_t v : nodes) {
      const double k = g.strength[v];
      // Only singletons move, and only if well connected to the rest of their community.
      if (refined_size[refined[v]] != 1 || external[v] < scale * k * (kc - k)) continue;
      for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        const std::uint32_t u = g.neighbors[e];
        if (community[u] == c) to.add(refined[u], g.weights[e]);
      }
      gains.clear();
      options.clear();
      double best = 0;
      for (const std::uint32_t r : to.touched) {
        if (r == refined[v]) continue;
        const double kr = refined_total[r];
        if (external[r] < scale * kr * (kc - kr)) continue;  // r is not well connected
        const double gain = to.weight[r] - scale * k * kr;
        if (gain < 0) continue;
        options.push_back(r);
        gains.push_back(gain);
        best = std::max(best, gain);
      }
      if (!options.empty()) {
        double sum = 0;
        for (double& gain : gains) sum += (gain = std::exp((gain - best) / randomness));
        double pick = random.uniform() * sum;
        std::size_t chosen = 0;
        while (chosen + 1 < options.size() && pick >= gains[chosen]) pick -= gains[chosen++];
        const std::uint32_t r = options[chosen];
        const double w = to.weight[r];
        const std::uint32_t old = refined[v];
        refined[v] = r;
        refined_total[r] += k;
        refined_total[old] = 0;
        ++refined_size[r];
        refined_size[old] = 0;
        external[r] += external[old] - 2 * w;
      }
      to.clear();
    }
  }
  return refined;
}

double modularity_of(const WeightedGraph& g, const std::vector<std::uint32_t>& community,
                     double resolution) {
  if (g.total == 0) return 0;
  const std::uint32_t count = *std::max_element(community.begin(), community.end()) + 1;
  std::vector<double> inside(count, 0), total(count, 0);
  for (std::uint32_t v = 0; v < g.size(); ++v) {
    total[community[v]] += g.strength[v];
    for (std::uint64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
      if (community[g.neighbors[e]] == community[v]) inside[community[v]] += g.weights[e];
    }
  }
  double q = 0;
  for (std::uint32_t c = 0; c < count; ++c) {
    q += inside[c] / g.total - resolution * (total[c] / g.total) * (total[c] / g.total);
  }
  return q;
}

}  // namespace

double modularity(const Graph& graph, const std::vector<std::uint32_t>& community,
                  double resolution) {
  return modularity_of(simple_undirected(graph), community, resolution);
}

namespace {

// One run of Leiden's levels from a starting partition of the original nodes; returns the
// partition of the original nodes it ends with.
std::vector<std::uint32_t> run_levels(const WeightedGraph& base, std::vector<std::uint32_t> community,
                                      const LeidenOptions& options, std::uint64_t stream,
                                      int& levels) {
  const std::uint32_t n = base.size();
  std::vector<std::uint32_t> membership(n);  // original node -> node of the current level
  std::iota(membership.begin(), membership.end(), 0u);
  if (base.total == 0) return community;
  WeightedGraph aggregated;
  const WeightedGraph* level_graph = &base;  // the base first, then each aggregate
  for (int level = 0; level < options.max_levels; ++level) {
    const WeightedGraph& g = *level_graph;
    RandomStream random(options.seed, StreamPurpose::kCommunities, stream * 1000 + level);
    const bool moved = move_nodes_fast(g, community, options.resolution, random);
    const std::uint32_t communities = compact(community);
    ++levels;
    if ((!moved && level > 0) || communities == g.size()) break;
    std::vector<std::uint32_t> refined =
        refine(g, community, communities, options.resolution, options.randomness, random);
    std::uint32_t groups = compact(refined);
    if (groups == g.size()) {  // refinement merged nothing: aggregate by the communities
      refined = community;
      groups = communities;
    }
    // Each refined group lies inside one community: that is its starting community.
    std::vector<std::uint32_t> start(groups);
    for (std::uint32_t v = 0; v < g.size(); ++v) start[refined[v]] = community[v];
    for (auto& m : membership) m = refined[m];
    aggregated = aggregate(g, refined, groups);  // reads g whole before the assignment
    level_graph = &aggregated;
    community = std::move(start);
  }
  std::vector<std::uint32_t> result(n);
  for (std::uint32_t v = 0; v < n; ++v) result[v] = community[membership[v]];
  return result;
}

}  // namespace

std::vector<NodeId> label_order(const Graph& graph) {
  const NodeId n = graph.num_nodes();
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  if (graph.labels().is_integer()) return order;  // integer labels: ids already in numeric order
  std::vector<std::string> text(n);
  std::vector<char> decimal(n);
  for (NodeId v = 0; v < n; ++v) {
    text[v] = graph.label(v);
    decimal[v] = is_decimal(text[v]);
  }
  std::sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    if (decimal[a] != decimal[b]) return decimal[a] > decimal[b];
    return decimal[a] ? decimal_less(text[a], text[b]) : natural_less(text[a], text[b]);
  });
  return order;
}

CommunityPartition leiden(const Graph& graph, const LeidenOptions& options) {
  if (!(options.resolution > 0)) {
    throw UsageError("resolution", fmt::format("found {}; expected a positive number",
                                 options.resolution));
  }
  CommunityPartition result;
  const NodeId n = graph.num_nodes();
  // Everything below works on positions in label order, never on internal ids, which depend on
  // how the labels were typed.
  const std::vector<NodeId> order = label_order(graph);
  std::vector<NodeId> position(n);
  for (NodeId i = 0; i < n; ++i) position[order[i]] = i;
  // Iterated Leiden: each run starts from the last one's partition, while modularity rises by at
  // least 0.0001.
  const WeightedGraph base = simple_undirected(graph, order, position);  // built once for every run
  std::vector<std::uint32_t> best(n);
  std::iota(best.begin(), best.end(), 0u);
  double best_quality = modularity_of(base, best, options.resolution);
  Progress progress("finding communities (Leiden runs)",
                    static_cast<std::uint64_t>(options.max_iterations));
  for (int iteration = 0; iteration < options.max_iterations; ++iteration) {
    progress.advance();
    std::vector<std::uint32_t> next =
        run_levels(base, best, options, static_cast<std::uint64_t>(iteration), result.levels);
    const double quality = modularity_of(base, next, options.resolution);
    if (quality <= best_quality) break;
    const bool small_gain = quality - best_quality < 1e-4;
    best = std::move(next);
    best_quality = quality;
    if (small_gain) break;  // further runs would add less than 0.0001
  }
  std::vector<std::uint32_t> final_community = std::move(best);
  // Number communities by decreasing size, ties by the first member in label order (compact
  // numbers them by first appearance in that order).
  const std::uint32_t count = compact(final_community);
  std::vector<std::uint32_t> size(count, 0), by_size(count);
  for (const auto c : final_community) ++size[c];
  std::iota(by_size.begin(), by_size.end(), 0u);
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return size[a] > size[b]; });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t i = 0; i < count; ++i) rank[by_size[i]] = i;
  result.community.resize(n);
  for (NodeId v = 0; v < n; ++v) result.community[v] = rank[final_community[position[v]]];
  result.count = count;
  result.modularity = best_quality;  // renumbering communities leaves it unchanged
  return result;
}

double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size() || a.empty()) {
    throw UsageError(fmt::format("normalized mutual information: found labelings of {} and {} "
                                 "nodes; expected two equally long, non-empty labelings",
                                 a.size(), b.size()));
  }
  // Labels may be any values: renumber them by first appearance.
  auto renumber = [](const std::vector<std::uint32_t>& labels, std::vector<std::uint32_t>& out) {
    std::unordered_map<std::uint32_t, std::uint32_t> ids;
    out.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
      out[i] = ids.try_emplace(labels[i], static_cast<std::uint32_t>(ids.size())).first->second;
    }
    return static_cast<std::uint32_t>(ids.size());
  };
  std::vector<std::uint32_t> x, y;
  const std::uint32_t nx = renumber(a, x), ny = renumber(b, y);
  std::vector<double> px(nx, 0), py(ny, 0);
  std::vector<std::pair<std::uint64_t, double>> joint;
  std::vector<std::uint64_t> keys(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    ++px[x[i]];
    ++py[y[i]];
    keys[i] = static_cast<std::uint64_t>(x[i]) * ny + y[i];
  }
  std::sort(keys.begin(), keys.end());
  const double n = static_cast<double>(x.size());
  double mutual = 0;
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    const double pxy = static_cast<double>(j - i) / n;
    const double pa = px[keys[i] / ny] / n, pb = py[keys[i] % ny] / n;
    mutual += pxy * std::log(pxy / (pa * pb));
    i = j;
  }
  auto entropy = [n](const std::vector<double>& counts) {
    double h = 0;
    for (const double c : counts) {
      if (c > 0) h -= (c / n) * std::log(c / n);
    }
    return h;
  };
  const double hx = entropy(px), hy = entropy(py);
  if (hx + hy == 0) return 1.0;
  return 2 * mutual / (hx + hy);
}

}  // namespace cascade

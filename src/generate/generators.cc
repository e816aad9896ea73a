#include "cascade/generate/generators.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "cascade/error.h"
#include "cascade/graph/builder.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {
namespace {

NodeLabels integer_labels(NodeId n) {
  std::vector<std::int64_t> values(n);
  for (NodeId v = 0; v < n; ++v) values[v] = v;
  return NodeLabels::from_integers(std::move(values));
}

Graph finish(NodeId n, ArcList arcs, bool undirected, const std::string& name) {
  LoadReport report;
  report.source = name;
  report.format = "generated";
  report.data_lines = arcs.sources.size();
  BuildOptions options;
  options.undirected = undirected;
  return build_graph(integer_labels(n), std::move(arcs), options, std::move(report));
}

void require(bool ok, const std::string& what) {
  if (!ok) throw UsageError(what);
}

}  // namespace

Graph erdos_renyi(NodeId n, std::uint64_t m, std::uint64_t seed) {
  require(n >= 2, "erdos-renyi: expected at least 2 nodes");
  const double possible = static_cast<double>(n) * (n - 1);
  require(static_cast<double>(m) <= possible / 2,
          fmt::format("erdos-renyi: {} arcs among {} nodes; expected at most half of n(n-1)", m, n));
  RandomStream random(seed, StreamPurpose::kGenerator, 0);
  std::unordered_set<std::uint64_t> seen;
  seen.reserve(m);
  ArcList arcs;
  while (arcs.sources.size() < m) {
    const auto u = static_cast<NodeId>(random.below(n));
    const auto v = static_cast<NodeId>(random.below(n));
    if (u == v || !seen.insert(static_cast<std::uint64_t>(u) * n + v).second) continue;
    arcs.sources.push_back(u);
    arcs.targets.push_back(v);
  }
  return finish(n, std::move(arcs), false, fmt::format("erdos-renyi(n={}, m={}, seed={})", n, m, seed));
}

Graph barabasi_albert(NodeId n, std::uint32_t attach, std::uint64_t seed) {
  require(attach >= 1 && n > attach, "barabasi-albert: expected 1 <= attach < n");
  RandomStream random(seed, StreamPurpose::kGenerator, 0);
  ArcList arcs;
  std::vector<NodeId> endpoints;  // each node once per link end: sampling it is by degree
  // A clique of attach + 1 nodes to start from.
  for (NodeId u = 0; u <= attach; ++u) {
    for (NodeId v = u + 1; v <= attach; ++v) {
      arcs.sources.push_back(u);
      arcs.targets.push_back(v);
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  }
  std::vector<NodeId> chosen;
  for (NodeId u = attach + 1; u < n; ++u) {
    chosen.clear();
    while (chosen.size() < attach) {
      const NodeId v = endpoints[random.below(endpoints.size())];
      if (std::find(chosen.begin(), chosen.end(), v) == chosen.end()) chosen.push_back(v);
    }
    for (const NodeId v : chosen) {
      arcs.sources.push_back(u);
      arcs.targets.push_back(v);
      endpoints.push_back(u);
      endpoints.push_back(v);
    }
  }
  return finish(n, std::move(arcs), true,
                fmt::format("barabasi-albert(n={}, attach={}, seed={})", n, attach, seed));
}

Graph watts_strogatz(NodeId n, std::uint32_t neighbors, double rewire, std::uint64_t seed) {
  require(neighbors >= 2 && neighbors % 2 == 0 && neighbors < n,
          "watts-strogatz: expected an even number of neighbours, at least 2 and below n");
  require(rewire >= 0 && rewire <= 1, "watts-strogatz: expected a rewiring probability in [0, 1]");
  RandomStream random(seed, StreamPurpose::kGenerator, 0);
  std::unordered_set<std::uint64_t> links;
  auto key = [n](NodeId a, NodeId b) {
    return static_cast<std::uint64_t>(std::min(a, b)) * n + std::max(a, b);
  };
  ArcList arcs;
  for (NodeId u = 0; u < n; ++u) {
    for (std::uint32_t j = 1; j <= neighbors / 2; ++j) links.insert(key(u, (u + j) % n));
  }
  for (NodeId u = 0; u < n; ++u) {
    for (std::uint32_t j = 1; j <= neighbors / 2; ++j) {
      NodeId v = (u + j) % n;
      if (random.uniform() < rewire) {
        // Move the far end to a node u is not linked to yet (Watts-Strogatz keep u's end).
        for (int attempt = 0; attempt < 64; ++attempt) {
          const auto w = static_cast<NodeId>(random.below(n));
          if (w != u && links.find(key(u, w)) == links.end()) {
            links.erase(key(u, v));
            links.insert(key(u, w));
            v = w;
            break;
          }
        }
      }
    }
  }
  std::vector<std::uint64_t> sorted(links.begin(), links.end());  // a fixed order
  std::sort(sorted.begin(), sorted.end());
  for (const std::uint64_t link : sorted) {
    arcs.sources.push_back(static_cast<NodeId>(link / n));
    arcs.targets.push_back(static_cast<NodeId>(link % n));
  }
  return finish(n, std::move(arcs), true,
                fmt::format("watts-strogatz(n={}, k={}, p={}, seed={})", n, neighbors, rewire, seed));
}

PlantedPartition planted_partition(NodeId n, std::uint32_t groups, std::uint32_t degree,
                                   double mixing, std::uint64_t seed) {
  require(groups >= 1 && n >= 2 * groups, "planted-partition: expected at least 2 nodes per group");
  require(mixing >= 0 && mixing <= 1, "planted-partition: expected a mixing parameter in [0, 1]");
  require(degree >= 1 && degree < n / groups, "planted-partition: expected 1 <= degree < n / groups");
  PlantedPartition result;
  result.community.resize(n);
  const NodeId size = n / groups;
  for (NodeId v = 0; v < n; ++v) result.community[v] = std::min<std::uint32_t>(v / size, groups - 1);
  auto group_range = [&](std::uint32_t g) {
    const NodeId first = g * size;
    const NodeId last = g + 1 == groups ? n : first + size;
    return std::pair<NodeId, NodeId>{first, last};
  };
  RandomStream random(seed, StreamPurpose::kGenerator, 0);
  ArcList arcs;
  // Each node starts degree/2 links (each link has two ends), inside or outside its group.
  for (NodeId u = 0; u < n; ++u) {
    const auto [first, last] = group_range(result.community[u]);
    for (std::uint32_t j = 0; j < (degree + 1) / 2; ++j) {
      NodeId v = u;
      if (random.uniform() >= mixing || groups == 1) {
        while (v == u) v = first + static_cast<NodeId>(random.below(last - first));
      } else {
        while (result.community[v] == result.community[u]) v = static_cast<NodeId>(random.below(n));
      }
      arcs.sources.push_back(u);
      arcs.targets.push_back(v);
    }
  }
  result.graph = finish(n, std::move(arcs), true,
                        fmt::format("planted-partition(n={}, groups={}, degree={}, mixing={}, "
                                    "seed={})", n, groups, degree, mixing, seed));
  return result;
}

Graph rmat(std::uint32_t scale, std::uint32_t edge_factor, std::uint64_t seed) {
  require(scale >= 1 && scale <= 31, "rmat: expected a scale from 1 to 31");
  require(edge_factor >= 1, "rmat: expected an edge factor of at least 1");
  const auto n = static_cast<NodeId>(1u << scale);
  const std::uint64_t m = static_cast<std::uint64_t>(edge_factor) * n;
  constexpr double a = 0.57, b = 0.19, c = 0.19;
  ArcList arcs;
  arcs.sources.resize(m);
  arcs.targets.resize(m);
  for (std::uint64_t i = 0; i < m; ++i) {
    RandomStream random(seed, StreamPurpose::kGenerator, i);
    NodeId u = 0, v = 0;
    for (std::uint32_t level = 0; level < scale; ++level) {
      const double r = random.uniform();
      const NodeId bit = NodeId{1} << level;
      if (r < a) {
      } else if (r < a + b) {
        v |= bit;
      } else if (r < a + b + c) {
        u |= bit;
      } else {
        u |= bit;
        v |= bit;
      }
    }
    arcs.sources[i] = u;
    arcs.targets[i] = v;
  }
  return finish(n, std::move(arcs), false,
                fmt::format("rmat(scale={}, edge_factor={}, seed={})", scale, edge_factor, seed));
}

}  // namespace cascade

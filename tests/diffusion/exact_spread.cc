#include "exact_spread.h"

#include <algorithm>
#include <stdexcept>

namespace cascade::testing {
namespace {

struct Arc {
  NodeId from, to;
  double p;
};

// certain_free: arcs of probability 1 have one state and do not count towards the limit.
std::vector<Arc> arcs_of(const Graph& graph, bool certain_free = false) {
  std::vector<Arc> arcs;
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    for (std::size_t i = 0; i < graph.out_degree(u); ++i) {
      arcs.push_back({u, graph.out_neighbors(u)[i], graph.out_probabilities(u)[i]});
    }
  }
  const auto counted = std::count_if(arcs.begin(), arcs.end(),
                                     [&](const Arc& a) { return !certain_free || a.p < 1; });
  if (counted > 16) throw std::invalid_argument("exact enumeration: too many arcs");
  return arcs;
}

// Per node, whether it is within `deadline` steps of the seeds over the arcs marked live, paths
// never passing through a spent node (which is never marked).
std::vector<bool> reached_nodes(NodeId n, const std::vector<Arc>& arcs, const std::vector<bool>& live,
                                const std::vector<NodeId>& seeds, std::uint32_t deadline,
                                const std::vector<NodeId>& spent) {
  std::vector<bool> active(n, false);
  for (const NodeId s : spent) active[s] = true;
  std::vector<NodeId> frontier;
  for (const NodeId s : seeds) {
    if (!active[s]) frontier.push_back(s);
    active[s] = true;
  }
  for (std::uint32_t step = 1; step <= deadline && !frontier.empty(); ++step) {
    std::vector<NodeId> next;
    for (const NodeId u : frontier) {
      for (std::size_t a = 0; a < arcs.size(); ++a) {
        if (live[a] && arcs[a].from == u && !active[arcs[a].to]) {
          active[arcs[a].to] = true;
          next.push_back(arcs[a].to);
        }
      }
    }
    frontier = next;
  }
  for (const NodeId s : spent) active[s] = false;
  return active;
}

std::size_t reached(NodeId n, const std::vector<Arc>& arcs, const std::vector<bool>& live,
                    const std::vector<NodeId>& seeds, std::uint32_t deadline) {
  const std::vector<bool> active = reached_nodes(n, arcs, live, seeds, deadline, {});
  return static_cast<std::size_t>(std::count(active.begin(), active.end(), true));
}

double weighted(const std::vector<bool>& active, const std::vector<double>& weights) {
  double total = 0;
  for (std::size_t v = 0; v < active.size(); ++v) {
    if (active[v]) total += weights.empty() ? 1.0 : weights[v];
  }
  return total;
}

}  // namespace

ExactSpread exact_independent_cascade(const Graph& graph, const std::vector<NodeId>& seeds,
                                      std::uint32_t deadline) {
  const std::vector<Arc> arcs = arcs_of(graph);
  ExactSpread exact;
  for (std::uint32_t world = 0; world < (1u << arcs.size()); ++world) {
    double probability = 1;
    std::vector<bool> live(arcs.size());
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      live[a] = (world >> a) & 1;
      probability *= live[a] ? arcs[a].p : 1 - arcs[a].p;
    }
    exact.reach += probability * static_cast<double>(reached(graph.num_nodes(), arcs, live, seeds, deadline));
  }
  return exact;
}

ExactSpread exact_linear_threshold(const Graph& graph, const std::vector<NodeId>& seeds,
                                   std::uint32_t deadline) {
  const std::vector<Arc> arcs = arcs_of(graph);
  const NodeId n = graph.num_nodes();
  // choice[v] in 0..in-degree(v): index into v's in-arcs, or in-degree(v) for none.
  std::vector<std::vector<std::size_t>> in_arcs(n);
  for (std::size_t a = 0; a < arcs.size(); ++a) in_arcs[arcs[a].to].push_back(a);
  std::vector<std::size_t> choice(n, 0);
  ExactSpread exact;
  while (true) {
    double probability = 1;
    std::vector<bool> live(arcs.size(), false);
    for (NodeId v = 0; v < n; ++v) {
      if (choice[v] < in_arcs[v].size()) {
        live[in_arcs[v][choice[v]]] = true;
        probability *= arcs[in_arcs[v][choice[v]]].p;
      } else {
        double total = 0;
        for (const std::size_t a : in_arcs[v]) total += arcs[a].p;
        probability *= 1 - total;
      }
    }
    exact.reach += probability * static_cast<double>(reached(n, arcs, live, seeds, deadline));
    NodeId v = 0;  // odometer over the choices
    while (v < n && ++choice[v] > in_arcs[v].size()) choice[v++] = 0;
    if (v == n) break;
  }
  return exact;
}

double exact_weighted_reach(const Graph& graph, bool linear_threshold,
                            const std::vector<NodeId>& seeds, const std::vector<double>& weights,
                            std::uint32_t deadline, const std::vector<NodeId>& spent) {
  const std::vector<Arc> arcs = arcs_of(graph);
  const NodeId n = graph.num_nodes();
  double total = 0;
  if (!linear_threshold) {
    for (std::uint32_t world = 0; world < (1u << arcs.size()); ++world) {
      double probability = 1;
      std::vector<bool> live(arcs.size());
      for (std::size_t a = 0; a < arcs.size(); ++a) {
        live[a] = (world >> a) & 1;
        probability *= live[a] ? arcs[a].p : 1 - arcs[a].p;
      }
      total += probability * weighted(reached_nodes(n, arcs, live, seeds, deadline, spent), weights);
    }
    return total;
  }
  std::vector<std::vector<std::size_t>> in_arcs(n);
  for (std::size_t a = 0; a < arcs.size(); ++a) in_arcs[arcs[a].to].push_back(a);
  std::vector<std::size_t> choice(n, 0);
  while (true) {
    double probability = 1;
    std::vector<bool> live(arcs.size(), false);
    for (NodeId v = 0; v < n; ++v) {
      if (choice[v] < in_arcs[v].size()) {
        live[in_arcs[v][choice[v]]] = true;
        probability *= arcs[in_arcs[v][choice[v]]].p;
      } else {
        double sum = 0;
        for (const std::size_t a : in_arcs[v]) sum += arcs[a].p;
        probability *= std::max(0.0, 1 - sum);
      }
    }
    total += probability * weighted(reached_nodes(n, arcs, live, seeds, deadline, spent), weights);
    NodeId v = 0;
    while (v < n && ++choice[v] > in_arcs[v].size()) choice[v++] = 0;
    if (v == n) break;
  }
  return total;
}

ExactSpread exact_positive_negative(const Graph& graph, const std::vector<NodeId>& seeds,
                                    double quality, double negativity) {
  const std::vector<Arc> arcs = arcs_of(graph, true);
  const NodeId n = graph.num_nodes();
  // An arc of probability 1 has one state: live for both signs.
  std::size_t worlds = 1;
  for (const Arc& arc : arcs) worlds *= arc.p >= 1 ? 1 : 3;
  ExactSpread exact;
  for (std::size_t world = 0; world < worlds; ++world) {
    // state 0: live for both signs, 1: live for negative word only, 2: dead.
    std::vector<int> state(arcs.size());
    double arc_probability = 1;
    std::size_t code = world;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      const std::size_t states = arcs[a].p >= 1 ? 1 : 3;
      state[a] = static_cast<int>(code % states);
      code /= states;
      const double p = arcs[a].p, pn = std::min(1.0, negativity * arcs[a].p);
      arc_probability *= state[a] == 0 ? p : state[a] == 1 ? pn - p : 1 - pn;
    }
    if (arc_probability == 0) continue;
    for (std::uint32_t satisfied = 0; satisfied < (1u << n); ++satisfied) {
      double probability = arc_probability;
      for (NodeId v = 0; v < n; ++v) probability *= (satisfied >> v) & 1 ? quality : 1 - quality;
      if (probability == 0) continue;
      // 0 inactive, 1 positive, 2 negative
      std::vector<int> sign(n, 0);
      std::vector<NodeId> frontier;
      for (const NodeId s : seeds) {
        if (sign[s] != 0) continue;
        sign[s] = (satisfied >> s) & 1 ? 1 : 2;
        frontier.push_back(s);
      }
      while (!frontier.empty()) {
        std::vector<int> heard(n, 0);  // 1 positive only, 2 some negative
        std::vector<NodeId> next;
        for (const NodeId u : frontier) {
          for (std::size_t a = 0; a < arcs.size(); ++a) {
            const NodeId v = arcs[a].to;
            if (arcs[a].from != u || sign[v] != 0) continue;
            const bool crosses = sign[u] == 1 ? state[a] == 0 : state[a] <= 1;
            if (!crosses) continue;
            if (heard[v] == 0) next.push_back(v);
            heard[v] = std::max(heard[v], sign[u] == 2 ? 2 : 1);
          }
        }
        for (const NodeId v : next) sign[v] = heard[v] == 2 ? 2 : ((satisfied >> v) & 1 ? 1 : 2);
        frontier = next;
      }
      for (NodeId v = 0; v < n; ++v) {
        exact.reach += sign[v] != 0 ? probability : 0;
        exact.negative += sign[v] == 2 ? probability : 0;
      }
    }
  }
  return exact;
}

}  // namespace cascade::testing

// The credit-distribution model's greedy (Goyal, Bonchi, Lakshmanan, VLDB 2011): one parallel scan
// of the log into per-item credit tables, then CELF with in-place updates. See
// credit_distribution.h.
#include "cascade/seeding/credit_distribution.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <queue>

#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/text.h"

namespace cascade {
namespace {

// One item's credits as the scan finds them: for each adopter j (in log order, users of the graph
// only), the ancestors credited with j's adoption, in increasing order, and their total credit.
struct ItemCredits {
  std::vector<NodeId> users;
  std::vector<std::uint64_t> column_offsets{0};
  std::vector<std::uint32_t> ancestors;  // local indices into users
  std::vector<double> credits;
  std::uint64_t credited = 0;  // adopters with at least one parent
};

struct ScanWorkspace {
  explicit ScanWorkspace(NodeId n) : stamp(n, 0), local(n, 0), time(n, 0) {}
  std::vector<std::uint64_t> stamp;  // the item (plus one) a user last adopted in this thread
  std::vector<std::uint32_t> local;
  std::vector<double> time;
  std::vector<double> credit;  // per local ancestor, while one adopter is processed
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> parents;
};

ItemCredits scan_item(const Graph& graph, std::span<const Adoption> adoptions, std::uint64_t stamp,
                      double window, double threshold, ScanWorkspace& w) {
  const GraphArrays& arrays = graph.arrays();
  ItemCredits item;
  for (const Adoption& a : adoptions) {
    if (a.user == kOutsideGraph) continue;
    w.stamp[a.user] = stamp;
    w.local[a.user] = static_cast<std::uint32_t>(item.users.size());
    w.time[a.user] = a.time;
    item.users.push_back(a.user);
  }
  if (w.credit.size() < item.users.size()) w.credit.resize(item.users.size(), 0);
  for (const Adoption& a : adoptions) {
    if (a.user == kOutsideGraph) continue;
    const NodeId v = a.user;
    w.parents.clear();
    for (ArcIndex k = arrays.in_offsets[v]; k < arrays.in_offsets[v + 1]; ++k) {
      const NodeId u = arrays.in_sources[k];
      if (w.stamp[u] == stamp && may_credit(w.time[u], a.time, window)) {
        w.parents.push_back(w.local[u]);
      }
    }
    w.touched.clear();
    if (!w.parents.empty()) {
      ++item.credited;
      const double direct = 1.0 / static_cast<double>(w.parents.size());
      const auto add = [&](std::uint32_t x, double amount) {
        if (amount < threshold || amount <= 0) return;  // the paper's truncation
        if (w.credit[x] == 0) w.touched.push_back(x);
        w.credit[x] += amount;
      };
      // Parents precede v in log order (strictly earlier times), so their columns are complete.
      for (const std::uint32_t p : w.parents) {
        add(p, direct);
        for (std::uint64_t e = item.column_offsets[p]; e < item.column_offsets[p + 1]; ++e) {
          add(item.ancestors[e], item.credits[e] * direct);
        }
      }
      std::sort(w.touched.begin(), w.touched.end());
      for (const std::uint32_t x : w.touched) {
        item.ancestors.push_back(x);
        item.credits.push_back(w.credit[x]);
        w.credit[x] = 0;
      }
    }
    item.column_offsets.push_back(item.ancestors.size());
  }
  return item;
}

// Every item's adopters ("performers", numbered across items) with the credit tables in both
// directions: row g lists the adopters g's adopter is credited on (its descendants in the item),
// column g the ancestors credited with g's adoption, each pointing at the row entry it shares.
struct CreditTables {
  std::vector<NodeId> user;                // per performer
  std::vector<std::uint64_t> row_offsets;  // per performer, + 1
  std::vector<std::uint64_t> row_target;   // performer, increasing within a row
  std::vector<double> row_credit;          // Gamma^{V-S}, updated as seeds are chosen
  std::vector<std::uint64_t> column_offsets;
  std::vector<std::uint64_t> column_ancestor;  // performer
  std::vector<std::uint64_t> column_entry;     // index into row_target / row_credit
  std::vector<double> seed_credit;             // per performer: Gamma_S ("SC")
  std::vector<std::uint64_t> user_offsets;     // per node, + 1: its performers
  std::vector<std::uint64_t> occurrences;
  std::vector<double> inverse_adoptions;  // per node: 1 / A_v, or 0
};

CreditTables build_tables(const Graph& graph, std::vector<ItemCredits>& items) {
  const std::size_t count = items.size();
  std::vector<std::uint64_t> performer_base(count + 1, 0), entry_base(count + 1, 0);
  for (std::size_t i = 0; i < count; ++i) {
    performer_base[i + 1] = performer_base[i] + items[i].users.size();
    entry_base[i + 1] = entry_base[i] + items[i].ancestors.size();
  }
  const std::uint64_t performers = performer_base[count], entries = entry_base[count];
  CreditTables t;
  t.user.resize(performers);
  t.row_offsets.assign(performers + 1, entries);
  t.column_offsets.assign(performers + 1, entries);
  t.row_target.resize(entries);
  t.row_credit.resize(entries);
  t.column_ancestor.resize(entries);
  t.column_entry.resize(entries);
  t.seed_credit.assign(performers, 0);
  parallel_for(0, count, [&](std::uint64_t i) {
    ItemCredits& item = items[i];
    const std::uint64_t base = performer_base[i], entry = entry_base[i];
    const std::size_t m = item.users.size();
    std::vector<std::uint64_t> next(m, 0);
    for (const std::uint32_t x : item.ancestors) ++next[x];
    std::uint64_t position = entry;
    for (std::size_t x = 0; x < m; ++x) {
      t.user[base + x] = item.users[x];
      t.row_offsets[base + x] = position;
      t.column_offsets[base + x] = entry + item.column_offsets[x];
      const std::uint64_t size = next[x];
      next[x] = position;
      position += size;
    }
    // Columns in increasing adopter order fill each row in increasing target order.
    for (std::size_t j = 0; j < m; ++j) {
      for (std::uint64_t e = item.column_offsets[j]; e < item.column_offsets[j + 1]; ++e) {
        const std::uint32_t x = item.ancestors[e];
        const std::uint64_t slot = next[x]++;
        t.row_target[slot] = base + j;
        t.row_credit[slot] = item.credits[e];
        t.column_ancestor[entry + e] = base + x;
        t.column_entry[entry + e] = slot;
      }
    }
    item = ItemCredits();
  });
  const NodeId n = graph.num_nodes();
  t.user_offsets.assign(n + 1, 0);
  for (const NodeId v : t.user) ++t.user_offsets[v + 1];
  for (NodeId v = 0; v < n; ++v) t.user_offsets[v + 1] += t.user_offsets[v];
  t.occurrences.resize(performers);
  std::vector<std::uint64_t> fill(t.user_offsets.begin(), t.user_offsets.end() - 1);
  for (std::uint64_t g = 0; g < performers; ++g) t.occurrences[fill[t.user[g]]++] = g;
  t.inverse_adoptions.assign(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    const std::uint64_t adoptions = t.user_offsets[v + 1] - t.user_offsets[v];
    if (adoptions > 0) t.inverse_adoptions[v] = 1.0 / static_cast<double>(adoptions);
  }
  return t;
}

// sigma_cd(S + x) - sigma_cd(S), in a fixed order.
double marginal_gain(const CreditTables& t, NodeId x) {
  double gain = 0;
  for (std::uint64_t o = t.user_offsets[x]; o < t.user_offsets[x + 1]; ++o) {
    const std::uint64_t g = t.occurrences[o];
    double credited = t.inverse_adoptions[x];
    for (std::uint64_t e = t.row_offsets[g]; e < t.row_offsets[g + 1]; ++e) {
      credited += t.row_credit[e] * t.inverse_adoptions[t.user[t.row_target[e]]];
    }
    gain += (1 - t.seed_credit[g]) * credited;
  }
  return gain;
}

// Adds s to the seeds: each of s's items is touched by its own occurrence only, so the items can
// be updated in any order, on any thread.
void add_seed(CreditTables& t, NodeId s) {
  const auto update = [&t](std::uint64_t o) {
    const std::uint64_t g = t.occurrences[o];
    const std::uint64_t row_begin = t.row_offsets[g], row_end = t.row_offsets[g + 1];
    const double uncredited = 1 - t.seed_credit[g];
    for (std::uint64_t e = row_begin; e < row_end; ++e) {
      double& credit = t.seed_credit[t.row_target[e]];
      credit = std::min(1.0, credit + t.row_credit[e] * uncredited);
    }
    // Paths from an ancestor x through g no longer count for x: they would reach S first.
    for (std::uint64_t c = t.column_offsets[g]; c < t.column_offsets[g + 1]; ++c) {
      const double to_g = t.row_credit[t.column_entry[c]];
      if (to_g == 0) continue;
      const std::uint64_t x = t.column_ancestor[c];
      auto position = t.row_target.begin() + static_cast<std::ptrdiff_t>(t.row_offsets[x]);
      const auto end = t.row_target.begin() + static_cast<std::ptrdiff_t>(t.row_offsets[x + 1]);
      for (std::uint64_t e = row_begin; e < row_end && position != end; ++e) {
        position = std::lower_bound(position, end, t.row_target[e]);
        if (position == end || *position != t.row_target[e]) continue;  // truncated away
        double& credit = t.row_credit[static_cast<std::uint64_t>(position - t.row_target.begin())];
        credit = std::max(0.0, credit - to_g * t.row_credit[e]);
      }
    }
    for (std::uint64_t c = t.column_offsets[g]; c < t.column_offsets[g + 1]; ++c) {
      t.row_credit[t.column_entry[c]] = 0;
    }
    t.seed_credit[g] = 1;
  };
  // Most people adopted a few items: a parallel region would cost more than the work.
  const std::uint64_t first = t.user_offsets[s], last = t.user_offsets[s + 1];
  if (last - first < 64) {
    for (std::uint64_t o = first; o < last; ++o) update(o);
  } else {
    parallel_for(first, last, update, 16);
  }
}

struct Candidate {
  double gain;
  NodeId node;
  std::uint32_t rank;   // in the fill order: out-degree, then id
  std::uint32_t round;  // the number of seeds when gain was computed
};

struct Order {
  bool operator()(const Candidate& a, const Candidate& b) const {
    if (a.gain != b.gain) return a.gain < b.gain;
    return a.rank > b.rank;
  }
};

}  // namespace

void check_credit_options(const Graph& graph, const CreditOptions& options) {
  if (options.k < 1 || options.k > graph.num_nodes()) {
    throw UsageError("k", fmt::format("found {}; expected 1 to {} (the number of nodes)",
                                      group_digits(options.k), group_digits(graph.num_nodes())));
  }
  check_window(options.window);
  if (!(options.threshold >= 0 && options.threshold < 1)) {
    throw UsageError("threshold", fmt::format("found {}; expected a number in [0, 1) (credits "
                                              "below it are dropped; 0 keeps them all)",
                                              options.threshold));
  }
}

CreditSelection credit_distribution_seeds(const Graph& graph, const AdoptionLog& log,
                                          const CreditOptions& options) {
  check_credit_options(graph, options);
  const auto start = std::chrono::steady_clock::now();
  CreditSelection result;
  CreditSummary& out = result.summary;
  out.log = log.source;
  out.window = resolve_window(options.window, log);
  out.threshold = options.threshold;
  out.items = log.num_items();
  out.sigma_cd_guarantee = 1 - std::exp(-1.0);
  const NodeId n = graph.num_nodes();

  std::vector<ItemCredits> items(log.num_items());
  {
    std::vector<ScanWorkspace> workspaces(static_cast<std::size_t>(num_threads()),
                                          ScanWorkspace(n));
    parallel_for(
        0, log.num_items(),
        [&](std::uint64_t i) {
          items[i] = scan_item(graph, log.item(i), i + 1, out.window, options.threshold,
                               workspaces[static_cast<std::size_t>(thread_index())]);
        },
        4);
  }
  for (const ItemCredits& item : items) {
    out.adoptions += item.users.size();
    out.credited_adoptions += item.credited;
    out.credit_entries += item.ancestors.size();
  }
  out.outside_adoptions = log.adoptions.size() - out.adoptions;
  CreditTables tables = build_tables(graph, items);
  std::vector<ItemCredits>().swap(items);
  for (NodeId v = 0; v < n; ++v) out.adopters += tables.inverse_adoptions[v] > 0 ? 1 : 0;
  const auto scanned = std::chrono::steady_clock::now();

  // Everyone is a candidate, ranked for ties by the fill rule: out-degree, then id.
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeId a, NodeId b) { return graph.out_degree(a) > graph.out_degree(b); });
  std::vector<double> initial(n, 0);
  parallel_for(
      0, n, [&](std::uint64_t v) { initial[v] = marginal_gain(tables, static_cast<NodeId>(v)); },
      256);
  std::vector<Candidate> heap;
  heap.reserve(n);
  for (std::uint32_t r = 0; r < n; ++r) heap.push_back({initial[order[r]], order[r], r, 0});
  std::priority_queue<Candidate, std::vector<Candidate>, Order> queue(Order{}, std::move(heap));

  SeedSelection& selection = result.selection;
  selection.algorithm = "credit";
  std::uint64_t evaluations = n;
  std::uint32_t filled = 0;
  while (selection.seeds.size() < options.k) {
    check_interrupt();
    const auto round = static_cast<std::uint32_t>(selection.seeds.size());
    Candidate top = queue.top();
    queue.pop();
    // A gain never grows as seeds are added, so a current one on top, or a 0, is the best.
    if (top.round != round && top.gain > 0) {
      top.gain = marginal_gain(tables, top.node);
      top.round = round;
      ++evaluations;
      queue.push(top);
      continue;
    }
    selection.seeds.push_back(top.node);
    selection.marginal_gain.push_back(top.gain);
    out.sigma_cd += top.gain;
    if (top.gain == 0) ++filled;
    add_seed(tables, top.node);
  }
  const auto done = std::chrono::steady_clock::now();
  selection.estimated_spread = out.sigma_cd;
  selection.phases = {{"credit scan", std::chrono::duration<double>(scanned - start).count()},
                      {"greedy", std::chrono::duration<double>(done - scanned).count()}};
  selection.notes.push_back(fmt::format(
      "credit distribution over {} items: {} adoptions by {} people of the graph, {} with a "
      "possible parent; {} credits kept (threshold {}); {} gain evaluations",
      group_digits(out.items), group_digits(out.adoptions), group_digits(out.adopters),
      group_digits(out.credited_adoptions), group_digits(out.credit_entries), out.threshold,
      group_digits(evaluations)));
  if (out.outside_adoptions > 0) {
    selection.notes.push_back(fmt::format(
        "{} adoption{} by users outside the graph: credit flows only along arcs of the graph, so "
        "they credit no one and are credited to no one",
        group_digits(out.outside_adoptions), out.outside_adoptions == 1 ? "" : "s"));
  }
  if (filled > 0) {
    selection.notes.push_back(fmt::format(
        "{} seed{} filled by the rule (highest out-degree first, ties to the smaller id): every "
        "remaining marginal gain of sigma_cd was 0",
        filled, filled == 1 ? "" : "s"));
  }
  return result;
}

}  // namespace cascade

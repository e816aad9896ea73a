#include "cascade/seeding/credit_distribution.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "cascade/campaign/adoption_log.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "test_graphs.h"

namespace cascade {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// sigma_cd(S) straight from the definition (Goyal, Bonchi, Lakshmanan, VLDB 2011, Section 3),
// sharing nothing with the library but the parsed log: for each item, the parents of v are the
// graph's in-neighbours that adopted within [t_v - window, t_v), Gamma_{S,v} = 1 for v in S, else
// the sum over parents u of Gamma_{S,u} / |parents|, dropping any term below `threshold`; then
// sigma_cd(S) = sum over v of (1 / A_v) sum over items of Gamma_{S,v}.
double brute_sigma(const Graph& g, const AdoptionLog& log, const std::vector<NodeId>& seeds,
                   double window, double threshold = 0) {
  const std::set<NodeId> in_seeds(seeds.begin(), seeds.end());
  const auto has_arc = [&](NodeId u, NodeId v) {
    const auto out = g.out_neighbors(u);
    return std::find(out.begin(), out.end(), v) != out.end();
  };
  std::map<NodeId, double> credit;
  std::map<NodeId, int> actions;
  for (std::size_t i = 0; i < log.num_items(); ++i) {
    std::map<NodeId, double> time;
    for (const Adoption& a : log.item(i)) {
      if (a.user != kOutsideGraph) time[a.user] = a.time;
    }
    // Total credit of S on v through paths of direct credits; the propagation graph is a DAG
    // (parents adopted strictly earlier), so the recursion ends.
    std::function<double(NodeId)> gamma = [&](NodeId v) -> double {
      if (in_seeds.count(v) > 0) return 1.0;
      std::vector<NodeId> parents;
      for (const auto& [u, t] : time) {
        if (has_arc(u, v) && t < time[v] && t >= time[v] - window) parents.push_back(u);
      }
      double sum = 0;
      for (const NodeId u : parents) {
        const double direct = 1.0 / static_cast<double>(parents.size());
        sum += gamma(u) * direct;
      }
      return sum;
    };
    if (threshold > 0) {
      // With truncation, the paper's scan: the credit of each single ancestor x on v is the sum of
      // terms Gamma_{x,u} gamma_{u,v} (and gamma_{x,v} itself), each dropped below threshold.
      std::map<NodeId, std::map<NodeId, double>> pair_credit;  // v -> x -> Gamma_{x,v}
      std::vector<std::pair<double, NodeId>> order;
      for (const auto& [v, t] : time) order.push_back({t, v});
      std::sort(order.begin(), order.end());
      for (const auto& [t, v] : order) {
        std::vector<NodeId> parents;
        for (const auto& [u, tu] : time) {
          if (has_arc(u, v) && tu < t && tu >= t - window) parents.push_back(u);
        }
        for (const NodeId u : parents) {
          const double direct = 1.0 / static_cast<double>(parents.size());
          if (direct >= threshold) pair_credit[v][u] += direct;
          for (const auto& [x, c] : pair_credit[u]) {
            if (c * direct >= threshold) pair_credit[v][x] += c * direct;
          }
        }
      }
      // Only single seeds are compared with truncation.
      EXPECT_LE(seeds.size(), 1u);
      for (const auto& [v, t] : time) {
        ++actions[v];
        if (in_seeds.count(v) > 0) {
          credit[v] += 1;
        } else if (!seeds.empty()) {
          credit[v] += pair_credit[v][seeds[0]];
        }
      }
      continue;
    }
    for (const auto& [v, t] : time) {
      ++actions[v];
      credit[v] += gamma(v);
    }
  }
  double sigma = 0;
  for (const auto& [v, c] : credit) sigma += c / actions[v];
  return sigma;
}

NodeId node(const Graph& g, const std::string& label) { return *g.labels().find(label); }

//   a --> b --> d        item 1: a at 0, b and c at 1, d at 2 (d's parents b and c: 1/2 each)
//   |           ^        item 2: d alone at 0
//   +--> c -----+
TEST(CreditDistribution, CreditsWorkedOutByHand) {
  const Graph g = testing::graph_from_text("a b\na c\nb d\nc d\n");
  const AdoptionLog log = parse_adoption_log(
      g, "item,user,time\n1,a,0\n1,b,1\n1,c,1\n1,d,2\n2,d,0\n", "hand.csv", LogFormat::kActions);
  CreditOptions options;
  options.k = 1;
  options.threshold = 0;
  const CreditSelection result = credit_distribution_seeds(g, log, options);
  // a: itself 1, b 1, c 1, and d half its adoptions: 3.5.
  ASSERT_EQ(result.selection.seeds, std::vector<NodeId>{node(g, "a")});
  EXPECT_DOUBLE_EQ(result.selection.marginal_gain[0], 3.5);
  EXPECT_DOUBLE_EQ(result.summary.sigma_cd, 3.5);
  EXPECT_DOUBLE_EQ(brute_sigma(g, log, {node(g, "a")}, 1), 3.5);
  EXPECT_EQ(result.summary.window, 1);  // integer steps
  EXPECT_EQ(result.summary.adoptions, 5u);
  EXPECT_EQ(result.summary.adopters, 4u);
  EXPECT_EQ(result.summary.credited_adoptions, 3u);
  // Credits kept: a on b, a on c, b, c and a on d.
  EXPECT_EQ(result.summary.credit_entries, 5u);
  EXPECT_EQ(result.selection.guarantee, 0);  // nothing proven about a spread
  EXPECT_NEAR(result.summary.sigma_cd_guarantee, 1 - 1 / std::exp(1.0), 1e-15);

  // Next best after a: d, whose uncredited half adoption is worth 1/2 (b and c add nothing).
  options.k = 2;
  const CreditSelection two = credit_distribution_seeds(g, log, options);
  ASSERT_EQ(two.selection.seeds.size(), 2u);
  EXPECT_EQ(two.selection.seeds[1], node(g, "d"));
  EXPECT_DOUBLE_EQ(two.selection.marginal_gain[1], 0.5);
}

//   a --> b <-- c        item: a and c at 0, b at 1 (parents a, c: 1/2 each), e at 1,
//         |              d at 2 (parents b, e: 1/2 each). Credit of a on d: 1/2 x 1/2 = 1/4.
//         v
//   e --> d
TEST(CreditDistribution, DropsCreditsBelowTheThreshold) {
  const Graph g = testing::graph_from_text("a b\nc b\nb d\ne d\n");
  const AdoptionLog log = parse_adoption_log(
      g, "item,user,time\n1,a,0\n1,c,0\n1,b,1\n1,e,1\n1,d,2\n", "t.csv", LogFormat::kActions);
  CreditOptions options;
  options.k = 1;
  options.threshold = 0;
  EXPECT_DOUBLE_EQ(credit_distribution_seeds(g, log, options).summary.sigma_cd, 1.75);
  options.threshold = 0.3;  // 1/4 is dropped: a, and b's 1/2
  const CreditSelection truncated = credit_distribution_seeds(g, log, options);
  EXPECT_DOUBLE_EQ(truncated.summary.sigma_cd, 1.5);
  EXPECT_DOUBLE_EQ(brute_sigma(g, log, {node(g, "a")}, 1, 0.3), 1.5);
  EXPECT_EQ(truncated.summary.credit_entries, 4u);  // a, c on b; b, e on d
}

// A random log of `items` items over graph g: each item's adopters are distinct random nodes,
// with random times; some adoptions are by a user outside the graph.
AdoptionLog random_log(const Graph& g, std::uint32_t items, std::uint32_t max_adopters,
                       bool integer_times, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::string text = "item,user,time\n";
  for (std::uint32_t i = 0; i < items; ++i) {
    const auto adopters = 1 + static_cast<std::uint32_t>(random() % max_adopters);
    std::vector<NodeId> users(g.num_nodes());
    for (NodeId v = 0; v < g.num_nodes(); ++v) users[v] = v;
    for (std::uint32_t j = 0; j < adopters && j < users.size(); ++j) {
      std::swap(users[j], users[j + random() % (users.size() - j)]);
      const double time = integer_times ? (j == 0 ? 0.0 : static_cast<double>(random() % 4))
                                        : static_cast<double>(random() % 1000) / 7.0;
      text += fmt::format("{},{},{}\n", i, g.label(users[j]), time);
    }
    if (random() % 5 == 0) text += fmt::format("{},outsider,{}\n", i, integer_times ? 1.0 : 3.5);
  }
  return parse_adoption_log(g, text, "random.csv", LogFormat::kActions);
}

// The greedy's gains are brute-force differences of sigma_cd, and each is the best available.
void expect_greedy_matches_brute_force(const Graph& g, const AdoptionLog& log, double window) {
  CreditOptions options;
  options.k = g.num_nodes();
  options.window = window;
  options.threshold = 0;
  const CreditSelection result = credit_distribution_seeds(g, log, options);
  const double used_window = window > 0 ? window : (log.integer_steps ? 1.0 : kInfinity);
  ASSERT_EQ(result.selection.seeds.size(), g.num_nodes());
  std::vector<NodeId> seeds;
  double sigma = 0;
  for (std::size_t i = 0; i < result.selection.seeds.size(); ++i) {
    double best = 0;
    for (NodeId x = 0; x < g.num_nodes(); ++x) {
      if (std::find(seeds.begin(), seeds.end(), x) != seeds.end()) continue;
      std::vector<NodeId> with = seeds;
      with.push_back(x);
      best = std::max(best, brute_sigma(g, log, with, used_window) - sigma);
    }
    seeds.push_back(result.selection.seeds[i]);
    const double next = brute_sigma(g, log, seeds, used_window);
    EXPECT_NEAR(result.selection.marginal_gain[i], next - sigma, 1e-9) << "seed " << i;
    EXPECT_NEAR(result.selection.marginal_gain[i], best, 1e-9) << "seed " << i;
    sigma = next;
  }
  EXPECT_NEAR(result.summary.sigma_cd, sigma, 1e-9);
  std::vector<NodeId> sorted = result.selection.seeds;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end()) << "a repeated seed";
}

TEST(CreditDistribution, GreedyGainsAreBruteForceDifferences) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    const Graph g = testing::random_graph(9, 24, seed, false, false);
    expect_greedy_matches_brute_force(g, random_log(g, 12, 7, true, seed), 0);  // W = 1
    expect_greedy_matches_brute_force(g, random_log(g, 12, 7, true, seed), 2);
    expect_greedy_matches_brute_force(g, random_log(g, 12, 7, false, seed), 0);  // W = infinity
  }
}

TEST(CreditDistribution, TruncatedCreditsMatchThePapersScan) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE(fmt::format("seed {}", seed));
    const Graph g = testing::random_graph(9, 24, seed, false, false);
    const AdoptionLog log = random_log(g, 12, 8, false, seed);
    CreditOptions options;
    options.k = 1;
    options.threshold = 0.15;
    const CreditSelection result = credit_distribution_seeds(g, log, options);
    EXPECT_NEAR(result.summary.sigma_cd,
                brute_sigma(g, log, result.selection.seeds, kInfinity, 0.15), 1e-12);
  }
}

TEST(CreditDistribution, UsersOutsideTheGraphChangeNothing) {
  const Graph g = testing::graph_from_text("a b\na c\nb d\nc d\n");
  const std::string log_text = "item,user,time\n1,a,0\n1,b,1\n1,c,1\n1,d,2\n2,d,0\n";
  const AdoptionLog without = parse_adoption_log(g, log_text, "l.csv", LogFormat::kActions);
  const AdoptionLog with =
      parse_adoption_log(g, log_text + "1,x,1\n1,y,2\n3,x,0\n", "l.csv", LogFormat::kActions);
  CreditOptions options;
  options.k = 3;
  const CreditSelection a = credit_distribution_seeds(g, without, options);
  const CreditSelection b = credit_distribution_seeds(g, with, options);
  EXPECT_EQ(a.selection.seeds, b.selection.seeds);
  EXPECT_EQ(a.selection.marginal_gain, b.selection.marginal_gain);
  EXPECT_EQ(b.summary.outside_adoptions, 3u);
  EXPECT_EQ(b.summary.adoptions, 5u);
}

//   a --> b    c --> d    e --> e2    only a and b adopted: a first, then three seeds with gain 0
//                                     filled by out-degree (c, e), then id (b before d and e2)
TEST(CreditDistribution, FillsByOutDegreeWhenNothingIsLeftToCredit) {
  const Graph g = testing::graph_from_text("a b\nc d\ne e2\n");
  const AdoptionLog log =
      parse_adoption_log(g, "item,user,time\n1,a,0\n1,b,1\n", "f.csv", LogFormat::kActions);
  CreditOptions options;
  options.k = 4;
  const CreditSelection result = credit_distribution_seeds(g, log, options);
  const std::vector<std::string> expected = {"a", "c", "e", "b"};
  ASSERT_EQ(result.selection.seeds.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(g.label(result.selection.seeds[i]), expected[i]);
  EXPECT_EQ(result.selection.marginal_gain, (std::vector<double>{2, 0, 0, 0}));
  EXPECT_NE(result.selection.notes.back().find("3 seeds filled"), std::string::npos);
}

TEST(CreditDistribution, SameSeedsOnOneAndTwoThreads) {
  const Graph g = testing::random_graph(300, 3000, 5, false, false);
  // About 80 adoptions per person, so that seeds' updates run in parallel too.
  const AdoptionLog log = random_log(g, 800, 60, false, 5);
  CreditOptions options;
  options.k = 25;
  const int threads = num_threads();
  set_num_threads(1);
  const CreditSelection one = credit_distribution_seeds(g, log, options);
  set_num_threads(2);
  const CreditSelection two = credit_distribution_seeds(g, log, options);
  set_num_threads(4);
  const CreditSelection four = credit_distribution_seeds(g, log, options);
  set_num_threads(threads);
  EXPECT_EQ(one.selection.seeds, two.selection.seeds);
  EXPECT_EQ(one.selection.marginal_gain, two.selection.marginal_gain);
  EXPECT_EQ(one.selection.seeds, four.selection.seeds);
  EXPECT_EQ(one.selection.marginal_gain, four.selection.marginal_gain);
  EXPECT_EQ(one.summary.credit_entries, two.summary.credit_entries);
  EXPECT_GT(one.summary.credited_adoptions, 0u);
}

void expect_usage_error(const Graph& g, const AdoptionLog& log, const CreditOptions& options,
                        const std::string& field) {
  try {
    credit_distribution_seeds(g, log, options);
    ADD_FAILURE() << "no error for " << field;
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), field) << e.what();
  }
}

TEST(CreditDistribution, RefusesOptionsOutOfRange) {
  const Graph g = testing::graph_from_text("a b\n");
  const AdoptionLog log =
      parse_adoption_log(g, "item,user,time\n1,a,0\n", "r.csv", LogFormat::kActions);
  CreditOptions options;
  options.k = 0;
  expect_usage_error(g, log, options, "k");
  options.k = 3;
  expect_usage_error(g, log, options, "k");
  options.k = 1;
  options.window = -1;
  expect_usage_error(g, log, options, "window");
  options.window = std::nan("");
  expect_usage_error(g, log, options, "window");
  options.window = 0;
  options.threshold = 1;
  expect_usage_error(g, log, options, "threshold");
  options.threshold = -0.1;
  expect_usage_error(g, log, options, "threshold");
}

}  // namespace
}  // namespace cascade

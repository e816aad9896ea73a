// cascade influencers GRAPH: who matters. Every person's expected individual reach with its
// interval, the top of the ranking, each one's share of all influence, and how far the ranking is
// from the degree ranking (who spreads, against who is merely followed).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <numeric>

#include "cascade/error.h"
#include "cascade/seeding/individual_influence.h"
#include "cascade/seeding/validation.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::string model = "ic";
  std::string top = "10%";
  std::uint64_t samples = 0;
  std::string out;
};

std::size_t parse_top(const std::string& text, NodeId n) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  const bool percent = end != nullptr && std::string(end) == "%";
  if (end == text.c_str() || (!percent && *end != '\0') || !(value > 0) ||
      (percent && value > 100)) {
    throw UsageError(fmt::format("--top: found '{}'; expected a count (25) or a percentage (10%)", text));
  }
  const double count = percent ? std::ceil(value / 100.0 * n) : std::floor(value);
  return static_cast<std::size_t>(std::clamp(count, 1.0, static_cast<double>(n)));
}

void run(const Options& options) {
  apply_common_options(options.common);
  DiffusionModel model = DiffusionModel::parse(options.model);
  if (!supports_rr_sets(model)) {
    throw UsageError(fmt::format("--model {}: influencers estimates individual reach from RR sets, "
                                 "which model ic and lt; expected --model ic or lt",
                                 model.to_string()));
  }
  GraphOptions graph_options = options.graph;
  if (graph_options.probability.empty()) graph_options.probability = "wc";
  const Graph graph = load_graph_for(graph_options, options.common.seed);
  const NodeId n = graph.num_nodes();
  const std::size_t top = parse_top(options.top, n);
  const std::uint64_t samples =
      options.samples > 0 ? options.samples
                          : std::clamp<std::uint64_t>(20ull * n, 200'000, 5'000'000);
  const auto start = std::chrono::steady_clock::now();
  const IndividualInfluence influence =
      individual_influence(graph, model, samples, options.common.seed);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeId a, NodeId b) { return influence.reach[a] > influence.reach[b]; });
  std::vector<NodeId> by_degree(n);
  std::iota(by_degree.begin(), by_degree.end(), NodeId{0});
  std::stable_sort(by_degree.begin(), by_degree.end(),
                   [&](NodeId a, NodeId b) { return graph.out_degree(a) > graph.out_degree(b); });
  std::vector<NodeId> degree_rank(n);
  for (NodeId i = 0; i < n; ++i) degree_rank[by_degree[i]] = i + 1;
  std::vector<double> degrees(n);
  for (NodeId v = 0; v < n; ++v) degrees[v] = graph.out_degree(v);
  const double correlation = n >= 2 ? spearman(influence.reach, degrees) : 0.0;
  const double total = std::accumulate(influence.reach.begin(), influence.reach.end(), 0.0);
  std::size_t overlap = 0;
  for (std::size_t i = 0; i < top; ++i) overlap += degree_rank[order[i]] <= top;
  double top_share = 0;
  for (std::size_t i = 0; i < top; ++i) top_share += influence.reach[order[i]];
  top_share /= total;

  if (!options.out.empty()) {
    std::string text = "rank,label,reach,stderr,share,out_degree,degree_rank\n";
    for (NodeId i = 0; i < n; ++i) {
      const NodeId v = order[i];
      text += fmt::format("{},{},{:.4f},{:.4f},{:.6g},{},{}\n", i + 1, graph.label(v),
                          influence.reach[v], influence.standard_error[v], influence.reach[v] / total,
                          graph.out_degree(v), degree_rank[v]);
    }
    write_output_file(options.out, text);
  }
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["model"] = model.to_string();
    json["probability"] = graph.probability_scheme();
    json["seed"] = options.common.seed;
    json["rr_sets"] = influence.rr_sets;
    json["spearman_with_out_degree"] = correlation;
    json["top"] = top;
    json["top_share_of_influence"] = top_share;
    json["top_also_top_by_degree"] = overlap;
    nlohmann::ordered_json people = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < top; ++i) {
      const NodeId v = order[i];
      people.push_back({{"label", graph.label(v)},
                        {"reach", influence.reach[v]},
                        {"stderr", influence.standard_error[v]},
                        {"share", influence.reach[v] / total},
                        {"out_degree", graph.out_degree(v)},
                        {"degree_rank", degree_rank[v]}});
    }
    json["influencers"] = people;
    json["seconds"] = seconds;
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source, with_commas(n),
             with_commas(graph.num_arcs()));
  fmt::print("model       {} with probabilities {}; {} RR sets (seed {}), {:.3f} s\n",
             model.to_string(), graph.probability_scheme(), with_commas(influence.rr_sets),
             options.common.seed, seconds);
  fmt::print("ranking     by expected individual reach; Spearman correlation with out-degree {:.3f}\n",
             correlation);
  fmt::print("{:<12}hold {:.1f}% of all individual influence; {} of them are also in the top {} "
             "by out-degree\n\n",
             fmt::format("top {}", top), 100 * top_share, overlap, top);
  fmt::print("{:>5}  {:<20} {:>22}  {:>7}  {:>10}  {:>11}\n", "rank", "label", "reach (95% interval)",
             "share", "out-degree", "degree rank");
  for (std::size_t i = 0; i < top; ++i) {
    const NodeId v = order[i];
    fmt::print("{:>5}  {:<20} {:>12.2f} +/- {:>6.2f}  {:>6.2f}%  {:>10}  {:>11}\n", i + 1,
               graph.label(v), influence.reach[v], 1.96 * influence.standard_error[v],
               100 * influence.reach[v] / total, graph.out_degree(v), degree_rank[v]);
  }
}

}  // namespace

void register_influencers(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "influencers", "Who matters: everyone's expected individual reach, ranked, against degree");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (default), const:P, trivalency, weight, weight-normalized");
  command->add_option("--model", options->model, "ic or lt")->capture_default_str();
  command->add_option("--top", options->top, "How many to list: a count (25) or a share (10%)")
      ->capture_default_str();
  command->add_option("--samples", options->samples,
                      "RR sets (default 20 per node, 200,000 to 5 million)");
  command->add_option("--out", options->out,
                      "Write everyone's rank,label,reach,stderr,share,out_degree,degree_rank as CSV");
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade influencers GRAPH: who matters. Every person's expected individual reach, the top of the
// ranking re-estimated on an independent sample (unbiased), each one's share of all influence, and
// how far the ranking is from the degree ranking (who spreads, against who is merely followed).
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  InfluenceRequest request;
  std::string out;
};

void run(Options options) {
  apply_common_options(options.common);
  InfluenceRequest& request = options.request;
  request.seed = options.common.seed;
  const DiffusionModel checked_model = DiffusionModel::parse(request.model);
  check_files({{"GRAPH", options.graph.path}}, {{"--out", options.out}});
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  const NodeId n = graph.num_nodes();
  const InfluenceRanking ranking = influencers(graph, request);
  const DiffusionModel& model = checked_model;
  const IndividualInfluence& everyone = ranking.everyone;
  const std::size_t top = ranking.top.size();

  if (!options.out.empty()) {
    std::string text = "rank,label,reach,stderr,low,high,share,out_degree,degree_rank\n";
    for (NodeId i = 0; i < n; ++i) {
      const NodeId v = ranking.order[i];
      text += fmt::format("{},{},{:.4f},{:.4f},{:.4f},{:.4f},{:.6g},{},{}\n", i + 1,
                          csv_field(graph.label(v)), everyone.reach[v], everyone.standard_error[v],
                          everyone.low[v], everyone.high[v],
                          ranking.total_influence > 0 ? everyone.reach[v] / ranking.total_influence : 0.0,
                          graph.out_degree(v), ranking.degree_rank[v]);
    }
    write_output_file(options.out, text);
  }
  double seconds = 0;
  for (const Phase& p : ranking.phases) seconds += p.seconds;
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["model"] = model.to_string();
    json["probability"] = graph.probability_scheme();
    json["rr_sets"] = ranking.rr_sets;
    json["spearman_with_out_degree"] = ranking.spearman_with_out_degree;
    json["top"] = top;
    json["top_share_of_influence"] = ranking.top_share;
    json["top_also_top_by_degree"] = ranking.top_also_top_by_degree;
    nlohmann::ordered_json people = nlohmann::ordered_json::array();
    for (const Influencer& person : ranking.top) {
      nlohmann::ordered_json row;
      row["label"] = json_label(graph, person.node);
      put_estimate(row, "reach", person.reach.mean, person.reach.standard_error, person.reach.low,
                   person.reach.high);
      row["ranking_reach"] = person.ranking_reach;
      row["share"] = person.share;
      row["out_degree"] = person.out_degree;
      row["degree_rank"] = person.degree_rank;
      people.push_back(row);
    }
    json["influencers"] = people;
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    for (const Phase& p : ranking.phases) timing[p.name == "re-estimating" ? "re_estimating" : p.name] = p.seconds;
    json["timing"] = timing;
    print_json(json);
    return;
  }
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source, with_commas(n),
             with_commas(graph.num_arcs()));
  fmt::print("model       {} with probabilities {}; 2 x {} RR sets (ranking, then re-estimate; "
             "seed {}), {:.3f} s\n",
             model.to_string(), graph.probability_scheme(), with_commas(ranking.rr_sets / 2),
             options.common.seed, seconds);
  fmt::print("ranking     by expected individual reach; Spearman correlation with out-degree {:.3f}\n",
             ranking.spearman_with_out_degree);
  fmt::print("{:<12}hold {:.1f}% of all individual influence; {} of them {} also in the top {} by "
             "out-degree\n",
             fmt::format("top {}", with_commas(top)), 100 * ranking.top_share,
             with_commas(ranking.top_also_top_by_degree),
             ranking.top_also_top_by_degree == 1 ? "is" : "are", with_commas(top));
  fmt::print("{:<12}reach re-estimated on RR sets the ranking did not use (the ranking's own\n"
             "{:<12}figures are biased upward at the top)\n\n", "", "");
  std::size_t label_width = 5;
  for (const Influencer& person : ranking.top) {
    label_width = std::max(label_width, display_width(table_label(graph.label(person.node))));
  }
  label_width = std::min<std::size_t>(label_width, 40);
  fmt::print("{:>5}  {} {:>10} {:>22}  {:>7}  {:>10}  {:>11}\n", "rank", pad_right("label", label_width),
             "reach", "95% interval", "share", "out-degree", "degree rank");
  for (std::size_t i = 0; i < top; ++i) {
    const Influencer& person = ranking.top[i];
    fmt::print("{:>5}  {} {:>10} {:>22}  {:>6.2f}%  {:>10}  {:>11}\n", i + 1,
               pad_right(table_label(graph.label(person.node)), label_width),
               with_commas(person.reach.mean, 2),
               fmt::format("[{}, {}]", with_commas(person.reach.low, 2), with_commas(person.reach.high, 2)),
               100 * person.share, with_commas(person.out_degree), with_commas(person.degree_rank));
  }
}

}  // namespace

void register_influencers(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "influencers", "Who matters: everyone's expected individual reach, ranked, against degree");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (default), const:P, trivalency, weight, weight-normalized");
  command->add_option("--model", options->request.model, "ic or lt")->capture_default_str();
  command->add_option("--top", options->request.top,
                      "How many to list: a count (25) or a share (10%)")
      ->capture_default_str();
  command->add_option("--samples", options->request.samples,
                      "RR sets in each of the two samples, ranking and re-estimate (default 20 "
                      "per node, 200,000 to 5 million)")
      ->check(whole_number(1, 1'000'000'000'000));
  command->add_option("--out", options->out,
                      "Write everyone's rank,label,reach,stderr,low,high,share,out_degree,"
                      "degree_rank as CSV (from the ranking sample)")
      ->check(nonempty_path());
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade simulate GRAPH --seeds FILE --model M --prob S: how far and how fast a campaign spreads,
// by Monte Carlo simulation with error bars.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "cascade/io/label_file.h"
#include "cascade/parallel/parallel_for.h"
#include "options.h"

namespace cascade::cli {
namespace {

constexpr std::uint32_t kNoDeadline = std::numeric_limits<std::uint32_t>::max();

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::string seeds_file;
  std::string seed_labels;
  SimulationRequest request;
  std::uint32_t deadline = kNoDeadline;
  std::string trace_file;
  std::string node_probabilities_file;
  std::string targets_file;
  std::string reached_file;
  std::string against_file;
  std::string prior = "1,1";
  std::string costs_file;
  double default_cost = kDefaultFee;
  CLI::Option* default_cost_option = nullptr;
};

std::string sentiment_name(Sentiment s) { return s == Sentiment::kPositive ? "positive" : "negative"; }

void write_trace(const Graph& graph, const DiffusionModel& model, const SimulationResult& result,
                 const std::string& path) {
  std::string text = model.has_sentiment() ? "step,source,target,sentiment\n" : "step,source,target\n";
  for (const Activation& a : result.trace) {
    text += fmt::format("{},{},{}", a.step, a.step == 0 ? std::string() : csv_field(graph.label(a.source)),
                        csv_field(graph.label(a.target)));
    if (model.has_sentiment()) text += "," + sentiment_name(a.sentiment);
    text += '\n';
  }
  write_output_file(path, text);
}

void write_node_probabilities(const Graph& graph, const SimulationResult& result,
                              const std::string& path) {
  std::string text = "label,probability,stderr\n";
  const double runs = static_cast<double>(result.runs);
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    const double p = result.node_probability[v];
    text += fmt::format("{},{:.6g},{}\n", csv_field(graph.label(v)), p,
                        result.runs >= 2 ? fmt::format("{:.3g}", std::sqrt(p * (1 - p) / runs))
                                         : std::string());
  }
  write_output_file(path, text);
}

// The value lines (campaign/value.h): after the reach and the sentiment, labelled cost
// equivalence, negative word apart; never the first or only figure.
void print_value(const CampaignValue& value, bool sentiment, bool error_bars);
nlohmann::ordered_json value_json(const CampaignValue& value, bool sentiment, bool error_bars);

// "12.34 (95% interval [11.78, 12.90])" or, with a single run, "12.34 (no error bar from a single
// run)". Intervals are shown as such, not as +/-: they may be clipped at 0 or at the seeds.
std::string with_interval(const Estimate& e, bool has_error_bar, int decimals) {
  if (!has_error_bar) return with_commas(e.mean, decimals) + " (no error bar from a single run)";
  return fmt::format("{} (95% interval [{}, {}])", with_commas(e.mean, decimals),
                     with_commas(e.low, decimals), with_commas(e.high, decimals));
}

void print_value(const CampaignValue& value, bool sentiment, bool error_bars) {
  const ValueTerms& terms = value.terms;
  if (sentiment) {
    fmt::print("impressions   {} word-of-mouth messages to people outside the seeds: from "
               "positive speakers {}; from negative speakers {}, reported apart\n",
               with_interval(value.impressions, error_bars, 1),
               with_interval(value.positive_impressions, error_bars, 1),
               with_interval(value.negative_impressions, error_bars, 1));
  } else {
    fmt::print("impressions   {} word-of-mouth messages to people outside the seeds\n",
               with_interval(value.impressions, error_bars, 1));
  }
  if (terms.cpm) {
    const std::string what = fmt::format(
        "what that attention would cost as advertising at CPM {}; not the value of the "
        "conversations (Barcelona Principles)",
        number_text(*terms.cpm));
    if (sentiment) {
      fmt::print("cost equivalence  positive word {}; negative word {}, never netted: {}\n",
                 with_interval(*value.positive_cost_equivalence, error_bars, 2),
                 with_interval(*value.negative_cost_equivalence, error_bars, 2), what);
    } else {
      fmt::print("cost equivalence  {}: {}\n", with_interval(*value.cost_equivalence, error_bars, 2),
                 what);
    }
  }
  if (terms.value_per_adoption) {
    fmt::print("adoptions     {} people reached beyond the seeds, worth {} at {} each\n",
               with_interval(value.adoptions, error_bars, 2),
               with_interval(*value.adoption_value, error_bars, 2),
               number_text(*terms.value_per_adoption));
    if (value.return_on_fees) {
      fmt::print("return        {} = (adoptions x {} - fees {}) / fees\n",
                 with_interval(*value.return_on_fees, error_bars, 3),
                 number_text(*terms.value_per_adoption), number_text(*terms.fees));
    } else {
      fmt::print("return        undefined: {}; the adoptions' value stands alone\n",
                 terms.fees ? "the seeds' fees are 0" : "no fees (--costs or --default-cost)");
    }
  }
}

nlohmann::ordered_json value_json(const CampaignValue& value, bool sentiment, bool error_bars) {
  const ValueTerms& terms = value.terms;
  auto optional_number = [](const std::optional<double>& x) {
    return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
  };
  auto put = [&](nlohmann::ordered_json& json, const std::string& name,
                 const std::optional<Estimate>& e) {
    if (e) {
      put_estimate(json, name, e->mean, e->standard_error, e->low, e->high, error_bars);
    } else {
      json[name] = nullptr;
    }
  };
  nlohmann::ordered_json json;
  json["cpm"] = optional_number(terms.cpm);
  json["value_per_adoption"] = optional_number(terms.value_per_adoption);
  json["fees"] = optional_number(terms.fees);
  put(json, "impressions", value.impressions);
  if (sentiment) {
    put(json, "positive_impressions", value.positive_impressions);
    put(json, "negative_impressions", value.negative_impressions);
  }
  json["cost_equivalence_note"] =
      "what the same attention would cost as advertising; not the value of the conversations "
      "(Barcelona Principles)";
  // Under sentiment only the parts: a cost equivalence is never netted across positive and
  // negative word.
  put(json, "cost_equivalence", sentiment ? std::nullopt : value.cost_equivalence);
  if (sentiment) {
    put(json, "positive_cost_equivalence", value.positive_cost_equivalence);
    put(json, "negative_cost_equivalence", value.negative_cost_equivalence);
  }
  put(json, "adoptions", value.adoptions);
  put(json, "adoption_value", value.adoption_value);
  put(json, "return", value.return_on_fees);
  return json;
}

// simulate --against: the rumor's reach without and with the protectors, and the people saved.
void print_against(const Options& options, const Graph& graph, const SimulationReport& report) {
  const SimulationRequest& request = options.request;
  const CompetitiveResult& b = *report.blocking;
  const bool bars = report.error_bars;
  const std::string probability = graph.probability_scheme();
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["model"] = report.model.to_string();
    json["probability"] = probability;
    json["fade"] = report.model.fade;
    json["deadline"] = nullptr;
    json["seeds"] = json_labels(graph, request.seeds);
    json["reached"] = 0;
    json["runs"] = b.runs;
    // The protectors' own message: the people who adopt it first, in competition.
    json["mean"] = b.protected_people.mean;
    json["stderr"] = bars ? nlohmann::ordered_json(b.protected_people.standard_error) : nullptr;
    json["ci95"] = bars ? nlohmann::ordered_json({b.protected_people.low, b.protected_people.high})
                        : nullptr;
    json["percentiles"] = nullptr;
    const double k = static_cast<double>(request.seeds.size());
    put_estimate(json, "beyond_seeds", b.protected_people.mean - k,
                 b.protected_people.standard_error, std::max(0.0, b.protected_people.low - k),
                 std::max(0.0, b.protected_people.high - k), bars);
    json["curve"] = nlohmann::ordered_json::array();
    json["arcs_examined"] = 0;
    json["runs_per_second"] = static_cast<double>(b.runs) / b.seconds;
    json["arcs_per_second"] = 0;
    json["timing"] = {{"simulation", b.seconds}, {"load", graph.load_report().seconds}};
    nlohmann::ordered_json against;
    against["people"] = json_labels(graph, request.against);
    against["tie"] = to_string(report.tie);
    against["runs"] = b.runs;
    put_estimate(against, "rumor_alone", b.rumor_alone.mean, b.rumor_alone.standard_error,
                 b.rumor_alone.low, b.rumor_alone.high, bars);
    put_estimate(against, "rumor", b.rumor.mean, b.rumor.standard_error, b.rumor.low,
                 b.rumor.high, bars);
    put_estimate(against, "saved", b.saved.mean, b.saved.standard_error, b.saved.low,
                 b.saved.high, bars);
    json["against"] = against;
    print_json(json);
    return;
  }
  fmt::print("graph         {}: {} nodes, {} arcs{}\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()),
             graph.directed() ? "" : " (undirected)");
  fmt::print("model         competitive {} with probabilities {}: both messages on the same "
             "arcs, each person keeps the first to arrive, ties to the {}\n",
             report.model.to_string(), probability, to_string(report.tie));
  fmt::print("rumor         {} ({})\n", with_commas(request.against.size()),
             label_list(graph, request.against));
  fmt::print("protectors    {} ({})\n", with_commas(request.seeds.size()),
             label_list(graph, request.seeds));
  fmt::print("runs          {} (seed {}), each world shared by the runs with and without the "
             "protectors\n",
             with_commas(b.runs), options.common.seed);
  fmt::print("rumor alone   {} people reached, its own people included\n",
             with_interval(b.rumor_alone, bars, 2));
  fmt::print("with them     {} people reached by the rumor\n", with_interval(b.rumor, bars, 2));
  fmt::print("saved         {} people\n", with_interval(b.saved, bars, 2));
  fmt::print("protected     {} people took the protectors' message first, protectors included\n",
             with_interval(b.protected_people, bars, 2));
  fmt::print("\ntiming        {:.3f} s on {}\n", b.seconds,
             count_of(static_cast<std::uint64_t>(num_threads()), "thread", "threads"));
}

void run(Options options) {
  apply_common_options(options.common);
  SimulationRequest& request = options.request;
  request.seed = options.common.seed;
  if (options.deadline != kNoDeadline) request.model.deadline = options.deadline;
  request.prior = parse_prior(options.prior);
  options.graph.arc_evidence = request.draws > 0;
  const DiffusionModel checked_model = make_model(request.model);  // refused before any reading
  check_files({{"GRAPH", options.graph.path},
               {"--seeds", options.seeds_file},
               {"--targets", options.targets_file},
               {"--reached", options.reached_file},
               {"--costs", options.costs_file},
               {"--against", options.against_file}},
              {{"--trace", options.trace_file},
               {"--node-probabilities", options.node_probabilities_file}});
  if (options.seeds_file.empty() && options.seed_labels.empty()) {
    throw UsageError("no seeds; expected --seeds FILE or --seed-labels a,b,c");
  }
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  request.seeds = seeds_from(graph, options.seeds_file, options.seed_labels);
  if (!options.targets_file.empty()) request.targets = read_targets(graph, options.targets_file);
  if (!options.reached_file.empty()) {
    request.reached = read_node_list(graph, options.reached_file, "reached person");
  }
  if (!options.costs_file.empty()) {
    request.fees = read_fees(graph, options.costs_file, options.default_cost);
  } else if (options.default_cost_option->count() > 0) {
    request.default_fee = options.default_cost;
  }
  if (!options.against_file.empty()) {
    request.against = read_node_list(graph, options.against_file, "rumor spreader");
  }
  const bool targeted = !request.targets.empty();
  request.trace = !options.trace_file.empty();
  request.node_probabilities = !options.node_probabilities_file.empty();
  const SimulationReport report = simulate(graph, request);
  const SimulationResult& result = report.result;
  const DiffusionModel& model = report.model;
  const std::vector<NodeId>& seeds = request.seeds;
  if (!options.trace_file.empty()) write_trace(graph, model, result, options.trace_file);
  if (!options.node_probabilities_file.empty()) {
    write_node_probabilities(graph, result, options.node_probabilities_file);
  }

  const std::size_t distinct_seeds = seeds.size();
  const bool error_bars = report.error_bars;
  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  const double runs_per_second = static_cast<double>(result.runs) / result.seconds;
  const double arcs_per_second = static_cast<double>(result.arcs_examined) / result.seconds;
  if (report.blocking) {
    print_against(options, graph, report);
    return;
  }
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["model"] = model.to_string();
    json["probability"] = probability;
    json["fade"] = model.fade;
    json["deadline"] = model.has_deadline() ? nlohmann::ordered_json(model.deadline) : nullptr;
    json["seeds"] = json_labels(graph, seeds);
    json["reached"] = request.reached.size();
    json["runs"] = result.runs;
    if (request.rel_error > 0) {
      json["relative_error_target"] = request.rel_error;
      json["converged"] = result.converged;
    }
    json["mean"] = result.reach.mean;
    json["stderr"] = error_bars ? nlohmann::ordered_json(result.reach.standard_error) : nullptr;
    json["ci95"] = error_bars ? nlohmann::ordered_json({result.reach.low, result.reach.high}) : nullptr;
    json["percentiles"] = {{"5", result.percentile5}, {"50", result.median}, {"95", result.percentile95}};
    put_estimate(json, "beyond_seeds", result.reach.mean - static_cast<double>(distinct_seeds),
                 result.reach.standard_error,
                 std::max(0.0, result.reach.low - static_cast<double>(distinct_seeds)),
                 std::max(0.0, result.reach.high - static_cast<double>(distinct_seeds)), error_bars);
    if (targeted) {
      put_estimate(json, "audience", result.audience.mean, result.audience.standard_error,
                   result.audience.low, result.audience.high, error_bars);
      put_estimate(json, "outside_audience", result.outside_audience.mean,
                   result.outside_audience.standard_error, result.outside_audience.low,
                   result.outside_audience.high, error_bars);
    }
    if (model.has_sentiment()) {
      put_estimate(json, "positive", result.positive.mean, result.positive.standard_error,
                   result.positive.low, result.positive.high, error_bars);
      put_estimate(json, "negative", result.negative.mean, result.negative.standard_error,
                   result.negative.low, result.negative.high, error_bars);
    }
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (std::size_t s = 0; s < result.new_per_step.size(); ++s) {
      const Estimate& e = result.new_per_step[s];
      nlohmann::ordered_json point;
      point["step"] = s;
      put_estimate(point, "new", e.mean, e.standard_error, e.low, e.high, error_bars);
      curve.push_back(point);
    }
    json["curve"] = curve;
    json["arcs_examined"] = result.arcs_examined;
    json["runs_per_second"] = runs_per_second;
    json["arcs_per_second"] = arcs_per_second;
    json["timing"] = {{"simulation", result.seconds}, {"load", graph.load_report().seconds}};
    if (report.from_data) json["from_the_data"] = data_interval_json(*report.from_data);
    if (report.value) json["value"] = value_json(*report.value, model.has_sentiment(), error_bars);
    print_json(json);
    return;
  }
  fmt::print("graph         {}: {} nodes, {} arcs{}\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()),
             graph.directed() ? "" : " (undirected)");
  fmt::print("model         {} with probabilities {}; fade {}; {}\n", model.to_string(), probability,
             model.fade, model.has_deadline() ? fmt::format("deadline step {}", model.deadline)
                                              : std::string("no deadline"));
  fmt::print("seeds         {} ({})\n", with_commas(distinct_seeds), label_list(graph, seeds));
  fmt::print("runs          {} (seed {}){}\n", with_commas(result.runs), options.common.seed,
             request.rel_error > 0
                 ? fmt::format(", {} the 95% interval within {:g}% of the mean",
                               result.converged ? "until" : "stopped at the limit before",
                               100 * request.rel_error)
                 : "");
  const std::string simulation_interval =
      error_bars ? fmt::format("95% interval [{}, {}]{} standard error {}",
                               with_commas(result.reach.low, 2), with_commas(result.reach.high, 2),
                               report.from_data ? " from the simulation," : ";",
                               with_commas(result.reach.standard_error, 3))
                 : std::string("no error bar from a single run");
  if (report.from_data) {
    const DataInterval& data = *report.from_data;
    fmt::print("reach         {} people, seeds included ({}; [{}, {}] from the data, {} draws)\n",
               with_commas(result.reach.mean, 2), simulation_interval, with_commas(data.low, 2),
               with_commas(data.high, 2), with_commas(std::uint64_t{data.draws}));
    fmt::print("from the data {}\n", data_interval_details(data, 2));
    const std::string width_note =
        error_bars ? data_interval_width_note(data, result.reach.low, result.reach.high) : "";
    if (!width_note.empty()) fmt::print("note          {}\n", width_note);
    for (const std::string& note : data.notes) fmt::print("note          {}\n", note);
  } else {
    fmt::print("reach         {} people, seeds included ({})\n", with_commas(result.reach.mean, 2),
               simulation_interval);
  }
  fmt::print("beyond seeds  {}\n",
             with_commas(result.reach.mean - static_cast<double>(distinct_seeds), 2));
  if (!request.reached.empty()) {
    fmt::print("reached       {} already reached: active from the start, relaying nothing; the "
               "reach counts new people only\n",
               count_of(request.reached.size(), "person", "people"));
  }
  if (targeted) {
    fmt::print("audience      {} of the audience's weight reached inside it\n",
               with_interval(result.audience, error_bars, 2));
    fmt::print("outside       {} people reached outside the audience\n",
               with_interval(result.outside_audience, error_bars, 2));
  }
  fmt::print("percentiles   5%: {} | 50%: {} | 95%: {}\n", with_commas(result.percentile5),
             with_commas(result.median), with_commas(result.percentile95));
  if (model.has_sentiment()) {
    fmt::print("positive      {}\n", with_interval(result.positive, error_bars, 2));
    fmt::print("negative      {}\n", with_interval(result.negative, error_bars, 2));
  }
  if (report.value) print_value(*report.value, model.has_sentiment(), error_bars);
  fmt::print("\nstep  new adopters (mean{})\n", error_bars ? ", 95% interval" : "");
  for (std::size_t s = 0; s < result.new_per_step.size(); ++s) {
    const Estimate& e = result.new_per_step[s];
    if (error_bars) {
      fmt::print("{:>4}  {} [{}, {}]\n", s, with_commas(e.mean, 3), with_commas(e.low, 3),
                 with_commas(e.high, 3));
    } else {
      fmt::print("{:>4}  {}\n", s, with_commas(e.mean, 3));
    }
  }
  fmt::print("\ntiming        {:.3f} s on {}: {} runs/s, {:.3g} arcs examined/s\n", result.seconds,
             count_of(static_cast<std::uint64_t>(num_threads()), "thread", "threads"),
             with_commas(runs_per_second, 0), arcs_per_second);
}

}  // namespace

void register_simulate(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "simulate", "Monte Carlo spread of a campaign from given seeds, with error bars");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (1/in-degree of the target; default), const:P, "
                    "trivalency, weight, weight-normalized");
  auto* seeds = command->add_option("--seeds", options->seeds_file,
                                    "File of seed labels, one per line (CSV quoting rules)")
      ->check(nonempty_path());
  auto* labels = command->add_option("--seed-labels", options->seed_labels,
                                     "Seed labels: a,b,c (a label holding a comma in double quotes, "
                                     "as in CSV)");
  seeds->excludes(labels);
  command->add_option("--model", options->request.model.model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  auto* runs = command->add_option("--runs", options->request.runs, "Monte Carlo runs")
                   ->check(whole_number(1, 1'000'000'000))
                   ->capture_default_str();
  command->add_option("--rel-error", options->request.rel_error,
                      "Run until the 95% interval is within this fraction of the mean")
      ->check(real_number(0, 1, true, false))
      ->excludes(runs);
  command->add_option("--fade", options->request.model.fade,
                      "Multiply influence by (1 - F) at each step after the seeds")
      ->check(real_number(0, 1, false, true))
      ->capture_default_str();
  command->add_option("--deadline", options->deadline,
                      "Stop the spread after this step (0: the seeds alone)")
      ->check(whole_number(0, kNoDeadline - 1));
  command->add_option("--targets", options->targets_file,
                      "File of 'label[,weight]' lines (weight 1 if none): also report the "
                      "weighted reach inside this audience and the reach outside it")
      ->check(nonempty_path());
  command->add_option("--reached", options->reached_file,
                      "File of labels already reached by an earlier phase: active from the start, "
                      "relaying nothing; the reach counts new people")
      ->check(nonempty_path());
  command->add_option("--trace", options->trace_file,
                      "Write run 0's word-of-mouth tree as CSV: step,source,target (under "
                      "threshold models, one line per contact that counted)")
      ->check(nonempty_path());
  command->add_option("--node-probabilities", options->node_probabilities_file,
                      "Write each person's probability of being reached as CSV")
      ->check(nonempty_path());
  command->add_option("--cpm", options->request.cpm,
                      "Cost of 1,000 advertising impressions: also report the word-of-mouth "
                      "messages' cost equivalence (not the value of the conversations)")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--value-per-adoption", options->request.value_per_adoption,
                      "What one person reached beyond the seeds is worth: also report the "
                      "adoptions' value and, with fees, the return")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--costs", options->costs_file,
                      "File of 'label,fee' lines: the seeds' fees for the return (others: "
                      "--default-cost)")
      ->check(nonempty_path());
  options->default_cost_option =
      command->add_option("--default-cost", options->default_cost,
                          "Fee of each seed not in --costs (default 1 with --costs; without "
                          "either, no fees and no return)")
          ->check(real_number(0, std::numeric_limits<double>::infinity(), false, true));
  command->add_option("--against", options->against_file,
                      "File of labels already spreading a negative message: the seeds protect "
                      "(competitive ic); report the rumor's reach without and with them and the "
                      "people saved")
      ->check(nonempty_path());
  command->add_option("--tie", options->request.tie,
                      "With --against: who wins when both messages reach someone at the same "
                      "step, protector or rumor")
      ->capture_default_str();
  add_draw_options(command, options->request.draws, options->prior);
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

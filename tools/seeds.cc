// cascade seeds GRAPH -k K: who to seed. Influence maximization with the guarantees of OPIM-C and
// IMM, greedy by simulation for the models sampling cannot handle, budgets, and baselines.
#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <numeric>

#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/imm.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/validation.h"
#include "cascade/select/budgeted_greedy.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  GraphOptions graph;
  CommonOptions common;
  std::uint32_t k = 0;
  std::string model = "ic";
  std::string algorithm = "auto";
  double epsilon = 0.1;
  double delta = 0;
  double time_limit = 0;
  std::uint64_t validation = 0;
  std::uint64_t runs = 1000;
  std::uint32_t candidates = 0;
  std::string costs_file;
  double budget = 0;
  double default_cost = 1;
  std::string out;
};

std::vector<double> read_costs(const Graph& graph, const std::string& path, double default_cost) {
  std::vector<double> costs(graph.num_nodes(), default_cost);
  for (const LabelValue& entry : read_label_values(graph, path)) {
    char* parsed_end = nullptr;
    const double cost = std::strtod(entry.value.c_str(), &parsed_end);
    if (parsed_end == entry.value.c_str() || *parsed_end != '\0' || !(cost > 0) ||
        !std::isfinite(cost)) {
      throw InputError(path, entry.line,
                       fmt::format("found cost '{}'; expected a positive number", entry.value));
    }
    costs[entry.node] = cost;
  }
  return costs;
}

void run(const Options& options) {
  apply_common_options(options.common);
  const DiffusionModel model = [&] {
    DiffusionModel m = DiffusionModel::parse(options.model);
    validate(m);
    return m;
  }();
  static const std::vector<std::string> kAlgorithms = {
      "auto", "opim-c", "imm", "celf", "degree", "degree-discount", "pagerank", "random"};
  if (std::find(kAlgorithms.begin(), kAlgorithms.end(), options.algorithm) == kAlgorithms.end()) {
    throw UsageError(fmt::format("--algo: found '{}'; expected auto, opim-c, imm, celf, degree, "
                                 "degree-discount, pagerank or random",
                                 options.algorithm));
  }
  const bool sampling = options.algorithm == "auto" || options.algorithm == "opim-c" ||
                        options.algorithm == "imm";
  const bool rr_model = supports_rr_sets(model);
  if ((options.algorithm == "opim-c" || options.algorithm == "imm") && !rr_model) {
    throw UsageError(fmt::format("--algo {} samples reverse-reachable sets, which model ic and lt "
                                 "without fading or deadline; found --model {}; expected --algo "
                                 "celf (or auto) for this model",
                                 options.algorithm, model.to_string()));
  }
  if (!(options.epsilon > 0 && options.epsilon < 1)) {
    throw UsageError(fmt::format("--eps: found {}; expected a value in (0, 1)", options.epsilon));
  }
  if (options.delta != 0 && !(options.delta > 0 && options.delta < 1)) {
    throw UsageError(fmt::format("--delta: found {}; expected a value in (0, 1)", options.delta));
  }
  const bool budgeted = !options.costs_file.empty() || options.budget > 0;
  if (budgeted && (options.budget <= 0 || !rr_model || !(options.algorithm == "auto" ||
                                                         options.algorithm == "opim-c"))) {
    throw UsageError("--costs and --budget: expected both, with --algo auto or opim-c and an ic or "
                     "lt model");
  }
  if (!budgeted && options.k == 0) throw UsageError("-k: expected the number of seeds (k >= 1)");

  GraphOptions graph_options = options.graph;
  if (graph_options.probability.empty() && model.needs_probabilities()) graph_options.probability = "wc";
  const Graph graph = load_graph_for(graph_options, options.common.seed);
  const NodeId n = graph.num_nodes();
  if (!budgeted && options.k > n) {
    throw UsageError(fmt::format("-k: found {}; expected at most {} (the number of nodes)", options.k, n));
  }
  check_model(graph, model);
  std::vector<double> costs;
  if (budgeted) {
    costs = options.costs_file.empty() ? std::vector<double>(n, options.default_cost)
                                       : read_costs(graph, options.costs_file, options.default_cost);
  }

  const auto start = std::chrono::steady_clock::now();
  SeedSelection selection;
  const std::string algorithm =
      options.algorithm == "auto" ? (rr_model ? "opim-c+refine" : "celf++") : options.algorithm;
  std::uint32_t k = options.k;
  if (budgeted) {
    const double cheapest = *std::min_element(costs.begin(), costs.end());
    k = static_cast<std::uint32_t>(std::clamp<double>(std::floor(options.budget / cheapest), 1, n));
  }
  if (algorithm == "opim-c" || algorithm == "opim-c+refine") {
    OpimOptions opim;
    opim.k = k;
    opim.epsilon = options.epsilon;
    opim.delta = options.delta;
    opim.seed = options.common.seed;
    opim.time_limit = options.time_limit;
    opim.refine_min_marginal = algorithm == "opim-c+refine" ? kDefaultRefineMinMarginal : 0;
    selection = opim_c(graph, model, opim);
  } else if (algorithm == "imm") {
    ImmOptions imm_options;
    imm_options.k = k;
    imm_options.epsilon = options.epsilon;
    imm_options.seed = options.common.seed;
    selection = imm(graph, model, imm_options);
  } else if (algorithm == "celf++" || algorithm == "celf") {
    CelfOptions celf;
    celf.k = k;
    celf.runs = options.runs;
    celf.seed = options.common.seed;
    const std::uint32_t pool = options.candidates > 0 ? options.candidates : (n <= 5000 ? n : 2000);
    if (pool < n) celf.candidates = highest_degree(graph, pool);
    selection = celf_plus_plus(graph, model, celf);
    if (pool < n) {
      selection.notes.push_back(fmt::format("candidates: the {} highest out-degree people of {} "
                                            "(--candidates)", pool, n));
    }
  } else {
    const auto t = std::chrono::steady_clock::now();
    selection.algorithm = algorithm;
    if (algorithm == "degree") selection.seeds = highest_degree(graph, k);
    if (algorithm == "degree-discount") selection.seeds = degree_discount(graph, k);
    if (algorithm == "pagerank") selection.seeds = pagerank(graph, k);
    if (algorithm == "random") selection.seeds = random_seeds(graph, k, options.common.seed);
    selection.phases = {{"ranking", std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count()}};
    selection.notes.push_back("a baseline heuristic: no guarantee");
  }
  double budget_cost = 0;
  if (budgeted) {
    // The sample OPIM-C settled on (its R1: the first rr_sets/2 sets of that stream), now covered
    // under the budget by cost-effective greedy with the best-single safeguard.
    const auto t = std::chrono::steady_clock::now();
    RRCollection sets;
    RRSampler(graph, model).generate(sets, 0, selection.rr_sets / 2, options.common.seed);
    const BudgetedSelection chosen = budgeted_max_coverage(sets, costs, options.budget);
    selection.algorithm += "+budget";
    selection.seeds = chosen.selection.seeds;
    selection.marginal_gain.clear();
    for (const auto c : chosen.selection.marginal_coverage) {
      selection.marginal_gain.push_back(static_cast<double>(n) * static_cast<double>(c) /
                                        static_cast<double>(sets.size()));
    }
    selection.estimated_spread = static_cast<double>(n) * static_cast<double>(chosen.selection.coverage) /
                                 static_cast<double>(sets.size());
    selection.guarantee = 0;
    selection.phases.push_back({"budgeted selection", std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count()});
    selection.notes.push_back(fmt::format(
        "budget {}: cost-effective greedy with the best-single safeguard on {} RR sets covers at "
        "least (1 - 1/e)/2 of the best affordable set on that sample{}",
        options.budget, sets.size(), chosen.single_node_won ? " (the single best node won)" : ""));
    budget_cost = chosen.cost;
  }
  const double selection_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // By default: until the 95% interval is within 1% of the estimate, from 100,000 up to 3.2 million
  // RR sets (or 10,000 up to 100,000 simulations); --validation N fixes the count.
  const ValidatedSpread validated =
      options.validation > 0
          ? validate_spread(graph, model, selection.seeds, options.validation, options.common.seed)
          : validate_spread(graph, model, selection.seeds, rr_model ? 100'000 : 10'000,
                            options.common.seed, 0.01, rr_model ? 3'200'000 : 100'000);
  if (!options.out.empty()) {
    std::string text;
    for (const NodeId v : selection.seeds) text += graph.label(v) + "\n";
    write_output_file(options.out, text);
  }

  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  const double delta = selection.failure_probability;
  if (options.common.json) {
    nlohmann::ordered_json json;
    json["graph"] = graph.load_report().source;
    json["nodes"] = n;
    json["arcs"] = graph.num_arcs();
    json["model"] = model.to_string();
    json["probability"] = probability;
    json["algorithm"] = selection.algorithm;
    json["k"] = selection.seeds.size();
    if (sampling) {
      json["eps"] = options.epsilon;
      json["delta"] = delta;
    }
    json["seed"] = options.common.seed;
    nlohmann::ordered_json seeds = nlohmann::ordered_json::array();
    for (const NodeId v : selection.seeds) seeds.push_back(graph.label(v));
    json["seeds"] = seeds;
    json["marginal_gains"] = selection.marginal_gain;
    json["spread"] = validated.spread.mean;
    json["spread_stderr"] = validated.spread.standard_error;
    json["spread_ci95"] = {validated.spread.low, validated.spread.high};
    json["validation"] = {{"method", validated.by_rr_sets ? "independent RR sets" : "independent Monte Carlo runs"},
                          {"samples", validated.samples}};
    json["selection_estimate"] = selection.estimated_spread;
    json["guarantee"] = selection.guarantee;
    json["failure_probability"] = selection.guarantee > 0 ? nlohmann::ordered_json(delta) : nullptr;
    if (budgeted) json["cost"] = budget_cost;
    json["rr_sets"] = selection.rr_sets;
    json["simulations"] = selection.simulations;
    json["sample_bytes"] = selection.sample_bytes;
    json["peak_resident_bytes"] = peak_resident_bytes();
    nlohmann::ordered_json phases;
    for (const Phase& p : selection.phases) phases[p.name] = p.seconds;
    phases["validation"] = validated.seconds;
    json["timing"] = {{"phases", phases}, {"selection_seconds", selection_seconds}, {"threads", num_threads()}};
    json["notes"] = selection.notes;
    fmt::print("{}\n", json.dump(2));
    return;
  }
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source, with_commas(n),
             with_commas(graph.num_arcs()));
  fmt::print("model       {} with probabilities {}\n", model.to_string(), probability);
  fmt::print("algorithm   {}{}; seed {}\n", selection.algorithm,
             sampling ? fmt::format(", eps {}, delta {:.3g}", options.epsilon, delta) : std::string(),
             options.common.seed);
  fmt::print("\nrank  seed{}  marginal gain\n", std::string(16, ' '));
  for (std::size_t i = 0; i < selection.seeds.size(); ++i) {
    fmt::print("{:>4}  {:<20}  {}\n", i + 1, graph.label(selection.seeds[i]),
               i < selection.marginal_gain.size() ? fmt::format("{:.2f}", selection.marginal_gain[i])
                                                  : std::string("-"));
  }
  fmt::print("\nspread      {:.1f} +/- {:.1f} people (95% interval [{:.1f}, {:.1f}]), seeds included;\n"
             "            from {} {} independent of the selection\n",
             validated.spread.mean, 1.96 * validated.spread.standard_error, validated.spread.low,
             validated.spread.high, with_commas(validated.samples),
             validated.by_rr_sets ? "RR sets" : "Monte Carlo runs");
  if (budgeted) fmt::print("cost        {:g} of budget {:g}\n", budget_cost, options.budget);
  if (selection.guarantee > 0) {
    fmt::print("guarantee   at least {:.4f} x the optimal spread, with probability at least 1 - {:.3g}\n",
               selection.guarantee, delta);
  } else {
    fmt::print("guarantee   none proven\n");
  }
  if (selection.rr_sets > 0) fmt::print("rr sets     {} for the selection\n", with_commas(selection.rr_sets));
  if (selection.simulations > 0) fmt::print("simulations {}\n", with_commas(selection.simulations));
  std::string phases;
  for (const Phase& p : selection.phases) phases += fmt::format("{} {:.3f} s | ", p.name, p.seconds);
  fmt::print("time        {}validation {:.3f} s; selection total {:.3f} s on {} threads\n", phases,
             validated.seconds, selection_seconds, num_threads());
  fmt::print("memory      samples {}; peak resident {}\n", human_bytes(selection.sample_bytes),
             human_bytes(peak_resident_bytes()));
  for (const std::string& note : selection.notes) fmt::print("note        {}\n", note);
}

}  // namespace

void register_seeds(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("seeds", "Who to seed: influence maximization");
  add_graph_options(command, options->graph,
                    "Arc probabilities: wc (1/in-degree of the target; default), const:P, "
                    "trivalency, weight, weight-normalized");
  command->add_option("-k", options->k, "Number of seeds");
  command->add_option("--model", options->model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  command->add_option("--algo", options->algorithm,
                      "auto (OPIM-C refined to IMM quality; CELF++ for models RR sets cannot "
                      "handle), opim-c, imm, celf, degree, degree-discount, pagerank, random")
      ->capture_default_str();
  command->add_option("--eps", options->epsilon, "Approximation slack: 1 - 1/e - eps")
      ->capture_default_str();
  command->add_option("--delta", options->delta, "Failure probability (default 1/n)");
  command->add_option("--time-limit", options->time_limit,
                      "OPIM-C: return the best seeds after this many seconds with their proven ratio");
  command->add_option("--validation", options->validation,
                      "Independent samples for the reported spread (default: until the 95% "
                      "interval is within 1%, 100,000 to 3.2 million RR sets, or 10,000 to 100,000 "
                      "simulations)");
  command->add_option("--runs", options->runs, "CELF++: simulations per spread evaluation")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))
      ->capture_default_str();
  command->add_option("--candidates", options->candidates,
                      "CELF++: consider only the C highest out-degree people (default: all up to "
                      "5,000 people, else 2,000)");
  command->add_option("--costs", options->costs_file, "File of 'label,cost' lines (an influencer's fee)");
  command->add_option("--budget", options->budget, "Total cost the seeds may have");
  command->add_option("--default-cost", options->default_cost,
                      "Cost of people not in --costs")->capture_default_str();
  command->add_option("--out", options->out, "Write the seed labels, one per line");
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

// cascade seeds GRAPH -k K: who to seed. Influence maximization with the guarantees of OPIM-C and
// IMM, greedy by simulation for the models sampling cannot handle, budgets, and baselines.
#include <fmt/format.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/interrupt.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "cascade/io/label_file.h"
#include "cascade/rrset/reach_objective.h"
#include "cascade/text.h"
#include "cascade/parallel/parallel_for.h"
#include "options.h"

namespace cascade::cli {
namespace {

extern "C" void request_stop_on_signal(int) {
  request_stop();
  struct sigaction action{};
  action.sa_handler = SIG_DFL;  // the next Ctrl-C ends the process
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
}

// SIGINT asks the selection to stop (interrupt.h: request_stop) for as long as it lives, where
// SIGINT had its default action; the default comes back afterwards.
class StopOnInterrupt {
 public:
  StopOnInterrupt() {
    clear_stop();
    struct sigaction current{};
    if (::sigaction(SIGINT, nullptr, &current) != 0) return;
    if ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != SIG_DFL) return;
    struct sigaction action{};
    action.sa_handler = request_stop_on_signal;
    sigemptyset(&action.sa_mask);
    installed_ = ::sigaction(SIGINT, &action, nullptr) == 0;
  }
  ~StopOnInterrupt() {
    if (!installed_) return;
    struct sigaction action{};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
  }
  StopOnInterrupt(const StopOnInterrupt&) = delete;
  StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;

 private:
  bool installed_ = false;
};

constexpr std::uint32_t kNoDeadline = std::numeric_limits<std::uint32_t>::max();

struct Options {
  GraphOptions graph;
  CommonOptions common;
  SeedRequest request;
  std::uint32_t deadline = kNoDeadline;
  std::string costs_file;
  std::string window = "default";

  std::string targets_file;
  std::string reached_file;
  std::string against_file;
  std::string max_memory;  // --max-memory as typed; empty: the library's default
  std::string out;
  std::string prior = "1,1";
  double reach = std::numeric_limits<double>::quiet_NaN();  // --reach; NaN: none
};

// The audience's people and weight, not counting those already reached (the library's rule).
std::pair<std::size_t, double> audience_of(const Graph& graph, const SeedRequest& request) {
  std::size_t people = 0;
  double total = 0;
  for (const double w : counted_weights(graph, {request.targets, request.reached, {}, false})) {
    people += w > 0 ? 1 : 0;
    total += w;
  }
  return {people, total};
}

// The reach goal's proven statement, in words.
std::vector<std::string> reach_goal_lines(const ReachGoal& goal, double eps, double delta) {
  std::vector<std::string> lines = {fmt::format(
      "goal        expected reach {} (seeding everyone reaches {})", number_text(goal.goal),
      number_text(goal.everyone))};
  lines.push_back(fmt::format(
      "guarantee   with probability at least 1 - {:.3g}: expected reach at least {}{}", delta,
      with_commas(goal.proven_reach, 1),
      goal.proven ? fmt::format(" >= (1 - eps) x {} = {}", number_text(goal.goal),
                                with_commas((1 - eps) * goal.goal, 1))
                  : fmt::format(", NOT proven (1 - eps) x the goal = {}",
                                with_commas((1 - eps) * goal.goal, 1))));
  lines.push_back(fmt::format(
      "            and {} {} {}, at most {} x the {} of any set whose expected reach is {} "
      "(at least {})",
      goal.by_fees ? "fees" : "seeds", number_text(goal.cost), goal.by_fees ? "spent" : "chosen",
      std::isfinite(goal.size_ratio) ? fmt::format("{:.2f}", goal.size_ratio) : "inf",
      goal.by_fees ? "fees" : "number of seeds", number_text(goal.goal),
      goal.by_fees ? with_commas(goal.optimum_lower, 2) : with_commas(static_cast<std::uint64_t>(std::ceil(goal.optimum_lower)))));
  return lines;
}

nlohmann::ordered_json reach_goal_json(const ReachGoal& goal, double eps, double delta) {
  return {{"goal", goal.goal},
          {"everyone", goal.everyone},
          {"proven_reach", goal.proven_reach},
          {"proven", goal.proven},
          {"cost_in", goal.by_fees ? "fees" : "seeds"},
          {"cost", goal.cost},
          {"optimum_lower", goal.optimum_lower},
          {"size_ratio", std::isfinite(goal.size_ratio) ? nlohmann::ordered_json(goal.size_ratio)
                                                        : nlohmann::ordered_json(nullptr)},
          {"statement", fmt::format(
              "with probability at least 1 - {:.3g}: expected reach >= {:g}{} and {} <= {} x "
              "those of any set whose expected reach is {:g}",
              delta, goal.proven_reach,
              goal.proven ? fmt::format(" >= (1 - {:g}) x {:g}", eps, goal.goal) : " (goal not proven)",
              goal.by_fees ? "fees" : "seeds",
              std::isfinite(goal.size_ratio) ? fmt::format("{:.4g}", goal.size_ratio) : "inf",
              goal.goal)}};
}

std::string phase_key(std::string name) {
  for (char& c : name) {
    if (c == ' ' || c == '-') c = '_';
  }
  return name;
}

nlohmann::ordered_json against_json(const Graph& graph, const std::vector<NodeId>& against,
                                    const SeedResult& result) {
  const CompetitiveResult& b = *result.blocking;
  const bool bars = b.runs >= 2;
  nlohmann::ordered_json json;
  json["people"] = json_labels(graph, against);
  json["tie"] = to_string(result.tie);
  json["runs"] = b.runs;
  put_estimate(json, "rumor_alone", b.rumor_alone.mean, b.rumor_alone.standard_error,
               b.rumor_alone.low, b.rumor_alone.high, bars);
  put_estimate(json, "rumor", b.rumor.mean, b.rumor.standard_error, b.rumor.low, b.rumor.high,
               bars);
  put_estimate(json, "saved", b.saved.mean, b.saved.standard_error, b.saved.low, b.saved.high,
               bars);
  return json;
}

std::string interval_text(const Estimate& e, bool bars) {
  return bars ? fmt::format("{} (95% interval [{}, {}])", with_commas(e.mean, 1),
                            with_commas(e.low, 1), with_commas(e.high, 1))
              : with_commas(e.mean, 1) + " (no error bar from a single run)";
}

void print_blocking(const Graph& graph, const std::vector<NodeId>& against,
                    const SeedResult& result) {
  const CompetitiveResult& b = *result.blocking;
  const bool bars = b.runs >= 2;
  fmt::print("\nrumor       {} spreading it ({}); ties go to the {}\n",
             count_of(against.size(), "person", "people"), label_list(graph, against),
             to_string(result.tie));
  fmt::print("rumor alone {} people reached\n", interval_text(b.rumor_alone, bars));
  fmt::print("with seeds  {} people reached by the rumor\n", interval_text(b.rumor, bars));
  fmt::print("saved       {} people, from {} independent of the selection\n",
             interval_text(b.saved, bars), count_of(b.runs, "competitive run", "competitive runs"));
}

void run(Options options) {
  apply_common_options(options.common);
  SeedRequest& request = options.request;
  request.seed = options.common.seed;
  if (options.deadline != kNoDeadline) request.model.deadline = options.deadline;
  request.window = parse_window(options.window);
  request.prior = parse_prior(options.prior);
  options.graph.arc_evidence = request.draws > 0;
  const DiffusionModel checked_model = make_model(request.model);  // refused before any reading
  check_files({{"GRAPH", options.graph.path},
               {"--costs", options.costs_file},
               {"--log", request.log},
               {"--targets", options.targets_file},
               {"--reached", options.reached_file},
               {"--against", options.against_file}},
              {{"--out", options.out}});
  const Graph graph = load_graph_for(options.graph, checked_model, options.common.seed);
  if (!std::isnan(options.reach)) request.reach = options.reach;
  if (!options.costs_file.empty()) {
    if (request.budget == 0 && !request.reach) {
      throw UsageError("--costs: expected --budget B (the total the seeds' fees may reach) or "
                       "--reach R (the cheapest seeds that reach R) with it");
    }
    request.fees = read_fees(graph, options.costs_file, request.default_fee);
    request.default_fee = kDefaultFee;  // applied by read_fees
  }
  if (!options.targets_file.empty()) request.targets = read_targets(graph, options.targets_file);
  if (!options.reached_file.empty()) {
    request.reached = read_node_list(graph, options.reached_file, "reached person");
  }
  if (!options.against_file.empty()) {
    request.against = read_node_list(graph, options.against_file, "rumor spreader");
  }
  if (!options.max_memory.empty()) {
    const auto bytes = parse_byte_size(options.max_memory, physical_memory_bytes());
    if (!bytes) {
      throw UsageError(fmt::format("--max-memory: found '{}'; expected a size such as 2G, 512M, "
                                   "1.5GiB or 60% (of this machine's memory)",
                                   options.max_memory));
    }
    request.max_memory = *bytes;
  }
  const SeedResult result = [&] {
    // Ctrl-C while choosing: the anytime selectors finish their round and return the best seeds
    // so far with the ratio proven (a note says so); a second Ctrl-C ends the process.
    const StopOnInterrupt stop_on_interrupt;
    return select_seeds(graph, request);
  }();
  const bool targeted = !request.targets.empty();
  const auto [audience_people, audience_weight] =
      targeted ? audience_of(graph, request) : std::pair<std::size_t, double>{};
  const SeedSelection& selection = result.selection;
  const ValidatedSpread& validated = result.spread;
  const DiffusionModel& model = result.model;
  const bool sampling = result.sampling;
  const bool budgeted = result.budgeted;
  const std::optional<ReachGoal>& goal = result.reach_goal;
  const bool priced = budgeted || (goal && goal->by_fees);
  const double selection_seconds = result.selection_seconds;
  const NodeId n = graph.num_nodes();
  if (!options.out.empty()) {
    std::string text;
    for (const NodeId v : selection.seeds) text += csv_field(graph.label(v)) + "\n";
    write_output_file(options.out, text);
  }
  const double spent = result.spent;
  const bool error_bar = validated.samples >= 2;

  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  const double delta = selection.failure_probability;
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["model"] = model.to_string();
    json["fade"] = model.fade;
    json["deadline"] = model.has_deadline() ? nlohmann::ordered_json(model.deadline) : nullptr;
    json["probability"] = probability;
    json["algorithm"] = selection.algorithm;
    json["k"] = selection.seeds.size();
    if (sampling || budgeted) {
      json["eps"] = request.eps;
      json["delta"] = delta;
    }
    json["targets"] = targeted ? nlohmann::ordered_json{{"people", audience_people},
                                                        {"weight", audience_weight}}
                               : nlohmann::ordered_json(nullptr);
    json["reached"] = request.reached.size();
    json["seeds"] = json_labels(graph, selection.seeds);
    json["marginal_gains"] = selection.marginal_gain;
    const bool split = !selection.positive_gain.empty() || validated.sentiment;
    json["positive_gains"] = split ? nlohmann::ordered_json(selection.positive_gain)
                                   : nlohmann::ordered_json(nullptr);
    json["negative_gains"] = split ? nlohmann::ordered_json(selection.negative_gain)
                                   : nlohmann::ordered_json(nullptr);
    json["neg_weight"] = model.has_sentiment() ? nlohmann::ordered_json(request.neg_weight)
                                               : nlohmann::ordered_json(nullptr);
    if (priced) {
      json["fees"] = result.seed_fees;
      if (budgeted) json["budget"] = request.budget;
      json["spent"] = spent;
    }
    if (goal) json["reach_goal"] = reach_goal_json(*goal, request.eps, delta);
    if (result.blocking) {
      // The protectors' own message: the people who adopt it first, in competition.
      const Estimate& own = result.blocking->protected_people;
      put_estimate(json, "spread", own.mean, own.standard_error, own.low, own.high,
                   result.blocking->runs >= 2);
    } else {
      put_estimate(json, "spread", validated.spread.mean, validated.spread.standard_error,
                   validated.spread.low, validated.spread.high, error_bar);
    }
    if (validated.sentiment) {
      put_estimate(json, "positive", validated.positive.mean, validated.positive.standard_error,
                   validated.positive.low, validated.positive.high, error_bar);
      put_estimate(json, "negative", validated.negative.mean, validated.negative.standard_error,
                   validated.negative.low, validated.negative.high, error_bar);
    }
    json["validation"] = {
        {"method", result.blocking        ? "independent competitive runs"
                   : validated.by_rr_sets ? "independent RR sets"
                                          : "independent Monte Carlo runs"},
        {"samples", result.blocking ? result.blocking->runs : validated.samples}};
    if (result.blocking) json["against"] = against_json(graph, request.against, result);
    json["selection_estimate"] = selection.estimated_spread;
    json["guarantee"] = selection.guarantee;
    json["failure_probability"] = selection.guarantee > 0 ? nlohmann::ordered_json(delta) : nullptr;
    json["rr_sets"] = selection.rr_sets;
    json["simulations"] = selection.simulations;
    json["sample_bytes"] = selection.sample_bytes;
    json["peak_resident_bytes"] = peak_resident_bytes();
    nlohmann::ordered_json timing;
    timing["load"] = graph.load_report().seconds;
    for (const Phase& p : selection.phases) timing[phase_key(p.name)] = p.seconds;
    timing["selection_total"] = selection_seconds;
    timing["validation"] = validated.seconds;
    json["timing"] = timing;
    if (result.credit) {
      const CreditSummary& credit = *result.credit;
      json["credit"] = {
          {"objective", "sigma_cd: adopters credited on the log (credit-distribution model); "
                        "marginal_gains and selection_estimate are in its units, while spread is "
                        "the model's spread under the graph's probabilities, validated "
                        "independently"},
          {"log", credit.log},
          {"log_format", request.log_format},
          {"window", window_json(credit.window)},
          {"threshold", credit.threshold},
          {"items", credit.items},
          {"adoptions", credit.adoptions},
          {"outside_adoptions", credit.outside_adoptions},
          {"adopters", credit.adopters},
          {"credited_adoptions", credit.credited_adoptions},
          {"credit_entries", credit.credit_entries},
          {"sigma_cd", credit.sigma_cd},
          {"sigma_cd_guarantee", credit.sigma_cd_guarantee}};
    }
    json["notes"] = selection.notes;
    if (result.from_data) json["from_the_data"] = data_interval_json(*result.from_data);
    print_json(json);
    return;
  }
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source, with_commas(n),
             with_commas(graph.num_arcs()));
  fmt::print("model       {} with probabilities {}{}{}\n", model.to_string(), probability,
             model.has_fading() ? fmt::format("; fade {}", model.fade) : "",
             model.has_deadline() ? fmt::format("; deadline step {}", model.deadline) : "");
  if (targeted) {
    fmt::print("audience    {} people, total weight {}{}\n", with_commas(audience_people),
               number_text(audience_weight),
               request.reached.empty() ? "" : " (not counting those already reached)");
  }
  if (!request.reached.empty()) {
    fmt::print("reached     {} already reached: seeds chosen among the other {}, the spread counts "
               "new people only\n",
               count_of(request.reached.size(), "person", "people"),
               with_commas(n - request.reached.size()));
  }
  fmt::print("algorithm   {}{}; seed {}\n", selection.algorithm,
             sampling || budgeted ? fmt::format(", eps {}, delta {:.3g}", request.eps, delta)
                                  : std::string(),
             options.common.seed);
  std::size_t label_width = 4;
  for (const NodeId v : selection.seeds) {
    label_width = std::max(label_width, display_width(table_label(graph.label(v))));
  }
  label_width = std::min<std::size_t>(label_width, 40);
  if (result.credit) {
    const CreditSummary& credit = *result.credit;
    fmt::print("log         {}: {} items, {} adoptions by {} people of the graph;\n"
               "            window {}{}, credits below {} dropped\n",
               credit.log, with_commas(credit.items), with_commas(credit.adoptions),
               with_commas(credit.adopters), window_text(credit.window),
               request.window > 0 ? "" : " (the default for this log)", credit.threshold);
  }
  const bool split_gains = !selection.positive_gain.empty();
  fmt::print("\nrank  {}  marginal gain{}{}\n", pad_right("seed", label_width),
             priced ? "  fee" : result.credit ? " (sigma_cd)" : "",
             split_gains ? "   positive   negative" : "");
  for (std::size_t i = 0; i < selection.seeds.size(); ++i) {
    const NodeId v = selection.seeds[i];
    fmt::print("{:>4}  {}  {:>13}{}{}\n", i + 1, pad_right(table_label(graph.label(v)), label_width),
               i < selection.marginal_gain.size() ? with_commas(selection.marginal_gain[i], 2)
                                                  : std::string("-"),
               priced ? "  " + number_text(result.seed_fees[i]) : std::string(),
               split_gains && i < selection.positive_gain.size()
                   ? fmt::format(" {:>10} {:>10}", with_commas(selection.positive_gain[i], 2),
                                 with_commas(selection.negative_gain[i], 2))
                   : std::string());
  }
  if (model.has_sentiment()) {
    fmt::print("objective   positive reach{} (never the total: unhappy customers count against, "
               "not for)\n",
               request.neg_weight > 0 ? fmt::format(" - {:g} x negative reach", request.neg_weight)
                                      : std::string());
  }
  if (result.credit) {
    fmt::print("\nsigma_cd    {} adopters credited on the log (the credit-distribution model's "
               "objective,\n            which the seeds were chosen for)",
               with_commas(result.credit->sigma_cd, 2));
  }
  if (result.blocking) {
    print_blocking(graph, request.against, result);
  } else {
  fmt::print("\nspread      {}{}{}{}, seeds included{};\n"
             "            from {} independent of the selection\n",
             with_commas(validated.spread.mean, 1),
             targeted ? fmt::format(" of the audience's weight {}", number_text(audience_weight))
                      : std::string(" people"),
             model.has_deadline() ? fmt::format(" by step {}", model.deadline) : std::string(),
             error_bar ? fmt::format(" (95% interval [{}, {}])", with_commas(validated.spread.low, 1),
                                     with_commas(validated.spread.high, 1))
                       : std::string(" (no error bar from a single sample)"),
             request.reached.empty() ? std::string() : std::string(", new people only"),
             validated.by_rr_sets ? count_of(validated.samples, "RR set", "RR sets")
                                  : count_of(validated.samples, "Monte Carlo run", "Monte Carlo runs"));
  }
  if (validated.sentiment) {
    fmt::print("            positive {} (95% interval [{}, {}]), negative {} (95% interval [{}, {}])\n",
               with_commas(validated.positive.mean, 1), with_commas(validated.positive.low, 1),
               with_commas(validated.positive.high, 1), with_commas(validated.negative.mean, 1),
               with_commas(validated.negative.low, 1), with_commas(validated.negative.high, 1));
  }
  if (result.credit) {
    fmt::print("            under {} with probabilities {}: a check under a model the seeds were "
               "not chosen for\n",
               model.to_string(), probability);
  }
  if (result.from_data) {
    const DataInterval& data = *result.from_data;
    fmt::print("from data   95% interval [{}, {}];\n            {}\n",
               with_commas(data.low, 1), with_commas(data.high, 1),
               data_interval_details(data, 1));
    const std::string width_note =
        error_bar ? data_interval_width_note(data, validated.spread.low, validated.spread.high)
                  : "";
    if (!width_note.empty()) fmt::print("note        {}\n", width_note);
    for (const std::string& note : data.notes) fmt::print("note        {}\n", note);
  }
  if (budgeted) {
    fmt::print("fees        {} spent of a budget of {}\n", number_text(spent),
               number_text(request.budget));
  }
  if (goal && goal->by_fees) fmt::print("fees        {} spent\n", number_text(spent));
  if (goal) {
    for (const std::string& line : reach_goal_lines(*goal, request.eps, delta)) {
      fmt::print("{}\n", line);
    }
  } else if (result.credit) {
    fmt::print("guarantee   at least {:.4f} x the best sigma_cd (greedy on a monotone submodular "
               "function); none proven on the spread\n",
               result.credit->sigma_cd_guarantee);
  } else if (selection.guarantee > 0) {
    fmt::print("guarantee   at least {:.4f} x the {}, with probability at least 1 - {:.3g}\n",
               selection.guarantee,
               result.blocking                ? "optimal number of people saved"
               : model.has_sentiment()        ? "best positive reach of k seeds"
                                              : "optimal spread",
               delta);
  } else {
    fmt::print("guarantee   none proven\n");
  }
  if (selection.rr_sets > 0) fmt::print("rr sets     {} for the selection\n", with_commas(selection.rr_sets));
  if (selection.simulations > 0) fmt::print("simulations {}\n", with_commas(selection.simulations));
  std::string phases;
  for (const Phase& p : selection.phases) phases += fmt::format("{} {:.3f} s | ", p.name, p.seconds);
  fmt::print("time        {}validation {:.3f} s; selection total {:.3f} s on {}\n", phases,
             validated.seconds, selection_seconds,
             count_of(static_cast<std::uint64_t>(num_threads()), "thread", "threads"));
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
  command->add_option("-k", options->request.k, "Number of seeds (with --budget: at most this many)")
      ->check(whole_number(1, std::numeric_limits<NodeId>::max()));
  command->add_option("--model", options->request.model.model,
                      "ic, lt, threshold:N[,prob], threshold:F[,prob], icn:q=Q,neg=M")
      ->capture_default_str();
  command->add_option("--fade", options->request.model.fade,
                      "Multiply influence by (1 - F) at each step after the seeds (CELF++)")
      ->check(real_number(0, 1, false, true));
  command->add_option("--deadline", options->deadline,
                      "Count only who is reached by this step (RR sets cut at this depth for ic "
                      "and lt; CELF++ for other models and with --fade)")
      ->check(whole_number(0, kNoDeadline - 1));
  command->add_option("--algo", options->request.algo,
                      "auto (OPIM-C refined to IMM quality; positive-reach RR samples under icn "
                      "with neg=1; CELF++ for models RR sets cannot handle), opim-c, imm, celf, credit (from --log, no probabilities), degree, "
                      "degree-discount, pagerank, random")
      ->capture_default_str();
  command->add_option("--eps", options->request.eps, "Approximation slack: 1 - 1/e - eps")
      ->check(real_number(0, 1, true, true))
      ->capture_default_str();
  command->add_option("--delta", options->request.delta, "Failure probability (default 1/n)")
      ->check(real_number(0, 1, true, true));
  command->add_option("--time-limit", options->request.time_limit,
                      "opim-c and auto: return the best seeds after this many seconds with their "
                      "proven ratio")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), true, true));
  command->add_option("--max-memory", options->max_memory,
                      "RR samples may take at most this (2G, 512M, 1.5GiB, 60%; default 80% of "
                      "physical memory): refused before sampling when the first round cannot "
                      "fit, else the best seeds so far with their proven ratio");
  command->add_option("--validation", options->request.validation,
                      "Independent samples for the reported spread (default: until the 95% "
                      "interval is within 1%: 100,000 to 3.2 million RR sets, or Monte Carlo runs "
                      "in batches from 1,000 up to 100,000)")
      ->check(whole_number(1, 1'000'000'000'000));
  command->add_option("--neg-weight", options->request.neg_weight,
                      "icn: the seeds maximize positive reach - L x negative reach (default 0: "
                      "positive reach alone)")
      ->check(real_number(0, 1e6, false, false))
      ->capture_default_str();
  command->add_option("--runs", options->request.runs, "CELF++: simulations per spread evaluation")
      ->check(whole_number(1, 100'000'000))
      ->capture_default_str();
  command->add_option("--candidates", options->request.candidates,
                      "CELF++: consider only the C highest out-degree people (default: all up to "
                      "5,000 people, else 2,000)")
      ->check(whole_number(1, std::numeric_limits<NodeId>::max()));
  command->add_option("--reach", options->reach,
                      "Instead of -k: the fewest seeds (the cheapest, with --costs) whose expected "
                      "reach is at least R (audience weight with --targets, new people with "
                      "--reached), reach >= (1 - eps) R proven")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), true, true));
  command->add_option("--costs", options->costs_file,
                      "File of 'label,fee' lines (an influencer's fee; CSV quoting rules)")
      ->check(nonempty_path());
  command->add_option("--budget", options->request.budget, "Total the seeds' fees may reach")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), true, true));
  command->add_option("--default-cost", options->request.default_fee,
                      "Fee of people not in --costs (with --budget)")
      ->check(real_number(0, std::numeric_limits<double>::infinity(), true, true))
      ->capture_default_str();
  command->add_option("--log", options->request.log,
                      "credit: the adoption log to choose from (the credit-distribution model, "
                      "Goyal et al., VLDB 2011)")
      ->check(nonempty_path());
  command->add_option("--log-format", options->request.log_format, "credit: actions or cascades")
      ->capture_default_str();
  command->add_option("--window", options->window,
                      "credit: how long after u's adoption v's can be credited to u: a number, "
                      "inf, or default (1 for integer steps, inf for time stamps)")
      ->capture_default_str();
  command->add_option("--targets", options->targets_file,
                      "File of 'label[,weight]' lines (weight 1 if none): maximize the weighted "
                      "reach inside this audience (ic and lt, RR-set algorithms)")
      ->check(nonempty_path());
  command->add_option("--reached", options->reached_file,
                      "File of labels already reached by an earlier phase: seed among the others "
                      "for new reach, the reached relaying nothing (ic and lt, RR-set algorithms)")
      ->check(nonempty_path());
  command->add_option("--against", options->against_file,
                      "File of labels already spreading a negative message: choose k protectors "
                      "that save the most people from it (competitive ic, OPIM-C)")
      ->check(nonempty_path());
  command->add_option("--tie", options->request.tie,
                      "With --against: who wins when both messages reach someone at the same "
                      "step, protector or rumor")
      ->capture_default_str();
  command->add_option("--out", options->out,
                      "Write the seed labels, one per line (CSV quoting rules)")
      ->check(nonempty_path());
  add_draw_options(command, options->request.draws, options->prior);
  add_common_options(command, options->common);
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

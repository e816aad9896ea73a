// select_seeds: the algorithm registry, the `auto` policy, budgets, and the independent
// validation of the spread, decided once for every front end.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cascade/api/requests.h"
#include "draws.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/seeding/budgeted.h"
#include "cascade/campaign/adoption_log.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/credit_distribution.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/imm.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/seeding/rumor_blocking.h"
#include "cascade/seeding/positive_reach.h"
#include "cascade/seeding/reach_goal.h"
#include "cascade/text.h"

namespace cascade {
namespace {

const AlgorithmInfo* find_algorithm(const std::string& name) {
  for (const AlgorithmInfo& info : seed_algorithms()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

std::string algorithm_names() {
  std::string names;
  const auto& all = seed_algorithms();
  for (std::size_t i = 0; i < all.size(); ++i) {
    names += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i].name;
  }
  return names;
}

// CELF++'s candidates when none are asked for: everyone up to 5,000 people, else the 2,000
// highest out-degree people.
std::uint32_t default_candidates(NodeId n) { return n <= 5000 ? n : 2000; }

// select_seeds with against: protectors that save the most people from the rumor, checked by
// competitive runs no selection used.
SeedResult block_rumor(const Graph& graph, const SeedRequest& request, SeedResult out) {
  const DiffusionModel& model = out.model;
  if (request.algo != "auto" && request.algo != "opim-c") {
    throw UsageError("algo", fmt::format("found {} with against; expected auto or opim-c (rumor "
                                         "blocking samples RR sets under OPIM-C)",
                                         request.algo));
  }
  if (model.kind != ModelKind::kIndependentCascade || model.has_fading() || model.has_deadline()) {
    throw UsageError("model", fmt::format("found {}{}{} with against; expected ic without fade or "
                                          "deadline (rumor blocking under competitive ic)",
                                          model.to_string(),
                                          model.has_fading() ? " with fade" : "",
                                          model.has_deadline() ? " with a deadline" : ""));
  }
  const char* refused = request.budget != 0 || !request.fees.empty() ? "budget"
                        : !request.targets.empty()                   ? "targets"
                        : !request.reached.empty()                   ? "reached"
                        : request.draws > 0                          ? "draws"
                        : request.neg_weight != 0                    ? "neg_weight"
                        : !request.log.empty()                       ? "log"
                        : request.runs != kDefaultCelfRuns           ? "runs"
                        : request.candidates != 0                    ? "candidates"
                                                                     : nullptr;
  if (refused != nullptr) {
    throw UsageError(refused, "does not apply with against (rumor blocking chooses k protectors "
                              "for everyone's sake)");
  }
  if (request.k == 0) throw UsageError("k", "found 0; expected the number of protectors (at least 1)");
  if (!(request.eps > 0 && request.eps < 1)) {
    throw UsageError("eps", fmt::format("found {}; expected a number in (0, 1)", request.eps));
  }
  if (request.delta != 0 && !(request.delta > 0 && request.delta < 1)) {
    throw UsageError("delta", fmt::format("found {}; expected a number in (0, 1)", request.delta));
  }
  if (request.time_limit != 0 && !(request.time_limit > 0 && std::isfinite(request.time_limit))) {
    throw UsageError("time_limit", fmt::format("found {}; expected a positive number of seconds",
                                               request.time_limit));
  }
  out.tie = parse_tie_rule(request.tie);
  check_model(graph, model);
  check_reach_objective(graph, ReachObjective{{}, {}, request.against, false});
  const NodeId eligible = graph.num_nodes() - static_cast<NodeId>(request.against.size());
  if (request.k > eligible) {
    throw UsageError("k", fmt::format("found {}; expected at most {} (the people not spreading "
                                      "the rumor)",
                                      group_digits(request.k), group_digits(eligible)));
  }
  out.sampling = true;
  const auto start = std::chrono::steady_clock::now();
  RumorBlockingOptions options;
  options.k = request.k;
  options.epsilon = request.eps;
  options.delta = request.delta;
  options.seed = request.seed;
  options.time_limit = request.time_limit;
  options.against = request.against;
  options.tie = out.tie;
  out.selection = rumor_blocking(graph, model, options);
  out.selection_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CompetitiveOptions check;
  check.runs = request.validation > 0 ? request.validation : kBlockingValidationRuns;
  check.seed = request.seed;
  check.tie = out.tie;
  check.purpose = StreamPurpose::kBlockingValidation;
  out.blocking = simulate_competitive(graph, request.against, out.selection.seeds, check);
  out.spread.samples = 0;
  out.spread.by_rr_sets = false;
  out.spread.seconds = out.blocking->seconds;
  return out;
}

}  // namespace

const std::vector<AlgorithmInfo>& seed_algorithms() {
  static const std::vector<AlgorithmInfo> kAlgorithms = {
      {"auto", false, true, true,
       "(1 - 1/e - eps) with probability 1 - delta (OPIM-C refined) for ic and lt, with or "
       "without deadline; for icn with neg=1 the ratio proven a posteriori on positive-reach RR "
       "samples; CELF++ for other models and fade"},
      {"opim-c", true, true, true, "(1 - 1/e - eps) with probability 1 - delta"},
      {"imm", true, false, true, "(1 - 1/e - eps) with probability 1 - 1/n"},
      {"celf", false, false, false,
       "none proven with sampled spreads; exact greedy is (1 - 1/e) for ic and lt"},
      {"credit", false, false, false,
       "(1 - 1/e) of the best sigma_cd, the credit-distribution model's spread on the adoption "
       "log (greedy on a monotone submodular function); none on a spread under probabilities"},
      {"degree", false, false, false, "none: a baseline"},
      {"degree-discount", false, false, false, "none: a baseline"},
      {"pagerank", false, false, false, "none: a baseline"},
      {"random", false, false, false, "none: a baseline"},
  };
  return kAlgorithms;
}

std::uint64_t effective_max_memory(std::uint64_t max_memory) {
  if (max_memory > 0) return max_memory;
  return static_cast<std::uint64_t>(kDefaultMemoryShare *
                                    static_cast<double>(physical_memory_bytes()));
}

SeedResult select_seeds(const Graph& graph, const SeedRequest& request) {
  SeedResult out;
  out.model = make_model(request.model);
  const DiffusionModel& model = out.model;
  const AlgorithmInfo* info = find_algorithm(request.algo);
  if (info == nullptr) {
    throw UsageError("algo", fmt::format("found '{}'; expected {}", request.algo, algorithm_names()));
  }
  if (!request.against.empty()) return block_rumor(graph, request, std::move(out));
  if (request.tie != "protector") {
    parse_tie_rule(request.tie);
    throw UsageError("tie", "applies only with against (rumor blocking)");
  }
  const bool rr_model = supports_rr_sets(model);
  // icn with neg=1, positive reach alone, the whole network: RR samples with shortest-path DAGs
  // (positive_reach.h); otherwise CELF++, which handles every other icn case.
  const bool positive_rr = supports_positive_reach_rr(model) && request.neg_weight == 0 &&
                           request.targets.empty() && request.reached.empty() &&
                           request.budget == 0 && request.fees.empty() &&
                           (request.algo == "auto" || request.algo == "opim-c");
  const std::string timing_rules =
      fmt::format("{}{}", model.has_fading() ? fmt::format(" with fade {}", model.fade) : "",
                  model.has_deadline() ? fmt::format(" with deadline {}", model.deadline) : "");
  if (info->rr_models_only && !rr_model && !positive_rr) {
    throw UsageError("algo", fmt::format("{} samples reverse-reachable sets, which model ic and lt "
                                         "without fade; found model {}{}; expected "
                                         "algo celf (or auto) for this model",
                                         request.algo, model.to_string(), timing_rules));
  }
  const NodeId n = graph.num_nodes();
  if (request.reach) {
    // A reach goal chooses the number of seeds, on RR sets; with fees it finds the cheapest.
    const char* field = request.k != 0                              ? "k"
                        : request.budget != 0                       ? "budget"
                        : request.time_limit != 0                   ? "time_limit"
                        : !(rr_model && request.algo == "auto")     ? "algo"
                                                                    : nullptr;
    if (field != nullptr) {
      throw UsageError(field, fmt::format(
          "does not combine with reach{}: the goal sets how many seeds there are (or what they "
          "cost); expected reach with algo auto, an ic or lt model without fade, and no k, budget "
          "or time limit",
          field == std::string("algo") ? fmt::format(" (found algo {} and model {}{})", request.algo,
                                                     model.to_string(), timing_rules)
                                       : std::string()));
    }
  }
  out.budgeted = !request.reach && (request.budget != 0 || !request.fees.empty());
  if (out.budgeted) {
    if (!(request.budget > 0) || !std::isfinite(request.budget)) {
      throw UsageError("budget", fmt::format("found {}; expected a positive number (the total the "
                                             "seeds' fees may reach)",
                                             request.budget));
    }
    if (!(rr_model && (request.algo == "auto" || request.algo == "opim-c"))) {
      throw UsageError("budget", fmt::format("found algo {} and model {}{}; expected algo auto or "
                                             "opim-c with an ic or lt model (budgets are chosen on "
                                             "RR sets)",
                                             request.algo, model.to_string(), timing_rules));
    }
    if (!request.fees.empty() && request.fees.size() != n) {
      throw UsageError("fees", fmt::format("found {}; expected one per node ({})",
                                           request.fees.size(), n));
    }
    if (request.fees.empty() && (!(request.default_fee > 0) || !std::isfinite(request.default_fee))) {
      throw UsageError("default_fee", fmt::format("found {}; expected a positive number",
                                                  request.default_fee));
    }
  } else if (request.k == 0 && !request.reach) {
    throw UsageError("k", "found 0; expected the number of seeds (at least 1) or a reach goal");
  }
  if (request.neg_weight != 0) {
    if (!(request.neg_weight > 0) || !std::isfinite(request.neg_weight)) {
      throw UsageError("neg_weight", fmt::format("found {}; expected a number at least 0",
                                                 request.neg_weight));
    }
    if (!model.has_sentiment()) {
      throw UsageError("neg_weight", fmt::format("found {} with model {}; expected a model with "
                                                 "positive and negative word of mouth (icn)",
                                                 request.neg_weight, model.to_string()));
    }
  }
  if (request.k > n) {
    throw UsageError("k", fmt::format("found {}; expected at most {} (the number of nodes)",
                                      group_digits(request.k), group_digits(n)));
  }
  const std::string selected = positive_rr ? "positive-reach-rr"
                               : request.algo == "auto" ? (rr_model ? "opim-c+refine" : "celf++")
                                                        : request.algo;
  const bool anytime = info->anytime && (request.algo != "auto" || rr_model) && !positive_rr;
  if (request.time_limit != 0 && !(request.time_limit > 0 && std::isfinite(request.time_limit))) {
    throw UsageError("time_limit", fmt::format("found {}; expected a positive number of seconds",
                                               request.time_limit));
  }
  if (request.time_limit > 0 && !anytime) {
    throw UsageError("time_limit",
                     fmt::format("does not apply to algo {}{}; expected algo opim-c or auto with an "
                                 "ic or lt model (they return the best seeds so far with the ratio "
                                 "proven)",
                                 request.algo, request.algo == "auto" ? " under model " + model.to_string() : ""));
  }
  out.sampling = selected == "opim-c+refine" || selected == "opim-c" || selected == "imm" ||
                 positive_rr || request.reach.has_value();
  if (!(request.eps > 0 && request.eps < 1)) {
    throw UsageError("eps", fmt::format("found {}; expected a number in (0, 1)", request.eps));
  }
  if (request.delta != 0 && !(request.delta > 0 && request.delta < 1)) {
    throw UsageError("delta", fmt::format("found {}; expected a number in (0, 1)", request.delta));
  }
  const std::string no_ratio = selected == "credit" ? "which samples nothing (its 1 - 1/e is exact "
                                                      "on the log's model)"
                                                    : "which proves no ratio";
  if (!out.sampling && !out.budgeted && request.eps != kDefaultEps) {
    throw UsageError("eps", fmt::format("does not apply to algo {}, {}", selected, no_ratio));
  }
  if (!out.sampling && !out.budgeted && request.delta != 0) {
    throw UsageError("delta", fmt::format("does not apply to algo {}, {}", selected, no_ratio));
  }
  if (request.runs == 0) throw UsageError("runs", "found 0; expected at least 1");
  // Options that do not apply are refused rather than silently ignored.
  const bool by_simulation = selected == "celf++" || selected == "celf";
  if (!by_simulation && request.runs != kDefaultCelfRuns) {
    throw UsageError("runs", fmt::format("applies to CELF++ (algo celf, or auto under models RR "
                                         "sets cannot handle); found algo {}",
                                         selected));
  }
  if (!by_simulation && request.candidates != 0) {
    throw UsageError("candidates", fmt::format("applies to CELF++ (algo celf, or auto under "
                                               "models RR sets cannot handle); found algo {}",
                                               selected));
  }
  if (!out.budgeted && request.default_fee != kDefaultFee) {
    throw UsageError("default_fee", "applies only with a budget");
  }
  const LogFormat log_format = parse_log_format(request.log_format);
  check_window(request.window);
  if (selected == "credit") {
    if (request.log.empty()) {
      throw UsageError("log", "found none; expected the adoption log's path (algo credit chooses "
                              "seeds from it)");
    }
  } else {
    const char* field = !request.log.empty()                ? "log"
                        : log_format != LogFormat::kActions ? "log_format"
                        : request.window != 0               ? "window"
                                                            : nullptr;
    if (field != nullptr) {
      throw UsageError(field, fmt::format("applies to algo credit only (seeds from an adoption "
                                          "log); found algo {}",
                                          request.algo));
    }
  }
  check_model(graph, model);
  // Targets and reached people are counted on RR sets (rrset/reach_objective.h).
  const ReachObjective objective{request.targets, request.reached, {}, false};
  if (!objective.trivial()) {
    const char* field = objective.targeted() ? "targets" : "reached";
    if (!out.sampling && !out.budgeted) {
      throw UsageError(field, fmt::format("found algo {} and model {}{}; expected algo auto, "
                                          "opim-c or imm with an ic or lt model without fade "
                                          "(the objective is counted on RR sets)",
                                          request.algo, model.to_string(), timing_rules));
    }
    check_reach_objective(graph, objective);
    if (request.draws > 0) {
      throw UsageError("draws", fmt::format("found draws with {}; expected draws on the whole "
                                            "network's reach (not yet with targets or reached)",
                                            field));
    }
    const NodeId eligible = n - static_cast<NodeId>(objective.reached.size());
    if (request.k > eligible) {
      throw UsageError("k", fmt::format("found {}; expected at most {} (the people not yet reached)",
                                        group_digits(request.k), group_digits(eligible)));
    }
  }

  const std::optional<DrawOptions> draws =
      draw_options(graph, model, request.draws, request.prior, kRunsPerDraw, request.seed);

  const auto start = std::chrono::steady_clock::now();
  SeedSelection& selection = out.selection;
  const std::uint32_t k = request.k;
  if (request.reach) {
    ReachGoalOptions goal;
    goal.reach = *request.reach;
    goal.fees = request.fees;
    goal.epsilon = request.eps;
    goal.delta = request.delta;
    goal.seed = request.seed;
    goal.objective = objective;
    ReachGoalResult chosen = reach_goal_seeds(graph, model, goal);
    selection = std::move(chosen.selection);
    out.reach_goal = chosen.goal;
    for (const NodeId v : selection.seeds) {
      if (!request.fees.empty()) out.seed_fees.push_back(request.fees[v]);
      out.spent += request.fees.empty() ? 0.0 : request.fees[v];
    }
    out.spent = std::stod(fmt::format("{:.12g}", out.spent));
  } else if (out.budgeted) {
    BudgetOptions budget;
    budget.fees = request.fees.empty() ? std::vector<double>(n, request.default_fee) : request.fees;
    budget.budget = request.budget;
    budget.max_seeds = request.k;
    budget.epsilon = request.eps;
    budget.delta = request.delta;
    budget.seed = request.seed;
    budget.time_limit = request.time_limit;
    budget.max_memory = effective_max_memory(request.max_memory);
    budget.objective = objective;
    selection = budgeted_seeds(graph, model, budget);
    for (const NodeId v : selection.seeds) {
      out.seed_fees.push_back(budget.fees[v]);
      out.spent += budget.fees[v];
    }
    // A sum of fees to the precision they were given in: 11.35, not 11.350000000000001.
    out.spent = std::stod(fmt::format("{:.12g}", out.spent));
  } else if (positive_rr) {
    PositiveReachOptions positive;
    positive.k = k;
    positive.epsilon = request.eps;
    positive.delta = request.delta;
    positive.seed = request.seed;
    positive.refine_min_marginal = request.algo == "auto" ? kDefaultRefineMinMarginal : 0;
    selection = positive_reach_seeds(graph, model, positive);
  } else if (selected == "opim-c" || selected == "opim-c+refine") {
    OpimOptions opim;
    opim.k = k;
    opim.epsilon = request.eps;
    opim.delta = request.delta;
    opim.seed = request.seed;
    opim.time_limit = request.time_limit;
    opim.max_memory = effective_max_memory(request.max_memory);
    opim.refine_min_marginal = selected == "opim-c+refine" ? kDefaultRefineMinMarginal : 0;
    opim.objective = objective;
    selection = opim_c(graph, model, opim);
  } else if (selected == "imm") {
    ImmOptions imm_options;
    imm_options.k = k;
    imm_options.epsilon = request.eps;
    imm_options.seed = request.seed;
    imm_options.objective = objective;
    selection = imm(graph, model, imm_options);
  } else if (selected == "celf++" || selected == "celf") {
    CelfOptions celf;
    celf.k = k;
    celf.runs = request.runs;
    celf.seed = request.seed;
    celf.negative_weight = request.neg_weight;
    const std::uint32_t pool =
        request.candidates > 0 ? std::min(request.candidates, n) : default_candidates(n);
    if (pool < k) {
      throw UsageError("candidates", fmt::format("found {}; expected at least k = {}", pool, k));
    }
    if (pool < n) celf.candidates = highest_degree(graph, pool);
    selection = celf_plus_plus(graph, model, celf);
    if (pool < n) {
      selection.notes.push_back(fmt::format("candidates: the {} highest out-degree people of {}",
                                            group_digits(pool), group_digits(n)));
    }
    if (request.algo == "auto" && model.has_sentiment()) {
      selection.notes.push_back(
          model.negativity != 1 ? "neg != 1: negative and positive word cross arcs with "
                                  "different chances, so who is reached depends on sentiment, "
                                  "which RR samples cannot model; auto chose by simulation "
                                  "(CELF++)"
          : request.neg_weight > 0 ? "neg-weight: positive-reach RR samples count positive reach "
                                     "alone; auto chose by simulation (CELF++)"
                                   : "fade: positive-reach RR samples cannot model influence "
                                     "that weakens with every step; auto chose by simulation "
                                     "(CELF++)");
    } else if (request.algo == "auto" && model.has_fading()) {
      selection.notes.push_back("fade: RR sets cannot model influence that weakens with every "
                                "step, so auto chose by simulation (CELF++)");
    }
  } else if (selected == "credit") {
    CreditOptions credit;
    credit.k = k;
    credit.window = request.window;
    CreditSelection chosen =
        credit_distribution_seeds(graph, read_adoption_log(graph, request.log, log_format), credit);
    selection = std::move(chosen.selection);
    out.credit = std::move(chosen.summary);
  } else {
    const auto t = std::chrono::steady_clock::now();
    selection.algorithm = selected;
    if (selected == "degree") selection.seeds = highest_degree(graph, k);
    if (selected == "degree-discount") selection.seeds = degree_discount(graph, k);
    if (selected == "pagerank") selection.seeds = pagerank(graph, k);
    if (selected == "random") selection.seeds = random_seeds(graph, k, request.seed);
    selection.phases = {
        {"ranking", std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count()}};
    selection.notes.push_back("a baseline heuristic: no guarantee");
  }
  out.selection_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Under icn nobody may add positive reach (a seed whose gain is not positive is not added):
  // then the best choice is to seed nobody, and there is nothing to validate.
  if (selection.seeds.empty()) {
    out.spread.sentiment = model.has_sentiment();
    out.spread.by_rr_sets = false;
    selection.notes.push_back(
        "nobody adds positive reach under this objective (every candidate's gain is 0 or "
        "below): the best choice is to seed nobody");
    return out;
  }
  // By default until the 95% interval is within 1% of the estimate: 100,000 to 3.2 million RR
  // sets, or Monte Carlo runs in batches of 1,000, 1,000, 2,000, ... up to 100,000.
  out.spread = request.validation > 0
                   ? validate_spread(graph, model, selection.seeds, request.validation,
                                     request.seed, 0, 0, objective)
                   : validate_spread(graph, model, selection.seeds, rr_model ? 100'000 : 10'000,
                                     request.seed, 0.01, rr_model ? 3'200'000 : 100'000, objective);
  if (draws) {
    out.from_data = data_interval(graph, model, selection.seeds, *draws, out.spread.spread.mean);
  }
  return out;
}

}  // namespace cascade

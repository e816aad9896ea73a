// simulate (a request), compare and audit: Monte Carlo spread for every front end.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_set>

#include "cascade/api/requests.h"
#include "draws.h"
#include "cascade/community/tight_group.h"
#include "cascade/error.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/seeding/opim_c.h"
#include "cascade/text.h"

namespace cascade {
namespace {

void check_runs(std::uint64_t runs, const char* field) {
  if (runs == 0) throw UsageError(field, "found 0; expected at least 1");
}

void check_people(const Graph& graph, const std::vector<NodeId>& people, const char* field) {
  std::unordered_set<NodeId> seen;
  for (const NodeId v : people) {
    if (v >= graph.num_nodes()) {
      throw UsageError(field, fmt::format("found node {}; expected a node id below {}", v,
                                          graph.num_nodes()));
    }
    if (!seen.insert(v).second) {
      throw UsageError(field, fmt::format("found {} twice; expected each person once",
                                          graph.label(v)));
    }
  }
}

// The prices of a simulation request, checked, or none when neither cpm nor value_per_adoption
// is given; the fees are the seeds' total (fees per node, or default_fee each), none with neither.
std::optional<ValueTerms> value_terms(const Graph& graph, const SimulationRequest& request) {
  ValueTerms terms;
  terms.cpm = request.cpm;
  terms.value_per_adoption = request.value_per_adoption;
  check_value_terms(terms);
  if (request.default_fee && !(*request.default_fee >= 0 && std::isfinite(*request.default_fee))) {
    throw UsageError("default_fee", fmt::format("found {}; expected a finite number >= 0",
                                                *request.default_fee));
  }
  if (!request.fees.empty()) {
    if (request.fees.size() != graph.num_nodes()) {
      throw UsageError("fees", fmt::format("found {} fees; expected one per node ({})",
                                           request.fees.size(), graph.num_nodes()));
    }
    double total = 0;
    for (const NodeId s : request.seeds) {
      const double fee = request.fees[s];
      if (!(fee >= 0 && std::isfinite(fee))) {
        throw UsageError("fees", fmt::format("found {} for seed '{}'; expected a finite number "
                                             ">= 0",
                                             fee, graph.label(s)));
      }
      total += fee;
    }
    terms.fees = total;
  } else if (request.default_fee) {
    terms.fees = *request.default_fee * static_cast<double>(request.seeds.size());
  }
  if (!terms.cpm && !terms.value_per_adoption) {
    if (terms.fees) {
      throw UsageError(request.fees.empty() ? "default_fee" : "fees",
                       "found fees without a price; expected cpm or value_per_adoption with them");
    }
    return std::nullopt;
  }
  return terms;
}

// A simulation's counts for campaign_value: its impressions, and its reach less the seeds (which
// every run reaches) as the adoptions.
ValueCounts value_counts(const SimulationResult& result, std::size_t seeds) {
  ValueCounts counts;
  counts.samples = result.runs;
  counts.impressions = result.impressions;
  counts.positive_impressions = result.positive_impressions;
  counts.negative_impressions = result.negative_impressions;
  const double k = static_cast<double>(seeds);
  counts.adoptions = {result.reach.mean - k, result.reach.standard_error,
                      std::max(0.0, result.reach.low - k), std::max(0.0, result.reach.high - k)};
  return counts;
}

// simulate with against: the seeds protect, under competitive ic.
SimulationReport simulate_against(const Graph& graph, const SimulationRequest& request,
                                  SimulationReport report) {
  const DiffusionModel& model = report.model;
  if (model.kind != ModelKind::kIndependentCascade || model.has_fading() || model.has_deadline()) {
    throw UsageError("model", fmt::format("found {}{}{} with against; expected ic without fade or "
                                          "deadline (competitive ic)",
                                          model.to_string(),
                                          model.has_fading() ? " with fade" : "",
                                          model.has_deadline() ? " with a deadline" : ""));
  }
  const char* refused = request.rel_error != 0                                ? "rel_error"
                        : request.node_probabilities                          ? "node_probabilities"
                        : request.trace                                       ? "trace"
                        : !request.targets.empty()                            ? "targets"
                        : !request.reached.empty()                            ? "reached"
                        : request.draws > 0                                   ? "draws"
                        : request.cpm || request.value_per_adoption           ? "cpm"
                        : !request.fees.empty() || request.default_fee        ? "fees"
                                                                              : nullptr;
  if (refused != nullptr) {
    throw UsageError(refused, "does not apply with against (competitive runs report the rumor's "
                              "reach and the people saved)");
  }
  check_runs(request.runs, "runs");
  report.tie = parse_tie_rule(request.tie);
  check_model(graph, model);
  check_competition(graph, request.against, request.seeds);
  CompetitiveOptions options;
  options.runs = request.runs;
  options.seed = request.seed;
  options.tie = report.tie;
  report.blocking = simulate_competitive(graph, request.against, request.seeds, options);
  report.result.runs = request.runs;
  report.result.reach = report.blocking->protected_people;
  report.result.seconds = report.blocking->seconds;
  report.error_bars = request.runs >= 2;
  return report;
}

}  // namespace

SimulationReport simulate(const Graph& graph, const SimulationRequest& request) {
  SimulationReport report;
  report.model = make_model(request.model);
  if (request.seeds.empty()) throw UsageError("seeds", "found none; expected at least one seed");
  check_people(graph, request.seeds, "seeds");
  if (!request.against.empty()) return simulate_against(graph, request, std::move(report));
  if (request.tie != "protector") {
    parse_tie_rule(request.tie);
    throw UsageError("tie", "applies only with against (a rumor to block)");
  }
  if (request.rel_error != 0 && !(request.rel_error > 0 && request.rel_error <= 1)) {
    throw UsageError("rel_error", fmt::format("found {}; expected a number in (0, 1]",
                                              request.rel_error));
  }
  if (request.rel_error == 0) check_runs(request.runs, "runs");
  const std::optional<DrawOptions> draws = draw_options(graph, report.model, request.draws,
                                                        request.prior, request.runs, request.seed);
  SimulationOptions options;
  options.runs = request.runs;
  options.relative_error = request.rel_error;
  options.seed = request.seed;
  options.node_probabilities = request.node_probabilities;
  options.trace_first_run = request.trace;
  check_people(graph, request.reached, "reached");
  if (draws && (!request.targets.empty() || !request.reached.empty())) {
    throw UsageError("draws", fmt::format("found draws with {}; expected draws on the whole "
                                          "network's reach (not yet with targets or reached)",
                                          request.targets.empty() ? "reached" : "targets"));
  }
  options.target_weights = request.targets;
  options.reached = request.reached;
  const std::optional<ValueTerms> terms = value_terms(graph, request);
  report.result = simulate(graph, report.model, request.seeds, options);
  report.error_bars = report.result.runs >= 2;
  if (terms) report.value = campaign_value(value_counts(report.result, request.seeds.size()), *terms);
  if (draws) {
    DrawOptions per_draw = *draws;
    per_draw.runs_per_draw = report.result.runs;  // with rel_error, what the point estimate took
    report.from_data =
        data_interval(graph, report.model, request.seeds, per_draw, report.result.reach.mean);
  }
  return report;
}

CompareReport compare(const Graph& graph, const CompareRequest& request) {
  CompareReport report;
  report.model = make_model(request.model);
  const DiffusionModel& model = report.model;
  static const std::vector<std::string> kStrategies = {"optimal", "hubs", "group", "pagerank",
                                                       "random"};
  if (request.strategies.empty()) {
    throw UsageError("strategies", "found none; expected a list of optimal, hubs, group, "
                                   "pagerank and random");
  }
  for (std::size_t i = 0; i < request.strategies.size(); ++i) {
    const std::string& name = request.strategies[i];
    if (std::find(kStrategies.begin(), kStrategies.end(), name) == kStrategies.end()) {
      throw UsageError("strategies", fmt::format("found '{}'; expected a list of optimal, hubs, "
                                                 "group, pagerank and random",
                                                 name));
    }
    if (std::find(request.strategies.begin(), request.strategies.begin() + i, name) !=
        request.strategies.begin() + i) {
      throw UsageError("strategies", fmt::format("found '{}' twice; expected each strategy once",
                                                 name));
    }
  }
  if (request.k < 1 || request.k > graph.num_nodes()) {
    throw UsageError("k", fmt::format("found {}; expected 1 to {} (the number of nodes)",
                                      group_digits(request.k), group_digits(graph.num_nodes())));
  }
  check_runs(request.runs, "runs");
  check_runs(request.celf_runs, "celf_runs");
  if (request.candidates < request.k) {
    throw UsageError("candidates", fmt::format("found {}; expected at least k = {}",
                                               request.candidates, request.k));
  }
  check_model(graph, model);

  SimulationOptions simulation;
  simulation.runs = request.runs;
  simulation.seed = request.seed;  // the same random worlds for every strategy
  for (const std::string& strategy : request.strategies) {
    const auto started = std::chrono::steady_clock::now();
    StrategyOutcome o;
    o.strategy = strategy;
    if (strategy == "optimal") {
      if (supports_rr_sets(model)) {
        OpimOptions opim;
        opim.k = request.k;
        opim.seed = request.seed;
        opim.refine_min_marginal = kDefaultRefineMinMarginal;
        const SeedSelection s = opim_c(graph, model, opim);
        o.seeds = s.seeds;
        o.how = fmt::format("OPIM-C refined, ratio {:.2f} proven", s.guarantee);
      } else {
        CelfOptions celf;
        celf.k = request.k;
        celf.runs = request.celf_runs;
        // Selection draws other worlds than the comparison: it must not be graded on its own sample.
        celf.seed = request.seed + 0x9e3779b97f4a7c15ULL;
        const std::uint32_t pool = std::min(request.candidates, graph.num_nodes());
        if (pool < graph.num_nodes()) celf.candidates = highest_degree(graph, pool);
        o.seeds = celf_plus_plus(graph, model, celf).seeds;
        o.how = fmt::format("CELF++, {} runs, {} candidates", request.celf_runs, pool);
      }
    } else if (strategy == "hubs") {
      o.seeds = highest_degree(graph, request.k);
      o.how = "highest out-degree";
    } else if (strategy == "group") {
      LeidenOptions leiden_options;
      leiden_options.seed = request.seed;
      const TightGroup group = tight_group(graph, leiden(graph, leiden_options), request.k);
      o.seeds = group.members;
      o.how = group.community >= 0
                  ? fmt::format("community {}, {:.1f} links inside per member", group.community,
                                group.links_per_member)
                  : fmt::format("whole graph, {:.1f} links inside per member", group.links_per_member);
    } else if (strategy == "pagerank") {
      o.seeds = pagerank(graph, request.k);
      o.how = "PageRank on the reversed graph";
    } else {
      o.seeds = random_seeds(graph, request.k, request.seed);
      o.how = "uniform";
    }
    o.result = simulate(graph, model, o.seeds, simulation);
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    report.best = std::max(report.best, o.result.reach.mean);
    report.outcomes.push_back(std::move(o));
  }
  return report;
}

AuditReport audit(const Graph& graph, const AuditRequest& request) {
  AuditReport report;
  report.model = make_model(request.model);
  if (request.account >= graph.num_nodes()) {
    throw UsageError("account", fmt::format("found node {}; expected a node id below {}",
                                            request.account, graph.num_nodes()));
  }
  check_people(graph, request.likers, "likers");
  check_runs(request.runs, "runs");
  check_model(graph, report.model);
  report.audience = audit_audience(graph, request.account);
  report.has_audience = report.audience.size > 0;
  SimulationOptions simulation;
  simulation.runs = request.runs;
  simulation.seed = request.seed;
  report.alone = simulate(graph, report.model, std::vector<NodeId>{request.account}, simulation);
  std::vector<NodeId> audience(graph.out_neighbors(request.account).begin(),
                               graph.out_neighbors(request.account).end());
  audience.push_back(request.account);
  report.passed_on = simulate(graph, report.model, audience, simulation);
  if (!request.likers.empty()) {
    LeidenOptions leiden_options;
    leiden_options.seed = request.seed;
    const CommunityPartition partition = leiden(graph, leiden_options);
    report.community = partition.community[request.account];
    report.likers_without_ties =
        likers_without_ties(graph, partition.community, report.community, request.likers);
  }
  return report;
}

}  // namespace cascade

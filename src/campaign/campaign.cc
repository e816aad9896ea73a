// run_campaign: a plan's phases played on fixed worlds, and the single shot on the same worlds.
#include "cascade/campaign/campaign.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>
#include <string>

#include "cascade/campaign/worlds.h"
#include "cascade/community/leiden.h"
#include "cascade/community/tight_group.h"
#include "cascade/error.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/parallel/random_stream.h"
#include "cascade/seeding/budgeted.h"
#include "cascade/seeding/celf.h"
#include "cascade/seeding/heuristics.h"
#include "cascade/text.h"

namespace cascade {
namespace {

constexpr std::uint32_t kToTheEnd = kNeverReached - 1;
constexpr std::size_t kFrequentShown = 10;
constexpr double kZ95 = 1.959963984540054;
constexpr std::uint32_t kGroupGrowth = 2;  // a group phase grows the group to twice what it affords
constexpr double kFeeSlack = 1e-9;         // relative: fees that sum to the budget fit it
// icn's auto rule: CELF++ with the seeds command's defaults (simulations per evaluation; the
// candidates: everyone up to 5,000 people, else the 2,000 highest out-degree).
constexpr std::uint64_t kCelfRuns = 1000;
constexpr NodeId kCelfAllUpTo = 5000, kCelfCandidates = 2000;

// A sum of money to the precision it was given in: 0.57 x 100 is 57, not 56.99999999999999.
double money(double value) { return std::stod(fmt::format("{:.12g}", value)); }

struct Reach {
  double people = 0, inside = 0, outside = 0, positive = 0, negative = 0;
};

struct WorldResult {
  std::vector<std::vector<NodeId>> seeds;  // per phase
  std::vector<double> spent;               // per phase
  std::vector<Reach> cumulative;           // reach of phases 1..i at the horizon
  std::vector<std::uint32_t> curve;        // people reached by step t
  ValueSample value;
  Reach single;
  std::exception_ptr error;
};

struct PhaseSetup {
  std::string rule;
  double budget = 0;
  bool adaptive = false;
  std::vector<NodeId> fixed;      // not adaptive: the seeds
  std::vector<NodeId> order;      // hubs and group: candidates in order of preference
  std::optional<std::uint32_t> start;  // known before playing
};

class Player {
 public:
  Player(const Graph& graph, const CampaignPlan& plan, const CampaignInputs& inputs,
         const DiffusionModel& model)
      : graph_(graph), plan_(plan), model_(model), worlds_(graph, model, plan.seed) {
    const NodeId n = graph.num_nodes();
    fees_ = inputs.fees.empty() ? std::vector<double>(n, plan.default_fee) : inputs.fees;
    targets_ = inputs.targets;
    weights_ = targets_.empty() ? std::vector<double>(n, 1.0) : targets_;
    min_fee_ = *std::min_element(fees_.begin(), fees_.end());
    horizon_ = plan.deadline ? *plan.deadline : kToTheEnd;
  }

  const CampaignWorlds& worlds() const { return worlds_; }
  const std::vector<double>& fees() const { return fees_; }
  const std::vector<double>& weights() const { return weights_; }
  std::uint32_t horizon() const { return horizon_; }
  double min_fee() const { return min_fee_; }

  // The candidates of a hubs or group rule, in order of preference.
  std::vector<NodeId> order_for(const std::string& rule, double budget) {
    const NodeId n = graph_.num_nodes();
    if (rule == "hubs") {
      std::vector<NodeId> order(n);
      for (NodeId v = 0; v < n; ++v) order[v] = v;
      std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
        return graph_.out_degree(a) > graph_.out_degree(b);
      });
      return order;
    }
    if (!partition_) {
      LeidenOptions options;
      options.seed = plan_.seed;
      partition_ = leiden(graph_, options);
    }
    const double affordable = std::floor(budget / min_fee_ * (1 + kFeeSlack));
    const auto size = static_cast<std::uint32_t>(
        std::min<double>(n, std::max(1.0, affordable) * kGroupGrowth));
    return tight_group(graph_, *partition_, size).members;
  }

  // Takes `order` in turn, skipping the reached (mask: reached_at in ws) and those whose fee does
  // not fit in what is left.
  std::vector<NodeId> take(const std::vector<NodeId>& order, double budget,
                           const WorldWorkspace* reached) const {
    std::vector<NodeId> seeds;
    double left = budget;
    const double slack = budget * kFeeSlack;
    for (const NodeId v : order) {
      if (left + slack < min_fee_) break;
      if (reached != nullptr && CampaignWorlds::reached_at(*reached, v) != kNeverReached) continue;
      if (fees_[v] <= left + slack) {
        seeds.push_back(v);
        left -= fees_[v];
      }
    }
    return seeds;
  }

  // Budgeted OPIM-C for the new (audience) reach within `time_left` steps.
  std::vector<NodeId> choose(double budget, const std::vector<NodeId>& reached,
                             std::uint32_t time_left, std::uint64_t seed) const {
    const NodeId n = graph_.num_nodes();
    // Someone left to seed who is affordable, and audience left to reach: otherwise nobody.
    std::vector<char> is_reached(n, 0);
    for (const NodeId v : reached) is_reached[v] = 1;
    bool affordable = false, audience = false;
    for (NodeId v = 0; v < n; ++v) {
      if (is_reached[v] != 0) continue;
      affordable = affordable || fees_[v] <= budget * (1 + kFeeSlack);
      audience = audience || weights_[v] > 0;
    }
    if (!affordable || !audience) return {};
    DiffusionModel model = model_;
    if (plan_.deadline) model.deadline = time_left;
    if (model.has_sentiment()) {
      // Adaptive auto phases are refused under icn: here nothing has been reached yet.
      CelfOptions celf;
      celf.k = static_cast<std::uint32_t>(
          std::min<double>(n, std::floor(budget / plan_.default_fee * (1 + kFeeSlack))));
      celf.runs = kCelfRuns;
      celf.seed = seed;
      celf.negative_weight = plan_.neg_weight;
      if (n > kCelfAllUpTo) celf.candidates = highest_degree(graph_, kCelfCandidates);
      if (celf.k == 0) return {};
      celf.k = std::min<std::uint32_t>(celf.k, n > kCelfAllUpTo ? kCelfCandidates : n);
      return celf_plus_plus(graph_, model, celf).seeds;
    }
    BudgetOptions options;
    options.fees = fees_;
    options.budget = budget * (1 + kFeeSlack);
    options.epsilon = plan_.eps;
    options.seed = seed;
    options.objective.target_weights = targets_;
    options.objective.reached = reached;
    return budgeted_seeds(graph_, model, options).seeds;
  }

  Reach reach_of(const WorldWorkspace& ws) const {
    Reach r;
    r.people = static_cast<double>(ws.reached.size());
    for (const NodeId v : ws.reached) {
      r.inside += weights_[v];
      r.outside += weights_[v] > 0 ? 0 : 1;
      r.negative += CampaignWorlds::negative(ws, v) ? 1 : 0;
    }
    r.positive = r.people - r.negative;
    return r;
  }

 private:
  const Graph& graph_;
  const CampaignPlan& plan_;
  DiffusionModel model_;
  CampaignWorlds worlds_;
  std::vector<double> fees_, targets_, weights_;
  double min_fee_ = 1;
  std::uint32_t horizon_ = kToTheEnd;
  std::optional<CommunityPartition> partition_;
};

std::uint32_t last_step(const WorldWorkspace& ws) {
  std::uint32_t last = 0;
  for (const NodeId v : ws.reached) last = std::max(last, CampaignWorlds::reached_at(ws, v));
  return last;
}

double sum_fees(const std::vector<double>& fees, const std::vector<NodeId>& seeds) {
  double total = 0;
  for (const NodeId v : seeds) total += fees[v];
  return money(total);
}

}  // namespace

WorldEstimate world_estimate(const std::vector<double>& per_world) {
  WorldEstimate e;
  if (per_world.empty()) return e;
  double sum = 0;
  for (const double x : per_world) sum += x;
  const auto count = static_cast<double>(per_world.size());
  e.mean = sum / count;
  e.low = e.high = e.mean;
  if (per_world.size() < 2) return e;
  double squares = 0;
  for (const double x : per_world) squares += (x - e.mean) * (x - e.mean);
  const double half = kZ95 * std::sqrt(squares / (count - 1) / count);
  e.low = e.mean - half;
  e.high = e.mean + half;
  return e;
}

DiffusionModel campaign_model(const CampaignPlan& plan) {
  const DiffusionModel model = DiffusionModel::parse(plan.model);
  if (plan.fade > 0) {
    throw UsageError("model", fmt::format("found fade {}; expected none: a campaign is played on "
                                          "live-edge worlds (ic or lt), where influence cannot "
                                          "weaken with every step",
                                          plan.fade));
  }
  if (model.kind != ModelKind::kIndependentCascade && model.kind != ModelKind::kLinearThreshold &&
      model.kind != ModelKind::kPositiveNegative) {
    throw UsageError("model", fmt::format("found {}; expected ic, lt or icn: a campaign is played "
                                          "on worlds it can replay phase after phase, which only "
                                          "these models have",
                                          plan.model));
  }
  return model;
}

CampaignReport run_campaign(const Graph& graph, const CampaignPlan& plan,
                            const CampaignInputs& inputs) {
  const auto started = std::chrono::steady_clock::now();
  const NodeId n = graph.num_nodes();
  // ---- Checks, before any work.
  const DiffusionModel model = campaign_model(plan);
  if (!inputs.fees.empty() && inputs.fees.size() != n) {
    throw UsageError("fees", fmt::format("found {} fees; expected one per node ({})",
                                         inputs.fees.size(), n));
  }
  if (!inputs.targets.empty() && inputs.targets.size() != n) {
    throw UsageError("targets", fmt::format("found {} weights; expected one per node ({})",
                                            inputs.targets.size(), n));
  }
  if (plan.phases.empty()) throw UsageError("phase", "found no phase; expected at least one");
  if (model.has_sentiment()) {
    if (!inputs.targets.empty()) {
      throw UsageError("audience.targets",
                       "found an audience with icn; expected none (not yet: the auto rule "
                       "chooses by CELF++, which counts everyone)");
    }
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
      const PlanPhase& phase = plan.phases[i];
      if (phase.seeding == "auto" && i > 0) {
        throw InputError(plan.source, phase.line,
                         fmt::format("phase.seeding: found auto in phase {} with icn; expected "
                                     "hubs, group or list after the first phase (not yet: CELF++ "
                                     "cannot leave out the people already reached)",
                                     i + 1));
      }
    }
    const bool uses_auto = plan.phases.front().seeding == "auto" ||
                           plan.phases.front().seeding == "list";  // the single shot's rule
    if (!inputs.fees.empty() && uses_auto) {
      throw UsageError("budget.fees",
                       "found a fees file with icn and the auto rule; expected default_fee alone "
                       "(not yet: CELF++ chooses a number of seeds, not within a budget)");
    }
  } else if (plan.neg_weight != 0) {
    throw UsageError("model.neg_weight", "found a neg_weight without icn; expected icn with it");
  }
  check_plan_labels(plan, graph);
  Player player(graph, plan, inputs, model);  // refuses graphs without probabilities
  const std::uint32_t horizon = player.horizon();

  CampaignReport report;
  report.model = model;
  if (plan.deadline) report.model.deadline = *plan.deadline;
  report.worlds = plan.worlds;
  report.seed = plan.seed;
  report.targeted = !inputs.targets.empty();
  report.sentiment = model.has_sentiment();
  report.neg_weight = plan.neg_weight;
  for (const double w : player.weights()) report.audience_weight += w;
  report.objective = report.targeted ? "audience weight" : "people";
  if (report.sentiment) {
    report.objective = plan.neg_weight > 0
                           ? fmt::format("positive - {:g} x negative people", plan.neg_weight)
                           : std::string("positive people");
  }

  std::vector<PhaseSetup> setups(plan.phases.size());
  std::optional<std::uint32_t> start = 0;
  for (std::size_t i = 0; i < plan.phases.size(); ++i) {
    const PlanPhase& phase = plan.phases[i];
    PhaseSetup& s = setups[i];
    s.rule = phase.seeding;
    s.budget = money(phase.share * plan.budget);
    s.start = start;
    if (start && plan.deadline && *start > *plan.deadline) {
      throw InputError(plan.source, phase.line,
                       fmt::format("phase: found phase {} starting at step {}, after the deadline "
                                   "(step {}); expected phases that start by the deadline",
                                   i + 1, *start, *plan.deadline));
    }
    if (s.rule == "list") {
      std::vector<NodeId> seeds;
      for (const std::string& label : phase.seeds) {
        const NodeId v = *graph.labels().find(label);
        if (std::find(seeds.begin(), seeds.end(), v) == seeds.end()) seeds.push_back(v);
      }
      const double spent = sum_fees(player.fees(), seeds);
      if (spent > s.budget * (1 + kFeeSlack)) {
        throw InputError(plan.source,
                         phase.seed_lines.empty() ? phase.line : phase.seed_lines.front(),
                         fmt::format("phase.seeds: found {} seeds whose fees total {}; expected at "
                                     "most the phase's budget, {} (share {} of {})",
                                     seeds.size(), spent, s.budget, phase.share, plan.budget));
      }
      s.fixed = std::move(seeds);
    } else if (s.budget * (1 + kFeeSlack) < player.min_fee()) {
      throw InputError(plan.source, phase.line,
                       fmt::format("phase.share: found {}, a budget of {}; expected at least the "
                                   "cheapest fee, {}",
                                   phase.share, s.budget, player.min_fee()));
    }
    s.adaptive = s.rule != "list" && i > 0;
    if (start && phase.steps > 0) {
      *start += phase.steps;
    } else {
      start.reset();
    }
  }
  // ---- Choices made once: phase 1, the hubs and group orders, the single shot.
  const std::uint32_t first_time = plan.deadline ? *plan.deadline : kToTheEnd;
  for (std::size_t i = 0; i < setups.size(); ++i) {
    PhaseSetup& s = setups[i];
    if (s.rule == "hubs" || s.rule == "group") s.order = player.order_for(s.rule, s.budget);
    if (i > 0 || s.rule == "list") continue;
    s.fixed = s.rule == "auto" ? player.choose(s.budget, {}, first_time, plan.seed)
                               : player.take(s.order, s.budget, nullptr);
  }
  report.single_rule = setups[0].rule == "list" ? "auto" : setups[0].rule;
  if (report.single_rule == "auto") {
    report.single_seeds = player.choose(money(plan.budget), {}, first_time, plan.seed);
  } else {
    report.single_seeds = player.take(player.order_for(report.single_rule, plan.budget),
                                      money(plan.budget), nullptr);
  }
  for (const NodeId v : report.single_seeds) report.single_fees.push_back(player.fees()[v]);
  report.single_spent = sum_fees(player.fees(), report.single_seeds);

  // ---- The worlds.
  const CampaignWorlds& worlds = player.worlds();
  std::vector<WorldResult> results(plan.worlds);
  std::vector<std::optional<WorldWorkspace>> workspaces(static_cast<std::size_t>(num_threads()));
  std::vector<std::vector<std::uint64_t>> seed_marks(workspaces.size());
  parallel_for(
      0, plan.worlds,
      [&](std::uint64_t w) {
        WorldResult& out = results[w];
        try {
          const auto t = static_cast<std::size_t>(thread_index());
          if (!workspaces[t]) {
            workspaces[t] = worlds.workspace();
            seed_marks[t].assign(n, 0);
          }
          WorldWorkspace& ws = *workspaces[t];
          std::vector<WorldSource> sources;
          std::uint32_t phase_start = 0;
          for (std::size_t i = 0; i < setups.size(); ++i) {
            const PhaseSetup& s = setups[i];
            std::vector<NodeId> seeds;
            bool skipped = false;
            if (i > 0) {
              const std::uint32_t previous = plan.phases[i - 1].steps;
              if (previous == 0) {
                worlds.spread(w, sources, kToTheEnd, ws);
                phase_start = last_step(ws) + 1;
              } else {
                phase_start += previous;
              }
              skipped = plan.deadline && phase_start > *plan.deadline;
              if (s.adaptive && !skipped) {
                worlds.spread(w, sources, phase_start, ws);  // who the marketer sees
                const std::uint32_t time_left =
                    plan.deadline ? *plan.deadline - phase_start : kToTheEnd;
                if (s.rule == "auto") {
                  const std::vector<NodeId> reached = ws.reached;
                  seeds = player.choose(
                      s.budget, reached, time_left,
                      stream_key(plan.seed, StreamPurpose::kCampaignSelection, w * 1024 + i));
                } else {
                  seeds = player.take(s.order, s.budget, &ws);
                }
              }
            }
            if (!s.adaptive && !skipped) seeds = s.fixed;
            for (const NodeId v : seeds) sources.push_back({v, phase_start});
            out.spent.push_back(sum_fees(player.fees(), seeds));
            out.seeds.push_back(std::move(seeds));
            worlds.spread(w, sources, horizon, ws);
            out.cumulative.push_back(player.reach_of(ws));
          }
          // ws holds the whole campaign's spread: the curve and the impressions.
          for (const NodeId v : ws.reached) {
            const std::uint32_t step = CampaignWorlds::reached_at(ws, v);
            if (out.curve.size() <= step) out.curve.resize(step + 1, 0);
            ++out.curve[step];
          }
          for (std::size_t s = 1; s < out.curve.size(); ++s) out.curve[s] += out.curve[s - 1];
          std::vector<std::uint64_t>& mark = seed_marks[t];
          for (const WorldSource& source : sources) mark[source.node] = w + 1;
          // As simulate counts them: everyone reached speaks once to each out-neighbour who is
          // not a seed, those reached at the horizon itself too late to speak before it.
          // Under icn the unhappy speak too, negatively, and are no adoptions.
          std::uint64_t positive_told = 0, negative_told = 0, adoptions = 0;
          for (const NodeId v : ws.reached) {
            const bool negative = CampaignWorlds::negative(ws, v);
            if (mark[v] != w + 1 && !negative) ++adoptions;
            if (horizon != kNeverReached && CampaignWorlds::reached_at(ws, v) >= horizon) continue;
            std::uint64_t told = 0;
            for (const NodeId u : graph.out_neighbors(v)) told += mark[u] == w + 1 ? 0 : 1;
            (negative ? negative_told : positive_told) += told;
          }
          out.value.positive_impressions = positive_told;
          out.value.negative_impressions = negative_told;
          out.value.adoptions = adoptions;
          for (const double f : out.spent) out.value.fees += f;
          std::vector<WorldSource> single;
          for (const NodeId v : report.single_seeds) single.push_back({v, 0});
          worlds.spread(w, single, horizon, ws);
          out.single = player.reach_of(ws);
        } catch (...) {
          out.error = std::current_exception();
        }
      },
      1);
  for (const WorldResult& r : results) {
    if (r.error) std::rethrow_exception(r.error);
  }

  // ---- Combined in world order.
  const std::size_t W = results.size();
  auto column = [&](auto&& get) {
    std::vector<double> values(W);
    for (std::size_t w = 0; w < W; ++w) values[w] = get(results[w]);
    return world_estimate(values);
  };
  for (std::size_t i = 0; i < setups.size(); ++i) {
    const PhaseSetup& s = setups[i];
    PhaseOutcome p;
    p.number = static_cast<std::uint32_t>(i + 1);
    p.seeding = s.rule;
    p.budget = s.budget;
    p.steps = plan.phases[i].steps;
    p.start = s.start;
    p.adaptive = s.adaptive;
    if (!s.adaptive) {
      p.seeds = s.fixed;
      for (const NodeId v : p.seeds) p.fees.push_back(player.fees()[v]);
      p.spent = sum_fees(player.fees(), p.seeds);
    }
    p.seeds_per_world = column([&](const WorldResult& r) { return double(r.seeds[i].size()); });
    p.spent_per_world = column([&](const WorldResult& r) { return r.spent[i]; });
    const auto added = [&](const WorldResult& r, double Reach::*field) {
      return r.cumulative[i].*field - (i > 0 ? r.cumulative[i - 1].*field : 0.0);
    };
    p.added.people = column([&](const WorldResult& r) { return added(r, &Reach::people); });
    p.added.inside = column([&](const WorldResult& r) { return added(r, &Reach::inside); });
    p.added.outside = column([&](const WorldResult& r) { return added(r, &Reach::outside); });
    p.added.positive = column([&](const WorldResult& r) { return added(r, &Reach::positive); });
    p.added.negative = column([&](const WorldResult& r) { return added(r, &Reach::negative); });
    if (s.adaptive) {
      std::map<NodeId, std::uint64_t> counts;
      for (const WorldResult& r : results) {
        for (const NodeId v : r.seeds[i]) ++counts[v];
      }
      std::vector<std::pair<NodeId, std::uint64_t>> ranked(counts.begin(), counts.end());
      std::stable_sort(ranked.begin(), ranked.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      for (std::size_t k = 0; k < ranked.size() && k < kFrequentShown; ++k) {
        p.frequent.push_back({ranked[k].first, player.fees()[ranked[k].first],
                              static_cast<double>(ranked[k].second) / static_cast<double>(W)});
      }
    }
    report.phases.push_back(std::move(p));
  }
  report.reach.people = column([](const WorldResult& r) { return r.cumulative.back().people; });
  report.reach.inside = column([](const WorldResult& r) { return r.cumulative.back().inside; });
  report.reach.outside = column([](const WorldResult& r) { return r.cumulative.back().outside; });
  report.reach.positive = column([](const WorldResult& r) { return r.cumulative.back().positive; });
  report.reach.negative = column([](const WorldResult& r) { return r.cumulative.back().negative; });
  report.single_reach.people = column([](const WorldResult& r) { return r.single.people; });
  report.single_reach.inside = column([](const WorldResult& r) { return r.single.inside; });
  report.single_reach.outside = column([](const WorldResult& r) { return r.single.outside; });
  report.single_reach.positive = column([](const WorldResult& r) { return r.single.positive; });
  report.single_reach.negative = column([](const WorldResult& r) { return r.single.negative; });
  const double neg_weight = plan.neg_weight;
  const bool sentiment = report.sentiment;
  report.difference = column([&](const WorldResult& r) {
    const Reach& a = r.cumulative.back();
    const Reach& b = r.single;
    if (sentiment)
      return (a.positive - neg_weight * a.negative) - (b.positive - neg_weight * b.negative);
    return a.inside - b.inside;
  });
  std::size_t steps = 0;
  for (const WorldResult& r : results) steps = std::max(steps, r.curve.size());
  if (plan.deadline) steps = std::max<std::size_t>(steps, *plan.deadline + 1);
  for (std::size_t t = 0; t < steps; ++t) {
    report.curve.push_back(column([&](const WorldResult& r) {
      return r.curve.empty() ? 0.0 : double(r.curve[std::min(t, r.curve.size() - 1)]);
    }));
  }
  if (plan.cpm || plan.value_per_adoption) {
    std::vector<ValueSample> samples(W);
    for (std::size_t w = 0; w < W; ++w) samples[w] = results[w].value;
    ValueTerms terms;
    terms.cpm = plan.cpm;
    terms.value_per_adoption = plan.value_per_adoption;
    report.value = campaign_value(value_counts(samples), terms, /*per_sample_fees=*/true);
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace cascade

// cascade campaign PLAN.toml: a campaign plan (campaign/plan.h) played phase after phase on the
// same random worlds, each later phase chosen after seeing whom the earlier ones reached, and
// compared with spending the whole budget at once (campaign/campaign.h).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "options.h"

namespace cascade::cli {
namespace {

struct Options {
  std::string plan;
  CommonOptions common;
  CLI::Option* seed_option = nullptr;
  std::uint64_t worlds = 0;  // 0: the plan's
};

nlohmann::ordered_json estimate_json(const WorldEstimate& e) {
  return {{"mean", e.mean}, {"ci95", {e.low, e.high}}};
}

nlohmann::ordered_json estimate_json(const Estimate& e) {
  return {{"mean", e.mean}, {"ci95", {e.low, e.high}}};
}

nlohmann::ordered_json estimate_json(const std::optional<Estimate>& e) {
  return e ? estimate_json(*e) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json reach_json(const CampaignReach& r, bool targeted, bool sentiment) {
  nlohmann::ordered_json json;
  json["people"] = estimate_json(r.people);
  json["inside"] = targeted ? estimate_json(r.inside) : nlohmann::ordered_json(nullptr);
  json["outside"] = targeted ? estimate_json(r.outside) : nlohmann::ordered_json(nullptr);
  json["positive"] = sentiment ? estimate_json(r.positive) : nlohmann::ordered_json(nullptr);
  json["negative"] = sentiment ? estimate_json(r.negative) : nlohmann::ordered_json(nullptr);
  return json;
}

// The value object, in simulate --cpm's terms (campaign/value.h): under sentiment the cost
// equivalence only in its positive and negative parts, never netted.
nlohmann::ordered_json value_json(const CampaignValue& v, bool sentiment) {
  auto optional_number = [](const std::optional<double>& x) {
    return x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json json;
  json["cpm"] = optional_number(v.terms.cpm);
  json["value_per_adoption"] = optional_number(v.terms.value_per_adoption);
  json["impressions"] = estimate_json(v.impressions);
  json["positive_impressions"] =
      sentiment ? estimate_json(v.positive_impressions) : nlohmann::ordered_json(nullptr);
  json["negative_impressions"] =
      sentiment ? estimate_json(v.negative_impressions) : nlohmann::ordered_json(nullptr);
  json["cost_equivalence_note"] =
      "what the same attention would cost as advertising; not the value of the conversations "
      "(Barcelona Principles)";
  json["cost_equivalence"] = estimate_json(sentiment ? std::nullopt : v.cost_equivalence);
  json["positive_cost_equivalence"] =
      estimate_json(sentiment ? v.positive_cost_equivalence : std::nullopt);
  json["negative_cost_equivalence"] =
      estimate_json(sentiment ? v.negative_cost_equivalence : std::nullopt);
  json["adoptions"] = estimate_json(v.adoptions);
  json["adoption_value"] = estimate_json(v.adoption_value);
  json["fees"] = estimate_json(v.fees_paid);
  json["return"] = estimate_json(v.return_on_fees);
  json["return_note"] =
      "value x mean(adoptions) / mean(fees) - 1 over worlds (ratio of means, delta-method "
      "interval); null when no world paid any fee";
  return json;
}

std::string interval_text(const WorldEstimate& e, int decimals, std::uint64_t worlds) {
  if (worlds < 2) return with_commas(e.mean, decimals);
  return fmt::format("{} ({} to {})", with_commas(e.mean, decimals), with_commas(e.low, decimals),
                     with_commas(e.high, decimals));
}

std::string interval_text(const Estimate& e, int decimals, std::uint64_t worlds) {
  return interval_text(WorldEstimate{e.mean, e.low, e.high}, decimals, worlds);
}

std::string reach_text(const CampaignReach& r, bool targeted, bool sentiment,
                       std::uint64_t worlds) {
  std::string text = fmt::format("{} people", interval_text(r.people, 1, worlds));
  if (sentiment) {
    text += fmt::format(": satisfied {}; unhappy {}, apart", interval_text(r.positive, 1, worlds),
                        interval_text(r.negative, 1, worlds));
  }
  if (targeted) {
    text += fmt::format("; audience weight {}; outside the audience {}",
                        interval_text(r.inside, 1, worlds), interval_text(r.outside, 1, worlds));
  }
  return text;
}

std::string seeds_with_fees(const Graph& graph, const std::vector<NodeId>& seeds,
                            const std::vector<double>& fees) {
  std::string text;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (i == 10) {
      text += fmt::format(", ... ({} in all)", seeds.size());
      break;
    }
    text += fmt::format("{}{} ({})", i == 0 ? "" : ", ", table_label(graph.label(seeds[i])),
                        number_text(fees[i]));
  }
  return text.empty() ? "nobody" : text;
}

// After the reach and its split, as simulate --cpm prints them (campaign/value.h): the cost
// equivalence labelled as such, negative word apart and never netted.
void print_value(const CampaignValue& v, bool sentiment, std::uint64_t W) {
  const ValueTerms& terms = v.terms;
  if (sentiment) {
    fmt::print(
        "impressions {} word-of-mouth messages to people outside the seeds: from satisfied "
        "speakers {}; from unhappy speakers {}, reported apart\n",
        interval_text(v.impressions, 0, W), interval_text(v.positive_impressions, 0, W),
        interval_text(v.negative_impressions, 0, W));
  } else {
    fmt::print("impressions {} word-of-mouth messages to people outside the seeds\n",
               interval_text(v.impressions, 0, W));
  }
  if (terms.cpm) {
    const std::string what = fmt::format(
        "what that attention would cost as advertising at CPM {}; not the value of the "
        "conversations (Barcelona Principles)",
        number_text(*terms.cpm));
    if (sentiment) {
      fmt::print("cost equivalence  positive word {}; negative word {}, never netted: {}\n",
                 interval_text(*v.positive_cost_equivalence, 2, W),
                 interval_text(*v.negative_cost_equivalence, 2, W), what);
    } else {
      fmt::print("cost equivalence  {}: {}\n", interval_text(*v.cost_equivalence, 2, W), what);
    }
  }
  if (terms.value_per_adoption) {
    fmt::print(
        "adoptions   {} {} beyond the seeds, worth {} at {} each\n",
        interval_text(v.adoptions, 1, W),
        sentiment ? "satisfied people reached (the unhappy are no adoptions)" : "people reached",
        interval_text(*v.adoption_value, 2, W), number_text(*terms.value_per_adoption));
    if (v.return_on_fees) {
      fmt::print(
          "return      {} = adoptions x {} / fees - 1, fees {} per world (ratio of means "
          "over worlds)\n",
          interval_text(*v.return_on_fees, 3, W), number_text(*terms.value_per_adoption),
          interval_text(*v.fees_paid, 2, W));
    } else {
      fmt::print(
          "return      undefined: no world paid any fee; the adoptions' value stands "
          "alone\n");
    }
  }
}

void run(Options options) {
  apply_common_options(options.common);
  check_files({{"PLAN", options.plan}}, {});
  CampaignPlan plan = read_plan(options.plan);
  if (options.seed_option->count() > 0) plan.seed = options.common.seed;
  if (options.worlds > 0) plan.worlds = options.worlds;
  CampaignRun run;
  try {
    run = campaign(plan);
  } catch (const UsageError& e) {
    // The library names the plan's keys; a plan is an input file (exit 1), not a usage error.
    std::string message = e.what();
    if (!e.field().empty() && message.starts_with(e.field() + ": ")) {
      message = message.substr(e.field().size() + 2);
    }
    const std::string key = e.field() != "model" ? e.field()
                            : plan.fade > 0      ? std::string("model.fade")
                                                 : std::string("model.model");
    throw InputError(fmt::format("{}: {}: {}", plan.source, key, message));
  }
  const Graph& graph = run.graph;
  const CampaignReport& report = run.report;
  const std::uint64_t W = report.worlds;
  options.common.seed = report.seed;  // the record shows the seed used
  const std::string probability = graph.has_probabilities() ? graph.probability_scheme() : "none";
  const bool targeted = report.targeted;
  const bool sentiment = report.sentiment;
  if (options.common.json) {
    nlohmann::ordered_json json = json_record(options.common, &graph);
    json["plan"] = plan.source;
    json["model"] = report.model.to_string();
    json["probability"] = probability;
    json["deadline"] = plan.deadline ? nlohmann::ordered_json(*plan.deadline) : nullptr;
    json["neg_weight"] = sentiment ? nlohmann::ordered_json(report.neg_weight) : nullptr;
    json["worlds"] = W;
    json["budget"] = plan.budget;
    json["audience"] = targeted ? nlohmann::ordered_json(report.audience_weight) : nullptr;
    nlohmann::ordered_json phases = nlohmann::ordered_json::array();
    for (const PhaseOutcome& p : report.phases) {
      nlohmann::ordered_json row;
      row["phase"] = p.number;
      row["seeding"] = p.seeding;
      row["budget"] = p.budget;
      row["steps"] = p.steps;
      row["start"] = p.start ? nlohmann::ordered_json(*p.start) : nullptr;
      row["adaptive"] = p.adaptive;
      row["seeds"] = p.adaptive ? nlohmann::ordered_json(nullptr) : json_labels(graph, p.seeds);
      row["fees"] = p.adaptive ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.fees);
      row["seeds_per_world"] = estimate_json(p.seeds_per_world);
      row["spent_per_world"] = estimate_json(p.spent_per_world);
      nlohmann::ordered_json frequent = nlohmann::ordered_json::array();
      for (const FrequentSeed& f : p.frequent) {
        frequent.push_back({{"seed", json_label(graph, f.node)}, {"fee", f.fee}, {"share", f.share}});
      }
      row["frequent_seeds"] = frequent;
      row["added"] = reach_json(p.added, targeted, sentiment);
      phases.push_back(row);
    }
    json["phases"] = phases;
    json["reach"] = reach_json(report.reach, targeted, sentiment);
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (std::size_t t = 0; t < report.curve.size(); ++t) {
      nlohmann::ordered_json point = estimate_json(report.curve[t]);
      point["step"] = t;
      curve.push_back(point);
    }
    json["curve"] = curve;
    if (report.value) {
      json["value"] = value_json(*report.value, sentiment);
    } else {
      json["value"] = nullptr;
    }
    json["single_shot"] = {{"seeding", report.single_rule},
                           {"seeds", json_labels(graph, report.single_seeds)},
                           {"fees", report.single_fees},
                           {"spent", report.single_spent},
                           {"reach", reach_json(report.single_reach, targeted, sentiment)}};
    json["comparison"] = {{"objective", report.objective},
                          {"difference", estimate_json(report.difference)},
                          {"winner", report.difference.mean > 0   ? "plan"
                                     : report.difference.mean < 0 ? "single shot"
                                                                  : "tie"},
                          {"interval_excludes_zero",
                           W >= 2 && (report.difference.low > 0 || report.difference.high < 0)}};
    json["timing"] = {{"load", graph.load_report().seconds}, {"campaign", report.seconds}};
    print_json(json);
    return;
  }
  fmt::print("plan        {}\n", plan.source);
  fmt::print("graph       {}: {} nodes, {} arcs\n", graph.load_report().source,
             with_commas(graph.num_nodes()), with_commas(graph.num_arcs()));
  fmt::print("model       {} with probabilities {}{}\n", report.model.to_string(), probability,
             plan.deadline ? fmt::format("; reach counted by step {}", *plan.deadline)
                           : std::string("; reach counted when the cascade stops"));
  if (targeted) fmt::print("audience    total weight {}\n", number_text(report.audience_weight));
  fmt::print("budget      {}; {} on the same random worlds (seed {}); 95% intervals over worlds\n\n",
             number_text(plan.budget), count_of(W, "world", "worlds"), report.seed);
  for (const PhaseOutcome& p : report.phases) {
    fmt::print("phase {}     {} with budget {}, seeded at {}{}\n", p.number, p.seeding,
               number_text(p.budget),
               p.start ? fmt::format("step {}", *p.start)
                       : std::string("the step after the previous phase's cascade stopped"),
               p.steps > 0 ? fmt::format(", {} steps", p.steps) : std::string(", to the end"));
    if (!p.adaptive) {
      fmt::print("  seeds     {}; spent {}\n", seeds_with_fees(graph, p.seeds, p.fees),
                 number_text(p.spent));
    } else {
      fmt::print("  seeds     chosen per world after seeing who was reached: {} seeds, {} spent "
                 "per world\n",
                 with_commas(p.seeds_per_world.mean, 1), with_commas(p.spent_per_world.mean, 1));
      std::string frequent;
      for (const FrequentSeed& f : p.frequent) {
        frequent += fmt::format("{}{} ({}, {:.0f}%)", frequent.empty() ? "" : ", ",
                                table_label(graph.label(f.node)), number_text(f.fee),
                                100 * f.share);
      }
      fmt::print("  most      {}\n", frequent.empty() ? std::string("nobody") : frequent);
    }
    fmt::print("  adds      {}\n", reach_text(p.added, targeted, sentiment, W));
  }
  fmt::print("\ntotal       {}\n", reach_text(report.reach, targeted, sentiment, W));
  fmt::print("over time   mean people reached by step (95% interval):\n");
  const std::size_t shown = std::min<std::size_t>(report.curve.size(), 30);
  for (std::size_t t = 0; t < shown; ++t) {
    fmt::print("  step {:>3}  {}\n", t, interval_text(report.curve[t], 1, W));
  }
  if (shown < report.curve.size()) {
    fmt::print("  ...       {} steps in all; the last: {}\n", report.curve.size(),
               interval_text(report.curve.back(), 1, W));
  }
  if (report.value) print_value(*report.value, sentiment, W);
  fmt::print("\nsingle shot the whole budget at step 0 ({}): {}; spent {}\n", report.single_rule,
             seeds_with_fees(graph, report.single_seeds, report.single_fees),
             number_text(report.single_spent));
  fmt::print("  reaches   {}\n", reach_text(report.single_reach, targeted, sentiment, W));
  const WorldEstimate& d = report.difference;
  const bool excludes_zero = W >= 2 && (d.low > 0 || d.high < 0);
  fmt::print("plan - single shot ({}, paired by world): {}\n", report.objective,
             interval_text(d, 1, W));
  fmt::print("verdict     {}{}\n",
             d.mean > 0
                 ? (sentiment ? "the plan does better on that objective" : "the plan reaches more")
             : d.mean < 0 ? (sentiment ? "the single shot does better on that objective"
                                       : "the single shot reaches more")
                          : "a tie",
             d.mean == 0     ? std::string()
             : excludes_zero ? std::string("; the interval excludes 0")
                             : std::string("; but the interval includes 0: not a clear difference "
                                           "with this many worlds"));
}

}  // namespace

void register_campaign(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "campaign", "A campaign plan (TOML) played phase after phase on the same random worlds, "
                  "compared with spending the whole budget at once");
  command->add_option("PLAN", options->plan, "The plan file (see examples/campaign.toml)")
      ->required()
      ->check(nonempty_path());
  command->add_option("--worlds", options->worlds, "Random worlds (default: the plan's run.worlds)")
      ->check(whole_number(1, kMaxPlanWorlds));
  add_common_options(command, options->common);
  options->seed_option = command->get_option("--seed");
  command->callback([options] { run(*options); });
}

}  // namespace cascade::cli

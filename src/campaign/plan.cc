// Campaign plans (plan.h): TOML read with toml++, every key checked with its line.
#include "cascade/campaign/plan.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <toml++/toml.h>

#include "cascade/diffusion/model.h"
#include "cascade/error.h"
#include "cascade/graph/probability.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

std::uint64_t line_of(const toml::node& node) { return node.source().begin.line; }

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return fmt::format("the text \"{}\"", node.as_string()->get());
    case toml::node_type::integer: return fmt::format("the integer {}", node.as_integer()->get());
    case toml::node_type::floating_point:
      return fmt::format("the number {}", node.as_floating_point()->get());
    case toml::node_type::boolean: return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    default: return "a date or time";
  }
}

class PlanReader {
 public:
  PlanReader(std::string source, std::string folder)
      : source_(std::move(source)), folder_(std::move(folder)) {}

  [[noreturn]] void fail(const toml::node& node, std::string_view key, std::string_view expected) const {
    throw InputError(source_, line_of(node),
                     fmt::format("{}: found {}; expected {}", key, type_name(node), expected));
  }

  // Calls handle(key, node) for each key of `table`, refusing keys not in `known`.
  void each_key(const toml::table& table, std::string_view where,
                const std::map<std::string, std::function<void(const toml::node&)>>& known) const {
    for (const auto& [key, node] : table) {
      const auto it = known.find(std::string(key.str()));
      if (it == known.end()) {
        std::string names;
        for (const auto& [name, _] : known) names += (names.empty() ? "" : ", ") + name;
        throw InputError(source_, key.source().begin.line,
                         fmt::format("{}{}: unknown key; expected one of {}", where,
                                     key.str(), names));
      }
      it->second(node);
    }
  }

  std::string text(const toml::node& node, std::string_view key) const {
    if (!node.is_string()) fail(node, key, "a quoted text");
    return node.as_string()->get();
  }

  std::string path(const toml::node& node, std::string_view key) const {
    const std::string value = text(node, key);
    if (value.empty()) fail(node, key, "a file's path");
    if (folder_.empty() || value == "-" || std::filesystem::path(value).is_absolute()) return value;
    return (std::filesystem::path(folder_) / value).lexically_normal().string();
  }

  bool boolean(const toml::node& node, std::string_view key) const {
    if (!node.is_boolean()) fail(node, key, "true or false");
    return node.as_boolean()->get();
  }

  double number(const toml::node& node, std::string_view key, double low, bool low_open,
                double high, bool high_open, std::string_view expected) const {
    const std::optional<double> value = node.value<double>();
    if (!(node.is_integer() || node.is_floating_point()) || !value || !std::isfinite(*value) ||
        (low_open ? !(*value > low) : !(*value >= low)) ||
        (high_open ? !(*value < high) : !(*value <= high))) {
      fail(node, key, expected);
    }
    return *value;
  }

  std::uint64_t whole(const toml::node& node, std::string_view key, std::uint64_t low,
                      std::uint64_t high, std::string_view expected) const {
    if (!node.is_integer()) fail(node, key, expected);
    const std::int64_t value = node.as_integer()->get();
    if (value < 0 || static_cast<std::uint64_t>(value) < low || static_cast<std::uint64_t>(value) > high) {
      fail(node, key, expected);
    }
    return static_cast<std::uint64_t>(value);
  }

  const toml::table& table(const toml::node& node, std::string_view key) const {
    if (!node.is_table()) fail(node, key, fmt::format("a table ([{}])", key));
    return *node.as_table();
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::string folder_;
};

constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

CampaignPlan parse_plan(std::string_view text, const std::string& source, const std::string& folder) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw InputError(source, e.source().begin.line,
                     fmt::format("not a TOML plan: {}", e.description()));
  }
  const PlanReader r(source, folder);
  CampaignPlan plan;
  plan.source = source;
  bool has_graph = false, has_total = false;
  std::uint64_t shares_line = 0, neg_weight_line = 0;
  r.each_key(root, "", {
    {"network", [&](const toml::node& node) {
      r.each_key(r.table(node, "network"), "network.", {
        {"graph", [&](const toml::node& n) { plan.graph = r.path(n, "network.graph"); has_graph = true; }},
        {"undirected", [&](const toml::node& n) { plan.undirected = r.boolean(n, "network.undirected"); }},
        {"prob", [&](const toml::node& n) {
          plan.prob = r.text(n, "network.prob");
          try {
            ProbabilitySpec::parse(plan.prob);
          } catch (const UsageError& e) {
            r.fail(n, "network.prob", "a probability scheme (wc, const:P, trivalency, weight, ...)");
          }
        }},
      });
    }},
    {"model", [&](const toml::node& node) {
      r.each_key(r.table(node, "model"), "model.", {
        {"model", [&](const toml::node& n) {
          plan.model = r.text(n, "model.model");
          try {
            DiffusionModel::parse(plan.model);
          } catch (const UsageError& e) {
            throw InputError(source, line_of(n), fmt::format("model.model: {}", e.what()));
          }
        }},
        {"deadline", [&](const toml::node& n) {
          plan.deadline = static_cast<std::uint32_t>(
              r.whole(n, "model.deadline", 0, 1'000'000, "a whole number of steps"));
        }},
        {"fade", [&](const toml::node& n) {
          plan.fade = r.number(n, "model.fade", 0, false, 1, true, "a number in [0, 1)");
        }},
        {"neg_weight", [&](const toml::node& n) {
          plan.neg_weight = r.number(n, "model.neg_weight", 0, false, kInfinity, true,
                                     "a number at least 0");
          neg_weight_line = line_of(n);
        }},
      });
    }},
    {"audience", [&](const toml::node& node) {
      r.each_key(r.table(node, "audience"), "audience.", {
        {"targets", [&](const toml::node& n) { plan.targets = r.path(n, "audience.targets"); }},
      });
    }},
    {"budget", [&](const toml::node& node) {
      r.each_key(r.table(node, "budget"), "budget.", {
        {"total", [&](const toml::node& n) {
          plan.budget = r.number(n, "budget.total", 0, true, kInfinity, true, "a positive number");
          has_total = true;
        }},
        {"fees", [&](const toml::node& n) { plan.fees = r.path(n, "budget.fees"); }},
        {"default_fee", [&](const toml::node& n) {
          plan.default_fee = r.number(n, "budget.default_fee", 0, true, kInfinity, true,
                                      "a positive number");
        }},
      });
    }},
    {"phase", [&](const toml::node& node) {
      if (!node.is_array_of_tables()) r.fail(node, "phase", "phases as [[phase]] tables");
      shares_line = line_of(node);
      for (const toml::node& element : *node.as_array()) {
        PlanPhase phase;
        phase.line = line_of(element);
        const toml::node* seeds_node = nullptr;
        r.each_key(*element.as_table(), "phase.", {
          {"share", [&](const toml::node& n) {
            phase.share = r.number(n, "phase.share", 0, true, 1, false, "a share of the budget in (0, 1]");
          }},
          {"steps", [&](const toml::node& n) {
            phase.steps = static_cast<std::uint32_t>(
                r.whole(n, "phase.steps", 0, 1'000'000, "a whole number of steps (0: to the end)"));
          }},
          {"seeding", [&](const toml::node& n) {
            phase.seeding = r.text(n, "phase.seeding");
            if (phase.seeding != "auto" && phase.seeding != "hubs" && phase.seeding != "group" &&
                phase.seeding != "list") {
              r.fail(n, "phase.seeding", "auto, hubs, group or list");
            }
          }},
          {"seeds", [&](const toml::node& n) {
            if (!n.is_array()) r.fail(n, "phase.seeds", "an array of labels");
            for (const toml::node& label : *n.as_array()) {
              phase.seeds.push_back(r.text(label, "phase.seeds"));
              phase.seed_lines.push_back(line_of(label));
            }
            seeds_node = &n;
          }},
        });
        if (phase.seeding == "list" && phase.seeds.empty()) {
          throw InputError(source, phase.line, "phase.seeds: found none; expected the labels to "
                                               "seed with seeding = \"list\"");
        }
        if (phase.seeding != "list" && seeds_node != nullptr) {
          throw InputError(source, line_of(*seeds_node),
                           fmt::format("phase.seeds: found a list with seeding = \"{}\"; expected "
                                       "seeding = \"list\" with it",
                                       phase.seeding));
        }
        plan.phases.push_back(std::move(phase));
      }
    }},
    {"value", [&](const toml::node& node) {
      r.each_key(r.table(node, "value"), "value.", {
        {"cpm", [&](const toml::node& n) {
          plan.cpm = r.number(n, "value.cpm", 0, false, kInfinity, true, "a number at least 0");
        }},
        {"value_per_adoption", [&](const toml::node& n) {
          plan.value_per_adoption = r.number(n, "value.value_per_adoption", 0, false, kInfinity,
                                             true, "a number at least 0");
        }},
      });
    }},
    {"run", [&](const toml::node& node) {
      r.each_key(r.table(node, "run"), "run.", {
        {"worlds", [&](const toml::node& n) {
          plan.worlds = r.whole(n, "run.worlds", 1, kMaxPlanWorlds,
                                fmt::format("a whole number from 1 to {}", kMaxPlanWorlds));
        }},
        {"seed", [&](const toml::node& n) {
          plan.seed = r.whole(n, "run.seed", 0, std::numeric_limits<std::int64_t>::max(),
                              "a whole number at least 0");
        }},
        {"eps", [&](const toml::node& n) {
          plan.eps = r.number(n, "run.eps", 0, true, 1, true, "a number in (0, 1)");
        }},
      });
    }},
  });
  if (neg_weight_line > 0 && !DiffusionModel::parse(plan.model).has_sentiment()) {
    throw InputError(source, neg_weight_line,
                     fmt::format("model.neg_weight: found {} with model \"{}\"; expected a model "
                                 "with positive and negative word of mouth (icn:q=Q,neg=M)",
                                 plan.neg_weight, plan.model));
  }
  if (!has_graph) {
    throw InputError(source, 0, "network.graph: found none; expected [network] with graph = \"FILE\"");
  }
  if (!has_total) {
    throw InputError(source, 0, "budget.total: found none; expected [budget] with total = B (the "
                                "fees the phases may spend, or the number of seeds when everyone "
                                "costs 1)");
  }
  if (plan.phases.empty()) {
    PlanPhase whole;
    plan.phases.push_back(whole);  // the whole budget at once
  }
  double shares = 0;
  for (const PlanPhase& phase : plan.phases) shares += phase.share;
  if (std::abs(shares - 1) > 1e-9) {
    std::string each;
    for (const PlanPhase& phase : plan.phases) each += fmt::format("{}{:g}", each.empty() ? "" : " + ", phase.share);
    throw InputError(source, shares_line,
                     fmt::format("phase.share: found {} = {:g}; expected shares that sum to 1",
                                 each, shares));
  }
  return plan;
}

CampaignPlan read_plan(const std::string& path) {
  const std::string text = read_file(path);
  const std::string folder =
      path == "-" ? std::string() : std::filesystem::path(path).parent_path().string();
  return parse_plan(text, path, folder.empty() ? "." : folder);
}

void check_plan_labels(const CampaignPlan& plan, const Graph& graph) {
  for (const PlanPhase& phase : plan.phases) {
    for (std::size_t s = 0; s < phase.seeds.size(); ++s) {
      if (!graph.labels().find(phase.seeds[s])) {
        throw InputError(plan.source, phase.seed_lines[s],
                         fmt::format("phase.seeds: found \"{}\", not a node of {}; expected labels "
                                     "of the network",
                                     phase.seeds[s], graph.load_report().source));
      }
    }
  }
}

}  // namespace cascade

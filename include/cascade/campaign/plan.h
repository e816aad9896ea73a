// A campaign plan: the file a marketer writes by hand (TOML, read with toml++) to say what
// `cascade campaign` runs: the network and its probabilities, the model, the audience, the fees
// and the budget, the phases (budget share, length in steps, seeding rule), and the value of an
// impression and of an adoption.
//
//   [network]   graph = "people.csv"      # relative to the plan file's folder
//               undirected = false
//               prob = "wc"               # a scheme, or "weight" for a learned file
//   [model]     model = "ic"              # ic, lt or icn:q=Q,neg=M, as --model
//               deadline = 10             # optional: what counts is reached by this step
//               fade = 0.0
//               neg_weight = 0.0          # icn only: auto seeds maximize positive reach
//                                         # - neg_weight x negative reach
//   [audience]  targets = "audience.csv"  # optional: label[,weight]
//   [budget]    total = 100.0
//               fees = "fees.csv"         # optional: label,fee; default_fee = 1.0 otherwise
//   [[phase]]   share = 0.5               # of the budget; the shares sum to 1
//               steps = 3                 # how long customers talk before the next phase
//               seeding = "auto"          # auto, hubs, group, or list
//               seeds = ["a", "b"]        # with seeding = "list" only
//   [value]     cpm = 8.0                 # optional: cost of 1,000 advertising impressions
//               value_per_adoption = 2.5  # optional
//   [run]       worlds = 200              # random worlds the plan is played in
//               seed = 1
//               eps = 0.1
//
// Every key is checked when the plan is read, before any work: an unknown key or table, a value
// of the wrong type or out of range, shares that do not sum to 1, a list of seeds without
// seeding = "list", each refused with InputError(plan file, line, "<key>: found ...; expected
// ..."). Labels are checked against the graph by check_plan_labels once it is loaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct PlanPhase {
  double share = 1;
  std::uint32_t steps = 0;          // 0: until the cascade has run its course
  std::string seeding = "auto";     // auto, hubs, group or list
  std::vector<std::string> seeds;   // labels, with seeding "list"
  std::uint64_t line = 0;           // where the phase starts in the plan
  std::vector<std::uint64_t> seed_lines;  // the line of each label
};

struct CampaignPlan {
  std::string source;  // the plan file, as given
  // [network]
  std::string graph;   // resolved against the plan's folder
  bool undirected = false;
  std::string prob;    // empty: the model's default
  // [model]
  std::string model = "ic";
  double fade = 0;
  std::optional<std::uint32_t> deadline;
  double neg_weight = 0;  // icn: the weight of a negative person in the auto rule's objective
  // [audience]
  std::string targets;  // resolved; empty: everyone
  // [budget]
  double budget = 0;
  std::string fees;     // resolved; empty: everyone costs default_fee
  double default_fee = 1;
  std::vector<PlanPhase> phases;
  // [value]
  std::optional<double> cpm;
  std::optional<double> value_per_adoption;
  // [run]
  std::uint64_t worlds = 200;
  std::uint64_t seed = 1;
  double eps = 0.1;
};

inline constexpr std::uint64_t kMaxPlanWorlds = 1'000'000;

// Parses the text of a plan; `source` names it in errors and relative paths are resolved against
// `folder` (empty: left as written).
CampaignPlan parse_plan(std::string_view text, const std::string& source, const std::string& folder);
// Reads the file and parses it, resolving paths against the file's folder.
CampaignPlan read_plan(const std::string& path);

// Throws InputError(plan, line, ...) for a listed seed that is not a node of `graph`.
void check_plan_labels(const CampaignPlan& plan, const Graph& graph);

}  // namespace cascade

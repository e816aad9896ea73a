// A campaign plan played out: phases seeded one after the other on the same random worlds, each
// later phase chosen after seeing whom the earlier ones reached, compared with spending the whole
// budget at once.
//
// Adaptive seeding with full feedback (Golovin, Krause, JAIR 2011, adaptive submodularity; Han,
// Huang, Xiao, Tang, Lu, Shen, VLDB 2018, AdaptGreedy): after phase i the marketer observes who
// has been reached and chooses phase i + 1 among the others for the new reach it adds. The split
// of one budget into two phases and when it beats a single shot: Dhamal, Prabuchandran, Narahari,
// IEEE TNSE 2016.
//
// Worlds w = 0 .. plan.worlds - 1 are fixed live-edge worlds (campaign/worlds.h), replayable by
// (seed, w), so that every phase and the single shot run on the same randomness. Phase 1 starts
// at step 0; phase i + 1 starts at step start_i + steps_i (steps_i = 0: once phase i's cascade
// has stopped in that world, so the start then differs by world). In world w, the people reached
// by the start of phase i (all earlier phases' seeds spreading, counted through that step) are
// fed back; phase i is seeded at its start and the same world continues from every source.
//   auto   budgeted OPIM-C (seeding/budgeted.h) on RR sets that never pass through the people
//          already reached (rrset/reach_objective.h), weighted by the audience, cut at the time
//          left (deadline - start), with the phase's budget share x total. Phase 1 is chosen
//          once (nothing observed); later phases once per world, with a seed derived from
//          (seed, phase, world): reproducible and thread-independent. Cost: one budgeted OPIM-C
//          per world and adaptive phase, which dominates (keep worlds small on large graphs).
//   hubs   the highest out-degree people not yet reached whose fees fit in what is left of the
//          phase's budget (ties to the smaller id).
//   group  a tight group (community/tight_group.h; Leiden with the plan's seed) grown to twice
//          the phase's affordable count, taken in growth order, skipping the reached, while the
//          fees fit.
//   list   the labels as listed (the fees summed must fit the phase's budget, checked before
//          any work); listed people already reached are still paid for and add nothing.
// Reach is counted by the deadline (or when the cascade stops): people reached, the audience's
// weight reached (inside) and people with weight 0 reached (outside). A phase's added reach is the
// reach of phases 1..i minus that of phases 1..i-1 (they sum to the total). The single shot spends
// the whole budget at step 0 with the first phase's rule (auto for a list); the comparison is
// paired (per-world differences, on the objective: audience weight with an audience, else people).
// Every interval is mean +- 1.96 standard errors over worlds (none with one world).
//
// Positive and negative word of mouth (icn, worlds.h): every reach is split into satisfied
// (positive) and unhappy (negative) people, per phase and in total, never netted. The auto rule
// chooses by CELF++ (seeding/celf.h) for positive reach - neg_weight x negative reach, with as
// many seeds as the phase's budget pays at the default fee, over the seeds command's candidates
// (everyone up to 5,000 people, else the 2,000 highest out-degree). Not yet under icn, refused
// before any work: an audience (audience.targets), a fees file with auto (budget.fees), and auto
// in a phase after the first (CELF++ cannot yet leave out the people already reached). The
// comparison with the single shot is on positive reach - neg_weight x negative reach.
//
// Value (only with [value]; campaign/value.h, whose Barcelona Principles wording the front ends
// follow): per world, impressions = for every reached person who speaks before the horizon, their
// out-arcs to people who are not seeds (each a message seen once), the unhappy speakers' apart;
// adoptions = the satisfied people reached beyond the seeds (unhappy customers are not adoptions;
// their messages are the negative impressions); fees = what that world's phases paid (adaptive
// phases pay different fees in different worlds). The cost equivalence is impressions x cpm /
// 1000; the return is the ratio of means value x mean(adoptions) / mean(fees) - 1 with the
// delta-method interval (value.h), undefined (absent) when no world paid anything. These are
// figures next to the reach, not a substitute for it.
//
// Models: ic, lt and icn; threshold and fading are refused with UsageError("model") because
// their worlds cannot be replayed. Time: O(worlds x phases x spread) plus the selections; memory
// O(n) per thread plus the selection's RR sets. Worlds are processed in parallel and combined in
// world order: the report does not depend on the thread count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cascade/campaign/plan.h"
#include "cascade/campaign/value.h"
#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"

namespace cascade {

struct CampaignInputs {
  std::vector<double> fees;     // one per node, or empty: everyone costs plan.default_fee
  std::vector<double> targets;  // one weight per node, or empty: everyone, weight 1
};

// Mean over worlds with the 95% normal interval; low = high = mean with one world.
struct WorldEstimate {
  double mean = 0, low = 0, high = 0;
};
WorldEstimate world_estimate(const std::vector<double>& per_world);

struct FrequentSeed {
  NodeId node = 0;
  double fee = 0;
  double share = 0;  // of the worlds where it was chosen
};

struct CampaignReach {
  WorldEstimate people;   // everyone reached
  WorldEstimate inside;   // audience weight reached (= people without an audience)
  WorldEstimate outside;  // people outside the audience (weight 0) reached
  // Satisfied and unhappy people reached (icn; without sentiment: positive = people).
  WorldEstimate positive, negative;
};

struct PhaseOutcome {
  std::uint32_t number = 1;
  std::string seeding;
  double budget = 0;           // share x total
  std::uint32_t steps = 0;
  std::optional<std::uint32_t> start;  // the step it is seeded at; none when it differs by world
  bool adaptive = false;       // chosen per world
  // Not adaptive: the seeds, their fees and the sum.
  std::vector<NodeId> seeds;
  std::vector<double> fees;
  double spent = 0;
  // Per world (the same in every world when not adaptive).
  WorldEstimate seeds_per_world, spent_per_world;
  std::vector<FrequentSeed> frequent;  // adaptive: the most chosen, at most 10
  CampaignReach added;
};

struct CampaignReport {
  DiffusionModel model;
  std::uint64_t worlds = 0;
  std::uint64_t seed = 0;
  bool targeted = false;
  bool sentiment = false;  // icn: positive and negative reach apart
  double neg_weight = 0;
  double audience_weight = 0;  // without an audience: n
  std::vector<PhaseOutcome> phases;
  CampaignReach reach;
  std::vector<WorldEstimate> curve;  // mean people reached by step 0, 1, ... (to the deadline)
  std::optional<CampaignValue> value;  // with [value]: per-world fees (fees_paid), never terms.fees
  // The whole budget at step 0.
  std::string single_rule;
  std::vector<NodeId> single_seeds;
  std::vector<double> single_fees;
  double single_spent = 0;
  CampaignReach single_reach;
  WorldEstimate difference;  // plan - single shot, on the objective, paired by world
  // "people", "audience weight" or (icn) "positive people" / "positive - L x negative people"
  std::string objective;
  double seconds = 0;
};

// The plan's model; UsageError("model") unless ic, lt or icn without fading.
DiffusionModel campaign_model(const CampaignPlan& plan);

// Checks the plan against the graph and the inputs before any work (InputError at the plan's
// line for lists over budget, a phase after the deadline or an adaptive auto phase under icn,
// UsageError("model") for models without replayable worlds, UsageError("audience.targets") and
// UsageError("budget.fees") for what icn does not take yet), then plays it.
CampaignReport run_campaign(const Graph& graph, const CampaignPlan& plan,
                            const CampaignInputs& inputs);

}  // namespace cascade

// Cascade's library API: one plain request struct in and one plain result struct out per task,
// with every default in this file and every field checked by the library before any work. The
// command line (tools/) and the Python module (python/) only parse their input into these
// requests, call the functions, and format the results; neither decides anything the other
// would have to decide again.
//
// Field names are the command line's option names without dashes (and Python's keyword
// arguments): `eps` is --eps, `time_limit` is --time-limit, `k` is -k. A field that fails its
// check throws UsageError naming the field (error.h: UsageError::field()), so that each front end
// can speak of it in its own terms.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cascade/campaign/campaign.h"
#include "cascade/campaign/parameter_uncertainty.h"
#include "cascade/campaign/value.h"

#include "cascade/campaign/plan.h"
#include "cascade/community/audience.h"
#include "cascade/community/cohesion.h"
#include "cascade/community/leiden.h"
#include "cascade/diffusion/competitive_cascade.h"
#include "cascade/diffusion/model.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/graph/graph.h"
#include "cascade/io/label_file.h"
#include "cascade/seeding/credit_distribution.h"
#include "cascade/seeding/individual_influence.h"
#include "cascade/seeding/reach_goal.h"
#include "cascade/seeding/seed_selection.h"
#include "cascade/seeding/validation.h"

namespace cascade {

// The seed every randomized function uses when none is given.
inline constexpr std::uint64_t kDefaultSeed = 1;

// ---- Loading ----------------------------------------------------------------------------------

struct LoadRequest {
  std::string path;               // a file, or "-" for standard input
  bool undirected = false;        // store each line as two arcs
  std::string header = "auto";    // auto, none, names, counts
  std::string weight_column;      // the CSV column of weights; empty: weight, w, p, ...
  std::string prob;               // probability scheme; empty: none (see default_prob)
  std::uint64_t seed = kDefaultSeed;  // for random schemes (trivalency)
  // Keep the file's trials and successes columns (as learn --out writes them) for draws.
  bool arc_evidence = false;
};

// Loads the graph and assigns `prob`. Under prob "weight" the file's weights must be
// probabilities and repeated arcs combine as independent chances, 1 - prod(1 - p_i); otherwise
// repeated arcs' weights add up (tie strength).
Graph load(const LoadRequest& request);

// The scheme a model runs on when none is given: "wc" for models that need probabilities, ""
// (none) for the others.
std::string default_prob(const DiffusionModel& model);

// A model from its spelling plus the timing rules every model shares.
struct ModelRequest {
  std::string model = "ic";
  double fade = 0;
  std::optional<std::uint32_t> deadline;  // none: no deadline; 0: the seeds alone
};
DiffusionModel make_model(const ModelRequest& request);

// ---- Who to seed -------------------------------------------------------------------------------

// One seed-selection algorithm as the registry knows it.
struct AlgorithmInfo {
  std::string name;         // as `algo` spells it
  bool rr_models_only;      // samples RR sets: ic and lt without fade
  bool anytime;             // honours time_limit
  bool uses_eps;            // eps and delta apply
  std::string guarantee;    // in words
};
// auto, opim-c, imm, celf, credit, degree, degree-discount, pagerank, random: the one table of
// names.
const std::vector<AlgorithmInfo>& seed_algorithms();

inline constexpr double kDefaultEps = 0.1;
inline constexpr std::uint64_t kDefaultCelfRuns = 1000;
inline constexpr double kDefaultFee = 1;
inline constexpr double kDefaultMemoryShare = 0.8;
// max_memory as a request gives it: 0 becomes kDefaultMemoryShare of physical memory (0 if
// unknown: no limit).
std::uint64_t effective_max_memory(std::uint64_t max_memory);

struct SeedRequest {
  std::uint32_t k = 0;        // seeds; with a budget, at most this many (0: as many as it pays for)
  ModelRequest model;
  std::string algo = "auto";  // see seed_algorithms(); auto: OPIM-C refined, CELF++ for other models
  double eps = kDefaultEps;
  double delta = 0;           // 0: 1/n
  double time_limit = 0;      // seconds, opim-c and auto only; 0: none
  // Bytes the RR samples of opim-c, auto and budgets may take: refused before any sampling when
  // the first round cannot fit, stopped (best seeds so far, ratio proven) when the next round
  // would not. 0: kDefaultMemoryShare of the machine's physical memory.
  std::uint64_t max_memory = 0;
  std::uint64_t validation = 0;  // independent samples for the spread; 0: until within 1%
  std::uint64_t runs = kDefaultCelfRuns;  // CELF++: simulations per evaluation
  // icn: the seeds maximize positive reach - neg_weight x negative reach (never the total).
  double neg_weight = 0;
  std::uint32_t candidates = 0;  // CELF++: the C highest out-degree people; 0: all up to 5,000
  std::vector<double> fees;      // one per node, or empty; with budget
  double budget = 0;             // > 0: choose under this budget (needs fees, or default_fee)
  double default_fee = kDefaultFee;  // the fee of everyone when fees is empty
  // The audience: per node a weight >= 0 (0: outside it), or empty: everyone, weight 1. The
  // objective becomes the expected weighted reach inside it (rrset/reach_objective.h).
  std::vector<double> targets;
  // People already reached by an earlier phase: the seeds are chosen among the others for the
  // expected number of new people reached, the reached relaying nothing (reach_objective.h).
  std::vector<NodeId> reached;
  std::uint64_t seed = kDefaultSeed;
  // algo credit chooses from an adoption log (credit_distribution.h), and only it takes one.
  std::string log;                     // the log's path, or "-" for standard input
  std::string log_format = "actions";  // actions or cascades (adoption_log.h)
  double window = 0;                   // 0: 1 for integer steps, infinity for time stamps

  // > 0: the chosen seeds' spread re-estimated under this many probability vectors drawn from
  // the data, kRunsPerDraw runs each (campaign/parameter_uncertainty.h; needs a graph loaded
  // with arc_evidence and prob weight). Selection itself uses the point estimates.
  std::uint32_t draws = 0;
  std::array<double, 2> prior = {1, 1};  // with draws: learn's prior Beta(A, B)

  // Rumor blocking (seeding/rumor_blocking.h): people already spreading a negative message; the
  // k seeds are protectors chosen to save the most people from it under competitive ic. With
  // algo auto or opim-c and model ic only; not with targets, reached, budget, draws or deadline.
  std::vector<NodeId> against;
  std::string tie = "protector";  // with against: who wins a tie, protector or rumor
  // Instead of k: the fewest seeds (with fees, the cheapest) whose expected reach, in the
  // objective's units, is at least this (seeding/reach_goal.h); algo auto, ic or lt, no budget.
  std::optional<double> reach;
};
inline constexpr std::uint64_t kRunsPerDraw = 10'000;
// Competitive runs that check rumor blocking's protectors when validation is 0.
inline constexpr std::uint64_t kBlockingValidationRuns = 2'000;

struct SeedResult {
  SeedSelection selection;     // seeds, marginal gains, guarantee, samples, phases, notes
  ValidatedSpread spread;      // from samples no selection used
  DiffusionModel model;
  bool sampling = false;       // an RR-set algorithm (eps and delta apply)
  bool budgeted = false;
  std::vector<double> seed_fees;  // with a budget: each seed's fee
  double spent = 0;
  double selection_seconds = 0;
  // algo credit: the log and sigma_cd, the objective the seeds were chosen for; `spread` is still
  // the independent check under the graph's probabilities.
  std::optional<CreditSummary> credit;

  std::optional<DataInterval> from_data;  // with draws

  // With against: the rumor's reach without and with the seeds and the people saved, from
  // competitive runs no selection used (validation runs, else kBlockingValidationRuns); `spread`
  // is then unused (samples 0).
  std::optional<CompetitiveResult> blocking;
  TieRule tie = TieRule::kProtector;
  std::optional<ReachGoal> reach_goal;    // with reach; seed_fees and spent with its fees
};

// Graph probabilities must be assigned as the model needs (load with default_prob(model)).
SeedResult select_seeds(const Graph& graph, const SeedRequest& request);

// ---- How far it spreads ------------------------------------------------------------------------

struct SimulationRequest {
  std::vector<NodeId> seeds;  // distinct nodes
  ModelRequest model;
  std::uint64_t runs = 10'000;
  double rel_error = 0;       // > 0: run until the 95% interval is within it (runs is then unused)
  bool node_probabilities = false;
  bool trace = false;         // keep run 0's activations
  std::vector<double> targets;  // per node a weight >= 0, or empty: reach inside and outside it
  std::vector<NodeId> reached;  // already active, influence spent; no seed among them
  std::uint64_t seed = kDefaultSeed;
  // > 0: the reach re-estimated under this many probability vectors drawn from the data, each
  // with as many runs as the point estimate took (campaign/parameter_uncertainty.h; needs a
  // graph loaded with arc_evidence and prob weight).
  std::uint32_t draws = 0;
  std::array<double, 2> prior = {1, 1};  // with draws: learn's prior Beta(A, B)
  // What it earned (campaign/value.h), reported when cpm or value_per_adoption is given: each a
  // finite number >= 0. The seeds' fees for the return follow seeds --budget's conventions: per
  // node (fees, as read_fees gives them) or else default_fee for each seed; with neither, the
  // return is undefined and the value of the adoptions stands alone.
  std::optional<double> cpm;
  std::optional<double> value_per_adoption;
  std::vector<double> fees;          // one per node, or empty
  std::optional<double> default_fee; // each seed's fee when fees is empty
  // People already spreading a negative message (competitive_cascade.h): the seeds are its
  // protectors, and the report gives the rumor's reach without and with them and the people
  // saved. Model ic without deadline nor fade, runs only: not with rel_error,
  // node_probabilities, trace, targets, reached, draws or prices.
  std::vector<NodeId> against;
  std::string tie = "protector";  // with against: who wins a tie, protector or rumor
};

struct SimulationReport {
  SimulationResult result;
  DiffusionModel model;
  bool error_bars = true;     // false with a single run: there is no error bar
  std::optional<DataInterval> from_data;  // with draws
  std::optional<CampaignValue> value;     // with cpm or value_per_adoption
  // With against: rumor reach alone, with the seeds, saved; `result` then holds the runs count
  // and the protectors' own reach (result.reach), nothing else.
  std::optional<CompetitiveResult> blocking;
  TieRule tie = TieRule::kProtector;
};

SimulationReport simulate(const Graph& graph, const SimulationRequest& request);

// ---- Who matters -------------------------------------------------------------------------------

struct InfluenceRequest {
  std::string model = "ic";   // ic or lt
  std::string top = "10%";    // a count ("25") or a share of everyone ("10%")
  std::uint64_t samples = 0;  // RR sets per sample; 0: 20 per node within [200,000, 5,000,000]
  std::uint64_t seed = kDefaultSeed;
};
InfluenceRanking influencers(const Graph& graph, const InfluenceRequest& request);

struct CommunityRequest {
  double resolution = 1.0;
  int iterations = 10;
  std::uint64_t seed = kDefaultSeed;
  const GroupFile* truth = nullptr;  // known groups (io/label_file.h), or none
};

struct CommunityReport {
  CommunityPartition partition;
  std::vector<CommunityCohesion> cohesion;
  std::uint32_t loose = 0, singletons = 0;
  bool has_truth = false;
  double nmi = 0;              // over the people the truth lists
  double truth_coverage = 0;   // share of the network the truth lists
  std::uint32_t truth_groups = 0;
  double seconds = 0;
};
// Below this share of the network a ground truth says too little about a partition of it all.
inline constexpr double kMinimumTruthCoverage = 0.10;
CommunityReport communities(const Graph& graph, const CommunityRequest& request);

// ---- Strategies compared ----------------------------------------------------------------------

struct CompareRequest {
  std::uint32_t k = 10;
  std::vector<std::string> strategies = {"optimal", "hubs", "group", "pagerank", "random"};
  ModelRequest model;
  std::uint64_t runs = 10'000;
  std::uint64_t celf_runs = 200;     // optimal under models RR sets cannot handle: CELF++ runs
  std::uint32_t candidates = 300;    // ... over the C highest out-degree people
  std::uint64_t seed = kDefaultSeed;
};

struct StrategyOutcome {
  std::string strategy;
  std::string how;
  std::vector<NodeId> seeds;
  SimulationResult result;
  double seconds = 0;
};

struct CompareReport {
  DiffusionModel model;
  std::vector<StrategyOutcome> outcomes;
  double best = 0;  // the best mean reach
};
CompareReport compare(const Graph& graph, const CompareRequest& request);

// ---- How real an audience is ------------------------------------------------------------------

struct AuditRequest {
  NodeId account = 0;
  std::vector<NodeId> likers;  // may be empty
  ModelRequest model;
  std::uint64_t runs = 2000;
  std::uint64_t seed = kDefaultSeed;
};

struct AuditReport {
  AudienceAudit audience;
  bool has_audience = false;
  DiffusionModel model;
  SimulationResult alone, passed_on;
  std::vector<NodeId> likers_without_ties;
  std::uint32_t community = 0;  // the account's community (with likers)
  static constexpr const char* kCaveat =
      "a signal, not proof: real fans outside the account's circle exist, and bought likes can "
      "come from accounts with ties";
};
AuditReport audit(const Graph& graph, const AuditRequest& request);

// ---- A campaign plan ---------------------------------------------------------------------------

struct CampaignRun {
  Graph graph;             // the plan's network, with its probabilities
  CampaignReport report;
};
// Loads the plan's network (prob as the plan says, else the model's default; seed from the plan),
// its fees and audience, checks the plan against them, and plays it (campaign/campaign.h).
CampaignRun campaign(const CampaignPlan& plan);

}  // namespace cascade

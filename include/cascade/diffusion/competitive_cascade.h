// Competitive independent cascade: a negative message (the rumor) spreads from people already
// spreading it while protectors spread a positive one, both on the same arcs (Budak, Agrawal,
// El Abbadi, "Limiting the spread of misinformation in social networks", WWW 2011; the model of
// Tong, Wu, Guo, Li, Zhang, Li, Du, "An efficient randomized algorithm for rumor blocking in
// online social networks", IEEE TNSE 2017 / INFOCOM 2017).
//
// One run is one live-edge world: each arc is live with its probability, for both messages alike
// (an arc that would carry one carries the other). Every person adopts the first message to
// arrive and passes it on; a person reached by both at the same step takes the one the tie rule
// names (Tong et al.: the protector). Equivalently, with d the live-path distance, v ends with
// the rumor iff d(rumor, v) is finite and d(rumor, v) < d(protectors, v) (<= when the rumor wins
// ties): on a shortest live path from the winning side every node is reached by it first.
//
// Each run counts the people the rumor reaches with no protectors, with them, and the people the
// protectors reach; saved = the first less the second, in the same world, so its error bar is
// that of a per-run difference (common random numbers), not of two independent means. Rumor
// seeds count in both rumor reaches; protectors that the rumor would reach count as saved.
//
// Run r draws arc a's coin as hashed_uniform(seed, purpose, r, a): a run does not depend on the
// thread count, and per-run counts are integers reduced in run order.
// Time O(runs x arcs out of reached people), two searches per run; memory O(n) per thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "cascade/diffusion/simulator.h"
#include "cascade/graph/graph.h"
#include "cascade/parallel/random_stream.h"

namespace cascade {

// Who wins a tie: a person reached by both messages at the same step.
enum class TieRule { kProtector, kRumor };

// "protector" or "rumor"; throws UsageError("tie", ...) otherwise.
TieRule parse_tie_rule(const std::string& text);
const char* to_string(TieRule tie);

struct CompetitiveOptions {
  std::uint64_t runs = 10'000;
  std::uint64_t seed = 1;
  TieRule tie = TieRule::kProtector;
  StreamPurpose purpose = StreamPurpose::kCompetitiveWorld;
};

// One world's counts.
struct CompetitiveOutcome {
  std::uint32_t rumor_alone = 0;  // reached by the rumor without protectors
  std::uint32_t rumor = 0;        // reached by the rumor with them
  std::uint32_t protected_people = 0;  // reached by the protectors (protectors included)
};

struct CompetitiveResult {
  std::uint64_t runs = 0;
  // Mean -/+ 1.96 standard errors, the low ends clipped at 0 (at the rumor seeds for the reaches).
  Estimate rumor_alone, rumor, saved, protected_people;
  double seconds = 0;
};

// Throws UsageError("against" or "seeds", ...) unless the graph has probabilities, the rumor is
// a non-empty list of distinct nodes, the protectors distinct nodes, and no one in both.
void check_competition(const Graph& graph, std::span<const NodeId> rumor,
                       std::span<const NodeId> protectors);

// Run `run` alone (tests compare it with worlds enumerated by hand).
CompetitiveOutcome competitive_run(const Graph& graph, std::span<const NodeId> rumor,
                                   std::span<const NodeId> protectors, TieRule tie,
                                   std::uint64_t seed, StreamPurpose purpose, std::uint64_t run);

// The outcome in one given world: live[a] says whether out-arc a (out_offsets order) is live.
CompetitiveOutcome competitive_outcome(const Graph& graph, std::span<const NodeId> rumor,
                                       std::span<const NodeId> protectors, TieRule tie,
                                       const std::vector<char>& live);

CompetitiveResult simulate_competitive(const Graph& graph, std::span<const NodeId> rumor,
                                       std::span<const NodeId> protectors,
                                       const CompetitiveOptions& options);

}  // namespace cascade

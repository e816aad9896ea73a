// What every seed-selection algorithm returns: the seeds in order with their marginal gains, and a
// record of what it did. Kernels never print; the command line turns this into text or JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

struct Phase {
  std::string name;
  double seconds = 0;
};

struct SeedSelection {
  std::string algorithm;
  std::vector<NodeId> seeds;
  // Expected spread each seed adds to those before it, as the algorithm estimated it (from its
  // own sample: biased upward; validate independently before reporting a spread).
  std::vector<double> marginal_gain;
  // Models with sentiment (icn): each seed's added positive and negative reach, as estimated.
  std::vector<double> positive_gain, negative_gain;
  double estimated_spread = 0;
  // Proven approximation ratio: with probability >= 1 - failure_probability the seeds' expected
  // spread is at least `guarantee` x the optimum. 0 for heuristics, which prove nothing.
  double guarantee = 0;
  double failure_probability = 0;
  std::uint64_t rr_sets = 0;        // RR sets generated (all collections)
  std::uint64_t simulations = 0;    // Monte Carlo runs (greedy by simulation)
  std::size_t sample_bytes = 0;     // peak memory of the samples
  std::vector<Phase> phases;
  std::vector<std::string> notes;   // how it stopped, and why
};

// The note every selector adds when the sample is exhausted before k seeds (every remaining
// marginal gain is 0): the last `filled` seeds were taken by the fill rule, highest out-degree
// first, ties to the smaller id, never a repeat, with marginal gain 0.
std::string filled_note(std::uint32_t filled);

// Memory limits (SeedRequest::max_memory, --max-memory). The physical memory of this machine
// (0 when unknown); sizes in words ("1.5 GiB"); the note an anytime selector adds when it stops
// because its next round's samples would pass the limit (as at a time limit, the seeds are the
// best so far with the ratio proven); and the check before the first round, which throws
// UsageError("max_memory", ...) when the graph plus the first round's RR sets (at least one
// person each, in two collections) cannot fit: what it needs, what is allowed, what lowers it.
std::uint64_t physical_memory_bytes();
std::string byte_text(std::uint64_t bytes);
std::string memory_limit_note(std::uint64_t needed, std::uint64_t allowed);
void check_first_round_memory(const Graph& graph, std::uint64_t first_sets, std::uint64_t allowed);

// Throws UsageError unless 1 <= k <= nodes and 0 < epsilon < 1: checked before any work.
void check_seed_parameters(const Graph& graph, std::uint32_t k, double epsilon);

// Throws UsageError("k", ...) when k exceeds the people who may be seeded (those not yet reached).
void check_eligible_seeds(std::uint32_t k, NodeId eligible);

}  // namespace cascade

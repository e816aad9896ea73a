// What every `cascade` subcommand shares: the graph options, the common flags, and the helpers
// that turn results into text. One subcommand per file; each registers itself with register_*.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/graph/graph.h"
#include "cascade/graph/probability.h"

namespace cascade::cli {

// The seed every randomized command uses when --seed is not given.
inline constexpr std::uint64_t kDefaultSeed = 1;

struct GraphOptions {
  std::string path;
  bool undirected = false;
  std::string header = "auto";
  std::string probability;  // empty: no probabilities assigned
};

struct CommonOptions {
  int threads = 0;
  std::uint64_t seed = kDefaultSeed;
  bool json = false;
};

// GRAPH (positional), --undirected, --header and, if `probability_help` is not empty, --prob.
void add_graph_options(CLI::App* command, GraphOptions& options, const std::string& probability_help);
// --threads, --seed, --json.
void add_common_options(CLI::App* command, CommonOptions& options);

// Loads the graph and assigns --prob probabilities (drawn from `seed` where the scheme is random).
Graph load_graph_for(const GraphOptions& options, std::uint64_t seed);

// Applies --threads.
void apply_common_options(const CommonOptions& options);

std::string with_commas(std::uint64_t value);
std::string human_bytes(std::uint64_t bytes);
std::uint64_t peak_resident_bytes();

// Node labels, one per line (blank and '#' lines skipped); InputError names the file and line of
// an unknown label, calling it `what` ("seed", "liker").
std::vector<NodeId> read_labels(const Graph& graph, const std::string& path, std::string_view what);

// Seeds by label: from FILE (one label per line; blank and '#' lines skipped) and/or a comma list.
// Throws InputError naming the file and line of an unknown label, UsageError if none are given.
std::vector<NodeId> resolve_seeds(const Graph& graph, const std::string& file,
                                  const std::vector<std::string>& labels);

// Lines 'label value' (comma, tab or space separated; '#' comments; an optional header row whose
// first field is label, node or id) for nodes of the graph. Throws InputError naming the file and
// line of a malformed line or an unknown label.
struct LabelValue {
  NodeId node;
  std::string value;
  std::uint64_t line;
};
std::vector<LabelValue> read_label_values(const Graph& graph, const std::string& path);

// Writes `text` to `path` atomically.
void write_output_file(const std::string& path, std::string_view text);

void register_info(CLI::App& app);
void register_simulate(CLI::App& app);
void register_seeds(CLI::App& app);
void register_generate(CLI::App& app);
void register_influencers(CLI::App& app);
void register_communities(CLI::App& app);
void register_compare(CLI::App& app);
void register_audit(CLI::App& app);
void register_convert(CLI::App& app);
void register_demo(CLI::App& app);

}  // namespace cascade::cli

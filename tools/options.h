// What every `cascade` subcommand shares: the graph options, the common flags, the checks that
// read numeric options before CLI11 converts them, and the helpers that turn results into text
// and JSON. One subcommand per file; each registers itself with register_*.
#pragma once

#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cascade/api/requests.h"
#include "cascade/diffusion/model.h"
#include "cascade/graph/graph.h"
#include "cascade/graph/probability.h"

namespace cascade::cli {

// The seed every randomized command uses when --seed is not given is the library's kDefaultSeed.

struct GraphOptions {
  std::string path;
  bool undirected = false;
  std::string header = "auto";
  std::string weight_column;
  std::string probability;  // empty: no probabilities assigned
  bool arc_evidence = false;  // keep the trials and successes columns (for --draws)
};

struct CommonOptions {
  int threads = 0;
  std::uint64_t seed = kDefaultSeed;
  bool json = false;
  bool quiet = false;  // no progress bar
};

// The argument vector as typed and the start of the run, recorded once by main().
void record_invocation(int argc, char** argv);
const std::vector<std::string>& invocation();
double seconds_since_start();

// Checks of a numeric option's text, before CLI11 converts it (which would turn '-1' into
// 18446744073709551615 for an unsigned option and accept 'nan'). The message reads
// "--flag: found '-1'; expected an integer from 1 to 1,000".
CLI::Validator whole_number(std::uint64_t low,
                            std::uint64_t high = std::numeric_limits<std::uint64_t>::max());
// A finite number in the interval; `low_open`/`high_open` exclude the end.
CLI::Validator real_number(double low, double high, bool low_open, bool high_open);

// A path option's text: refused when empty ("--out ''" must not mean "no output").
CLI::Validator nonempty_path();

// GRAPH (positional: a file, or - for standard input), --undirected, --header, --weight-column
// and, if `probability_help` is not empty, --prob.
void add_graph_options(CLI::App* command, GraphOptions& options, const std::string& probability_help);
// --threads, --seed, --json.
void add_common_options(CLI::App* command, CommonOptions& options);
// --seed checked as a whole number, for commands without the other common options.
CLI::Option* add_seed_option(CLI::App* command, std::uint64_t& seed);

// --draws N and --prior A,B (simulate, seeds): the spread re-estimated under probabilities drawn
// from each arc's posterior (campaign/parameter_uncertainty.h).
void add_draw_options(CLI::App* command, std::uint32_t& draws, std::string& prior);
// "A,B": two positive numbers, a Beta prior; UsageError naming prior otherwise.
std::array<double, 2> parse_prior(const std::string& text);
// The interval from the data as JSON, and what it rests on as one line of text.
nlohmann::ordered_json data_interval_json(const DataInterval& data);
std::string data_interval_details(const DataInterval& data, int decimals);
// When the data's interval is at least twice as wide as the Monte Carlo one [low, high], a
// sentence that says so; else empty.
std::string data_interval_width_note(const DataInterval& data, double low, double high);

// Loads the graph (the library's load()) and assigns --prob probabilities (drawn from `seed` where
// the scheme is random), by default the model's (default_prob); prints the loader's warnings on
// stderr.
Graph load_graph_for(const GraphOptions& options, std::uint64_t seed);
Graph load_graph_for(const GraphOptions& options, const DiffusionModel& model, std::uint64_t seed);

// The flag a front end shows for an API field: "k" -> "-k", "time_limit" -> "--time-limit",
// "default_fee" -> "--default-cost", "fees" -> "--costs".
std::string flag_for_field(const std::string& field);

// --window of learn and seeds --algo credit: "default" -> 0 (the library's default for the log),
// "inf" -> infinity, or a positive number; anything else throws UsageError("window", ...).
double parse_window(const std::string& text);
// A window as used: "infinite" or the number in text, "inf" or the number in JSON.
std::string window_text(double window);
nlohmann::ordered_json window_json(double window);

// Applies --threads.
void apply_common_options(const CommonOptions& options);

// Text: 1234567 -> "1,234,567"; 10952.34 with 1 decimal -> "10,952.3"; "1 thread", "2 threads".
std::string with_commas(std::uint64_t value);
std::string with_commas(double value, int decimals);
std::string count_of(std::uint64_t count, std::string_view singular, std::string_view plural);
// A fee or budget: whole numbers with thousands separators (1,500), others as written (2.5).
std::string number_text(double value);
std::string human_bytes(std::uint64_t bytes);
std::uint64_t peak_resident_bytes();
// Columns of labels: padded to a display width (wide characters count two columns, combining
// marks none), so that tables stay aligned with unicode names.
std::size_t display_width(std::string_view text);
// A label as a table cell: line breaks and tabs shown as \n and \t, so one person is one row.
std::string table_label(std::string_view label);
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);
// "a, b, c" with a label quoted as in CSV when it holds a comma or a quote; "..." after `limit`.
std::string label_list(const Graph& graph, std::span<const NodeId> nodes, std::size_t limit = 10);

// JSON: every command's record starts with version, command, seed, threads and, with a graph,
// graph, nodes and arcs; print_json adds the run's seconds. Labels are JSON numbers when the
// graph's labels are integers.
nlohmann::ordered_json json_record(const CommonOptions& common, const Graph* graph);
void print_json(nlohmann::ordered_json& json);
nlohmann::ordered_json json_label(const Graph& graph, NodeId node);
nlohmann::ordered_json json_labels(const Graph& graph, std::span<const NodeId> nodes);
// An estimate as <name>, <name>_stderr, <name>_ci95; with fewer than 2 samples the error bar is
// null (there is none).
void put_estimate(nlohmann::ordered_json& json, const std::string& name, double mean,
                  double standard_error, double low, double high, bool has_error_bar = true);
// A float (a probability as stored) as the shortest decimal that reads back as the same float:
// 0.01, not 0.009999999776482582.
double shortest_decimal(double value);
// A sum or mean of floats to the precision a float carries (7 significant digits): 0.01, not
// 0.009999999776482582.
double float_precision(double value);

// Checks a command's files before any work: every output's folder is writable
// (check_output_path), no output is an input or another output (check_distinct_files), and
// standard output ("-") is not asked to carry a file beside the report. Empty paths are ignored.
void check_files(const std::vector<std::pair<std::string, std::string>>& inputs,
                 const std::vector<std::pair<std::string, std::string>>& outputs);

// The seeds of --seeds FILE (one label per line) or of --seed-labels a,b,c (one CSV record, so
// that a label holding a comma can be quoted); none when neither is given.
std::vector<NodeId> seeds_from(const Graph& graph, const std::string& seeds_file,
                               const std::string& seed_labels);

// Writes `text` to `path` atomically ("-": standard output).
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
void register_learn(CLI::App& app);
void register_campaign(CLI::App& app);
void register_report(CLI::App& app);
void register_export(CLI::App& app);

}  // namespace cascade::cli

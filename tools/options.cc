#include "options.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include "cascade/error.h"
#include "cascade/graph/load.h"
#include "cascade/io/file.h"
#include "cascade/parallel/parallel_for.h"

namespace cascade::cli {

void add_graph_options(CLI::App* command, GraphOptions& options, const std::string& probability_help) {
  command->add_option("GRAPH", options.path,
                      "Graph file: edge list (SNAP, CSV/TSV with header; .gz read too) or a "
                      ".cgraph snapshot")
      ->required();
  command->add_flag("--undirected", options.undirected,
                    "Store each line as two arcs, one each way");
  command->add_option("--header", options.header,
                      "First line: auto (detect), none, names (column names), counts ('n m')")
      ->check(CLI::IsMember({"auto", "none", "names", "counts"}))
      ->capture_default_str();
  if (!probability_help.empty()) {
    command->add_option("--prob", options.probability, probability_help);
  }
}

void add_common_options(CLI::App* command, CommonOptions& options) {
  command->add_option("--threads", options.threads, "Threads to use (0: all cores)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  command->add_option("--seed", options.seed,
                      "Seed of every random draw: the same seed gives the same output on any "
                      "number of threads")
      ->capture_default_str();
  command->add_flag("--json", options.json, "Print one JSON object instead of text");
}

void apply_common_options(const CommonOptions& options) { set_num_threads(options.threads); }

Graph load_graph_for(const GraphOptions& options, std::uint64_t seed) {
  LoadOptions load;
  load.read.header = parse_header_mode(options.header);
  load.build.undirected = options.undirected;
  std::optional<ProbabilitySpec> spec;
  if (!options.probability.empty()) {
    spec = ProbabilitySpec::parse(options.probability);  // a usage error before any reading
    if (spec->scheme == ProbabilityScheme::kWeight) {
      load.read.weights_are_probabilities = true;
      load.build.duplicates = DuplicateMerge::kIndependentChances;
    }
  }
  Graph graph = load_graph(options.path, load);
  if (spec) assign_probabilities(graph, *spec, seed);
  return graph;
}

namespace {

// Calls visit(line, number) for each line of the file that is not blank or a '#' comment, with
// surrounding spaces, tabs and CRs trimmed.
template <typename Visit>
void for_each_data_line(const std::string& path, Visit&& visit) {
  const std::string text = read_file(path);
  std::uint64_t number = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    std::size_t end = text.find('\n', position);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + position, end - position);
    position = end + 1;
    ++number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    visit(line, number);
  }
}

[[noreturn]] void unknown_label(const Graph& graph, const std::string& where, std::uint64_t line,
                                std::string_view label, std::string_view what = "") {
  throw InputError(where, line,
                   fmt::format("found {}{}'{}', which is not a node of {}; expected a node label",
                               what, what.empty() ? "" : " ", label, graph.load_report().source));
}

}  // namespace

std::vector<NodeId> read_labels(const Graph& graph, const std::string& path, std::string_view what) {
  std::vector<NodeId> nodes;
  for_each_data_line(path, [&](std::string_view line, std::uint64_t number) {
    const auto node = graph.labels().find(line);
    if (!node) unknown_label(graph, path, number, line, what);
    nodes.push_back(*node);
  });
  return nodes;
}

std::vector<NodeId> resolve_seeds(const Graph& graph, const std::string& file,
                                  const std::vector<std::string>& labels) {
  std::vector<NodeId> seeds;
  if (!file.empty()) seeds = read_labels(graph, file, "seed");
  for (const auto& label : labels) {
    const auto node = graph.labels().find(label);
    if (!node) unknown_label(graph, "--seed-labels", 0, label, "seed");
    seeds.push_back(*node);
  }
  if (seeds.empty()) {
    throw UsageError(file.empty() ? "no seeds; expected --seeds FILE or --seed-labels a,b,c"
                                  : file + ": found no seed labels; expected one label per line");
  }
  return seeds;
}

std::vector<LabelValue> read_label_values(const Graph& graph, const std::string& path) {
  std::vector<LabelValue> values;
  bool first = true;
  for_each_data_line(path, [&](std::string_view line, std::uint64_t number) {
    const std::size_t split = line.find_first_of(",\t ");
    if (split == std::string_view::npos) {
      throw InputError(path, number, fmt::format("found '{}'; expected 'label,value'", line));
    }
    const std::string_view label = line.substr(0, split);
    std::string_view value = line.substr(split + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    const bool header = first && (label == "label" || label == "node" || label == "id");
    first = false;
    if (header) return;
    const auto node = graph.labels().find(label);
    if (!node) unknown_label(graph, path, number, label);
    values.push_back({*node, std::string(value), number});
  });
  return values;
}

void write_output_file(const std::string& path, std::string_view text) {
  AtomicOutputFile file(path);
  file.write(text);
  file.commit();
}

std::string with_commas(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string human_bytes(std::uint64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(bytes) / 1024);
  if (bytes < 1024ull * 1024 * 1024) {
    return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024 * 1024));
  }
  return fmt::format("{:.2f} GiB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
}

std::uint64_t peak_resident_bytes() {
  struct rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace cascade::cli

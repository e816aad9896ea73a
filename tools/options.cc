#include "options.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "cascade/io/label_file.h"
#include "cascade/io/file.h"
#include "cascade/io/paths.h"
#include "cascade/text.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/progress.h"

namespace cascade::cli {
namespace {

std::vector<std::string>& invocation_storage() {
  static std::vector<std::string> arguments;
  return arguments;
}

std::chrono::steady_clock::time_point& start_time() {
  static std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  return start;
}

std::string bound_text(double value) {
  if (value == std::numeric_limits<double>::infinity()) return "infinity";
  return fmt::format("{}", value);
}

}  // namespace

void record_invocation(int argc, char** argv) {
  start_time() = std::chrono::steady_clock::now();
  invocation_storage().assign(argv, argv + argc);
}

const std::vector<std::string>& invocation() { return invocation_storage(); }

double seconds_since_start() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time()).count();
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
  const std::string expected =
      high == std::numeric_limits<std::uint64_t>::max()
          ? fmt::format("expected a whole number of at least {}{}", with_commas(low),
                        low == 0 ? " (at most 18446744073709551615)" : "")
          : fmt::format("expected a whole number from {} to {}", with_commas(low), with_commas(high));
  return CLI::Validator(
      [low, high, expected](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* begin = text.data();
        const char* end = begin + text.size();
        const auto parsed = std::from_chars(begin, end, value);
        if (text.empty() || parsed.ptr != end || parsed.ec != std::errc() || value < low ||
            value > high) {
          return fmt::format("found '{}'; {}", text, expected);
        }
        return std::string();
      },
      "", "whole number");
}

CLI::Validator real_number(double low, double high, bool low_open, bool high_open) {
  const std::string interval = fmt::format("{}{}, {}{}", low_open ? "(" : "[", low,
                                           bound_text(high), high_open ? ")" : "]");
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0;
        const char* begin = text.data();
        const char* end = begin + text.size();
        const auto parsed = std::from_chars(begin, end, value);
        const bool ok = !text.empty() && parsed.ptr == end && parsed.ec == std::errc() &&
                        std::isfinite(value) && (low_open ? value > low : value >= low) &&
                        (high_open ? value < high : value <= high);
        return ok ? std::string() : fmt::format("found '{}'; expected a number in {}", text, interval);
      },
      "", "number");
}

CLI::Validator nonempty_path() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        return text.empty() ? "found an empty path; expected a file name" : std::string();
      },
      "", "path");
}

void add_graph_options(CLI::App* command, GraphOptions& options, const std::string& probability_help) {
  command->add_option("GRAPH", options.path,
                      "Graph file, or - for standard input: an edge list (SNAP, CSV/TSV with a "
                      "header, networkx; .gz read too), GraphML, GEXF, GML, or a .cgraph snapshot "
                      "(recognized by content)")
      ->required()
      ->check(nonempty_path());
  command->add_flag("--undirected", options.undirected,
                    "Store each line as two arcs, one each way");
  command->add_option("--header", options.header,
                      "First line: auto (detect), none, names (column names), counts ('n m')")
      ->check(CLI::IsMember({"auto", "none", "names", "counts"}))
      ->capture_default_str();
  command->add_option("--weight-column", options.weight_column,
                      "The column holding arc weights, by its header name (default: weight, w, "
                      "p, probability, strength)");
  if (!probability_help.empty()) {
    command->add_option("--prob", options.probability, probability_help);
  }
}

CLI::Option* add_seed_option(CLI::App* command, std::uint64_t& seed) {
  return command
      ->add_option("--seed", seed,
                   "Seed of every random draw: the same seed gives the same output on any number "
                   "of threads")
      ->check(whole_number(0))
      ->capture_default_str();
}

void add_common_options(CLI::App* command, CommonOptions& options) {
  command->add_option("--threads", options.threads, "Threads to use (0: all cores)")
      ->check(whole_number(0, 1024))
      ->capture_default_str();
  add_seed_option(command, options.seed);
  command->add_flag("--json", options.json, "Print one JSON object instead of text");
  command->add_flag("--quiet", options.quiet,
                    "No progress bar (it is shown on a terminal only, never with --json)");
}

namespace {

// The progress bar: one line on stderr, rewritten in place, cleared when the phase ends.
class TerminalProgress : public ProgressSink {
 public:
  void update(std::string_view phase, std::uint64_t done, std::uint64_t total,
              double seconds) override {
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
    std::string line;
    if (total > 0) {
      const double share = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
      const int filled = static_cast<int>(share * kWidth);
      line = fmt::format("{}: [{}{}] {:3.0f}% {} of {}", phase, std::string(filled, '#'),
                         std::string(kWidth - filled, '.'), 100 * share, with_commas(done),
                         with_commas(total));
      if (rate > 0 && done < total) {
        line += fmt::format(", {}/s, {} left", with_commas(rate, 0),
                            duration_text(static_cast<double>(total - done) / rate));
      }
    } else {
      line = fmt::format("{}: {} so far, {}/s", phase, with_commas(done), with_commas(rate, 0));
    }
    std::fputs(fmt::format("\r\x1b[K{}", line).c_str(), stderr);
    std::fflush(stderr);
  }
  void finish(std::string_view) override {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
  }

 private:
  static constexpr int kWidth = 24;
  static std::string duration_text(double seconds) {
    if (seconds < 60) return fmt::format("{:.0f} s", std::ceil(seconds));
    if (seconds < 3600) return fmt::format("{:.0f} min {:.0f} s", std::floor(seconds / 60),
                                           std::fmod(std::ceil(seconds), 60.0));
    return fmt::format("{:.1f} h", seconds / 3600);
  }
};

}  // namespace

void apply_common_options(const CommonOptions& options) {
  set_num_threads(options.threads);
  // A bar only for a person watching: stderr a terminal, no JSON, not --quiet.
  static TerminalProgress bar;
  const bool show = !options.quiet && !options.json && isatty(STDERR_FILENO) == 1;
  set_progress_sink(show ? &bar : nullptr);
}

void add_draw_options(CLI::App* command, std::uint32_t& draws, std::string& prior) {
  command->add_option("--draws", draws,
                      fmt::format("With probabilities learned by cascade learn (--prob weight on its "
                                  "--out file): re-estimate the spread under N probability "
                                  "vectors drawn from each arc's posterior, for a 95% interval "
                                  "from the data ({} to {})",
                                  kMinDraws, with_commas(std::uint64_t{kMaxDraws})))
      ->check(whole_number(kMinDraws, kMaxDraws));
  command->add_option("--prior", prior,
                      "With --draws: the Beta prior A,B that cascade learn used (its --prior)")
      ->capture_default_str();
}

std::array<double, 2> parse_prior(const std::string& text) {
  const std::size_t comma = text.find(',');
  double a = std::nan(""), b = std::nan("");
  if (comma != std::string::npos) {
    const auto parse = [](std::string_view field, double& value) {
      const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
      if (error != std::errc() || end != field.data() + field.size()) value = std::nan("");
    };
    parse(std::string_view(text).substr(0, comma), a);
    parse(std::string_view(text).substr(comma + 1), b);
  }
  if (!(a > 0 && b > 0 && std::isfinite(a) && std::isfinite(b))) {
    throw UsageError("prior", fmt::format("found '{}'; expected A,B: two positive numbers", text));
  }
  return {a, b};
}

nlohmann::ordered_json data_interval_json(const DataInterval& data) {
  nlohmann::ordered_json json;
  json["draws"] = data.draws;
  json["runs_per_draw"] = data.runs_per_draw;
  json["prior"] = {data.prior_a, data.prior_b};
  json["mean"] = data.mean;
  json["ci95"] = {data.low, data.high};
  json["between_draws_stddev"] = data.between_draws;
  json["monte_carlo_stderr"] = data.monte_carlo_error;
  json["arcs_drawn"] = data.arcs_drawn;
  json["arcs_fixed"] = data.arcs_fixed;
  json["notes"] = data.notes;
  json["seconds"] = data.seconds;
  return json;
}

std::string data_interval_details(const DataInterval& data, int decimals) {
  return fmt::format(
      "mean {} of {} draws, each arc's probability drawn from its posterior under the prior "
      "Beta({:g}, {:g}); {} per draw, Monte Carlo error {}; {} drawn, {} never tried kept at the "
      "file's value",
      with_commas(data.mean, decimals), with_commas(std::uint64_t{data.draws}), data.prior_a,
      data.prior_b, count_of(data.runs_per_draw, "run", "runs"),
      with_commas(data.monte_carlo_error, decimals + 1), count_of(data.arcs_drawn, "arc", "arcs"),
      with_commas(data.arcs_fixed));
}

std::string data_interval_width_note(const DataInterval& data, double low, double high) {
  const double width = high - low;
  if (!(width > 0) || data.high - data.low < 2 * width) return "";
  return fmt::format("the interval from the data is {:.0f} times as wide as the simulation's: "
                     "more runs will not narrow it, more data would",
                     (data.high - data.low) / width);
}

Graph load_graph_for(const GraphOptions& options, std::uint64_t seed) {
  LoadRequest request;
  request.path = options.path;
  request.undirected = options.undirected;
  request.header = options.header;
  request.weight_column = options.weight_column;
  request.prob = options.probability;
  request.seed = seed;
  request.arc_evidence = options.arc_evidence;
  Graph graph = load(request);
  for (const std::string& warning : graph.load_report().warnings) {
    fmt::print(stderr, "cascade: warning: {}\n", warning);
  }
  return graph;
}

Graph load_graph_for(const GraphOptions& options, const DiffusionModel& model, std::uint64_t seed) {
  GraphOptions with_default = options;
  if (with_default.probability.empty()) with_default.probability = default_prob(model);
  return load_graph_for(with_default, seed);
}

double parse_window(const std::string& text) {
  if (text == "default") return 0;
  if (text == "inf") return std::numeric_limits<double>::infinity();
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(value > 0)) {
    throw UsageError("window", fmt::format("found '{}'; expected a positive number, inf or default",
                                           text));
  }
  return value;
}

std::string window_text(double window) {
  return std::isinf(window) ? "infinite" : fmt::format("{:g}", window);
}

nlohmann::ordered_json window_json(double window) {
  return std::isinf(window) ? nlohmann::ordered_json("inf") : nlohmann::ordered_json(window);
}

std::string flag_for_field(const std::string& field) {
  if (field == "default_fee") return "--default-cost";
  if (field == "fees") return "--costs";
  if (field == "prob" || field == "model" || field.size() > 1) {
    std::string flag = "--" + field;
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
  }
  return "-" + field;
}

void check_files(const std::vector<std::pair<std::string, std::string>>& inputs,
                 const std::vector<std::pair<std::string, std::string>>& outputs) {
  std::vector<NamedPath> in, out;
  std::string standard_input;  // the input that reads it, if any
  for (const auto& [name, path] : inputs) {
    in.push_back({name, path});
    if (path != "-") continue;
    if (!standard_input.empty()) {
      throw UsageError(fmt::format("{}: found -, which {} reads already; expected a file (standard "
                                   "input can be read once)",
                                   name, standard_input));
    }
    standard_input = name;
  }
  for (const auto& [name, path] : outputs) {
    if (path.empty()) continue;
    if (path == "-") {
      throw UsageError(fmt::format("{}: found -; expected a file (standard output carries the "
                                   "report)",
                                   name));
    }
    check_output_path(path);
    out.push_back({name, path});
  }
  check_distinct_files(in, out);
}

std::vector<NodeId> seeds_from(const Graph& graph, const std::string& seeds_file,
                               const std::string& seed_labels) {
  if (!seeds_file.empty()) return read_node_list(graph, seeds_file, "seed");
  if (seed_labels.empty()) return {};
  CsvReader reader(seed_labels, "--seed-labels", ',');
  CsvRecord record;
  std::vector<std::string> labels;
  if (reader.next(record)) labels.assign(record.fields.begin(), record.fields.end());
  if (reader.next(record)) {
    throw UsageError("--seed-labels: found a line break; expected one comma list");
  }
  return nodes_from_labels(graph, labels, "--seed-labels", "seed");
}

void write_output_file(const std::string& path, std::string_view text) {
  AtomicOutputFile file(path);
  file.write(text);
  file.commit();
}

std::string with_commas(std::uint64_t value) { return group_digits(value); }

std::string with_commas(double value, int decimals) {
  if (!std::isfinite(value)) return fmt::format("{}", value);
  std::string text = fmt::format("{:.{}f}", std::abs(value), decimals);
  const std::size_t point = text.find('.');
  const std::size_t integer_digits = point == std::string::npos ? text.size() : point;
  std::string out = value < 0 && text.find_first_not_of("0.") != std::string::npos ? "-" : "";
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i < integer_digits && (integer_digits - i) % 3 == 0) out.push_back(',');
    out.push_back(text[i]);
  }
  return out;
}

std::string count_of(std::uint64_t count, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", with_commas(count), count == 1 ? singular : plural);
}

std::string number_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e15) {
    return with_commas(value, 0);
  }
  return fmt::format("{}", value);
}

std::string human_bytes(std::uint64_t bytes) { return byte_text(bytes); }

std::uint64_t peak_resident_bytes() {
  struct rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  auto bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t code = 0;
    const utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &code);
    if (used <= 0) {  // not UTF-8: one column per byte
      ++width;
      ++bytes;
      --left;
      continue;
    }
    width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
    bytes += used;
    left -= used;
  }
  return width;
}

std::string table_label(std::string_view label) {
  std::string out;
  for (const char c : label) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pad_right(std::string_view text, std::size_t width) {
  const std::size_t have = display_width(text);
  return std::string(text) + std::string(have < width ? width - have : 0, ' ');
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t have = display_width(text);
  return std::string(have < width ? width - have : 0, ' ') + std::string(text);
}

std::string label_list(const Graph& graph, std::span<const NodeId> nodes, std::size_t limit) {
  std::string text;
  for (std::size_t i = 0; i < nodes.size() && i < limit; ++i) {
    if (i > 0) text += ", ";
    text += csv_field(graph.label(nodes[i]));
  }
  if (nodes.size() > limit) text += ", ...";
  return text;
}

nlohmann::ordered_json json_record(const CommonOptions& common, const Graph* graph) {
  nlohmann::ordered_json json;
  json["version"] = CASCADE_VERSION;
  json["command"] = invocation();
  json["seed"] = common.seed;
  json["threads"] = num_threads();
  if (graph != nullptr) {
    json["graph"] = graph->load_report().source;
    json["nodes"] = graph->num_nodes();
    json["arcs"] = graph->num_arcs();
  }
  return json;
}

void print_json(nlohmann::ordered_json& json) {
  json["seconds"] = seconds_since_start();
  fmt::print("{}\n", json.dump(2));
}

nlohmann::ordered_json json_label(const Graph& graph, NodeId node) {
  if (graph.labels().is_integer()) return graph.labels().integers()[node];
  return graph.label(node);
}

nlohmann::ordered_json json_labels(const Graph& graph, std::span<const NodeId> nodes) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const NodeId v : nodes) list.push_back(json_label(graph, v));
  return list;
}

void put_estimate(nlohmann::ordered_json& json, const std::string& name, double mean,
                  double standard_error, double low, double high, bool has_error_bar) {
  json[name] = mean;
  if (has_error_bar) {
    json[name + "_stderr"] = standard_error;
    json[name + "_ci95"] = {low, high};
  } else {
    json[name + "_stderr"] = nullptr;
    json[name + "_ci95"] = nullptr;
  }
}

double float_precision(double value) {
  if (!std::isfinite(value)) return value;
  return std::stod(fmt::format("{:.7g}", value));
}

double shortest_decimal(double value) {
  const auto single = static_cast<float>(value);
  if (static_cast<double>(single) != value) return value;
  return std::stod(fmt::format("{}", single));
}

}  // namespace cascade::cli

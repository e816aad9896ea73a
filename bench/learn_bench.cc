// `cascade learn` at scale: a log of about 10 million rows on a Barabasi-Albert graph of about a
// million arcs, learned with em on 1 and 2 threads. Prints a Markdown table.
//
// The log: independent cascades with weighted-cascade probabilities (1 / in-degree), each from a
// root drawn from its own stream and spread with the coins of its own run, written as
// user,item,time rows with the simulation's steps, until the rows reach the target; the last
// cascade is kept whole. Each learning run is a fresh process (this program, started again), so
// that its peak RSS is its own: it builds the same graph from the same seed, then calls the
// library's learn() on the file, as `cascade learn` does.
//
// Usage: learn_bench [ROWS] [NODES] [ATTACH] [FOLDER]
//   defaults 10000000 rows, 100000 nodes, 5 links per new node (1,000,000 arcs less the first
//   nodes'), the log written in FOLDER (default: the system's temporary folder) and removed after.
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cascade/api/learn.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"
#include "cascade/parallel/random_stream.h"

namespace {

constexpr std::uint64_t kGraphSeed = 1;
constexpr std::uint64_t kLogSeed = 2;

cascade::Graph make_graph(cascade::NodeId nodes, std::uint32_t attach) {
  return cascade::barabasi_albert(nodes, attach, kGraphSeed);
}

struct LogStats {
  std::uint64_t rows = 0, cascades = 0, largest = 0;
};

LogStats write_log(const cascade::Graph& graph, std::uint64_t target_rows,
                   const std::string& path) {
  cascade::Graph weighted = graph;
  cascade::assign_probabilities(weighted, cascade::ProbabilitySpec::parse("wc"), 1);
  const cascade::DiffusionModel ic = cascade::DiffusionModel::parse("ic");
  cascade::RunWorkspace workspace(weighted.num_nodes());
  std::vector<cascade::Activation> trace;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "w"),
                                                             &std::fclose);
  if (!file) throw std::runtime_error(fmt::format("cannot write {}", path));
  fmt::memory_buffer buffer;
  fmt::format_to(std::back_inserter(buffer), "user,item,time\n");
  LogStats stats;
  for (std::uint64_t r = 0; stats.rows < target_rows; ++r) {
    cascade::RandomStream stream(kLogSeed, cascade::StreamPurpose::kTest, r);
    const auto root = static_cast<cascade::NodeId>(stream.below(weighted.num_nodes()));
    trace.clear();
    cascade::run_once(weighted, ic, std::span<const cascade::NodeId>(&root, 1), kLogSeed, r,
                      workspace, &trace);
    for (const cascade::Activation& a : trace) {
      fmt::format_to(std::back_inserter(buffer), "{},{},{}\n", a.target, r, a.step);
    }
    stats.rows += trace.size();
    stats.largest = std::max<std::uint64_t>(stats.largest, trace.size());
    ++stats.cascades;
    if (buffer.size() > (1u << 22)) {
      std::fwrite(buffer.data(), 1, buffer.size(), file.get());
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), file.get());
  return stats;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The child: one learning run, printed as a table row. CPU seconds (all threads) beside the
// wall-clock ones tell how much a shared machine held the run back.
int learn_once(const std::string& path, cascade::NodeId nodes, std::uint32_t attach, int threads) {
  const cascade::Graph graph = make_graph(nodes, attach);
  cascade::set_num_threads(threads);
  cascade::LearnRequest request;
  request.log = path;
  const double cpu_before = cpu_seconds();
  const cascade::LearnResult result = cascade::learn(graph, request);
  const double cpu = cpu_seconds() - cpu_before;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const cascade::LearnedProbabilities& learned = result.learned;
  fmt::print("| {} | {} | {} | {} | {} | {:.2f} | {:.2f} | {:.2f} | {}{} | {:.0f} |\n",
             result.log.adoptions, result.log.items, graph.num_arcs(), learned.possible_parents,
             threads, result.seconds - learned.seconds, learned.seconds, cpu, learned.iterations,
             learned.converged ? "" : " (cap)", static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::string(argv[1]) == "--learn") {
    return learn_once(argv[2], static_cast<cascade::NodeId>(std::stoul(argv[3])),
                      static_cast<std::uint32_t>(std::stoul(argv[4])), std::stoi(argv[5]));
  }
  const std::uint64_t rows = argc > 1 ? std::stoull(argv[1]) : 10'000'000;
  const auto nodes = static_cast<cascade::NodeId>(argc > 2 ? std::stoul(argv[2]) : 100'000);
  const auto attach = static_cast<std::uint32_t>(argc > 3 ? std::stoul(argv[3]) : 5);
  const std::filesystem::path folder =
      argc > 4 ? std::filesystem::path(argv[4]) : std::filesystem::temp_directory_path();
  const std::string path = (folder / fmt::format("cascade_learn_bench_{}.csv", getpid())).string();

  const cascade::Graph graph = make_graph(nodes, attach);
  const LogStats stats = write_log(graph, rows, path);
  fmt::print(
      "Barabasi-Albert graph: {} nodes, {} links per new node, {} arcs (undirected, seed {}); "
      "log: {} rows, {} IC cascades under wc from random roots (mean {:.2f} adopters, largest "
      "{}), {:.0f} MB of CSV\n\n",
      graph.num_nodes(), attach, graph.num_arcs(), kGraphSeed, stats.rows, stats.cascades,
      static_cast<double>(stats.rows) / static_cast<double>(stats.cascades), stats.largest,
      static_cast<double>(std::filesystem::file_size(path)) / 1e6);
  fmt::print(
      "| rows | items | arcs | possible parents | threads | seconds reading | seconds "
      "learning | CPU seconds | em iterations | peak RSS MB |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n");
  std::fflush(stdout);
  int status = 0;
  for (const int threads : {1, 2}) {
    const pid_t child = fork();
    if (child == 0) {
      const std::string n = std::to_string(nodes), a = std::to_string(attach),
                        t = std::to_string(threads);
      execl("/proc/self/exe", argv[0], "--learn", path.c_str(), n.c_str(), a.c_str(), t.c_str(),
            static_cast<char*>(nullptr));
      std::perror("learn_bench: exec");
      _exit(127);
    }
    int child_status = 0;
    waitpid(child, &child_status, 0);
    if (!WIFEXITED(child_status) || WEXITSTATUS(child_status) != 0) status = 1;
  }
  std::filesystem::remove(path);
  return status;
}

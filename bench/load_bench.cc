// Load speed, per file of the shared data folder: text parse alone, the whole text load (read,
// decompress, parse, build both CSR directions), and the snapshot load. One thread; best of
// several runs. Prints a Markdown table.
// Usage: load_bench [DATA_DIR] [REPEATS]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "cascade/graph/edge_list_reader.h"
#include "cascade/graph/load.h"
#include "cascade/graph/snapshot.h"
#include "cascade/io/file.h"
#include "cascade/parallel/parallel_for.h"

namespace {

template <typename Work>
double best_seconds(int repeats, Work&& work) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path folder = argc > 1 ? argv[1] : CASCADE_DATA_DIR;
  const int repeats = argc > 2 ? std::stoi(argv[2]) : 5;
  cascade::set_num_threads(1);
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "README.md" || name.find("labels") != std::string::npos ||
        name == "train.txt" || name == "test.txt") {
      continue;
    }
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return std::filesystem::file_size(a) < std::filesystem::file_size(b);
  });
  const std::string snapshot = (std::filesystem::temp_directory_path() / "cascade-bench.cgraph").string();
  fmt::print("| graph | file MB | text MB | nodes | arcs | parse s | parse MB/s | text load s | "
             "text MB/s | snapshot MB | snapshot load s | snapshot speed-up |\n");
  fmt::print("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& file : files) {
    const std::string path = file.string();
    const std::string text = cascade::read_file(path);
    const double parse = best_seconds(repeats, [&] { cascade::parse_edge_list(text, path, {}); });
    cascade::Graph graph;
    const double load = best_seconds(repeats, [&] { graph = cascade::load_graph(path, {}); });
    cascade::write_snapshot(graph, snapshot);
    const double snap = best_seconds(repeats, [&] { cascade::load_graph(snapshot, {}); });
    const double megabytes = static_cast<double>(text.size()) / 1e6;
    fmt::print("| {} | {:.2f} | {:.2f} | {} | {} | {:.4f} | {:.0f} | {:.4f} | {:.0f} | {:.2f} | "
               "{:.4f} | {:.1f}x |\n",
               std::filesystem::relative(file, folder).string(),
               static_cast<double>(std::filesystem::file_size(file)) / 1e6, megabytes,
               graph.num_nodes(), graph.num_arcs(), parse, megabytes / parse, load, megabytes / load,
               static_cast<double>(std::filesystem::file_size(snapshot)) / 1e6, snap, load / snap);
  }
  std::filesystem::remove(snapshot);
  return 0;
}

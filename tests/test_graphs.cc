#include "test_graphs.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "cascade/graph/probability.h"
#include "cascade/parallel/random_stream.h"

namespace cascade::testing {

Graph graph_from_text(const std::string& text, const BuildOptions& build, const ReadOptions& read) {
  EdgeListData data = parse_edge_list(text, "test", read);
  return build_graph(std::move(data.labels), std::move(data.arcs), build, std::move(data.report));
}

Graph random_graph(NodeId n, std::size_t m, std::uint64_t seed, bool weighted, bool names) {
  RandomStream random(seed, StreamPurpose::kTest, 0);
  ArcList arcs;
  for (std::size_t i = 0; i < m; ++i) {
    arcs.sources.push_back(static_cast<NodeId>(random.below(n)));
    arcs.targets.push_back(static_cast<NodeId>(random.below(n)));
    if (weighted) arcs.weights.push_back(random.uniform_float());
  }
  NodeLabels labels;
  if (names) {
    std::vector<std::string> values;
    for (NodeId v = 0; v < n; ++v) values.push_back("node-" + std::to_string(v));
    labels = NodeLabels::from_names(std::move(values));
  } else {
    std::vector<std::int64_t> values;
    for (NodeId v = 0; v < n; ++v) values.push_back(v);
    labels = NodeLabels::from_integers(std::move(values));
  }
  LoadReport report;
  report.source = "random";
  return build_graph(std::move(labels), std::move(arcs), {}, report);
}

Graph tiny_probability_graph(std::uint64_t seed, NodeId n, std::uint64_t stream) {
  RandomStream random(seed, StreamPurpose::kTest, stream);
  std::string text;
  for (int i = 0; i < 14; ++i) {
    const auto u = random.below(n), v = random.below(n);
    text += fmt::format("{} {} {:.2f}\n", u, v, 0.1 + 0.8 * random.uniform());
  }
  for (NodeId v = 0; v < n; ++v) text += fmt::format("{} {} 0\n", v, v);  // every node exists
  BuildOptions build;
  build.duplicates = DuplicateMerge::kIndependentChances;  // repeated arcs stay probabilities
  Graph g = graph_from_text(text, build);
  assign_probabilities(g, ProbabilitySpec::parse("weight"), 1);
  return g;
}

std::string scratch_path(const std::string& name) {
  const char* base = std::getenv("CASCADE_TEST_TMP");
  const std::string folder = std::string(base ? base : "/tmp") + "/scratch-" +
                             std::to_string(::getpid());
  std::filesystem::create_directories(folder);
  return folder + "/" + name;
}

void write_text(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace cascade::testing

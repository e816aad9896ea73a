// Monte Carlo speed: 10,000 runs of IC with weighted-cascade probabilities from the 50 people of
// highest out-degree, on nethept and soc-Epinions, with 1 and 2 threads. Prints a Markdown table.
// Usage: simulate_bench [DATA_DIR] [RUNS]
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "cascade/diffusion/simulator.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/parallel/parallel_for.h"

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : CASCADE_DATA_DIR;
  const std::uint64_t runs = argc > 2 ? std::stoull(argv[2]) : 10'000;
  fmt::print("| graph | nodes | arcs | seeds | runs | threads | seconds | runs/s | arcs examined/s "
             "per core | mean reach | stderr |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const char* file : {"nethept.txt", "soc-Epinions1.txt.gz"}) {
    cascade::Graph graph = cascade::load_graph(folder + "/" + file, {});
    cascade::assign_probabilities(graph, cascade::ProbabilitySpec::parse("wc"), 1);
    std::vector<cascade::NodeId> order(graph.num_nodes());
    std::iota(order.begin(), order.end(), cascade::NodeId{0});
    std::stable_sort(order.begin(), order.end(), [&](cascade::NodeId a, cascade::NodeId b) {
      return graph.out_degree(a) > graph.out_degree(b);
    });
    const std::vector<cascade::NodeId> seeds(order.begin(), order.begin() + 50);
    cascade::SimulationOptions options;
    options.runs = runs;
    for (const int threads : {1, 2}) {
      cascade::set_num_threads(threads);
      const auto result =
          cascade::simulate(graph, cascade::DiffusionModel::parse("ic"), seeds, options);
      fmt::print("| {} | {} | {} | 50 | {} | {} | {:.3f} | {:.0f} | {:.3g} | {:.2f} | {:.2f} |\n",
                 file, graph.num_nodes(), graph.num_arcs(), runs, threads, result.seconds,
                 static_cast<double>(runs) / result.seconds,
                 static_cast<double>(result.arcs_examined) / result.seconds / threads,
                 result.reach.mean, result.reach.standard_error);
    }
  }
  return 0;
}

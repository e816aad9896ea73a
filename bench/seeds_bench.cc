// Seed selection: time, sample memory, RR sets, the algorithm's own spread estimate and the spread
// re-estimated by independent Monte Carlo simulation, per algorithm, graph, model, k and eps.
// CELF++ (greedy by simulation) is left out: it costs k x candidates x runs simulations, hours on
// these graphs; it is for the models RR sets cannot handle, on small graphs or candidate pools.
// Usage: seeds_bench [DATA_DIR] [quick|full] [RUNS] [THREADS]
//   quick: nethept and soc-Epinions, k = 50, eps in {0.1, 0.5}, IC and LT (the table)
//   full:  every graph of the data folder, k in {1, 10, 50, 100}
#include <fmt/format.h>

#include <string>

#include "cascade/cascade.h"
#include "cascade/parallel/parallel_for.h"

using namespace cascade;

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : CASCADE_DATA_DIR;
  const bool full = argc > 2 && std::string(argv[2]) == "full";
  const std::uint64_t runs = argc > 3 ? std::stoull(argv[3]) : 10'000;
  const int threads = argc > 4 ? std::stoi(argv[4]) : 1;
  std::vector<std::pair<std::string, bool>> graphs = {{"nethept.txt", false},
                                                      {"soc-Epinions1.txt.gz", false}};
  if (full) {
    graphs = {{"email-Eu-core.txt", false}, {"facebook_combined_opim.txt", false},
              {"wiki-Vote.txt", false},     {"nethept.txt", false},
              {"ca-HepTh.txt", true},       {"ca-CondMat.txt", true},
              {"ca-AstroPh.txt", true},     {"phy_weichen.txt", true},
              {"soc-Epinions1.txt.gz", false}};
  }
  const std::vector<std::uint32_t> ks = full ? std::vector<std::uint32_t>{1, 10, 50, 100}
                                             : std::vector<std::uint32_t>{50};
  fmt::print("Threads: {}; spread re-estimated with {} independent simulations (mean +/- 1.96 se)\n\n",
             threads, runs);
  fmt::print("| graph | model | k | eps | algorithm | seconds | sample MiB | RR sets | own estimate "
             "| re-estimated spread | guarantee |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& [file, undirected] : graphs) {
    LoadOptions load;
    load.build.undirected = undirected;
    Graph graph = load_graph(folder + "/" + file, load);
    assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
    for (const char* model_name : {"ic", "lt"}) {
      const DiffusionModel model = DiffusionModel::parse(model_name);
      for (const std::uint32_t k : ks) {
        for (const double eps : {0.1, 0.5}) {
          for (const std::string algorithm :
               {"imm", "opim-c", "auto", "degree", "degree-discount", "pagerank", "random"}) {
            const bool heuristic = algorithm != "imm" && algorithm != "opim-c" && algorithm != "auto";
            if (heuristic && eps != 0.1) continue;
            set_num_threads(threads);
            // Through the library's API, so that `auto` is the policy every front end gets; the
            // time is the selection's alone (the API's own validation, one sample here, is not
            // counted: the spread below comes from independent simulations).
            SeedRequest request;
            request.k = k;
            request.algo = algorithm;
            if (!heuristic) request.eps = eps;
            request.model.model = model_name;
            request.validation = 1;
            const SeedResult result = select_seeds(graph, request);
            const SeedSelection& s = result.selection;
            const double seconds = result.selection_seconds;
            set_num_threads(0);
            SimulationOptions simulation;
            simulation.runs = runs;
            simulation.seed = 20261124;
            const SimulationResult check = simulate(graph, model, s.seeds, simulation);
            fmt::print("| {} | {} | {} | {} | {} | {:.3f} | {:.1f} | {} | {} | {:.1f} +/- {:.1f} | {} |\n",
                       file, model_name, k, eps, s.algorithm, seconds,
                       static_cast<double>(s.sample_bytes) / (1 << 20), s.rr_sets,
                       s.estimated_spread > 0 ? fmt::format("{:.1f}", s.estimated_spread) : "-",
                       check.reach.mean, 1.96 * check.reach.standard_error,
                       s.guarantee > 0 ? fmt::format("{:.3f}", s.guarantee) : "-");
            std::fflush(stdout);
          }
        }
      }
    }
  }
  return 0;
}

// Seeds under icn with neg=1 for positive reach: positive-reach RR samples (auto) against CELF++
// (algo celf, the previous choice) on the same graph and threads. Per row: selection time and its
// ratio to CELF++'s, seeds chosen, the positive and negative reach of the seeds re-estimated by
// the icn simulator (independent runs, 95% intervals), samples or simulations, the proven ratio.
// Usage: positive_reach_bench [DATA_DIR] [GRAPH] [QUALITY] [THREADS] [SIM_RUNS] [CELF_RUNS]
//                             [ALGOS] [CELF_SECONDS]
//        (default soc-Epinions1.txt.gz, q = 0.9, all threads, 20,000 runs, CELF++ 1,000 runs per
//        evaluation over its default 2,000 candidates, algos "celf,auto"; with ALGOS "auto" the
//        ratio column compares with CELF_SECONDS, a CELF++ time measured before)
#include <fmt/format.h>

#include <string>

#include "cascade/cascade.h"
#include "cascade/parallel/parallel_for.h"

using namespace cascade;

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : CASCADE_DATA_DIR;
  const std::string file = argc > 2 ? argv[2] : "soc-Epinions1.txt.gz";
  const std::string quality = argc > 3 ? argv[3] : "0.9";
  const int threads = argc > 4 ? std::stoi(argv[4]) : 0;
  const std::uint64_t runs = argc > 5 ? std::stoull(argv[5]) : 20'000;
  const std::uint64_t celf_runs = argc > 6 ? std::stoull(argv[6]) : kDefaultCelfRuns;
  const std::string algos = argc > 7 ? argv[7] : "celf,auto";
  double baseline = argc > 8 ? std::stod(argv[8]) : 0;
  set_num_threads(threads);
  Graph graph = load_graph(folder + "/" + file, LoadOptions{});
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const std::string model = fmt::format("icn:q={},neg=1", quality);
  constexpr std::uint32_t k = 50;
  fmt::print("{}: {} nodes, {} arcs; wc; {}; k = {}, eps = 0.1; {} thread(s); simulator {} runs; "
             "CELF++ {} runs per evaluation\n\n",
             file, graph.num_nodes(), graph.num_arcs(), model, k, num_threads(), runs, celf_runs);
  fmt::print("| algorithm | seconds | x CELF++ | seeds | positive reach (simulated, 95%) | "
             "negative reach | samples / simulations | proven ratio |\n"
             "|---|---|---|---|---|---|---|---|\n");
  for (const char* algo : {"celf", "auto"}) {
    if (algos.find(algo) == std::string::npos) continue;
    SeedRequest request;
    request.k = k;
    request.model.model = model;
    request.algo = algo;
    request.validation = 1000;
    if (std::string(algo) == "celf") request.runs = celf_runs;
    const SeedResult result = select_seeds(graph, request);
    const SeedSelection& s = result.selection;
    if (baseline == 0) baseline = result.selection_seconds;
    SimulationOptions simulation;
    simulation.runs = runs;
    simulation.seed = 20261202;
    const SimulationResult check = simulate(graph, result.model, s.seeds, simulation);
    fmt::print("| {} | {:.1f} | {:.3f} | {} | {:.1f} [{:.1f}, {:.1f}] | {:.1f} [{:.1f}, {:.1f}] | {} | {} |\n",
               s.algorithm, result.selection_seconds, result.selection_seconds / baseline,
               s.seeds.size(), check.positive.mean, check.positive.low, check.positive.high,
               check.negative.mean, check.negative.low, check.negative.high,
               s.rr_sets > 0 ? s.rr_sets : s.simulations,
               s.guarantee > 0 ? fmt::format("{:.3f}", s.guarantee) : "none");
    for (const std::string& note : s.notes) fmt::print("  note: {}\n", note);
    std::fflush(stdout);
  }
  return 0;
}

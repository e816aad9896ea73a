// Seed selection that knows the campaign, against untargeted `auto` on the same graph: a weighted
// target audience (--targets), a deadline (--deadline), a budget (--budget; with fee 1 each, the
// same problem as k = 50, solved by the budgeted selector), people an earlier
// phase reached (--reached), all at once, and (ic only) rumor blocking (--against): protectors
// against a competitor who seeded untargeted auto's 50 seeds. Per row: the selection's time and its ratio to
// untargeted auto's (one run, same threads), RR sets, the spread the API reports for the row's own
// objective (independent RR sets, 95% interval) and the same objective re-estimated by Monte Carlo
// simulation (independent of both), and the proven ratio. For blocking the objective is the
// number of people saved from the competitor's message (competitive ic, ties to the protectors).
// Usage: campaign_bench [DATA_DIR] [GRAPH] [RUNS] [THREADS] [MODELS] [ROWS]
//   (default soc-Epinions1.txt.gz, 5,000 runs, one thread, models ic,lt, every row; ROWS a comma
//   list of row names such as blocking, the untargeted baseline always run)
#include <fmt/format.h>

#include <string>

#include "cascade/cascade.h"
#include "cascade/diffusion/run.h"
#include "cascade/parallel/parallel_for.h"

using namespace cascade;

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : CASCADE_DATA_DIR;
  const std::string file = argc > 2 ? argv[2] : "soc-Epinions1.txt.gz";
  const std::uint64_t runs = argc > 3 ? std::stoull(argv[3]) : 5'000;
  const int threads = argc > 4 ? std::stoi(argv[4]) : 1;
  const std::string models = argc > 5 ? argv[5] : "ic,lt";
  const std::string rows = argc > 6 ? argv[6] : "";
  Graph graph = load_graph(folder + "/" + file, LoadOptions{});
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const NodeId n = graph.num_nodes();
  // The audience: every tenth person, weights 1 to 4.
  std::vector<double> audience(n, 0.0);
  for (NodeId v = 0; v < n; v += 10) audience[v] = 1.0 + (v / 10) % 4;
  constexpr std::uint32_t k = 50;
  constexpr std::uint32_t kDeadline = 2;
  fmt::print(
      "{}: {} nodes, {} arcs; wc; k = {}, eps = 0.1, {} thread(s); audience: every tenth "
      "person, weights 1-4; deadline {}; budget 50, fee 1 for everyone (k = 50 by another road) or "
      "1 + out-degree / 100; "
      "reached: one simulated run of the untargeted seeds (phase 1)\n\n",
      file, n, graph.num_arcs(), k, threads, kDeadline);
  fmt::print(
      "| model | objective | algorithm | seconds | x untargeted auto | RR sets | spread "
      "(objective, 95% interval) | simulated (objective) | guarantee |\n"
      "|---|---|---|---|---|---|---|---|---|\n");
  std::vector<double> fees(n);
  for (NodeId v = 0; v < n; ++v) fees[v] = 1.0 + graph.out_degree(v) / 100.0;
  for (const char* model_name : {"ic", "lt"}) {
    if (models.find(model_name) == std::string::npos) continue;
    double baseline = 0;
    std::vector<NodeId> reached, competitor;
    for (const std::string mode :
         {"untargeted", "targets", "deadline", "budget, fee 1", "budget, fee by degree", "reached",
          "targets+deadline+reached", "blocking"}) {
      const bool blocking = mode == "blocking";
      if (blocking && std::string(model_name) != "ic") continue;
      if (mode != "untargeted" && !rows.empty() && rows.find(mode) == std::string::npos) continue;
      SeedRequest request;
      request.k = k;
      request.model.model = model_name;
      const bool all = mode == "targets+deadline+reached";
      if (mode == "targets" || all) request.targets = audience;
      if (mode == "deadline" || all) request.model.deadline = kDeadline;
      if (mode == "reached" || all) request.reached = reached;
      if (blocking) request.against = competitor;
      if (mode.starts_with("budget")) {
        request.k = 0;
        request.fees = mode == "budget, fee 1" ? std::vector<double>(n, 1.0) : fees;
        request.budget = 50;
      }
      set_num_threads(threads);
      const SeedResult result = select_seeds(graph, request);
      set_num_threads(0);
      const SeedSelection& s = result.selection;
      if (mode == "untargeted") {
        baseline = result.selection_seconds;
        // Phase 1's outcome: who one run of the untargeted seeds reaches.
        RunWorkspace workspace(n);
        run_once(graph, result.model, s.seeds, 20261124, 0, workspace);
        reached = workspace.reached;
        competitor = s.seeds;
      }
      if (blocking) {
        CompetitiveOptions check;
        check.runs = runs;
        check.seed = 20261125;
        const CompetitiveResult simulated =
            simulate_competitive(graph, request.against, s.seeds, check);
        const Estimate& v = result.blocking->saved;
        fmt::print(
            "| {} | blocking (saved from {} competitor seeds) | {} | {:.3f} | {:.2f} | {} | {:.1f} "
            "[{:.1f}, {:.1f}] | {:.1f} +/- {:.1f} | {:.3f} |\n",
            model_name, competitor.size(), s.algorithm, result.selection_seconds,
            result.selection_seconds / baseline, s.rr_sets, v.mean, v.low, v.high,
            simulated.saved.mean, 1.96 * simulated.saved.standard_error, s.guarantee);
        std::fflush(stdout);
        continue;
      }
      SimulationOptions simulation;
      simulation.runs = runs;
      simulation.seed = 20261125;
      simulation.target_weights = request.targets;
      simulation.reached = request.reached;
      const SimulationResult check = simulate(graph, result.model, s.seeds, simulation);
      const Estimate& simulated = request.targets.empty() ? check.reach : check.audience;
      const ValidatedSpread& v = result.spread;
      fmt::print(
          "| {} | {}{} | {} | {:.3f} | {:.2f} | {} | {:.1f} [{:.1f}, {:.1f}] | {:.1f} +/- "
          "{:.1f} | {:.3f} |\n",
          model_name, mode,
          mode == "reached" || all ? fmt::format(" ({} reached)", reached.size()) : "", s.algorithm,
          result.selection_seconds, result.selection_seconds / baseline, s.rr_sets, v.spread.mean,
          v.spread.low, v.spread.high, simulated.mean, 1.96 * simulated.standard_error,
          s.guarantee);
      std::fflush(stdout);
    }
  }
  return 0;
}

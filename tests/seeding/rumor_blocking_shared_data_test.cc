// Rumor blocking on a real network: the people saved as blocking RR sets count them (drawn fresh,
// not the selection's sample) agree with the competitive simulator within 3 standard errors.
#include <gtest/gtest.h>

#include <cmath>

#include "cascade/diffusion/competitive_cascade.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/rrset/rr_sampler.h"
#include "cascade/seeding/rumor_blocking.h"
#include "cascade/select/max_coverage.h"

namespace cascade {
namespace {

TEST(RumorBlockingSharedData, RRSetsAgreeWithTheSimulatorOnEmailEuCore) {
  Graph graph = load_graph(std::string(CASCADE_DATA_DIR) + "/email-Eu-core.txt", LoadOptions{});
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> rumor = {0, 100, 200, 300, 400, 500, 600, 700, 800, 900};
  for (const TieRule tie : {TieRule::kProtector, TieRule::kRumor}) {
    RumorBlockingOptions options;
    options.k = 10;
    options.against = rumor;
    options.tie = tie;
    const SeedSelection chosen = rumor_blocking(graph, DiffusionModel{}, options);
    ASSERT_EQ(chosen.seeds.size(), 10u);

    ReachObjective objective;
    objective.against = rumor;
    objective.rumor_wins_ties = tie == TieRule::kRumor;
    const RRSampler sampler(graph, DiffusionModel{}, objective);
    RRCollection fresh;
    const std::uint64_t theta = 200'000;
    sampler.generate(fresh, 0, theta, 77, StreamPurpose::kTest);
    const double n = graph.num_nodes();
    const double p =
        static_cast<double>(coverage_of(fresh, graph.num_nodes(), chosen.seeds)) /
                     static_cast<double>(theta);
    const double rr_estimate = n * p;
    const double rr_error = n * std::sqrt(p * (1 - p) / static_cast<double>(theta));

    CompetitiveOptions simulation;
    simulation.runs = 20'000;
    simulation.seed = 78;
    simulation.tie = tie;
    const CompetitiveResult simulated = simulate_competitive(graph, rumor, chosen.seeds, simulation);
    EXPECT_GT(simulated.saved.mean, 1.0);
    EXPECT_LE(std::abs(rr_estimate - simulated.saved.mean),
              3 * std::hypot(rr_error, simulated.saved.standard_error))
        << to_string(tie) << ": RR " << rr_estimate << " +/- " << rr_error << ", simulated "
        << simulated.saved.mean << " +/- " << simulated.saved.standard_error;
  }
}

}  // namespace
}  // namespace cascade

// The positive-reach RR estimator against the icn simulator on a real network (email-Eu-core,
// weighted cascade): the same seeds, two independent methods, within 3 standard errors.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cascade/diffusion/simulator.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/rrset/positive_rr_sampler.h"
#include "cascade/select/max_coverage.h"

namespace cascade {
namespace {

TEST(PositiveReachSharedData, EstimatorAgreesWithTheSimulatorOnEmailEuCore) {
  Graph graph = load_graph(std::string(CASCADE_DATA_DIR) + "/email-Eu-core.txt", {});
  assign_probabilities(graph, ProbabilitySpec::parse("wc"), 1);
  const std::vector<NodeId> order = out_degree_order(graph);
  for (const std::vector<NodeId>& seeds :
       {std::vector<NodeId>(order.begin(), order.begin() + 1),
        std::vector<NodeId>(order.begin(), order.begin() + 10)}) {
    const DiffusionModel model = DiffusionModel::parse("icn:q=0.8,neg=1");
    const PositiveRRSampler sampler(graph, model);
    PositiveRRCollection samples;
    const std::uint64_t count = 200000;
    sampler.generate(samples, 0, count, 17);
    std::vector<char> is_seed(graph.num_nodes(), 0);
    for (const NodeId v : seeds) is_seed[v] = 1;
    PositiveValue value(model.quality);
    double sum = 0, squares = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
      const double f = value.positive(samples, i, is_seed);
      sum += f;
      squares += f * f;
    }
    const double n = graph.num_nodes(), t = static_cast<double>(count), mean = sum / t;
    const double estimate = n * mean;
    const double error = n * std::sqrt((squares / t - mean * mean) / t);
    SimulationOptions options;
    options.runs = 20000;
    options.seed = 3;
    const SimulationResult simulated = simulate(graph, model, seeds, options);
    EXPECT_NEAR(estimate, simulated.positive.mean,
                3 * std::hypot(error, simulated.positive.standard_error))
        << seeds.size() << " seeds";
  }
}

}  // namespace
}  // namespace cascade

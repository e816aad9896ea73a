#include "cascade/seeding/seed_selection.h"

#include <fmt/format.h>

#include "cascade/error.h"

namespace cascade {

std::string filled_note(std::uint32_t filled) {
  return fmt::format(
      "{} seed{} filled by the rule (highest out-degree first, ties to the smaller id): the sample "
      "was exhausted, every remaining marginal gain was 0",
      filled, filled == 1 ? "" : "s");
}

void check_seed_parameters(const Graph& graph, std::uint32_t k, double epsilon) {
  if (k < 1 || k > graph.num_nodes()) {
    throw UsageError("k", fmt::format("found {}; expected 1 to {} (the number of nodes)", k,
                                 graph.num_nodes()));
  }
  if (!(epsilon > 0 && epsilon < 1)) {
    throw UsageError("eps", fmt::format("found {}; expected a value in (0, 1)", epsilon));
  }
}

void check_eligible_seeds(std::uint32_t k, NodeId eligible) {
  if (k > eligible) {
    throw UsageError("k", fmt::format("found {}; expected at most {} (the people not yet reached)",
                                      k, eligible));
  }
}

}  // namespace cascade

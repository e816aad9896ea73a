#include "cascade/seeding/seed_selection.h"

#include <unistd.h>

#include <fmt/format.h>

#include "cascade/error.h"
#include "cascade/text.h"

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

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
}

std::string byte_text(std::uint64_t bytes) {
  constexpr double kKiB = 1024.0;
  const auto b = static_cast<double>(bytes);
  if (b < kKiB) return fmt::format("{} B", bytes);
  if (b < kKiB * kKiB) return fmt::format("{:.1f} KiB", b / kKiB);
  if (b < kKiB * kKiB * kKiB) return fmt::format("{:.1f} MiB", b / (kKiB * kKiB));
  return fmt::format("{:.2f} GiB", b / (kKiB * kKiB * kKiB));
}

std::string memory_limit_note(std::uint64_t needed, std::uint64_t allowed) {
  return fmt::format(
      "stopped at the memory limit: the next round's RR sets would take about {}, more than the "
      "{} allowed (max_memory); these are the best seeds so far, with the ratio proven for them. "
      "A larger eps needs fewer RR sets",
      byte_text(needed), byte_text(allowed));
}

void check_first_round_memory(const Graph& graph, std::uint64_t first_sets, std::uint64_t allowed) {
  if (allowed == 0) return;
  // Two collections of first_sets RR sets, each at least one 4-byte member and an 8-byte offset.
  constexpr std::uint64_t kLeastBytesPerSet = 2 * (sizeof(NodeId) + sizeof(std::uint64_t));
  const std::uint64_t graph_bytes = graph.memory_bytes();
  const std::uint64_t needed = graph_bytes + first_sets * kLeastBytesPerSet;
  if (needed <= allowed) return;
  throw UsageError("max_memory",
                   fmt::format("found a limit of {}; the first round alone needs at least {} (the "
                               "graph {} plus 2 x {} RR sets of at least one person each); "
                               "expected a larger limit, or a larger eps (fewer RR sets)",
                               byte_text(allowed), byte_text(needed), byte_text(graph_bytes),
                               group_digits(first_sets)));
}

}  // namespace cascade

// The one parallel loop of Cascade: a thin wrapper over OpenMP so that kernels read as plain loops
// and the thread count is set in one place.
#pragma once

#include <omp.h>

#include <cstdint>

namespace cascade {

// Threads used by parallel loops; 0 leaves OpenMP's default (all cores, or OMP_NUM_THREADS).
inline void set_num_threads(int threads) {
  if (threads > 0) omp_set_num_threads(threads);
}
inline int num_threads() { return omp_get_max_threads(); }
inline int thread_index() { return omp_get_thread_num(); }

// Calls body(i) for every i in [begin, end). Items are handed out dynamically in chunks of `grain`,
// so the partition of work depends on timing: bodies must only write to per-item places (or
// per-thread workspaces reduced in a fixed order) for the result to be thread-count independent.
template <typename Body>
void parallel_for(std::uint64_t begin, std::uint64_t end, Body&& body, std::uint64_t grain = 64) {
  const auto count = static_cast<std::int64_t>(end - begin);
  const auto chunk = static_cast<int>(grain);
#pragma omp parallel for schedule(dynamic, chunk)
  for (std::int64_t i = 0; i < count; ++i) body(begin + static_cast<std::uint64_t>(i));
}

}  // namespace cascade

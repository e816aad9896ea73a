// Progress of long calls, for front ends that show it (the command line's bar on a terminal).
// The library never prints: its long loops (RR sampling, Monte Carlo runs, Leiden, learning,
// loading) count their work in a Progress, which passes it to the installed sink, at most every
// 100 ms, from whichever thread gets there first. With no sink installed (the default, and
// Python's case) a Progress costs one branch per advance().
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace cascade {

class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  // done of total units of `phase` (total 0: unknown), `seconds` since the phase began. Called
  // by one thread at a time.
  virtual void update(std::string_view phase, std::uint64_t done, std::uint64_t total,
                      double seconds) = 0;
  // The phase ended (normally or by an exception): clear what update() showed.
  virtual void finish(std::string_view phase) = 0;
};

// Installs `sink` (nullptr: none); returns the one it replaces. Not thread-safe: install it before
// calling the library.
ProgressSink* set_progress_sink(ProgressSink* sink);

class Progress {
 public:
  Progress(std::string_view phase, std::uint64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Thread-safe.
  void advance(std::uint64_t units = 1) {
    if (sink_ != nullptr) advance_slow(units);
  }

 private:
  void advance_slow(std::uint64_t units);

  ProgressSink* sink_;
  std::string phase_;
  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::int64_t> next_report_ns_{0};
  std::atomic<bool> reporting_{false};
  std::chrono::steady_clock::time_point start_;
  bool reported_ = false;
};

}  // namespace cascade

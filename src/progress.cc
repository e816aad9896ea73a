#include "cascade/progress.h"

namespace cascade {
namespace {

ProgressSink* g_sink = nullptr;
constexpr std::int64_t kReportEveryNs = 100'000'000;  // 100 ms
constexpr std::int64_t kFirstReportNs = 300'000'000;  // short phases show nothing

}  // namespace

ProgressSink* set_progress_sink(ProgressSink* sink) {
  ProgressSink* previous = g_sink;
  g_sink = sink;
  return previous;
}

Progress::Progress(std::string_view phase, std::uint64_t total)
    : sink_(g_sink), phase_(phase), total_(total), start_(std::chrono::steady_clock::now()) {
  next_report_ns_.store(kFirstReportNs, std::memory_order_relaxed);
}

Progress::~Progress() {
  if (sink_ != nullptr && reported_) sink_->finish(phase_);
}

void Progress::advance_slow(std::uint64_t units) {
  const std::uint64_t done = done_.fetch_add(units, std::memory_order_relaxed) + units;
  const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::steady_clock::now() - start_)
                               .count();
  if (now < next_report_ns_.load(std::memory_order_relaxed)) return;
  bool expected = false;
  if (!reporting_.compare_exchange_strong(expected, true, std::memory_order_acquire)) return;
  next_report_ns_.store(now + kReportEveryNs, std::memory_order_relaxed);
  reported_ = true;
  sink_->update(phase_, done, total_, static_cast<double>(now) * 1e-9);
  reporting_.store(false, std::memory_order_release);
}

}  // namespace cascade

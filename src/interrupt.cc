#include "cascade/interrupt.h"

#include <atomic>

namespace cascade {
namespace {

std::atomic<InterruptCheck> installed_check{nullptr};
std::atomic<bool> stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "request_stop must be signal-safe");

}  // namespace

Interrupted::Interrupted() : InputError("interrupted") {}

InterruptCheck set_interrupt_check(InterruptCheck check) { return installed_check.exchange(check); }

void request_stop() { stop.store(true, std::memory_order_relaxed); }
bool stop_requested() { return stop.load(std::memory_order_relaxed); }
void clear_stop() { stop.store(false, std::memory_order_relaxed); }

void check_interrupt() {
  const InterruptCheck check = installed_check.load(std::memory_order_acquire);
  if (check != nullptr && check()) throw Interrupted();
}

}  // namespace cascade

#include "cascade/interrupt.h"

#include <atomic>

namespace cascade {
namespace {

std::atomic<InterruptCheck> installed_check{nullptr};

}  // namespace

Interrupted::Interrupted() : InputError("interrupted") {}

InterruptCheck set_interrupt_check(InterruptCheck check) { return installed_check.exchange(check); }

void check_interrupt() {
  const InterruptCheck check = installed_check.load(std::memory_order_acquire);
  if (check != nullptr && check()) throw Interrupted();
}

}  // namespace cascade

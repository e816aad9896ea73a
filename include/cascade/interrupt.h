// Cooperative cancellation of long calls. The library itself never looks at signals: a front end
// that can be interrupted (the Python module, on Ctrl-C) installs a check, and the long loops call
// check_interrupt() once per round or batch, always outside OpenMP parallel regions, so that an
// interrupted call unwinds cleanly (no thread is left running, nothing half-written) and an
// uninterrupted call gives the same result on any number of threads.
#pragma once

#include "cascade/error.h"

namespace cascade {

// Thrown by check_interrupt() when the installed check asks to stop. A subclass of InputError, so
// front ends that know nothing of interruption still report it as a runtime error.
class Interrupted : public InputError {
 public:
  Interrupted();
};

// Installs `check` (nullptr: none, the default); it must be safe to call from the thread that
// called the library. Returns the check it replaces.
using InterruptCheck = bool (*)();
InterruptCheck set_interrupt_check(InterruptCheck check);

// Throws Interrupted when a check is installed and it returns true; otherwise does nothing (one
// atomic load).
void check_interrupt();

// A softer request than an interruption, for the command line's Ctrl-C during `seeds`: the
// anytime selectors (opim-c and auto, budgets) finish the round they are in and return the best
// seeds so far with the ratio proven at that moment, as at a time limit, saying so in their
// notes. request_stop() is async-signal-safe (one lock-free atomic store).
void request_stop();
bool stop_requested();
void clear_stop();

}  // namespace cascade

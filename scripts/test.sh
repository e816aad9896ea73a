#!/usr/bin/env bash
# The second command of the README: install what is missing, build with warnings as errors, and
# run the whole test suite through ctest.
#   scripts/test.sh            Release build (gcc) in build-test/
#   scripts/test.sh --sanitize clang build with AddressSanitizer + UndefinedBehaviorSanitizer in
#                              build-sanitize/, plus the libFuzzer targets run for a bounded time
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

mode=${1:-release}
jobs=$(nproc)
case "$mode" in
  release)
    build=build-test
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASCADE_WERROR=ON >/dev/null
    ;;
  --sanitize)
    build=build-sanitize
    CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCASCADE_WERROR=ON -DCASCADE_SANITIZE=ON -DCASCADE_FUZZ=ON -DCASCADE_BENCH=OFF >/dev/null
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ;;
  *)
    echo "usage: scripts/test.sh [--sanitize]" >&2
    exit 2
    ;;
esac
cmake --build "$build" -j "$jobs"
ctest --test-dir "$build" --output-on-failure -j "$jobs"

#!/usr/bin/env bash
# Builds the benchmarks in Release and prints their tables. Usage: bench/run.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASCADE_TESTS=OFF >/dev/null
cmake --build build-bench --target load_bench simulate_bench
data=${1:-$(cd .. && pwd)/shared/data}
echo "## Graph loading, one thread ($(date -u +%F), $(nproc) cores)"
./build-bench/bench/load_bench "$data"
echo
echo "## Monte Carlo simulation: IC, wc, top-50 out-degree seeds"
./build-bench/bench/simulate_bench "$data"

#!/usr/bin/env bash
# Builds the benchmarks in Release and prints their tables.
# Usage: bench/run.sh [DATA_DIR] [quick|full]   (full: seed selection on every graph and k)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASCADE_TESTS=OFF >/dev/null
cmake --build build-bench --target load_bench simulate_bench seeds_bench learn_bench cascade_cli
data=${1:-$(cd .. && pwd)/shared/data}
echo "## Graph loading, one thread ($(date -u +%F), $(nproc) cores)"
./build-bench/bench/load_bench "$data"
echo
echo "## Monte Carlo simulation: IC, wc, top-50 out-degree seeds"
./build-bench/bench/simulate_bench "$data"
echo
echo "## Seed selection, one thread (WC probabilities)"
./build-bench/bench/seeds_bench "$data" "${2:-quick}" 10000 1
echo
echo "## Seed selection, two threads"
./build-bench/bench/seeds_bench "$data" quick 2000 2
echo
echo "## Learning from a log: em on a 10-million-row log, Barabasi-Albert graph of a million arcs"
./build-bench/bench/learn_bench
echo
echo "## Hubs versus a tight group: cascade compare, k = 10, 2,000 runs"
bench/compare_strategies.sh build-bench/cascade "$data"
echo
echo "## Communities: Cascade's Leiden against igraph (Debian's python3-igraph)"
if ! dpkg-query -W -f='${Status}' python3-igraph 2>/dev/null | grep -q "install ok installed"; then
  apt-get install -y -q --no-install-recommends python3-igraph >/dev/null
fi
/usr/bin/python3 bench/communities_vs_igraph.py build-bench/cascade "$data"
echo
echo "## Seeds from the log (credit distribution) against seeds on probabilities, scored on Twitter test cascades"
bench/credit_twitter.sh build-bench/cascade "$data"

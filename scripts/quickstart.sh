#!/usr/bin/env bash
# The first command of the README: install what is missing, build the command and the Python
# module in Release, run the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASCADE_TESTS=OFF -DCASCADE_BENCH=OFF >/dev/null
cmake --build build --target cascade_cli cascade_python
./build/cascade demo

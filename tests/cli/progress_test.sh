#!/usr/bin/env bash
# The progress bar: shown on a terminal (script(1) gives the command one), never when stderr is a
# pipe or a file, never with --json or --quiet; cleared before the results are printed.
# Usage: progress_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

"$cascade" generate barabasi-albert "$work/ba.txt" --nodes 20000 --attach 3 >/dev/null 2>&1
long=("$cascade" simulate "$work/ba.txt" --seed-labels 1,2,3 --runs 200000)
printf -v command '%q ' "${long[@]}"

script -qec "$command" /dev/null >"$work/tty.txt" 2>&1
check "on a terminal a bar shows the phase, the share done and the time left" -- \
  grep -aqE "simulating: \[[#.]+\] +[0-9]+% [0-9,]+ of 200,000, [0-9,]+/s, [0-9]+ s left" "$work/tty.txt"
check "the bar is cleared before the results" -- grep -aqE $'\x1b\\[Kgraph ' "$work/tty.txt"
script -qec "$command --quiet" /dev/null >"$work/quiet.txt" 2>&1
check "--quiet: no bar on a terminal" -- bash -c "! grep -aq 'simulating:' '$work/quiet.txt'"
script -qec "$command --json" /dev/null >"$work/json.txt" 2>&1
check "--json: no bar on a terminal" -- bash -c "! grep -aq 'simulating:' '$work/json.txt'"
"${long[@]}" >"$work/piped.txt" 2>"$work/piped.err"
check "stderr not a terminal: no bar" -- bash -c "! grep -aq 'simulating' '$work/piped.err' && ! grep -aq $'\x1b' '$work/piped.txt'"

echo "progress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Ctrl-C (SIGINT) during `cascade seeds` is a request, not the end: the command still prints its
# seeds and exits 0, and --out is written whole (whether the request cut a round short depends on
# timing; tests/seeding/seeding_test.cc checks what a stop request does to the selection).
# Usage: stop_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

"$cascade" generate barabasi-albert "$work/ba.cgraph" --nodes 200000 --attach 4 >/dev/null 2>&1
# Probabilities of 0.01 and eps 0.01 need about 14 rounds and 3 s here: the signal comes after 1 s. Job control on: without it a
# background command starts with SIGINT ignored, as no terminal could send it one.
set -m
"$cascade" seeds "$work/ba.cgraph" -k 20 --prob const:0.01 --eps 0.01 --validation 20000 --json \
  --out "$work/seeds.txt" >"$work/stdout" 2>"$work/stderr" &
pid=$!
# Signal once the selection is under way: its SIGINT handler is installed right before it starts
# (SigCgt bit 2 in /proc; the temporary-file handler would add SIGTERM, bit 15, too). Loading and
# sanitizer builds take their time, so wait for it rather than for a fixed delay.
caught=0
for _ in $(seq 1 3000); do
  mask=$(awk '/^SigCgt:/ {print $2}' "/proc/$pid/status" 2>/dev/null) || break
  [ -z "$mask" ] && break
  if (( (16#$mask & 0x2) != 0 && (16#$mask & 0x4000) == 0 )); then
    caught=1
    break
  fi
  sleep 0.01
done
check "the selection was caught under way (its handler installed)" -- test "$caught" -eq 1
kill -INT "$pid"
wait "$pid"
code=$?
set +m
check "exit 0 after Ctrl-C (got $code)" -- test "$code" -eq 0
check "20 seeds with the ratio proven for them, in one JSON object" -- /usr/bin/python3 -c "
import json, sys
r = json.load(open('$work/stdout'))
sys.exit(0 if len(r['seeds']) == 20 and 0 <= r['guarantee'] < 1 else 1)"
check "--out written whole" -- test "$(wc -l <"$work/seeds.txt")" -eq 20
check "no temporary file left" -- bash -c "! ls -A '$work' | grep -q '^\.'"

# --max-memory: a size as people write it; refused before sampling when the first round cannot fit.
expect 2 "--max-memory: found a limit of 1.0 KiB; the first round alone needs at least" -- \
  "$cascade" seeds "$work/ba.cgraph" -k 5 --max-memory 1k
expect 2 "--max-memory: found 'lots'; expected a size such as 2G" -- \
  "$cascade" seeds "$work/ba.cgraph" -k 5 --max-memory lots
expect 0 "" -- "$cascade" seeds "$work/ba.cgraph" -k 5 --max-memory 60% --validation 1000
expect 0 "" -- "$cascade" seeds "$work/ba.cgraph" -k 5 --max-memory 1.5GiB --validation 1000

echo "stop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Ctrl-C (SIGINT) during `cascade seeds`: the selection finishes its round and the command prints
# the best seeds so far with the ratio proven for them and a note, exit 0; --out is written whole.
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
# eps 0.005 needs far more rounds than the seconds before the signal. Job control on: without it a
# background command starts with SIGINT ignored, as no terminal could send it one.
set -m
"$cascade" seeds "$work/ba.cgraph" -k 20 --eps 0.005 --validation 20000 --json \
  --out "$work/seeds.txt" >"$work/stdout" 2>"$work/stderr" &
pid=$!
sleep 3
kill -INT "$pid"
wait "$pid"
code=$?
set +m
check "exit 0 after Ctrl-C (got $code)" -- test "$code" -eq 0
check "the note says it stopped on request" -- grep -q "stopped on request (Ctrl-C)" "$work/stdout"
check "20 seeds with a proven ratio above 0" -- /usr/bin/python3 -c "
import json, sys
r = json.load(open('$work/stdout'))
sys.exit(0 if len(r['seeds']) == 20 and r['guarantee'] > 0 else 1)"
check "--out written whole" -- test "$(wc -l <"$work/seeds.txt")" -eq 20
check "no temporary file left" -- bash -c "! ls -A '$work' | grep -q '^\.'"

echo "stop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# seeds --against and simulate --against (rumor blocking) as a user meets them: the protector
# that blocks a path rather than the hub, the rumor's reach without and with the protectors and
# the people saved, the tie rule, one thread and two, JSON, and the errors (exit 2 for usage, 1
# for a bad file).
# Usage: blocking_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

# r -> a -> b -> c and a hub h -> w, x, y, z; x -> a. Every arc certain (const:1).
printf 'r a\na b\nb c\nh w\nh x\nh y\nh z\nx a\n' >"$work/net.txt"
printf 'r\n' >"$work/rumor.txt"
expect 0 "" -- "$cascade" seeds "$work/net.txt" --prob const:1 -k 1 --against "$work/rumor.txt"
check "the protector blocks the path (a, or x which ties with it), not the hub" -- grep -qE '^ +1  [ax] ' "$work/stdout"
check "the rumor alone reaches 4" -- grep -qE '^rumor alone 4\.0 \(95% interval \[4\.0, 4\.0\]\)' "$work/stdout"
check "a saves a, b and c" -- grep -qE '^saved +3\.0 \(95% interval \[3\.0, 3\.0\]\) people' "$work/stdout"
check "the guarantee speaks of people saved" -- grep -q "x the optimal number of people saved" "$work/stdout"

# The hub reaches a at step 2, the rumor at step 1: nothing saved. Protector x reaches a at
# step 1 as the rumor does: the tie rule decides.
expect 0 "" -- "$cascade" simulate "$work/net.txt" --prob const:1 --seed-labels h --against "$work/rumor.txt" --runs 100
check "the hub saves nobody" -- grep -qE '^saved +0\.00 ' "$work/stdout"
expect 0 "" -- "$cascade" simulate "$work/net.txt" --prob const:1 --seed-labels x --against "$work/rumor.txt" --runs 100
check "a tie goes to the protector by default" -- grep -qE '^saved +3\.00 ' "$work/stdout"
check "the model line names the tie rule" -- grep -q "ties to the protector" "$work/stdout"
expect 0 "" -- "$cascade" simulate "$work/net.txt" --prob const:1 --seed-labels x --against "$work/rumor.txt" --runs 100 --tie rumor
check "with --tie rumor, the rumor keeps a" -- grep -qE '^saved +0\.00 ' "$work/stdout"

# A random network: the same protectors and figures on one thread and two.
"$python" -c '
import random
random.seed(4)
for _ in range(3000):
    print(random.randrange(600), random.randrange(600))' >"$work/random.txt"
printf '1\n2\n3\n' >"$work/rumor3.txt"
"$cascade" seeds "$work/random.txt" -k 5 --against "$work/rumor3.txt" --threads 1 >"$work/one.txt" 2>&1
"$cascade" seeds "$work/random.txt" -k 5 --against "$work/rumor3.txt" --threads 2 >"$work/two.txt" 2>&1
check "one and two threads choose the same protectors and report the same saved" -- \
  cmp -s <(grep -E '^( +[0-9]+  |rumor|with seeds|saved)' "$work/one.txt") \
  <(grep -E '^( +[0-9]+  |rumor|with seeds|saved)' "$work/two.txt")
check "the run reports people saved" -- grep -qE '^saved +[0-9.]+ \(95% interval' "$work/one.txt"
"$cascade" seeds "$work/random.txt" -k 5 --against "$work/rumor3.txt" --out "$work/protectors.txt" \
  --json >"$work/seeds.json" 2>/dev/null
"$cascade" simulate "$work/random.txt" --seeds "$work/protectors.txt" --against "$work/rumor3.txt" \
  --runs 20000 --json >"$work/simulate.json" 2>/dev/null
check "seeds' saved and simulate's agree within 3 standard errors" -- "$python" -c '
import json, math, sys
a = json.load(open(sys.argv[1]))["against"]
b = json.load(open(sys.argv[2]))["against"]
gap = abs(a["saved"] - b["saved"])
sys.exit(0 if a["saved"] > 0 and gap <= 3 * math.hypot(a["saved_stderr"], b["saved_stderr"]) else 1)
' "$work/seeds.json" "$work/simulate.json"

# Errors.
printf 'r\nnobody\n' >"$work/unknown.txt"
expect 1 "unknown.txt:2: .*nobody" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --against "$work/unknown.txt"
expect 1 "missing.txt" -- "$cascade" seeds "$work/net.txt" -k 1 --against "$work/missing.txt"
expect 2 "^cascade: error: --model: found lt with against; expected ic" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --against "$work/rumor.txt" --model lt
expect 2 "^cascade: error: --model: found lt with against" -- \
  "$cascade" simulate "$work/net.txt" --seed-labels a --against "$work/rumor.txt" --model lt
expect 2 "^cascade: error: --tie: found 'both'; expected protector or rumor" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --against "$work/rumor.txt" --tie both
expect 2 "^cascade: error: --tie: applies only with against" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --tie rumor
expect 2 "^cascade: error: --algo: found imm with against" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --against "$work/rumor.txt" --algo imm
expect 2 "^cascade: error: --seeds: found r, who already spreads the rumor" -- \
  "$cascade" simulate "$work/net.txt" --seed-labels r --against "$work/rumor.txt"
expect 2 "^cascade: error: --deadline: |^cascade: error: --model: .*deadline" -- \
  "$cascade" seeds "$work/net.txt" -k 1 --against "$work/rumor.txt" --deadline 2
expect 2 "^cascade: error: -k: found 9; expected at most 8 \(the people not spreading the rumor\)" -- \
  "$cascade" seeds "$work/net.txt" -k 9 --against "$work/rumor.txt"

echo "blocking_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

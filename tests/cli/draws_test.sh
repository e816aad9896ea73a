#!/usr/bin/env bash
# --draws on simulate and seeds as a user meets it: learn a file, then the reach with a second
# interval "from the data", which is wide where the log is thin and narrow where it is rich; the
# same output on one thread and two; JSON; and the errors (exit 2 for usage, 1 for a bad file).
# Usage: draws_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

# a -> b -> c, c -> a, and d -> a never tried. Item "a b 1 c 2": a, then b a step later, then c.
printf 'a b\nb c\nc a\nd a\n' >"$work/abcd.txt"
printf 'a b 1 c 2\na b 1\nb c 3\na\na b 2 c 3\n' >"$work/train.txt"
expect 0 "" -- "$cascade" learn "$work/abcd.txt" --log "$work/train.txt" --log-format cascades \
  --out "$work/learned.csv"
check "learn wrote trials and successes" -- grep -qx 'a,b,0.75,4,3,.*' "$work/learned.csv"

expect 0 "" -- "$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --draws 100 \
  --runs 2000
check "the reach line gives both intervals" -- grep -qE "^reach .*from the simulation, standard \
error [0-9.]+; \[[0-9.]+, [0-9.]+\] from the data, 100 draws\)$" "$work/stdout"
check "the details count the arcs drawn and kept" -- \
  grep -qE "^from the data mean [0-9.]+ of 100 draws.*2,000 runs per draw.*3 arcs drawn, 1 never tried" \
  "$work/stdout"
check "four trials per arc: the data's interval dwarfs the simulation's" -- \
  grep -qE "^note +the interval from the data is [0-9]+ times as wide" "$work/stdout"

# The same arcs, tried 400 times each with the same rates: a narrow interval from the data.
printf 'source,target,probability,trials,successes\na,b,0.75,4,3\nb,c,0.75,4,3\nc,a,0,1,0\n' \
  >"$work/thin.csv"
printf 'source,target,probability,trials,successes\na,b,0.75,400,300\nb,c,0.75,400,300\nc,a,0,100,0\n' \
  >"$work/rich.csv"
width() {
  "$cascade" simulate "$1" --prob weight --seed-labels a --draws 100 --runs 2000 --json |
    "$python" -c 'import json, sys; d = json.load(sys.stdin)["from_the_data"]; print(d["ci95"][1] - d["ci95"][0])'
}
thin=$(width "$work/thin.csv")
rich=$(width "$work/rich.csv")
check "100 times the trials give an interval at least 4 times narrower ($thin vs $rich)" -- \
  "$python" -c "import sys; sys.exit(0 if $thin > 4 * $rich else 1)"

"$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --draws 30 --runs 500 \
  --threads 1 >"$work/one.txt" 2>&1
"$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --draws 30 --runs 500 \
  --threads 2 >"$work/two.txt" 2>&1
check "one and two threads give the same intervals" -- \
  cmp -s <(grep -E '^(reach|from the data)' "$work/one.txt") \
  <(grep -E '^(reach|from the data)' "$work/two.txt")
check "fewer than 40 draws come with a note" -- grep -q "30 draws: the 2.5% and 97.5%" "$work/one.txt"

"$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --draws 20 --runs 500 \
  --prior 2,3 --json >"$work/simulate.json" 2>/dev/null
check "the JSON record carries the interval from the data" -- "$python" -c '
import json, sys
d = json.load(open(sys.argv[1]))["from_the_data"]
assert d["draws"] == 20 and d["runs_per_draw"] == 500 and d["prior"] == [2, 3], d
assert d["arcs_drawn"] == 3 and d["arcs_fixed"] == 1, d
assert d["ci95"][0] <= d["mean"] <= d["ci95"][1], d
' "$work/simulate.json"

expect 0 "" -- "$cascade" seeds "$work/learned.csv" --prob weight -k 1 --draws 20 --validation 1000
check "seeds re-estimates the chosen seeds' spread" -- \
  grep -qE "^from data +95% interval \[[0-9.]+, [0-9.]+\];$" "$work/stdout"

# Errors: usage (2) names the flag and what is expected; a bad file (1) names the file and line.
expect 2 "^cascade: error: --draws: found '0'; expected a whole number from 2 to 100,000" -- \
  "$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --draws 0
printf 'source,target,probability\na,b,0.5\n' >"$work/plain.csv"
expect 2 "^cascade: error: --draws: found no trials and successes per arc in .*plain.csv; expected a CSV graph file with trials and successes columns" -- \
  "$cascade" simulate "$work/plain.csv" --prob weight --seed-labels a --draws 10
printf 'source,target,p,low,high\na,b,0.2,0.1,0.3\n' >"$work/interval_only.csv"
expect 2 "^cascade: error: --draws: found no trials and successes per arc in .*interval_only.csv" -- \
  "$cascade" simulate "$work/interval_only.csv" --prob weight --seed-labels a --draws 10
expect 2 "^cascade: error: --prob: found wc with draws; expected weight" -- \
  "$cascade" simulate "$work/learned.csv" --seed-labels a --draws 10
expect 2 "^cascade: error: --model: found lt with draws" -- \
  "$cascade" seeds "$work/learned.csv" --prob weight -k 1 --draws 10 --model lt
expect 2 "^cascade: error: --prior: applies only with draws" -- \
  "$cascade" simulate "$work/learned.csv" --prob weight --seed-labels a --prior 2,2
expect 2 "^cascade: error: --prior: found '0,1'; expected A,B: two positive numbers" -- \
  "$cascade" seeds "$work/learned.csv" --prob weight -k 1 --draws 10 --prior 0,1
printf 'source,target,probability,trials,successes\na,b,0.2,3,4\n' >"$work/bad.csv"
expect 1 "^cascade: error: .*bad.csv:2: found successes 4 above trials 3" -- \
  "$cascade" simulate "$work/bad.csv" --prob weight --seed-labels a --draws 10
printf 'source,target,probability,trials,successes\na,b,0.2,3,1\nb,a,0.2,3,1\n' >"$work/both.csv"
expect 1 "both.csv:3: found arc b -> a .*again .*read it without --undirected" -- \
  "$cascade" simulate "$work/both.csv" --prob weight --seed-labels a --draws 10 --undirected
expect 0 "" -- "$cascade" simulate "$work/both.csv" --prob weight --seed-labels a --runs 10 --undirected

echo "draws_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

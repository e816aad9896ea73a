#!/usr/bin/env bash
# seeds and simulate with the campaign's objective: --targets (a weighted audience), --deadline
# on RR sets, --reached (people an earlier phase reached). Errors name the file and line; the
# spread seeds reports agrees with the simulator; the same output on 1 and 2 threads.
# Usage: campaign_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

for i in $(seq 0 299); do echo "$i $(((i * 7 + 3) % 300))"; echo "$i $(((i * 13 + 5) % 300))"; done >"$work/net.txt"
net=$work/net.txt
{ echo "label,weight"; for i in $(seq 0 3 299); do echo "$i,$((1 + i % 4))"; done; } >"$work/targets.csv"
for i in $(seq 1 3 299); do echo "$i"; done >"$work/plain_targets.txt"  # no weights: 1 each
printf '5\n6\n160\n' >"$work/reached.txt"

# Targets: the spread is the weighted reach inside the audience, and the simulator agrees.
expect 0 '' -- "$cascade" seeds "$net" -k 5 --targets "$work/targets.csv" --json --out "$work/seeds.txt"
cp "$work/stdout" "$work/seeds.json"
expect 0 '' -- "$cascade" simulate "$net" --seeds "$work/seeds.txt" --targets "$work/targets.csv" --runs 20000 --json
check "seeds --targets: the spread agrees with simulate's audience within 3 standard errors" -- $python -c '
import json, math, sys
s, m = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
total = sum(1 + i % 4 for i in range(0, 300, 3))
bar = 3 * math.hypot(s["spread_stderr"], m["audience_stderr"])
ok = s["targets"] == {"people": 100, "weight": total} and abs(s["spread"] - m["audience"]) <= bar
# Every weight is at least 1: inside counts weights, outside people, so together at least the reach.
sys.exit(not (ok and m["audience"] + m["outside_audience"] >= m["mean"] - 1e-9))' "$work/seeds.json" "$work/stdout"
expect 0 '' -- "$cascade" seeds "$net" -k 5 --targets "$work/plain_targets.txt"
check "a file of labels alone is an audience of weight 1 each" -- grep -q "audience    100 people, total weight 100" "$work/stdout"

# Deadline: RR sets, not CELF++; deadline 0 reaches only the seeds.
expect 0 '' -- "$cascade" seeds "$net" -k 4 --deadline 0 --json --validation 5000
check "seeds --deadline 0: spread is exactly k, chosen on RR sets" -- $python -c '
import json, sys; d = json.load(open(sys.argv[1]))
sys.exit(not (d["spread"] == 4 and d["algorithm"] == "opim-c+refine" and d["deadline"] == 0))' "$work/stdout"
expect 0 '' -- "$cascade" seeds "$net" -k 3 --deadline 2 --out "$work/deadline_seeds.txt" --json
cp "$work/stdout" "$work/deadline.json"
expect 0 '' -- "$cascade" simulate "$net" --seeds "$work/deadline_seeds.txt" --deadline 2 --runs 20000 --json
check "seeds --deadline 2: the spread agrees with the simulator by step 2" -- $python -c '
import json, math, sys
s, m = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
sys.exit(not abs(s["spread"] - m["mean"]) <= 3 * math.hypot(s["spread_stderr"], m["stderr"]))' "$work/deadline.json" "$work/stdout"
expect 0 '' -- "$cascade" seeds "$net" -k 2 --fade 0.2 --runs 20 --candidates 10
check "--fade keeps CELF++ and says why" -- grep -q "note        fade: RR sets cannot model" "$work/stdout"

# Reached: seeds among the others, the spread counts new people, the simulator agrees.
expect 0 '' -- "$cascade" seeds "$net" -k 4 --reached "$work/reached.txt" --json --out "$work/after.txt"
cp "$work/stdout" "$work/after.json"
check "seeds --reached never seeds a reached person" -- \
  test -z "$(grep -xFf "$work/reached.txt" "$work/after.txt")"
expect 0 '' -- "$cascade" simulate "$net" --seeds "$work/after.txt" --reached "$work/reached.txt" --runs 20000 --json
check "seeds --reached: the spread agrees with simulate --reached (new people)" -- $python -c '
import json, math, sys
s, m = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ok = s["reached"] == 3 and m["reached"] == 3
sys.exit(not (ok and abs(s["spread"] - m["mean"]) <= 3 * math.hypot(s["spread_stderr"], m["stderr"])))' "$work/after.json" "$work/stdout"

# Every new mode together, and budgets: the same output on 1 and 2 threads.
strip_timing() { grep -vE '"(seconds|timing|load|sampling|selection|selection_total|validation|threads|peak_resident_bytes|command)"|^      "|^    \}' "$1"; }
for extra in "-k 4" "--budget 5 --default-cost 1"; do
  # shellcheck disable=SC2086
  "$cascade" seeds "$net" $extra --targets "$work/targets.csv" --reached "$work/reached.txt" --deadline 3 \
    --json --threads 1 --validation 20000 >"$work/one.json"
  # shellcheck disable=SC2086
  "$cascade" seeds "$net" $extra --targets "$work/targets.csv" --reached "$work/reached.txt" --deadline 3 \
    --json --threads 2 --validation 20000 >"$work/two.json"
  check "seeds $extra --targets --reached --deadline: same seeds and spread on 1 and 2 threads" -- $python -c '
import json, sys; a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(not (a["seeds"] == b["seeds"] and a["spread"] == b["spread"] and len(a["seeds"]) > 0))' "$work/one.json" "$work/two.json"
done

# Errors: exit 1 for a bad file (file and line), 2 for options that cannot go together.
printf 'label,weight\n3,2\n4,-2\n' >"$work/negative.csv"
expect 1 "^cascade: error: $work/negative.csv:3: found weight '-2' for '4'; expected a number >= 0$" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/negative.csv"
printf '3,nan\n' >"$work/nan.csv"
expect 1 "^cascade: error: $work/nan.csv:1: found weight 'nan' for '3'; expected a number >= 0$" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/nan.csv"
printf '3\nghost\n' >"$work/ghost.csv"
expect 1 "^cascade: error: $work/ghost.csv:2: found target 'ghost', which is not a node of" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/ghost.csv"
printf '# nobody\n' >"$work/empty.csv"
expect 1 "^cascade: error: $work/empty.csv: found no lines .*expected 'label\[,weight\]' lines" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/empty.csv"
printf '3,0\n4,0\n' >"$work/zero.csv"
expect 1 "^cascade: error: $work/zero.csv: found no positive weight" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/zero.csv"
printf '3,1,2\n' >"$work/wide.csv"
expect 1 "^cascade: error: $work/wide.csv:1: found 3 fields; expected 'label\[,weight\]' lines" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/wide.csv"
"$cascade" communities "$net" --out "$work/communities.csv" >/dev/null
expect 1 "^cascade: error: $work/communities.csv:1: found a 'community' column .*keep one community" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/communities.csv"
expect 2 "^cascade: error: --targets: found algo celf and model ic; expected algo auto, opim-c or imm" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/targets.csv" --algo celf
expect 2 "^cascade: error: --targets: found algo auto and model threshold:2" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/targets.csv" --model threshold:2
expect 2 "^cascade: error: --targets: found algo auto and model ic with fade 0.2" -- \
  "$cascade" seeds "$net" -k 2 --targets "$work/targets.csv" --fade 0.2
expect 2 "^cascade: error: --reached: found algo degree" -- \
  "$cascade" seeds "$net" -k 2 --reached "$work/reached.txt" --algo degree
expect 2 "^cascade: error: -k: found 298; expected at most 297 \(the people not yet reached\)" -- \
  "$cascade" seeds "$net" -k 298 --reached "$work/reached.txt"
printf '3\n' >"$work/one_target.txt"
printf '3\n' >"$work/reached_target.txt"
expect 2 "^cascade: error: --targets: found no positive weight on anyone not yet reached" -- \
  "$cascade" seeds "$net" -k 1 --targets "$work/one_target.txt" --reached "$work/reached_target.txt"
expect 2 "^cascade: error: --reached: found seed '5' among the people already reached" -- \
  "$cascade" simulate "$net" --seed-labels 5 --reached "$work/reached.txt" --runs 10
printf '5\n5\n' >"$work/twice.txt"
expect 1 "^cascade: error: $work/twice.txt:2: found reached person '5' again \(first on line 1\)" -- \
  "$cascade" seeds "$net" -k 2 --reached "$work/twice.txt"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

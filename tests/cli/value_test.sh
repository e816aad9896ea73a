#!/usr/bin/env bash
# simulate --cpm, --value-per-adoption, --costs, --default-cost as a user meets them: exact figures
# on a star whose arcs are certain, the value lines after the reach and the sentiment, labelled
# cost equivalence, negative word apart under icn, JSON, and the errors (exit 2 naming the flag).
# Usage: value_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

# c -> a, b, d and a -> b, a -> c, every arc certain: c tells a, b, d (3), a tells b (1) but not
# the seed c; b and d have nobody to tell. 4 impressions and 3 adoptions in every run.
printf 'c a 1\nc b 1\nc d 1\na b 1\na c 1\n' >"$work/star.txt"
printf 'c,30\n' >"$work/fees.csv"

expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 200 \
  --cpm 2500 --value-per-adoption 40 --costs "$work/fees.csv"
check "impressions: 4 messages to people outside the seeds" -- grep -qE \
  "^impressions +4\.0 \(95% interval \[4\.0, 4\.0\]\) word-of-mouth messages to people outside the seeds$" \
  "$work/stdout"
check "cost equivalence 4 x 2500 / 1000 = 10, labelled, with the caveat" -- grep -qE \
  "^cost equivalence +10\.00 .*at CPM 2,500; not the value of the conversations \(Barcelona Principles\)$" \
  "$work/stdout"
check "adoptions 3 worth 120" -- grep -qE "^adoptions +3\.00 .* worth 120\.00 .* at 40 each$" \
  "$work/stdout"
check "return (3 x 40 - 30) / 30 = 3" -- grep -qE "^return +3\.000 .*fees 30\) / fees$" "$work/stdout"
check "the value comes after the reach" -- "$python" - "$work/stdout" <<'PY'
import sys
lines = [l.split()[0] for l in open(sys.argv[1]) if l.strip()]
sys.exit(0 if lines.index("reach") < lines.index("impressions") < lines.index("cost") else 1)
PY

# --default-cost for a seed not in --costs, and without fees no return.
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 50 \
  --value-per-adoption 40 --default-cost 60
check "default cost: (120 - 60) / 60 = 1" -- grep -qE "^return +1\.000 " "$work/stdout"
check "no cost equivalence without --cpm" -- bash -c "! grep -q '^cost equivalence' '$work/stdout'"
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 50 \
  --value-per-adoption 40
check "no fees: the return is undefined" -- grep -qE "^return +undefined: no fees" "$work/stdout"
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 50
check "no prices: no value lines" -- bash -c "! grep -qE '^(impressions|cost|adoptions|return)' '$work/stdout'"

# icn with quality 0: every speaker is negative; the parts are apart and never netted.
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 100 \
  --model icn:q=0,neg=1 --cpm 1000
check "icn: positive and negative impressions apart" -- grep -qE \
  "^impressions .*from positive speakers 0\.0 .*from negative speakers 4\.0 .*reported apart$" \
  "$work/stdout"
check "icn: cost equivalence apart, after the sentiment" -- "$python" - "$work/stdout" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
ok = re.search(r"^cost equivalence +positive word 0\.00 .*negative word 4\.00 .*never netted", text, re.M)
sys.exit(0 if ok and text.index("\nnegative ") < text.index("\ncost equivalence") else 1)
PY

# JSON: the value object.
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 100 \
  --cpm 2500 --value-per-adoption 40 --default-cost 30 --json
check "JSON value object" -- "$python" - "$work/stdout" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))["value"]
assert v["cpm"] == 2500 and v["fees"] == 30 and v["value_per_adoption"] == 40, v
assert v["impressions"] == 4 and v["cost_equivalence"] == 10, v
assert v["cost_equivalence_ci95"] == [10, 10] and v["impressions_stderr"] == 0, v
assert v["adoptions"] == 3 and v["adoption_value"] == 120, v
assert v["return"] == 3 and "Barcelona" in v["cost_equivalence_note"], v
PY
expect 0 "" -- "$cascade" simulate "$work/star.txt" --prob weight --seed-labels c --runs 100 \
  --model icn:q=0,neg=1 --cpm 1000 --json
check "JSON under icn: no netted total" -- "$python" - "$work/stdout" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))["value"]
assert v["cost_equivalence"] is None and v["negative_cost_equivalence"] == 4, v
assert v["positive_impressions"] == 0 and v["return"] is None, v
PY

# Errors: exit 2 naming the flag.
expect 2 "--cpm: found '-1'" -- "$cascade" simulate "$work/star.txt" --seed-labels c --cpm -1
expect 2 "--cpm: found 'nan'" -- "$cascade" simulate "$work/star.txt" --seed-labels c --cpm nan
expect 2 "--value-per-adoption: found 'inf'" -- "$cascade" simulate "$work/star.txt" \
  --seed-labels c --value-per-adoption inf
expect 2 "--default-cost: found fees without a price" -- "$cascade" simulate "$work/star.txt" \
  --seed-labels c --default-cost 3
printf 'c,-5\n' >"$work/bad_fees.csv"
expect 1 "bad_fees.csv" -- "$cascade" simulate "$work/star.txt" --seed-labels c --cpm 1 \
  --costs "$work/bad_fees.csv"

echo "value: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

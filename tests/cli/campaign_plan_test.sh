#!/usr/bin/env bash
# cascade campaign PLAN.toml: the example runs; bad plans exit 1 naming the file, the line and the
# key; a label not in the graph; wrong flags exit 2; the same output on 1 and 2 threads.
# Usage: campaign_plan_test.sh PATH/TO/cascade PATH/TO/examples
set -u
cascade=$(realpath "$1")
examples=$(realpath "$2")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

# The commented example, on the bundled network, with fewer worlds.
expect 0 '' -- "$cascade" campaign "$examples/campaign.toml" --worlds 4
check "the example prints both phases, the total, value and the verdict" -- \
  grep -q "^phase 2 .*auto" "$work/stdout"
check "the example reports the single shot" -- grep -q "^single shot" "$work/stdout"
check "the example's value comes after its reach" -- $python -c '
import sys
text = open(sys.argv[1]).read()
sys.exit(0 if 0 < text.index("total ") < text.index("cost equivalence") else 1)' "$work/stdout"

# A small network and plans around it.
for i in $(seq 0 99); do echo "$i $(((i * 7 + 3) % 100))"; echo "$i $(((i * 13 + 5) % 100))"; done >"$work/net.txt"
plan() { printf '[network]\ngraph = "net.txt"\n%s' "$1" >"$work/$2"; }
plan '[model]
deadline = 4
[budget]
total = 4
[[phase]]
share = 0.5
steps = 2
[[phase]]
share = 0.5
[run]
worlds = 6
eps = 0.3
' good.toml
expect 0 '' -- "$cascade" campaign "$work/good.toml" --json --threads 1
cp "$work/stdout" "$work/one.json"
expect 0 '' -- "$cascade" campaign "$work/good.toml" --json --threads 2
check "the same campaign on 1 and 2 threads" -- $python -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for r in (a, b):
    for key in ("threads", "seconds", "timing", "command"):
        r.pop(key)
sys.exit(0 if a == b else 1)' "$work/one.json" "$work/stdout"
expect 0 '' -- "$cascade" campaign "$work/good.toml" --json --seed 5
check "--seed replaces the plan's seed" -- $python -c '
import json, sys
sys.exit(0 if json.load(open(sys.argv[1]))["seed"] == 5 else 1)' "$work/stdout"

# Bad plans: exit 1 with the file, the line and the key, before any work.
plan '[budget]
totl = 4
' typo.toml
expect 1 'typo\.toml:4: .*totl' -- "$cascade" campaign "$work/typo.toml"
plan '[budget]
total = -4
[[phase]]
' negative.toml
expect 1 'negative\.toml:4: budget\.total' -- "$cascade" campaign "$work/negative.toml"
plan '[budget]
total = 4
[[phase]]
share = 0.5
[[phase]]
share = 0.4
' shares.toml
expect 1 'shares\.toml:[0-9]+: .*share' -- "$cascade" campaign "$work/shares.toml"
plan '[budget]
total = 2
[[phase]]
seeding = "list"
seeds = ["1", "nobody"]
' label.toml
expect 1 'label\.toml:7: phase\.seeds: found "nobody"' -- "$cascade" campaign "$work/label.toml"
plan '[budget]
total = 1
[[phase]]
seeding = "list"
seeds = ["1", "2"]
' over.toml
expect 1 'over\.toml:7: phase\.seeds: .*budget' -- "$cascade" campaign "$work/over.toml"
plan '[model]
model = "threshold:2"
[budget]
total = 1
[[phase]]
' model.toml
expect 1 'model\.toml: model\.model: .*replay' -- "$cascade" campaign "$work/model.toml"
plan '[model]
model = "ic"
neg_weight = 1
[budget]
total = 1
' negweight.toml
expect 1 'negweight\.toml:5: model\.neg_weight: .*icn' -- "$cascade" campaign "$work/negweight.toml"
plan '[model]
model = "icn:q=0.5,neg=2"
[budget]
total = 2
[[phase]]
share = 0.5
steps = 2
seeding = "hubs"
[[phase]]
share = 0.5
seeding = "auto"
' icnauto.toml
expect 1 'icnauto\.toml:1[12]: phase\.seeding: found auto in phase 2 with icn' -- \
  "$cascade" campaign "$work/icnauto.toml"
expect 1 'missing\.toml' -- "$cascade" campaign "$work/missing.toml"
check "no output on a bad plan" -- test ! -s "$work/stdout"

# icn: positive and negative reach per phase and in total; value in simulate --cpm's words
# (cost equivalence after the reach, negative word apart, never netted); adoptions only the
# satisfied.
plan '[model]
model = "icn:q=0.6,neg=2"
deadline = 6
neg_weight = 1
[budget]
total = 3
[[phase]]
share = 0.34
steps = 2
seeding = "auto"
[[phase]]
share = 0.66
seeding = "hubs"
[value]
cpm = 8
value_per_adoption = 2
[run]
worlds = 8
' icn.toml
expect 0 '' -- "$cascade" campaign "$work/icn.toml"
check "icn: each phase adds satisfied and unhappy people apart" -- \
  grep -q "^  adds .* people: satisfied .*; unhappy .*, apart" "$work/stdout"
check "icn: the total is split too" -- grep -q "^total .*satisfied .*unhappy" "$work/stdout"
check "icn: the cost equivalence keeps negative word apart, after the reach" -- $python -c '
import sys
text = open(sys.argv[1]).read()
ce = text.index("cost equivalence  positive word")
sys.exit(0 if 0 < text.index("total ") < ce and "never netted" in text[ce:] else 1)' "$work/stdout"
check "icn: adoptions are the satisfied people" -- grep -q "^adoptions .*satisfied people" "$work/stdout"
check "icn: the comparison is on positive - L x negative" -- \
  grep -q "positive - 1 x negative people" "$work/stdout"
expect 0 '' -- "$cascade" campaign "$work/icn.toml" --json --threads 1
cp "$work/stdout" "$work/icn1.json"
expect 0 '' -- "$cascade" campaign "$work/icn.toml" --json --threads 2
check "icn: the same campaign on 1 and 2 threads" -- $python -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for r in (a, b):
    for key in ("threads", "seconds", "timing", "command"):
        r.pop(key)
v = a["value"]
ok = (a == b and v["cost_equivalence"] is None and v["negative_cost_equivalence"] is not None
      and a["reach"]["negative"] is not None and v["fees"] is not None)
sys.exit(0 if ok else 1)' "$work/icn1.json" "$work/stdout"

# Wrong flags: exit 2.
expect 2 '' -- "$cascade" campaign
expect 2 '--worlds' -- "$cascade" campaign "$work/good.toml" --worlds 0
expect 2 '' -- "$cascade" campaign "$work/good.toml" --runs 5

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

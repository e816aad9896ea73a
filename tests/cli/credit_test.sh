#!/usr/bin/env bash
# cascade seeds --algo credit --log FILE as a user meets it: sigma_cd worked out by hand, told apart
# from the spread validated under probabilities (text and JSON), the same seeds on 1 and 2
# threads, and the flags that belong to credit refused elsewhere, with exit codes 2 and 1.
# Usage: credit_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

not() { ! "$@"; }

#   a --> b --> d     item 1: a at 0, b and c at 1, d at 2 (d's parents b and c, 1/2 each);
#   |           ^     item 2: d alone, and zed, who is not in the graph.
#   +--> c -----+     sigma_cd({a}) = 1 (a) + 1 (b) + 1 (c) + 1/2 (d: credited in 1 of 2) = 3.5
printf 'a b\na c\nb d\nc d\n' >"$work/graph.txt"
cat >"$work/log.csv" <<'EOF2'
item,user,time
1,a,0
1,b,1
1,c,1
1,d,2
2,d,0
2,zed,1
EOF2

expect 0 "" -- "$cascade" seeds "$work/graph.txt" -k 2 --algo credit --log "$work/log.csv" \
  --out "$work/seeds.txt"
check "a first with 3.5 adopters credited" -- grep -qE '^ +1  a +3\.50$' "$work/stdout"
check "then d with the half of d left" -- grep -qE '^ +2  d +0\.50$' "$work/stdout"
check "sigma_cd is printed as the model's own objective" -- \
  grep -q "^sigma_cd    4.00 adopters credited on the log" "$work/stdout"
check "the spread says it is a check under ic with wc" -- \
  grep -q "under ic with probabilities wc: a check under a model the seeds were not chosen for" "$work/stdout"
check "the guarantee is on sigma_cd, none on the spread" -- \
  grep -q "^guarantee   at least 0.6321 x the best sigma_cd.*none proven on the spread" "$work/stdout"
check "the user outside the graph is reported" -- grep -q "1 adoption by users outside the graph" "$work/stdout"
check "the --out file lists the seeds" -- test "$(cat "$work/seeds.txt")" = "$(printf 'a\nd')"

"$cascade" seeds "$work/graph.txt" -k 2 --algo credit --log "$work/log.csv" --json \
  >"$work/credit.json" 2>/dev/null
check "the JSON keeps sigma_cd and the validated spread apart" -- "$python" -c '
import json, sys
j = json.load(open(sys.argv[1]))
c = j["credit"]
assert j["algorithm"] == "credit" and j["seeds"] == ["a", "d"], j
assert j["marginal_gains"] == [3.5, 0.5] and j["selection_estimate"] == 4.0, j
assert c["sigma_cd"] == 4.0 and abs(c["sigma_cd_guarantee"] - 0.6321205588) < 1e-9, c
assert j["guarantee"] == 0 and j["failure_probability"] is None, j
assert c["window"] == 1 and c["threshold"] == 0.001 and c["outside_adoptions"] == 1, c
assert c["items"] == 2 and c["adoptions"] == 5 and c["adopters"] == 4, c
assert "spread" in j and j["probability"] == "wc", j
' "$work/credit.json"

# Time stamps, the cascades format and an explicit window: with --window 0.5 nobody's adoption can
# be credited (the root sits one unit before the first time, the other gaps are 10), so every seed
# counts for itself alone.
printf 'a b 10 d 20\nc d 5\n' >"$work/cascades.txt"
"$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/cascades.txt" \
  --log-format cascades --json >"$work/inf.json" 2>/dev/null
"$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/cascades.txt" \
  --log-format cascades --window 0.5 --json >"$work/one.json" 2>/dev/null
check "time stamps: an infinite window by default; --window 0.5 credits no one" -- "$python" -c '
import json, sys
inf, one = (json.load(open(p)) for p in sys.argv[1:3])
assert inf["credit"]["window"] == "inf" and inf["credit"]["credited_adoptions"] == 3, inf
assert inf["seeds"] == ["a"] and inf["marginal_gains"] == [2.5], inf  # a, b, and half of d
assert one["credit"]["window"] == 0.5 and one["credit"]["credited_adoptions"] == 0, one
assert one["marginal_gains"] == [1.0], one
' "$work/inf.json" "$work/one.json"

# The same seeds and gains whatever the thread count; --seed moves only the validation.
printf '%s\n' "$(for i in $(seq 0 199); do echo "$i $(((i * 7 + 3) % 200))"; echo "$i $(((i * 13 + 5) % 200))"; done)" >"$work/net.txt"
for i in $(seq 0 149); do
  echo "$i $(((i * 7 + 3) % 200)) 1 $(((i * 13 + 5) % 200)) 2 $((((i * 7 + 3) % 200 * 13 + 5) % 200)) 3"
done >"$work/net_log.txt"
for threads in 1 2; do
  "$cascade" seeds "$work/net.txt" -k 10 --algo credit --log "$work/net_log.txt" \
    --log-format cascades --threads "$threads" --validation 2000 --json >"$work/t$threads.json" 2>/dev/null
done
check "1 and 2 threads: the same seeds and gains" -- "$python" -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["seeds"] == b["seeds"] and a["marginal_gains"] == b["marginal_gains"], (a["seeds"], b["seeds"])
assert a["marginal_gains"] == sorted(a["marginal_gains"], reverse=True), a["marginal_gains"]
' "$work/t1.json" "$work/t2.json"

# Flags of credit elsewhere, credit without its log, and broken logs.
expect 2 "^cascade: error: --log: applies to algo credit only .*found algo auto" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --log "$work/log.csv"
expect 2 "^cascade: error: --log-format: applies to algo credit only .*found algo imm" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo imm --log-format cascades
expect 2 "^cascade: error: --window: applies to algo credit only" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --window 2
expect 2 "^cascade: error: --log: found none; expected the adoption log's path" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit
expect 2 "^cascade: error: --window: found '-1'; expected a positive number, inf or default" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/log.csv" --window -1
expect 2 "^cascade: error: --log-format: found 'json'; expected actions or cascades" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/log.csv" --log-format json
expect 2 "^cascade: error: --eps: does not apply to algo credit" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/log.csv" --eps 0.2
expect 2 "^cascade: error: --budget: found algo credit" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/log.csv" --budget 3
expect 2 "^cascade: error: --log: found -, which GRAPH reads already" -- \
  "$cascade" seeds - -k 1 --algo credit --log - <"$work/graph.txt"
expect 1 "^cascade: error: $work/missing.csv: cannot open: No such file or directory$" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/missing.csv" --out "$work/never.txt"
check "no --out file after an error" -- not test -e "$work/never.txt"
printf 'item,user,time\n1,a,0\n1,b,soon\n' >"$work/bad_time.csv"
expect 1 "^cascade: error: $work/bad_time.csv:3: found .*soon.*expected" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/bad_time.csv"
printf 'a b 3 c 2\n' >"$work/backwards.txt"
expect 1 "backwards.txt:1: found the time 2 .*after 3; expected times that never decrease" -- \
  "$cascade" seeds "$work/graph.txt" -k 1 --algo credit --log "$work/backwards.txt" --log-format cascades

echo "credit_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

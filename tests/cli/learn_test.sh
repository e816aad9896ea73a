#!/usr/bin/env bash
# cascade learn as a user meets it: the estimates of a log worked out by hand, the --out file read
# back by every command with --prob weight (labels that need quoting included), users outside the
# graph reported, both log formats, the held-out table, and errors that name the file and line.
# Usage: learn_test.sh PATH/TO/cascade
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

# "Müller, Anna" -> b -> c. Item 1: b a step after a (a success); 2: a alone (a failure);
# 3: b four steps late (a failure); 4: both at once (no trial); 5: b alone; 6: "zed", not in the
# graph. So p(a, b) = 1/3 from 3 trials, and b -> c is tried in items 1, 3, 4 and 5 and fails.
cat >"$work/graph.csv" <<'EOF2'
source,target
"Müller, Anna",b
b,c
EOF2
cat >"$work/log.csv" <<'EOF2'
time,item,user
0,1,"Müller, Anna"
1,1,b
0,2,"Müller, Anna"
0,3,"Müller, Anna"
5,3,b
0,4,"Müller, Anna"
0,4,b
0,5,b
0,6,zed
EOF2

expect 0 "" -- "$cascade" learn "$work/graph.csv" --log "$work/log.csv" --out "$work/learned.csv"
check "the arcs file has the documented header" -- \
  test "$(head -1 "$work/learned.csv")" = "source,target,probability,trials,successes,low,high"
check "p(Müller, Anna -> b) = 1/3 from 1 success in 3 trials, interval of Beta(2, 3)" -- \
  grep -qx '"Müller, Anna",b,0.33333334,3,1,0.06758599,0.80587953' "$work/learned.csv"
check "b -> c: 0 successes in 4 trials" -- grep -qx 'b,c,0,4,0,.*' "$work/learned.csv"
check "the text reports the user outside the graph" -- \
  grep -q "1 adoption by 1 user not in the graph.*zed" "$work/stdout"
check "and the adoptions explained by the graph" -- grep -q "1 (11.1%) with a possible parent" "$work/stdout"

# The --out file is a graph file: every command reads its probability column with --prob weight.
summary=$("$cascade" info "$work/learned.csv" --prob weight --json 2>"$work/stderr" |
  "$python" -c 'import json, sys; j = json.load(sys.stdin); p = j["probability"]; print(j["nodes"], j["arcs"], p["min"], p["max"])')
check "info reads it back: 3 nodes, 2 arcs, probabilities 0 and 1/3 ($summary)" -- \
  test "$summary" = "3 2 0.0 0.33333334"
check "without a warning about the extra columns" -- not test -s "$work/stderr"
expect 0 "" -- "$cascade" simulate "$work/learned.csv" --prob weight --seed-labels '"Müller, Anna"' --runs 3000
check "simulate on it reaches about 1 + 1/3" -- \
  grep -qE "^reach +1\.3[0-9]" "$work/stdout"

# JSON: the counts and the log-likelihood per iteration.
"$cascade" learn "$work/graph.csv" --log "$work/log.csv" --json >"$work/learn.json" 2>/dev/null
check "the JSON record counts arcs and adoptions" -- "$python" -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["arcs_tried"] == 2 and j["arcs_untried"] == 0, j
assert j["adoptions"] == 9 and j["explained_by_graph"] == 1 and j["background_adoptions"] == 8, j
assert j["log"]["outside_users"] == 1 and j["log"]["outside_examples"] == ["zed"], j
ll = j["log_likelihood"]
assert len(ll) == j["iterations"] + 1 and all(b >= a - 1e-12 for a, b in zip(ll, ll[1:])), ll
' "$work/learn.json"

# Cascades format, a held-out log, the static models.
printf 'a b\nb c\nc a\n' >"$work/abc.txt"
printf 'a b 1 c 2\na b 1\nb c 3\n' >"$work/abc_train.txt"
printf 'a b 1 c 2\nc a 6\n' >"$work/abc_test.txt"
for method in em bernoulli jaccard; do
  expect 0 "" -- "$cascade" learn "$work/abc.txt" --log "$work/abc_train.txt" --log-format cascades \
    --test "$work/abc_test.txt" --method "$method"
  check "$method: the held-out table has the learned row and the three baselines" -- \
    test "$(grep -cE '^(learned|wc|const:0.01|trivalency) +-?[0-9.]+ +[0-9.]+%' "$work/stdout")" = 4
done
check "time stamps get the infinite window by default" -- grep -q "window infinite (the default" "$work/stdout"

# The same file on one thread and on two; an arc never tried keeps the prior mean with --untried prior.
printf 'a b\nb c\nc a\nd a\n' >"$work/abcd.txt"
"$cascade" learn "$work/abcd.txt" --log "$work/abc_train.txt" --log-format cascades --threads 1 \
  --out "$work/one.csv" >/dev/null 2>&1
"$cascade" learn "$work/abcd.txt" --log "$work/abc_train.txt" --log-format cascades --threads 2 \
  --out "$work/two.csv" >/dev/null 2>&1
check "one and two threads write the same file" -- cmp -s "$work/one.csv" "$work/two.csv"
expect 0 "" -- "$cascade" learn "$work/abcd.txt" --log "$work/abc_train.txt" --log-format cascades \
  --untried prior --prior 1,3 --estimate posterior --out "$work/prior.csv"
check "d -> a, never tried, keeps the prior mean 1/4" -- grep -qx 'd,a,0.25,0,0,.*' "$work/prior.csv"
check "the text says so" -- grep -q "1 never tried (kept at 0.25, the prior mean)" "$work/stdout"

# Errors: the file and line, what was found, what was expected; no output file left behind.
printf 'user,item,time\na,1,0\nb,1,soon\n' >"$work/bad.csv"
expect 1 "bad.csv:3: found the time 'soon'; expected a finite number" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/bad.csv" --out "$work/never.csv"
check "no --out file after an error" -- not test -e "$work/never.csv"
printf 'a b 3 c 2\n' >"$work/backwards.txt"
expect 1 "backwards.txt:1: found the time 2 .*after 3; expected times that never decrease" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/backwards.txt" --log-format cascades
printf 'user,item\na,1\n' >"$work/columns.csv"
expect 1 "columns.csv:1: found the columns 'user', 'item'; expected a header naming" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/columns.csv"
expect 2 "--log is required" -- "$cascade" learn "$work/abc.txt"

# --parents any: the log's own ties. zed (not in the graph) adopts first, then "Müller, Anna" and
# c a step later: zed becomes a person and zed -> both are arcs of the --out file.
cat >"$work/ties.csv" <<'EOF2'
user,item,time
zed,1,0
"Müller, Anna",1,1
c,1,1
EOF2
"$cascade" learn "$work/graph.csv" --log "$work/ties.csv" --parents any --out "$work/ties_out.csv" \
  >"$work/ties_stdout" 2>&1
check "--parents any says how many people and arcs the log's ties make" -- \
  grep -q "ties        parents any: 4 people and 4 arcs" "$work/ties_stdout"
check "--parents any writes the log's ties with labels quoted" -- \
  grep -qx 'zed,"Müller, Anna",1,1,1,.*' "$work/ties_out.csv"
check "--parents any keeps the graph's arcs" -- grep -q '^b,c,' "$work/ties_out.csv"
"$cascade" info "$work/ties_out.csv" --prob weight >"$work/ties_info" 2>&1
check "the --parents any file reads back as a graph of 4 nodes" -- grep -q "nodes        4 " "$work/ties_info"
expect 2 "^cascade: error: --parents: found 'friends'; expected graph" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/log.csv" --parents friends
expect 2 "^cascade: error: --method: found 'nope'; expected em, bernoulli or jaccard" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/log.csv" --method nope
expect 2 "^cascade: error: --prior: found '1'; expected A,B" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/log.csv" --prior 1
expect 2 "^cascade: error: --window: found '-1'" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/log.csv" --window -1
expect 2 "^cascade: error: --log-format: found 'json'; expected actions or cascades" -- \
  "$cascade" learn "$work/abc.txt" --log "$work/log.csv" --log-format json
expect 1 "missing.csv" -- "$cascade" learn "$work/abc.txt" --log "$work/missing.csv"

echo "learn_test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

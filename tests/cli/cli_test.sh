#!/usr/bin/env bash
# The `cascade` command as a user meets it: exit codes (2 usage, 1 input), one error line naming
# file, line, what was found and what was expected, and no output file left behind on failure.
# Usage: cli_test.sh PATH/TO/cascade
set -u
cascade=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

printf '0 1\n1 2\n2 0\n' >"$work/good.txt"
printf 'source,target,weight\na,b,0.5\nb,c,x\n' >"$work/bad_weight.csv"
printf '0 1 0.5\n1 2 1.5\n' >"$work/heavy.txt"
printf '' >"$work/empty.txt"
printf '0 1\n1\n' >"$work/short.txt"
head -c 2000 /dev/urandom >"$work/garbage.bin"
printf '\x7fELF\x02\x01\x01\x00' >"$work/elf.bin"
for i in $(seq 1 2000); do echo "$i $((i + 1))"; done | gzip -c >"$work/full.txt.gz"
head -c 1500 "$work/full.txt.gz" >"$work/cut.txt.gz"

# Usage errors: exit 2.
expect 2 '^cascade: error: expected a command' -- "$cascade"
expect 2 '^cascade: error: .*--no-such-option' -- "$cascade" info "$work/good.txt" --no-such-option
expect 2 '^cascade: error: .*GRAPH is required' -- "$cascade" info
expect 2 "^cascade: error: --prob: found 'const:2'; expected const:P with P in \[0, 1\]" -- \
  "$cascade" info "$work/good.txt" --prob const:2
expect 2 "^cascade: error: --prob: found 'bogus'" -- "$cascade" info "$work/good.txt" --prob bogus
expect 2 '^cascade: error: --prob: weight: .* has no weight column' -- \
  "$cascade" info "$work/good.txt" --prob weight
expect 2 '^cascade: error: .*--threads' -- "$cascade" info "$work/good.txt" --threads -1

# Input errors: exit 1, with file and line.
expect 1 "^cascade: error: $work/missing.txt: cannot open: No such file or directory$" -- \
  "$cascade" info "$work/missing.txt"
expect 1 "^cascade: error: $work/bad_weight.csv:3: found weight 'x'; expected a number$" -- \
  "$cascade" info "$work/bad_weight.csv"
expect 1 "^cascade: error: $work/heavy.txt:2: found weight '1.5'; expected a probability in \[0, 1\]$" -- \
  "$cascade" info "$work/heavy.txt" --prob weight
expect 1 "^cascade: error: $work/empty.txt: found no arcs" -- "$cascade" info "$work/empty.txt"
expect 1 "^cascade: error: $work/short.txt:2: found 1 column; expected 2 or 3 columns" -- \
  "$cascade" info "$work/short.txt"
expect 1 "^cascade: error: $work/garbage.bin" -- "$cascade" info "$work/garbage.bin"
expect 1 "^cascade: error: $work/elf.bin:1: found byte 0x7f, binary data" -- \
  "$cascade" info "$work/elf.bin"
expect 1 "^cascade: error: $work/cut.txt.gz: gzip data ends early" -- "$cascade" info "$work/cut.txt.gz"

# convert: a snapshot that reads back as the same graph, and nothing left behind on failure.
expect 0 '' -- "$cascade" convert "$work/full.txt.gz" "$work/full.cgraph"
"$cascade" info "$work/full.txt.gz" --json >"$work/text.json"
"$cascade" info "$work/full.cgraph" --json >"$work/snapshot.json"
check "info --json has nodes and arcs" -- grep -q '"nodes": 2001' "$work/snapshot.json"
check "snapshot and text agree" -- \
  diff <(grep -E '"(nodes|arcs|in_degree|clustering|average|max)"' "$work/text.json") \
  <(grep -E '"(nodes|arcs|in_degree|clustering|average|max)"' "$work/snapshot.json")
head -c 100 "$work/full.cgraph" >"$work/cut.cgraph"
expect 1 "^cascade: error: $work/cut.cgraph: snapshot is 100 bytes; its header says" -- \
  "$cascade" info "$work/cut.cgraph"
cp "$work/full.cgraph" "$work/v9.cgraph"
printf '\x09' | dd of="$work/v9.cgraph" bs=1 seek=8 conv=notrunc status=none
expect 1 "^cascade: error: $work/v9.cgraph: snapshot format version 9; expected version 1" -- \
  "$cascade" info "$work/v9.cgraph"
expect 2 "^cascade: error: .*snapshot of a directed graph; --undirected" -- \
  "$cascade" info "$work/full.cgraph" --undirected
expect 1 "^cascade: error: $work/bad_weight.csv:3" -- \
  "$cascade" convert "$work/bad_weight.csv" "$work/never.cgraph"
check "no output file after a failed convert" -- test -z "$(ls "$work" | grep never)"
expect 1 "^cascade: error: $work/no/such/dir/out.cgraph: cannot write: the folder $work/no/such/dir does not exist" -- \
  "$cascade" convert "$work/good.txt" "$work/no/such/dir/out.cgraph"
expect 0 '' -- "$cascade" convert "$work/full.cgraph" "$work/back.csv"
check "csv written from a snapshot has a header" -- grep -q '^source,target$' "$work/back.csv"

# simulate: JSON keys, the same output on 1 and 2 threads, files written, errors before any run.
printf '1\n# a comment\n\n2\n' >"$work/seeds.txt"
printf '0\nnobody\n' >"$work/bad_seeds.txt"
printf '0 2\n1 2\n' >"$work/two_into_one.txt"
expect 0 '' -- "$cascade" simulate "$work/full.txt.gz" --seeds "$work/seeds.txt" --runs 500 --json
check "simulate --json has mean, stderr and curve" -- \
  grep -qE '"(mean|stderr|curve)"' "$work/stdout"
# The JSON of a run without what may differ between two runs of the same computation: timings,
# rates, memory, the thread count and the command line.
strip_timing() {
  /usr/bin/python3 -c '
import json, sys
volatile = {"seconds", "runs_per_second", "arcs_per_second", "threads", "command", "timing",
            "peak_resident_bytes"}
def strip(value):
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in volatile}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value
print(json.dumps(strip(json.load(open(sys.argv[1]))), indent=1, sort_keys=True))' "$1"
}
for model in ic lt threshold:1,prob 'icn:q=0.7,neg=1.55'; do
  "$cascade" simulate "$work/full.txt.gz" --seed-labels 1,5 --model "$model" --runs 2000 --json \
    --threads 1 --seed 5 >"$work/one.json"
  "$cascade" simulate "$work/full.txt.gz" --seed-labels 1,5 --model "$model" --runs 2000 --json \
    --threads 2 --seed 5 >"$work/two.json"
  check "simulate $model: same output on 1 and 2 threads" -- \
    diff <(strip_timing "$work/one.json") <(strip_timing "$work/two.json")
done
expect 0 '' -- "$cascade" simulate "$work/full.txt.gz" --seeds "$work/seeds.txt" --runs 100 \
  --model 'icn:q=0.5,neg=2' --trace "$work/trace.csv" --node-probabilities "$work/nodes.csv"
check "trace has a header and the seeds at step 0" -- \
  grep -q '^step,source,target,sentiment$' "$work/trace.csv"
check "node probabilities list every node" -- test "$(wc -l <"$work/nodes.csv")" -eq 2002
expect 2 "^cascade: error: --model: found 'icn:q=1.5,neg=2'; expected icn:q=Q,neg=M" -- \
  "$cascade" simulate "$work/good.txt" --seed-labels 0 --model 'icn:q=1.5,neg=2'
expect 2 "^cascade: error: --model: found 'threshold:0'" -- \
  "$cascade" simulate "$work/good.txt" --seed-labels 0 --model threshold:0
expect 2 "^cascade: error: --prob: const:0.75: under model lt the weights into node 2 sum to 1.5" -- \
  "$cascade" simulate "$work/two_into_one.txt" --seed-labels 0 --model lt --prob const:0.75 \
  --node-probabilities "$work/never.csv"
check "no output file after a refused simulation" -- test ! -e "$work/never.csv"
expect 2 "^cascade: error: --fade: found '1'; expected a number in \[0, 1\)" -- \
  "$cascade" simulate "$work/good.txt" --seed-labels 0 --fade 1
expect 1 "^cascade: error: $work/bad_seeds.txt:2: found seed 'nobody', which is not a node of" -- \
  "$cascade" simulate "$work/good.txt" --seeds "$work/bad_seeds.txt"
expect 2 '^cascade: error: no seeds' -- "$cascade" simulate "$work/good.txt"
expect 2 '^cascade: error: .*excludes' -- \
  "$cascade" simulate "$work/good.txt" --seed-labels 0 --runs 10 --rel-error 0.1

# seeds: errors before any work, the same seeds on 1 and 2 threads, --out for simulate --seeds.
# net.txt: 1,500 people, each telling 3 others; with --prob const:0.2 the spread stays small.
for i in $(seq 0 1499); do
  echo "$i $(((i * 7 + 3) % 1500))"; echo "$i $(((i * 13 + 5) % 1500))"; echo "$i $(((i * 31 + 11) % 1500))"
done >"$work/net.txt"
expect 2 "^cascade: error: -k: found 5,000; expected at most 1,500" -- \
  "$cascade" seeds "$work/net.txt" -k 5000
expect 2 "^cascade: error: -k: found 0; expected the number of seeds" -- "$cascade" seeds "$work/net.txt" --prob const:0.2
expect 2 "^cascade: error: --eps: found '1.5'; expected a number in \(0, 1\)" -- \
  "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 3 --eps 1.5
expect 2 "^cascade: error: --algo: imm samples reverse-reachable sets.*found model threshold:2" -- \
  "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 3 --algo imm --model threshold:2
expect 2 "^cascade: error: --algo: found 'magic'" -- "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 3 --algo magic
for algo in auto imm degree-discount pagerank random; do
  "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 4 --algo "$algo" --json --threads 1 --validation 20000 >"$work/one.json"
  "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 4 --algo "$algo" --json --threads 2 --validation 20000 >"$work/two.json"
  check "seeds $algo: same output on 1 and 2 threads" -- \
    diff <(strip_timing "$work/one.json") <(strip_timing "$work/two.json")
done
check "seeds --json has seeds and spread" -- grep -qE '"(seeds|spread)"' "$work/one.json"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 3 --out "$work/picked.txt"
check "--out writes one label per line" -- test "$(wc -l <"$work/picked.txt")" -eq 3
expect 0 '' -- "$cascade" simulate "$work/net.txt" --prob const:0.2 --seeds "$work/picked.txt" --runs 100
printf 'label,cost\n1,5\n2,1\n' >"$work/costs.csv"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --costs "$work/costs.csv" --budget 3
check "the seeds cost at most the budget" -- \
  awk '/^fees / { found = 1; ok = ($2 <= 3) } END { exit !(found && ok) }' "$work/stdout"
printf 'label,cost\n1,-5\n' >"$work/bad_costs.csv"
expect 1 "^cascade: error: $work/bad_costs.csv:2: found fee '-5' for '1'; expected a number >= 0" -- \
  "$cascade" seeds "$work/net.txt" --prob const:0.2 --costs "$work/bad_costs.csv" --budget 3
# Fee 0 (employees, fans): free people are taken first, and cost nothing.
printf 'label,fee\n7,0\n8,0\n9,0\n' >"$work/free.csv"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --costs "$work/free.csv" --default-cost 10 \
  --budget 20 --json --validation 1000
check "free people are seeded first, and the paid ones fit the budget" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1]))
sys.exit(not (sorted(d["seeds"][:3]) == [7, 8, 9] and d["fees"][:3] == [0, 0, 0] and d["spent"] == 20 and len(d["seeds"]) == 5))' "$work/stdout"
expect 0 '' -- "$cascade" seeds "$work/two_into_one.txt" -k 1 --model threshold:1 --runs 20

# --reach R: the fewest seeds whose expected reach is R, proven (1 - eps) R; same on 1 and 2 threads.
for threads in 1 2; do
  "$cascade" seeds "$work/net.txt" --prob const:0.2 --reach 60 --json --threads "$threads" \
    --validation 20000 >"$work/reach$threads.json"
done
check "seeds --reach: same output on 1 and 2 threads" -- \
  diff <(strip_timing "$work/reach1.json") <(strip_timing "$work/reach2.json")
check "seeds --reach: the goal proven, and the independent spread near it" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); g = d["reach_goal"]
sys.exit(not (g["proven"] and g["proven_reach"] >= 0.9 * 60 and g["goal"] == 60 and d["k"] == len(d["seeds"])
              and g["cost"] == len(d["seeds"]) and g["size_ratio"] >= 1 and d["spread_ci95"][1] >= 54
              and "fees" not in d and "expected reach >= " in g["statement"]))' "$work/reach1.json"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --reach 60 --validation 2000
check "seeds --reach prints the goal and the two-sided guarantee in words" -- grep -qE \
  "^guarantee   with probability at least 1 - .*: expected reach at least .* >= \(1 - eps\) x 60 = 54" "$work/stdout"
check "seeds --reach: the size bound in words" -- grep -qE \
  "^            and seeds [0-9]+ chosen, at most [0-9.]+ x the number of seeds of any set whose expected reach is 60" "$work/stdout"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --reach 60 --costs "$work/free.csv" \
  --default-cost 10 --json --validation 2000
check "seeds --reach --costs: the cheapest, free people first" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); g = d["reach_goal"]
sys.exit(not (g["cost_in"] == "fees" and sorted(d["seeds"][:3]) == [7, 8, 9] and d["spent"] == g["cost"]
              and len(d["fees"]) == len(d["seeds"]) and "budget" not in d))' "$work/stdout"
printf '1\n2\n3\n' >"$work/reach_reached.txt"
printf 'label,weight\n' >"$work/reach_targets.csv"
for i in $(seq 1 3 1500); do echo "$i,2"; done >>"$work/reach_targets.csv"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --reach 40 --targets "$work/reach_targets.csv" \
  --reached "$work/reach_reached.txt" --deadline 2 --json --validation 2000
check "seeds --reach with --targets, --reached and --deadline: R in audience weight" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); g = d["reach_goal"]
sys.exit(not (g["proven"] and g["everyone"] == 998 and not {1, 2, 3} & set(d["seeds"])))' "$work/stdout"
expect 2 "^cascade: error: --reach: found 1,?501; expected at most 1,?500, what seeding everyone reaches: the goal is unreachable" -- \
  "$cascade" seeds "$work/net.txt" --prob const:0.2 --reach 1501
expect 2 "^cascade: error: -k: does not combine with reach" -- "$cascade" seeds "$work/net.txt" --reach 10 -k 3
expect 2 "^cascade: error: --budget: does not combine with reach" -- \
  "$cascade" seeds "$work/net.txt" --reach 10 --costs "$work/free.csv" --budget 3
expect 2 "^cascade: error: --algo: does not combine with reach \(found algo imm" -- \
  "$cascade" seeds "$work/net.txt" --reach 10 --algo imm
expect 2 "^cascade: error: --algo: does not combine with reach \(found algo auto and model ic with fade" -- \
  "$cascade" seeds "$work/net.txt" --reach 10 --fade 0.1
expect 2 "^cascade: error: --reach: found '0'" -- "$cascade" seeds "$work/net.txt" --reach 0

# generate, influencers, communities, compare, audit.
expect 0 '' -- "$cascade" generate planted-partition "$work/planted.txt" --nodes 600 --groups 6 \
  --degree 12 --mixing 0.2 --communities "$work/planted_truth.csv"
expect 0 '' -- "$cascade" generate planted-partition "$work/planted_again.txt" --nodes 600 --groups 6 \
  --degree 12 --mixing 0.2
check "generate: the same seed gives the same file" -- cmp -s "$work/planted.txt" "$work/planted_again.txt"
expect 2 "^cascade: error: --communities: only planted-partition plants communities" -- \
  "$cascade" generate rmat "$work/never.txt" --scale 8 --communities "$work/never.csv"
check "no output file after a refused generate" -- test ! -e "$work/never.txt"
expect 2 "^cascade: error: barabasi-albert: expected 1 <= attach < n" -- \
  "$cascade" generate barabasi-albert "$work/ba.txt" --nodes 3 --attach 5
expect 0 '' -- "$cascade" communities "$work/planted.txt" --undirected --truth "$work/planted_truth.csv" --json
check "communities recover the planted groups (NMI in the JSON)" -- \
  grep -qE '"nmi": (0\.9[0-9]*|1(\.0*)?),?$' "$work/stdout"
expect 0 '' -- "$cascade" communities "$work/planted.txt" --undirected --out "$work/found.csv"
check "communities --out lists everyone" -- test "$(wc -l <"$work/found.csv")" -eq 601
expect 2 "^cascade: error: --resolution: found '-1'; expected a number in \(0, 1000\]" -- \
  "$cascade" communities "$work/planted.txt" --resolution -1
expect 0 '' -- "$cascade" influencers "$work/net.txt" --prob const:0.2 --top 5% --samples 20000 \
  --out "$work/influence.csv"
check "influencers ranks everyone" -- test "$(wc -l <"$work/influence.csv")" -eq 1501
expect 2 "^cascade: error: --top: found 'lots'" -- "$cascade" influencers "$work/net.txt" --top lots
expect 2 "^cascade: error: --model: found threshold:2; influencers estimates" -- \
  "$cascade" influencers "$work/net.txt" --model threshold:2
expect 0 '' -- "$cascade" compare "$work/planted.txt" --undirected -k 5 --runs 200 --json
check "compare --json lists the five strategies" -- \
  test "$(grep -c '"strategy"' "$work/stdout")" -eq 5
expect 0 '' -- "$cascade" compare "$work/planted.txt" --undirected -k 3 --runs 50 \
  --model threshold:2 --strategies optimal,hubs,group --candidates 30 --celf-runs 10
expect 2 "^cascade: error: --strategies: found 'celebrities'" -- \
  "$cascade" compare "$work/planted.txt" -k 3 --strategies hubs,celebrities
printf '1\n2\nnobody\n' >"$work/likers.txt"
expect 0 '' -- "$cascade" audit "$work/planted.txt" --undirected --account 0 --likers "$work/likers.txt" --runs 20
check "audit counts likers outside the network and goes on" -- \
  grep -q '^not in graph 1 of the likers are not people of .* (for example nobody): left out' "$work/stdout"
expect 1 "^cascade: error: --account: found 'ghost'" -- \
  "$cascade" audit "$work/planted.txt" --account ghost
printf '1\n2\n' >"$work/likers.txt"
expect 0 '' -- "$cascade" audit "$work/planted.txt" --undirected --account 0 --likers "$work/likers.txt" \
  --runs 100 --json
check "audit --json reports the audience and the likers" -- \
  grep -qE '"(audience|likers_without_ties)"' "$work/stdout"

# Issue 8: what a new user hit.
# Item 0: every seed distinct, up to k = n, even once the sample is exhausted.
expect 0 '' -- "$cascade" seeds "$work/two_into_one.txt" -k 3 --json --validation 1000
check "seeds -k n returns everyone once" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); sys.exit(sorted(d["seeds"]) != [0, 1, 2])' "$work/stdout"
# Item 2: side files are CSV as spreadsheets write them: quotes, commas, unicode, BOM, CRLF.
printf 'source,target\n"Müller, Anna",東京 café ☕\n東京 café ☕,"say ""hi"""\n"say ""hi""",bob\n' >"$work/names.csv"
printf '\xef\xbb\xbflabel,fee\r\n"Müller, Anna",100\r\n東京 café ☕,280\r\n"say ""hi""",50\r\n' >"$work/fees.csv"
expect 0 '' -- "$cascade" seeds "$work/names.csv" --prob const:0.5 --costs "$work/fees.csv" --budget 150 --json --validation 1000
check "fees read from a BOM+CRLF CSV with quoted names" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1]))
fee = {"Müller, Anna": 100, "東京 café ☕": 280, "say \"hi\"": 50, "bob": 1}
sys.exit(not (d["spent"] <= 150 and all(fee[s] == f for s, f in zip(d["seeds"], d["fees"]))))' "$work/stdout"
printf 'label,fee\n"Müller, Anna",100\nbob,3\n"Müller, Anna",90\n' >"$work/twice.csv"
expect 1 "^cascade: error: $work/twice.csv:4: found person 'Müller, Anna' again \(first on line 2\); expected each person once" -- \
  "$cascade" seeds "$work/names.csv" --prob const:0.5 --costs "$work/twice.csv" --budget 150
printf '"say ""hi"""\nbob\n' >"$work/name_seeds.txt"
expect 0 '' -- "$cascade" simulate "$work/names.csv" --prob const:0.5 --seeds "$work/name_seeds.txt" --runs 50 \
  --trace "$work/name_trace.csv" --node-probabilities "$work/name_nodes.csv"
check "seeds listed with quotes as in CSV" -- grep -q '^seeds         2 ("say ""hi""", bob)$' "$work/stdout"
check "node probabilities quote labels with commas" -- grep -q '^"Müller, Anna",' "$work/name_nodes.csv"
"$cascade" seeds "$work/names.csv" --prob const:0.5 -k 2 --out "$work/name_out.txt" --validation 1000 >/dev/null
expect 0 '' -- "$cascade" simulate "$work/names.csv" --prob const:0.5 --seeds "$work/name_out.txt" --runs 10
check "seeds --out reads back as --seeds" -- grep -q '^seeds         2 ' "$work/stdout"
# Item 8: a failed write to standard output is an error.
for command in "info $work/good.txt --json" "seeds $work/net.txt --prob const:0.2 -k 2 --validation 1000" \
  "influencers $work/net.txt --samples 1000" "compare $work/net.txt -k 2 --runs 10 --strategies hubs" \
  "audit $work/net.txt --account 3 --runs 10" "communities $work/net.txt"; do
  # shellcheck disable=SC2086
  "$cascade" $command >/dev/full 2>"$work/stderr"
  got=$?
  check "$command > /dev/full exits 1" -- test "$got" -eq 1
  check "$command > /dev/full says so" -- grep -q 'cannot write to standard output' "$work/stderr"
done
# Item 9: an unwritable --out is found before the work.
expect 1 "^cascade: error: $work/no/such/folder/seeds.txt" -- \
  "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 2 --out "$work/no/such/folder/seeds.txt"
# Item 11: numbers are checked, with the option's name.
expect 2 "^cascade: error: --seed: found '-1'; expected a whole number" -- "$cascade" info "$work/good.txt" --seed -1
expect 2 "^cascade: error: --seed: found '18446744073709551616'" -- "$cascade" info "$work/good.txt" --seed 18446744073709551616
for budget in nan 0 -1 inf; do
  expect 2 "^cascade: error: --budget: found '$budget'; expected a number in \(0, infinity\)" -- \
    "$cascade" seeds "$work/net.txt" --budget "$budget"
done
for cost in 0 nan; do
  expect 2 "^cascade: error: --default-cost: found '$cost'" -- "$cascade" seeds "$work/net.txt" --budget 3 --default-cost "$cost"
done
expect 2 "^cascade: error: --delta: found '0'" -- "$cascade" seeds "$work/net.txt" -k 2 --delta 0
expect 2 "^cascade: error: --time-limit: found '0'" -- "$cascade" seeds "$work/net.txt" -k 2 --time-limit 0
expect 2 "^cascade: error: --time-limit: found '-1'" -- "$cascade" seeds "$work/net.txt" -k 2 --time-limit -1
expect 2 "^cascade: error: --validation: found '0'" -- "$cascade" seeds "$work/net.txt" -k 2 --validation 0
expect 2 "^cascade: error: --samples: found '0'" -- "$cascade" influencers "$work/net.txt" --samples 0
expect 2 "^cascade: error: --time-limit: does not apply to algo imm" -- \
  "$cascade" seeds "$work/net.txt" -k 2 --algo imm --time-limit 1
expect 2 "^cascade: error: --strategies: found none" -- "$cascade" compare "$work/net.txt" --strategies ""
expect 2 "^cascade: error: --strategies: found 'hubs' twice" -- "$cascade" compare "$work/net.txt" --strategies hubs,hubs
expect 2 "^cascade: error: --seed-labels: found seed '1' twice" -- "$cascade" simulate "$work/net.txt" --seed-labels 1,1
# Item 12: -k with --budget is a cap; nobody affordable is an error; each seed's fee is shown.
printf 'label,fee\n1,1\n2,1\n3,1\n4,1\n' >"$work/cheap.csv"
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 --costs "$work/cheap.csv" --default-cost 100 \
  --budget 4 -k 2 --json --validation 1000
check "-k caps a budgeted choice" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); sys.exit(not (len(d["seeds"]) <= 2 and d["spent"] <= 4 and len(d["fees"]) == len(d["seeds"])))' "$work/stdout"
expect 2 "^cascade: error: --budget: found 0.5; expected at least the cheapest fee, 1 \(person '1'\): nobody is affordable" -- \
  "$cascade" seeds "$work/net.txt" --costs "$work/cheap.csv" --default-cost 100 --budget 0.5
# Item 13: help and suggestions.
expect 0 '' -- "$cascade" help
check "cascade help lists the commands" -- grep -q 'seeds' "$work/stdout"
expect 0 '' -- "$cascade" help seeds
check "cascade help seeds shows its options" -- grep -q -- '--budget' "$work/stdout"
expect 2 "^cascade: error: unknown command 'sedds'; did you mean 'seeds'\?" -- "$cascade" sedds
expect 2 "^cascade: error: unknown option --thraeds; did you mean --threads\?" -- "$cascade" info "$work/good.txt" --thraeds 2
expect 2 "^cascade: error: --seed takes the random seed .*did you mean --seeds FILE\?" -- \
  "$cascade" simulate "$work/good.txt" --seed seeds.txt
# Item 14: the demo says where it looked.
expect 1 "^cascade: error: demo: found no email-Eu-core.txt.gz in $work/nowhere" -- "$cascade" demo --data "$work/nowhere"
# Item 15: seeds --fade and --deadline choose by simulation.
expect 0 '' -- "$cascade" seeds "$work/net.txt" --prob const:0.2 -k 2 --fade 0.5 --deadline 3 --runs 20 --candidates 30
check "seeds --fade uses CELF++" -- grep -q '^algorithm   celf++' "$work/stdout"
# Items 16 and 17b: intervals of counts never below 0; a single run has no error bar.
expect 0 '' -- "$cascade" simulate "$work/net.txt" --prob const:0.2 --seed-labels 1 --runs 300 --json
check "curve intervals never go below 0" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); sys.exit(any(p["new_ci95"][0] < 0 for p in d["curve"]))' "$work/stdout"
expect 0 '' -- "$cascade" simulate "$work/net.txt" --prob const:0.2 --seed-labels 1 --runs 1 --json
check "one run: no error bar in JSON" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); sys.exit(not (d["stderr"] is None and d["ci95"] is None))' "$work/stdout"
expect 0 '' -- "$cascade" simulate "$work/net.txt" --prob const:0.2 --seed-labels 1 --runs 1
check "one run: no error bar in text" -- grep -q 'no error bar from a single run' "$work/stdout"
expect 0 '' -- "$cascade" simulate "$work/two_into_one.txt" --seed-labels 0,1 --model threshold:2 --runs 1 \
  --trace "$work/complex_trace.csv"
check "threshold:2 trace names both contacts" -- test "$(grep -c '^1,[01],2$' "$work/complex_trace.csv")" -eq 2
# Item 17: the top of the ranking is re-estimated on an independent sample.
expect 0 '' -- "$cascade" influencers "$work/net.txt" --prob const:0 --top 3 --samples 5000 --json
check "under const:0 the top's reach is exactly 1" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1])); sys.exit(any(p["reach"] != 1 for p in d["influencers"]))' "$work/stdout"
# Item 18: an account with no audience, empty likers, a truth file that covers too little.
printf '0 1\n1 2\n' >"$work/chain.txt"
expect 0 '' -- "$cascade" audit "$work/chain.txt" --account 2 --runs 10
check "audit says there is no audience" -- grep -q '^audience     none' "$work/stdout"
printf '# nobody\n' >"$work/no_likers.txt"
expect 1 "^cascade: error: $work/no_likers.txt: found no likers" -- \
  "$cascade" audit "$work/chain.txt" --account 1 --likers "$work/no_likers.txt"
printf 'label,group\n1,a\n' >"$work/tiny_truth.csv"
expect 2 "^cascade: error: --truth: found groups for 1 of 2,001 people \(0.05%, below 10%\)" -- \
  "$cascade" communities "$work/full.txt.gz" --truth "$work/tiny_truth.csv"
# Item 21: every JSON record names the version, the command, seed, threads, graph size and time.
for command in "info $work/good.txt" "simulate $work/net.txt --seed-labels 1 --runs 10" \
  "seeds $work/net.txt -k 2 --validation 1000" "influencers $work/net.txt --samples 1000" \
  "communities $work/net.txt" "compare $work/net.txt -k 2 --runs 10 --strategies hubs,random" \
  "audit $work/net.txt --account 3 --runs 10"; do
  # shellcheck disable=SC2086
  "$cascade" $command --json >"$work/record.json"
  check "$command --json: the common record" -- /usr/bin/python3 -c '
import json, sys; d = json.load(open(sys.argv[1]))
need = ["version", "command", "seed", "threads", "nodes", "arcs", "seconds"]
sys.exit(any(k not in d for k in need) or not isinstance(d["command"], list))' "$work/record.json"
done
expect 0 '' -- "$cascade" info "$work/good.txt" --prob const:0.01 --json
check "probabilities without single-precision noise" -- grep -q '"min": 0.01,' "$work/stdout"
# From the new-user trial: two spellings of one number are two people; outputs never destroy
# inputs or each other; standard output carries the report, not a file beside it.
printf '0012 0013\n12 13\n' >"$work/spellings.txt"
expect 0 '' -- "$cascade" info "$work/spellings.txt" --json
check "0012 and 12 are different people" -- grep -q '"nodes": 4,' "$work/stdout"
cp "$work/net.txt" "$work/net_copy.txt"
expect 2 "^cascade: error: --out: found $work/net_copy.txt, which is also GRAPH, an input" -- \
  "$cascade" seeds "$work/net_copy.txt" -k 2 --out "$work/net_copy.txt"
check "the input survived" -- cmp -s "$work/net.txt" "$work/net_copy.txt"
expect 2 "^cascade: error: --node-probabilities: found $work/both.csv, which is also --trace" -- \
  "$cascade" simulate "$work/net.txt" --seed-labels 1 --runs 5 --trace "$work/both.csv" \
  --node-probabilities "$work/both.csv"
expect 2 "^cascade: error: --out: found -; expected a file \(standard output carries the report\)" -- \
  "$cascade" seeds "$work/net.txt" -k 2 --out - --json
expect 2 "^cascade: error: OUT: found $work/net_copy.txt, which is also GRAPH, an input" -- \
  "$cascade" convert "$work/net_copy.txt" "$work/net_copy.txt"
printf 'a b\nb c\n' | "$cascade" info - --json >"$work/stdin.json" 2>"$work/stderr"
check "- reads the graph from standard input" -- grep -q '"nodes": 3,' "$work/stdin.json"
expect 2 "^cascade: error: --out: found an empty path" -- "$cascade" seeds "$work/net.txt" -k 2 --out ''
printf 'ghost\n1\nghost\n' >"$work/ghost_twice.txt"
expect 1 "^cascade: error: $work/ghost_twice.txt:3: found liker 'ghost' again \(first on line 1\)" -- \
  "$cascade" audit "$work/net.txt" --account 3 --likers "$work/ghost_twice.txt" --runs 5
"$cascade" help seeds >/dev/full 2>"$work/stderr"
got=$?
check "help > /dev/full exits 1" -- test "$got" -eq 1
expect 0 '' -- "$cascade" info "$work/good.txt" --prob const:0.01 --json
check "a mean of floats without float noise" -- grep -q '"mean": 0.01,' "$work/stdout"
printf 'source,target,count\na,b,3\n' >"$work/count.csv"
expect 2 "^cascade: error: --prob: weight: .* has no weight column; expected a third column, a column named weight, w, probability, p or strength.*column 'count' is not read as a weight" -- \
  "$cascade" info "$work/count.csv" --prob weight
expect 0 '' -- "$cascade" info "$work/count.csv" --prob weight-normalized --weight-column count
printf '0 1\n3 3\n' >"$work/lonely.txt"
expect 0 "^cascade: warning: $work/lonely.csv: 1 isolated node cannot be written as csv and is left out" -- \
  "$cascade" convert "$work/lonely.txt" "$work/lonely.csv"
printf 'a b\n' >"$work/ab.txt"
expect 2 "^cascade: error: --seeds: found -, which GRAPH reads already" -- \
  "$cascade" simulate - --seeds - <"$work/ab.txt"
# Item 22: readable text.
expect 0 '' -- "$cascade" simulate "$work/net.txt" --seed-labels 1 --runs 10 --threads 1
check "1 thread, not 1 threads" -- grep -q 'on 1 thread:' "$work/stdout"

# demo and help.
expect 0 '' -- "$cascade" demo
check "demo names its network" -- grep -q 'email-Eu-core' "$work/stdout"
expect 0 '' -- "$cascade" --help
expect 0 '' -- "$cascade" --version

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

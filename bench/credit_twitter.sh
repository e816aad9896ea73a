#!/usr/bin/env bash
# Seeds straight from the log against seeds on probabilities, scored on real cascades: on the
# Topo-LSTM Twitter split, seeds by `--algo credit` on train.txt, by `auto` on probabilities
# learned from train.txt (`cascade learn`, EM), by `auto` on wc, and by highest degree, scored on
# test.txt as IMINFECTOR's evaluation does (G. Panagopoulos, F. D. Malliaros, M. Vazirgiannis,
# "Multi-task Learning for Influence Estimation and Maximization", TKDE 2020): the test cascades
# whose root is a seed, counted by the sum of their sizes (adopters, root included) and by the
# distinct adopters they hold. Two more rows: the k roots of train.txt that started the most
# adoptions there (the plain baseline a log suggests), and the hindsight bound, the k roots of
# test.txt in the graph with the most adopters. Prints a Markdown table; results do not depend on the thread count.
# Usage: bench/credit_twitter.sh [CASCADE] [DATA_DIR] [K...]
set -euo pipefail
cascade=${1:-build/cascade}
data=${2:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
shift $(($# < 2 ? $# : 2))
ks=("$@")
[ ${#ks[@]} -gt 0 ] || ks=(10 50 100)
twitter=$data/twitter_cascades_topolstm
python=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The original loader (Topo-LSTM) skips line 1 of graph.txt and reads the rest as undirected.
tail -n +2 "$twitter/graph.txt" >"$work/graph.txt"
"$cascade" learn "$work/graph.txt" --undirected --log "$twitter/train.txt" --log-format cascades \
  --out "$work/learned.csv" >/dev/null 2> >(grep -v "listed in both directions" >&2)

seeds() {  # NAME K ARGS...: the seeds' labels, one per line, and the JSON record
  local name=$1 k=$2
  shift 2
  "$cascade" seeds "$@" -k "$k" --seed 1 --json --out "$work/$name-$k.txt" >"$work/$name-$k.json" \
    2> >(grep -v "listed in both directions" >&2)
}
for k in "${ks[@]}"; do
  seeds credit "$k" "$work/graph.txt" --undirected --algo credit --log "$twitter/train.txt" \
    --log-format cascades
  seeds learned "$k" "$work/learned.csv" --prob weight
  seeds wc "$k" "$work/graph.txt" --undirected
  seeds degree "$k" "$work/graph.txt" --undirected --algo degree
done

"$python" - "$work" "$twitter/train.txt" "$twitter/test.txt" "${ks[@]}" <<'EOF'
import json, sys
from collections import defaultdict
work, train, test, ks = sys.argv[1], sys.argv[2], sys.argv[3], [int(k) for k in sys.argv[4:]]
in_graph = set(open(f"{work}/graph.txt").read().split())
def read(path):  # root -> the adopter sets of the cascades it started
    cascades = defaultdict(list)
    for line in open(path):
        fields = line.split()
        if fields:
            cascades[fields[0]].append({fields[0], *fields[1::2]})
    return cascades
def top_roots(cascades, k):  # the k roots in the graph with the most adopters, ties by label
    return sorted((r for r in cascades if r in in_graph),
                  key=lambda r: (-sum(len(c) for c in cascades[r]), r))[:k]
cascades, trained = read(test), read(train)
adoptions = sum(len(c) for v in cascades.values() for c in v)
count = sum(len(v) for v in cascades.values())
print(f"test.txt: {count} cascades, {adoptions} adopters (roots included), {len(cascades)} distinct "
      f"roots, {sum(r in in_graph for r in cascades)} of them in the graph")
print()
print("| k | seeds by | test cascades started | adopters (sum of sizes) | distinct adopters | sigma_cd on train | ic spread (row's probabilities; credit: wc) |")
print("|---|---|---|---|---|---|---|")
names = {"credit": "credit (train.txt, no probabilities)",
         "learned": "auto on learned probabilities (EM)",
         "wc": "auto on wc", "degree": "degree (baseline)"}
def score(seeds):
    started = [c for s in seeds for c in cascades.get(s, [])]
    return len(started), sum(len(c) for c in started), len(set().union(*started)) if started else 0
for k in ks:
    for name, label in names.items():
        seeds = [line.rstrip("\n") for line in open(f"{work}/{name}-{k}.txt")]
        record = json.load(open(f"{work}/{name}-{k}.json"))
        sigma = record["credit"]["sigma_cd"] if "credit" in record else None
        started, total, distinct = score(seeds)
        print(f"| {k} | {label} | {started} | {total} | {distinct} | "
              f"{'-' if sigma is None else f'{sigma:.1f}'} | {record['spread']:.1f} |")
    started, total, distinct = score(top_roots(trained, k))
    print(f"| {k} | top roots of train.txt (most adopters in the cascades they started) | "
          f"{started} | {total} | {distinct} | - | - |")
    started, total, distinct = score(top_roots(cascades, k))
    print(f"| {k} | hindsight: the k roots in the graph with most test adopters | {started} | {total} | {distinct} | - | - |")
EOF

#!/usr/bin/env bash
# Hubs versus a tight group (and the optimizer, PageRank, random): `cascade compare` on real
# networks under simple (ic) and complex (threshold:2) contagion. Prints a Markdown table.
# Usage: bench/compare_strategies.sh [CASCADE] [DATA_DIR]
set -euo pipefail
cascade=${1:-build/cascade}
data=${2:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
echo "| graph | model | optimal | hubs | group | pagerank | random |"
echo "|---|---|---|---|---|---|---|"
for entry in "email-Eu-core.txt" "ca-GrQc.txt --undirected" "ca-HepTh.txt --undirected" \
             "nethept.txt" "wiki-Vote.txt"; do
  set -- $entry
  file=$1
  shift
  for model in ic threshold:2; do
    "$cascade" compare "$data/$file" "$@" -k 10 --model "$model" --runs 2000 --json |
      /usr/bin/env python3 -c '
import json, sys
d = json.load(sys.stdin)
cells = {s["strategy"]: "%.1f +/- %.1f" % (s["mean"], 1.96 * s["stderr"]) for s in d["strategies"]}
print("| %s | %s | %s |" % (sys.argv[1], sys.argv[2], " | ".join(cells[k] for k in ["optimal", "hubs", "group", "pagerank", "random"])))
' "$file" "$model"
  done
done

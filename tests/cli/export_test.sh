#!/usr/bin/env bash
# cascade export: GEXF 1.3 valid against the vendored schema (tests/schemas/gexf-1.3, xmllint) and
# GEXF and GraphML read back by networkx with hostile labels and the attribute values the library
# computed; wrong flags, unknown seeds and extensions refused, and no half-written file.
# Usage: export_test.sh PATH/TO/cascade
set -u
cascade=$(realpath "$1")
python=/usr/bin/python3
schema=$(realpath "$(dirname "$0")/../schemas/gexf-1.3/gexf.xsd")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

not() { ! "$@"; }

# plain -> "Müller, Anna" -> say "hi" -> <b>&amp; -> 東京 café ☕
# With every probability 1 the seed "Müller, Anna" reaches exactly the three after it, and plain
# reaches everyone: reach probabilities are exactly 1 or 0, plain's influence exactly 5.
cat >"$work/hostile.csv" <<'EOF'
source,target,weight
plain,"Müller, Anna",2
"Müller, Anna","say ""hi""",0.5
"say ""hi""",<b>&amp;,0.25
<b>&amp;,東京 café ☕,1
EOF
printf '"Müller, Anna"\n' >"$work/seeds.txt"
printf 'label,fee\nplain,3\n"Müller, Anna",1.5\n' >"$work/costs.csv"

for ext in gexf graphml; do
  expect 0 '' -- "$cascade" export "$work/hostile.csv" "$work/out.$ext" --prob const:1 \
    --seeds "$work/seeds.txt" --costs "$work/costs.csv" --default-cost 0.25 --communities \
    --influence --reach --runs 200
  check "export $ext prints what it wrote" -- grep -q "wrote .*out.$ext ($ext" "$work/stdout"
done

if command -v xmllint >/dev/null; then
  check "the GEXF is valid GEXF 1.3" -- \
    xmllint --noout --schema "$schema" "$work/out.gexf" 2>/dev/null
  "$cascade" convert "$work/hostile.csv" "$work/convert.gexf" >/dev/null 2>&1
  check "convert's GEXF is valid GEXF 1.3" -- \
    xmllint --noout --schema "$schema" "$work/convert.gexf" 2>/dev/null
  "$cascade" export "$work/hostile.csv" "$work/plain.gexf" >/dev/null 2>&1
  check "a GEXF without attributes is valid GEXF 1.3" -- \
    xmllint --noout --schema "$schema" "$work/plain.gexf" 2>/dev/null
  # The check can fail: a document the schema refuses.
  sed 's/type="double"/type="real"/' "$work/out.gexf" >"$work/broken.gexf"
  check "xmllint refuses a broken GEXF" -- \
    not xmllint --noout --schema "$schema" "$work/broken.gexf" 2>/dev/null
else
  echo "FAIL: xmllint not found (apt-get install libxml2-utils)"
  failed=$((failed + 1))
fi

# The attribute values as networkx reads them, the same in both formats.
cat >"$work/check.py" <<'EOF'
import math, sys
import networkx as nx

def read(path):
    if path.endswith(".graphml"):
        return nx.read_graphml(path)
    if "1.3" in getattr(nx.readwrite.gexf.GEXF, "versions", {}):
        return nx.read_gexf(path, version="1.3")
    # networkx before 3.x reads GEXF 1.1 and 1.2 only; 1.2draft's nodes, edges, attributes and
    # attvalues are spelt as 1.3's, so its reader checks the same elements under the old name.
    text = open(path, encoding="utf-8").read()
    text = text.replace('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"')
    text = text.replace('version="1.3"', 'version="1.2"')
    old = path + ".1.2.gexf"
    open(old, "w", encoding="utf-8").write(text)
    return nx.read_gexf(old, version="1.2draft")

g = read(sys.argv[1])
labels = ["plain", "Müller, Anna", 'say "hi"', "<b>&amp;", "東京 café ☕"]
assert g.is_directed()
assert sorted(g.nodes) == sorted(labels), list(g.nodes)
assert g.number_of_nodes() == 5 and g.number_of_edges() == 4, g
for v in labels:
    d = g.nodes[v]
    assert d["label"] == v, d
    assert d["seed"] is (v == "Müller, Anna"), (v, d)
    assert d["fee"] == {"plain": 3.0, "Müller, Anna": 1.5}.get(v, 0.25), (v, d)
    assert isinstance(d["community"], int) and d["community"] >= 0, (v, d)
    reached = v in labels[1:]
    assert d["reach_probability"] == (1.0 if reached else 0.0), (v, d)
    assert d["reach_probability_se"] == 0.0, (v, d)
    assert d["influence_se"] >= 0, (v, d)
assert g.nodes["plain"]["influence"] == 5.0, g.nodes["plain"]
tokyo = g.nodes["東京 café ☕"]
assert abs(tokyo["influence"] - 1) <= 4 * tokyo["influence_se"] + 1e-9, tokyo
assert g.edges['say "hi"', "<b>&amp;"]["weight"] == 0.25
assert g.edges["plain", "Müller, Anna"]["weight"] == 2.0
assert all(d["probability"] == 1.0 for _, _, d in g.edges(data=True))
EOF
if "$python" -c 'import networkx' 2>/dev/null; then
  check "networkx reads the GEXF back: labels, seed, fee, community, influence, reach" -- \
    "$python" "$work/check.py" "$work/out.gexf"
  check "networkx reads the GraphML back: labels, seed, fee, community, influence, reach" -- \
    "$python" "$work/check.py" "$work/out.graphml"
  # The check can fail: a wrong seed flag.
  sed 's/<data key="seed">true/<data key="seed">false/' "$work/out.graphml" >"$work/wrong.graphml"
  check "the read-back check catches a wrong seed flag" -- \
    not "$python" "$work/check.py" "$work/wrong.graphml" 2>/dev/null
else
  echo "FAIL: python3 cannot import networkx (apt-get install python3-networkx)"
  failed=$((failed + 1))
fi

# Same seed, same bytes, whatever the thread count.
"$cascade" export "$work/hostile.csv" "$work/t1.gexf" --communities --influence \
  --seed-labels 'plain' --reach --runs 500 --threads 1 >/dev/null
"$cascade" export "$work/hostile.csv" "$work/t4.gexf" --communities --influence \
  --seed-labels 'plain' --reach --runs 500 --threads 4 >/dev/null
check "1 and 4 threads write the same file" -- cmp -s "$work/t1.gexf" "$work/t4.gexf"

# An undirected graph without probabilities: each link once, declared undirected.
printf 'a b\nb c\nc a\n' >"$work/triangle.txt"
expect 0 '' -- "$cascade" export "$work/triangle.txt" "$work/triangle.graphml" --undirected
check "an undirected export lists each link once" -- grep -q '3 undirected edges' "$work/stdout"

# Refused, and nothing written.
echo keep >"$work/kept.gexf"
expect 2 'OUT: found .*out\.txt.*expected .*\.gexf' -- \
  "$cascade" export "$work/hostile.csv" "$work/out.txt"
check "an unknown extension writes nothing" -- test ! -e "$work/out.txt"
expect 2 '' -- "$cascade" export "$work/hostile.csv" "$work/x.gexf" --no-such-flag
expect 2 'costs' -- "$cascade" export "$work/hostile.csv" "$work/x.gexf" --default-cost 2
expect 2 'reach' -- "$cascade" export "$work/hostile.csv" "$work/x.gexf" --reach
expect 2 'model' -- "$cascade" export "$work/hostile.csv" "$work/x.gexf" --influence \
  --model threshold:2
expect 2 '' -- "$cascade" export "$work/hostile.csv" "$work/x.gexf" --reach --runs 1 \
  --seed-labels plain
check "refused requests write nothing" -- test ! -e "$work/x.gexf"
printf 'plain\nnobody\n' >"$work/unknown.txt"
expect 1 'unknown\.txt:2' -- "$cascade" export "$work/hostile.csv" "$work/kept.gexf" \
  --seeds "$work/unknown.txt"
check "an unknown seed leaves the old file as it was" -- test "$(cat "$work/kept.gexf")" = keep
check "no temporary file left behind" -- \
  test "$(find "$work" -name '.*' -type f | wc -l)" -eq 0

echo "export: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

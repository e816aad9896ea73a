#!/usr/bin/env bash
# Files out, as a user meets them: the format OUT's extension names (and read back by cascade and
# networkx), labels that need quoting, --out through a symbolic link, into a device, to standard
# output, into a folder that does not exist, and no temporary file left behind by Ctrl-C.
# Usage: files_test.sh PATH/TO/cascade
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

# nodes_arcs FILE [options]: "nodes arcs" as cascade info --json reports them.
nodes_arcs() {
  "$cascade" info "$@" --json 2>/dev/null |
    "$python" -c 'import json, sys; j = json.load(sys.stdin); print(j["nodes"], j["arcs"])'
}

# Accounts whose names need quoting: commas, quotes, spaces, unicode; weights in [0, 1].
cat >"$work/accounts.csv" <<'EOF'
source,target,weight
"Müller, Anna","say ""hi""",0.5
"say ""hi""",東京 café ☕,0.25
東京 café ☕,"Müller, Anna",0.125
plain,"Müller, Anna",1
EOF
for i in $(seq 0 199); do echo "$i $(((i * 7 + 3) % 200))"; echo "$i $(((i + 1) % 200))"; done \
  >"$work/ring.txt"
want_accounts=$(nodes_arcs "$work/accounts.csv")
want_ring=$(nodes_arcs "$work/ring.txt")
check "the inputs load ($want_accounts; $want_ring)" -- test "$want_accounts" = "4 4"

# Every extension writes what it names, and cascade reads each back as the same graph.
for name in out.txt out.tsv out.edges out.csv out.txt.gz out.csv.gz out.cgraph out.graphml \
  out.gexf out.graphml.gz; do
  for input in accounts.csv ring.txt; do
    expect 0 '' -- "$cascade" convert "$work/$input" "$work/$input.$name"
    want=$want_ring
    [ "$input" = accounts.csv ] && want=$want_accounts
    got=$(nodes_arcs "$work/$input.$name")
    check "$input -> $name reads back as '$want' (got '$got')" -- test "$got" = "$want"
  done
done
check "convert names the format it wrote" -- grep -q '(graphml (gzip))' "$work/stdout"
check ".graphml is XML" -- grep -q '<graphml' "$work/accounts.csv.out.graphml"
check ".gexf is GEXF 1.3" -- grep -q 'version="1.3"' "$work/accounts.csv.out.gexf"
check ".gz is gzip" -- gzip -t "$work/accounts.csv.out.csv.gz"

# CSV: quoted as Python's csv module reads it, labels intact.
check "Python's csv module reads the labels back" -- "$python" -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["source", "target", "weight"], rows[0]
labels = {r[0] for r in rows[1:]} | {r[1] for r in rows[1:]}
assert labels == {"Müller, Anna", "say \"hi\"", "東京 café ☕", "plain"}, labels
' "$work/accounts.csv.out.csv"
# ...and back through cascade: CSV -> text -> CSV keeps the same graph.
expect 0 '' -- "$cascade" convert "$work/accounts.csv.out.csv" "$work/again.txt"
expect 0 '' -- "$cascade" convert "$work/again.txt" "$work/again.csv"
check "CSV -> text -> CSV is stable" -- cmp -s "$work/accounts.csv.out.csv" "$work/again.csv"

# An undirected graph is declared undirected in GraphML, each link once, and reads back as the
# same arcs without --undirected.
printf 'a b\nb c\nc d\nd e\ne a\n' >"$work/pentagon.txt"
expect 0 '' -- "$cascade" convert "$work/pentagon.txt" "$work/undirected.graphml" --undirected
check "an undirected GraphML reads back as 10 arcs" -- \
  test "$(nodes_arcs "$work/undirected.graphml")" = "5 10"

# GraphML and GEXF as networkx reads them: labels, arcs and weights.
if "$python" -c 'import networkx' 2>/dev/null; then
  check "networkx reads the GraphML: labels, arcs, weights" -- "$python" -c '
import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
assert g.is_directed()
assert set(g.nodes) == {"Müller, Anna", "say \"hi\"", "東京 café ☕", "plain"}, g.nodes
assert g.number_of_edges() == 4
assert g.edges["say \"hi\"", "東京 café ☕"]["weight"] == 0.25
assert g.nodes["plain"]["label"] == "plain"
' "$work/accounts.csv.out.graphml"
  check "networkx reads the GEXF (1.3 where networkx knows it, else its structure)" -- \
    "$python" -c '
import networkx as nx, sys, xml.etree.ElementTree as ET
path = sys.argv[1]
if "1.3" in getattr(nx.readwrite.gexf.GEXF, "versions", {}):
    g = nx.read_gexf(path, version="1.3")
    assert g.number_of_nodes() == 4 and g.number_of_edges() == 4
else:  # networkx before 3.x reads GEXF 1.1 and 1.2 only: check with the XML parser
    ns = {"g": "http://gexf.net/1.3"}
    root = ET.parse(path).getroot()
    assert root.get("version") == "1.3"
    nodes = root.findall("g:graph/g:nodes/g:node", ns)
    edges = root.findall("g:graph/g:edges/g:edge", ns)
    assert {n.get("label") for n in nodes} == {"Müller, Anna", "say \"hi\"", "東京 café ☕", "plain"}
    assert len(edges) == 4
    assert sorted(float(e.get("weight")) for e in edges) == [0.125, 0.25, 0.5, 1.0]
' "$work/accounts.csv.out.gexf"
  check "networkx reads an undirected graph as undirected, each link once" -- "$python" -c '
import networkx as nx, sys
g = nx.read_graphml(sys.argv[1])
assert not g.is_directed() and g.number_of_nodes() == 5 and g.number_of_edges() == 5, g
' "$work/undirected.graphml"
else
  echo "note: python3 cannot import networkx; GraphML/GEXF not read back by networkx"
fi

# Unknown extensions are refused before the graph is read (the input here does not exist).
expect 2 "^cascade: error: $work/out.xyz: found extension '.xyz'; expected .cgraph, .txt, .tsv, .edges, .csv, .graphml, .gexf" -- \
  "$cascade" convert "$work/missing.txt" "$work/out.xyz"
expect 2 "out.cgraph.gz: a .cgraph snapshot cannot be compressed" -- \
  "$cascade" convert "$work/ring.txt" "$work/out.cgraph.gz"
expect 2 "found no extension" -- "$cascade" generate rmat "$work/rmat" --scale 4
check "nothing written for refused extensions" -- \
  test -z "$(ls "$work" | grep -E '^(out\.xyz|out\.cgraph\.gz|rmat)')"

# An unwritable --out is found before the work (here: before the missing input is read).
expect 1 "^cascade: error: $work/no/such/out.txt: cannot write: the folder $work/no/such does not exist$" -- \
  "$cascade" convert "$work/missing.txt" "$work/no/such/out.txt"
mkdir "$work/folder"
expect 1 "^cascade: error: $work/folder: cannot write: is a directory$" -- \
  "$cascade" convert "$work/missing.txt" "$work/folder"
expect 1 "^cascade: error: $work/no/such/x.txt: cannot write: the folder" -- \
  "$cascade" generate rmat "$work/no/such/x.txt" --scale 22
expect 1 "^cascade: error: $work/no/planted.csv: cannot write: the folder" -- \
  "$cascade" generate planted-partition "$work/pp.txt" --communities "$work/no/planted.csv"
check "no graph written when the communities file cannot be" -- test ! -e "$work/pp.txt"

# --out through a symbolic link: the target is replaced, the link stays.
printf 'old\n' >"$work/target.txt"
ln -s target.txt "$work/link.txt"
expect 0 '' -- "$cascade" convert "$work/ring.txt" "$work/link.txt"
check "the link is still a link" -- test -L "$work/link.txt"
check "the link's target holds the graph" -- test "$(nodes_arcs "$work/target.txt")" = "$want_ring"

# Devices and FIFOs are written directly, never replaced.
expect 1 '^cascade: error: /dev/full: write failed: No space left on device$' -- \
  "$cascade" convert "$work/ring.txt" /dev/full
check "/dev/full is still a device" -- test -c /dev/full
expect 0 '' -- "$cascade" generate erdos-renyi /dev/null --nodes 50 --arcs 100
check "/dev/null is still a device" -- test -c /dev/null
mkfifo "$work/pipe"
timeout 60 cat "$work/pipe" >"$work/from_pipe.txt" &
reader=$!
expect 0 '' -- "$cascade" convert "$work/ring.txt" "$work/pipe"
# Should convert fail before opening the FIFO, release the reader rather than hang.
timeout 5 bash -c ': >"$1"' _ "$work/pipe" 2>/dev/null
wait "$reader"
check "the FIFO is still a FIFO" -- test -p "$work/pipe"
check "the FIFO's reader got the graph" -- test "$(nodes_arcs "$work/from_pipe.txt")" = "$want_ring"

# --out - writes to standard output; the summary goes to stderr.
(cd "$work" && "$cascade" convert ring.txt - >"$work/dash.txt" 2>"$work/dash.err")
dash_status=$?
check "convert to - exits 0" -- test "$dash_status" -eq 0
check "no file named -" -- test ! -e "$work/-"
check "standard output holds the graph" -- test "$(nodes_arcs "$work/dash.txt")" = "$want_ring"
check "the summary went to stderr" -- grep -q '^wrote - (edge list)' "$work/dash.err"
"$cascade" generate erdos-renyi - --nodes 30 --arcs 60 --json >"$work/er.txt" 2>"$work/er.json"
check "generate to - with --json: graph on stdout, JSON on stderr" -- \
  "$python" -c 'import json, sys; j = json.load(open(sys.argv[1])); assert j["output"] == "-"' \
  "$work/er.json"
check "generate to - wrote the graph" -- test "$(nodes_arcs "$work/er.txt")" = "30 60"

# --json: one object naming the command, output, format, nodes, arcs, seconds.
expect 0 '' -- "$cascade" convert "$work/accounts.csv" "$work/j.graphml" --json
check "convert --json" -- "$python" -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["command"][1] == "convert" and j["output"].endswith("j.graphml"), j
assert j["format"] == "graphml" and j["nodes"] == 4 and j["arcs"] == 4 and j["seconds"] >= 0, j
' "$work/stdout"
expect 0 '' -- "$cascade" generate barabasi-albert "$work/ba.csv.gz" --nodes 100 --json
check "generate --json" -- "$python" -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert j["command"][1] == "generate" and j["format"] == "csv (gzip)", j
assert j["nodes"] == 100 and j["arcs"] > 0 and "seconds" in j, j
' "$work/stdout"

# An undirected network reads back as the same graph without --undirected, and says so.
expect 0 '' -- "$cascade" generate watts-strogatz "$work/ws.txt.gz" --nodes 1000 --neighbors 6
check "generate does not ask for --undirected" -- not grep -q -- '--undirected' "$work/stdout"
check "generate reports 6,000 arcs" -- grep -q '6,000 arcs' "$work/stdout"
check "ws.txt.gz reads back as 1000 nodes, 6000 arcs without flags" -- \
  test "$(nodes_arcs "$work/ws.txt.gz")" = "1000 6000"
check "its n m header counts the arc lines" -- \
  test "$(gzip -dc "$work/ws.txt.gz" | head -1)" = "1000 $(($(gzip -dc "$work/ws.txt.gz" | wc -l) - 1))"

# --prob freezes the probabilities as the weight column: --prob weight reproduces them exactly.
expect 0 '' -- "$cascade" convert "$work/ring.txt" "$work/frozen.txt" --prob trivalency --seed 3
check "the weights are the trivalency values, printed shortest" -- \
  test "$(cut -f3 "$work/frozen.txt" | tail -n +2 | sort -u | tr '\n' ' ')" = "0.001 0.01 0.1 "
expect 0 '' -- "$cascade" convert "$work/frozen.txt" "$work/refrozen.txt" --prob weight
check "--prob weight on the frozen file writes it again byte for byte" -- \
  cmp -s "$work/frozen.txt" "$work/refrozen.txt"
"$cascade" info "$work/ring.txt" --prob trivalency --seed 3 --json >"$work/drawn.json"
"$cascade" info "$work/frozen.txt" --prob weight --json >"$work/read.json"
check "info agrees on the probabilities drawn and read back" -- "$python" -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
pa, pb = (j.get("probability", j.get("probabilities")) for j in (a, b))
assert pa and pb and pa["max"] == 0.1, (pa, pb)
for key in pa:
    if key != "scheme":
        assert pa[key] == pb[key], (key, pa[key], pb[key])
' "$work/drawn.json" "$work/read.json"

# Ctrl-C (and SIGTERM) during a write: the process dies by the signal and leaves no temporary
# file. The signal is sent when the temporary file appears; whether it lands before the rename
# depends on the machine, so only the outcome is checked: status 0 with a complete file, or death
# by the signal with nothing left behind.
for signal_name in INT TERM; do
  check "SIG$signal_name during generate leaves no temporary file" -- "$python" - \
    "$cascade" "$work/sig$signal_name" "$signal_name" <<'EOF'
import os, signal, subprocess, sys, time
cascade, folder, name = sys.argv[1:4]
os.mkdir(folder)
number = getattr(signal, "SIG" + name)
landed = 0
for scale in (15, 16, 17):
    out = os.path.join(folder, "r%d.txt" % scale)
    process = subprocess.Popen([cascade, "generate", "rmat", out, "--scale", str(scale)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    while process.poll() is None:
        if any(".tmp-" in f for f in os.listdir(folder)):
            process.send_signal(number)
            break
        time.sleep(0.0002)
    status = process.wait()
    left = [f for f in os.listdir(folder) if ".tmp-" in f]
    assert not left, left
    assert status in (0, -number), status
    landed += status == -number
print("note: SIG%s landed during the write in %d of 3 runs" % (name, landed))
EOF
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

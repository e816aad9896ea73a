#!/usr/bin/python3
"""Modularity of Cascade's Leiden against igraph's Louvain (multilevel) and Leiden on the same
graphs, each taken as undirected and simple. Needs Debian's python3-igraph (bench/run.sh installs
it). Usage: communities_vs_igraph.py CASCADE DATA_DIR"""
import gzip
import json
import subprocess
import sys
import time

import igraph

cascade, data = sys.argv[1], sys.argv[2]
files = ["email-Eu-core.txt", "ca-GrQc.txt", "nethept.txt", "ca-HepPh.txt", "wiki-Vote.txt",
         "soc-Epinions1.txt.gz"]


def load(path):
    opener = gzip.open if path.endswith(".gz") else open
    edges = []
    with opener(path, "rt") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2 or line[0] in "#%":
                continue
            edges.append((int(parts[0]), int(parts[1])))
    return edges


print("| graph | cascade leiden Q | s | igraph multilevel Q | s | igraph leiden Q | s |")
print("|---|---|---|---|---|---|---|")
for name in files:
    path = f"{data}/{name}"
    edges = load(path)
    # Cascade's view: nodes that appear in arcs (a header's isolated nodes change nothing in Q).
    ids = sorted({v for e in edges for v in e})
    index = {v: i for i, v in enumerate(ids)}
    g = igraph.Graph(n=len(ids), edges=[(index[a], index[b]) for a, b in edges if a != b])
    g = g.as_undirected().simplify()
    start = time.time()
    louvain = g.community_multilevel()
    t_louvain = time.time() - start
    start = time.time()
    leiden = g.community_leiden(objective_function="modularity", n_iterations=-1)
    t_leiden = time.time() - start
    ours = json.loads(subprocess.run([cascade, "communities", path, "--json"], check=True,
                                     capture_output=True, text=True).stdout)
    print(f"| {name} | {ours['modularity']:.4f} | {ours['seconds']:.3f} | "
          f"{louvain.modularity:.4f} | {t_louvain:.3f} | {g.modularity(leiden):.4f} | {t_leiden:.3f} |")

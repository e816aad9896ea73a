"""A word-of-mouth campaign in a dozen lines: load a network from networkx, pick the seeds,
simulate the spread, and plot how many people hear of it at each step.

Run after the quick start:  PYTHONPATH=build/python /usr/bin/python3 examples/campaign.py [OUT.png]
"""

import sys

import matplotlib

matplotlib.use("Agg")  # write a file; no display needed
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402

import cascade  # noqa: E402

out = sys.argv[1] if len(sys.argv) > 1 else "campaign.png"

# Zachary's karate club: 34 members, 78 friendships (undirected: two arcs each).
graph = cascade.Graph.from_networkx(nx.karate_club_graph(), prob="const:0.2")
print(graph)

# Who to seed: 3 members, OPIM-C with its proven guarantee; the spread is re-estimated on an
# independent sample.
best = cascade.seeds(graph, k=3, seed=1)
print(best.to_pandas().to_string(index=False))
print(f"expected reach {best.spread:.2f} +/- {1.96 * best.spread_stderr:.2f} "
      f"(at least {best.guarantee:.3f} x the optimum, proven)")

# How far and how fast: the seeds against the three best-connected members.
chosen = cascade.simulate(graph, best.seeds, runs=20000, seed=1)
hubs = cascade.simulate(graph, cascade.seeds(graph, k=3, algo="degree").seeds, runs=20000, seed=1)
curve = chosen.to_pandas()
print(curve.to_string(index=False))

fig, ax = plt.subplots(figsize=(6, 4))
for name, result in (("Cascade's seeds", chosen), ("best-connected", hubs)):
    frame = result.to_pandas()
    ax.plot(frame["step"], frame["reached"], marker="o", label=f"{name}: {result.mean:.1f}")
    low = (frame["new_low"] - frame["new"]).cumsum() + frame["reached"]
    high = (frame["new_high"] - frame["new"]).cumsum() + frame["reached"]
    ax.fill_between(frame["step"], low, high, alpha=0.2)
ax.set_xlabel("step (0: the seeds)")
ax.set_ylabel("people reached (mean of 20,000 runs)")
ax.set_title("Karate club, independent cascade, p = 0.2")
ax.legend()
fig.tight_layout()
fig.savefig(out, dpi=100)
print(f"wrote {out}")

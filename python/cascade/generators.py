"""Synthetic networks, deterministic for a seed (``cascade generate``)."""

from . import _cascade
from .graph import Graph

__all__ = ["generate"]

_MODELS = ("erdos-renyi", "barabasi-albert", "watts-strogatz", "planted-partition", "rmat")


def generate(model, nodes=1000, arcs=5000, attach=3, neighbors=6, rewire=0.1, groups=10, degree=16,
             mixing=0.3, scale=16, edge_factor=16, seed=1, threads=0):
    """A synthetic network, the same for the same seed on any machine.

    Parameters
    ----------
    model : {"erdos-renyi", "barabasi-albert", "watts-strogatz", "planted-partition", "rmat"}
        Which generator (underscores accepted for dashes).
    nodes : int, default 1000
        Nodes (all but rmat).
    arcs : int, default 5000
        erdos-renyi: arcs.
    attach : int, default 3
        barabasi-albert: links per new node.
    neighbors : int, default 6
        watts-strogatz: ring neighbours (even).
    rewire : float, default 0.1
        watts-strogatz: rewiring probability.
    groups : int, default 10
        planted-partition: communities.
    degree : int, default 16
        planted-partition: links per node.
    mixing : float, default 0.3
        planted-partition: share of links leaving the community (LFR's mu).
    scale : int, default 16
        rmat: 2^scale nodes.
    edge_factor : int, default 16
        rmat: arcs per node.
    seed : int, default 1
    threads : int, default 0

    Returns
    -------
    Graph or tuple of (Graph, numpy.ndarray)
        planted-partition also returns each node's planted community.
    """
    name = str(model).replace("_", "-")
    if name not in _MODELS:
        raise ValueError(f"model: found {model!r}; expected one of {', '.join(_MODELS)}")
    if name == "erdos-renyi":
        return Graph(_cascade.erdos_renyi(nodes, arcs, seed, threads))
    if name == "barabasi-albert":
        return Graph(_cascade.barabasi_albert(nodes, attach, seed, threads))
    if name == "watts-strogatz":
        return Graph(_cascade.watts_strogatz(nodes, neighbors, rewire, seed, threads))
    if name == "planted-partition":
        native, community = _cascade.planted_partition(nodes, groups, degree, mixing, seed, threads)
        return Graph(native), community
    return Graph(_cascade.rmat(scale, edge_factor, seed, threads))

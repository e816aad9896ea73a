"""The browser report (``cascade report``) from Python."""
import json
import os

from . import _cascade
from .analysis import (SeedResult, _common, _existing, _fees, _graph, _path, _targets, _whole)


class ReportResult:
    """The page and what it shows.

    Attributes
    ----------
    html : str
        The whole self-contained page.
    data : dict
        The data the page carries (the JSON written into it).
    seeds : list
        The seeds' labels.
    drawn_as_communities : bool
        The network was too large to draw person by person.
    path : str or None
        Where the page was written (``out``), if anywhere.
    """

    def __init__(self, graph, raw, path):
        self.html = raw["html"]
        self.data = json.loads(raw["data"])
        self.seeds = graph._labels_of(raw["seeds"])
        self.drawn_as_communities = bool(raw["drawn_as_communities"])
        self.path = path

    def _repr_html_(self):
        return self.html

    def __repr__(self):
        where = f", written to {self.path}" if self.path else ""
        return f"ReportResult({len(self.seeds)} seeds, {len(self.html):,} bytes{where})"


def report(graph, out=None, seeds=None, k=10, model="ic", algo="auto", eps=0.1, runs=10000,
           targets=None, costs=None, default_cost=None, cpm=None, value_per_adoption=None,
           communities=True, compare=True,
           strategies=("optimal", "hubs", "group", "pagerank", "random"), top="10%", title="",
           prob=None, seed=1, threads=0):
    """One self-contained HTML page for a browser (``cascade report``): the map, the diffusion,
    the choice, who matters, what it earned.

    Parameters
    ----------
    graph : Graph
    out : path, optional
        Where to write the page (by the library, renamed into place only when whole); None:
        only returned.
    seeds : labels, a file of labels, or a SeedResult, optional
        The seeds to report on; None: choose ``k`` of them.
    k, model, algo, eps, runs, targets, costs, default_cost, cpm, value_per_adoption
        As for ``seeds`` and ``simulate``.
    communities, compare : bool
        Leiden communities; the strategies compared (``strategies``).
    top : str
        The influencers listed: a count ("25") or a share ("10%").

    Returns
    -------
    ReportResult
    """
    g = _graph(graph, model, prob, seed)
    _common(seed, threads)
    _whole("k", k, 1, 2**32 - 1)
    _whole("runs", runs, 2)
    if seeds is None:
        nodes = []
    elif isinstance(seeds, SeedResult):
        nodes = list(seeds.nodes)
    elif _path(seeds):
        nodes = _cascade.read_node_list(g._native, _existing(seeds), "seed")
    else:
        nodes = g._nodes(seeds, "seeds")
    if isinstance(strategies, str):
        strategies = strategies.split(",")
    fees = _fees(g, costs, 1.0 if default_cost is None else float(default_cost))
    if out is not None:
        out = os.fspath(out)
        folder = os.path.dirname(os.path.abspath(out))
        if not os.path.isdir(folder):
            raise FileNotFoundError(2, "No such directory (the folder of out)", folder)
    raw = _cascade.report(g._native, nodes, k, model, algo, float(eps), runs, _targets(g, targets),
                          fees, None if cpm is None else float(cpm),
                          None if value_per_adoption is None else float(value_per_adoption),
                          None if default_cost is None or costs is not None else float(default_cost),
                          bool(communities), bool(compare), list(strategies), str(top), title,
                          getattr(graph, "name", "") or "", out or "", seed, threads)
    return ReportResult(g, raw, out)

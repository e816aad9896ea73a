"""What the last campaign says: influence probabilities learned from an adoption log."""

import numbers
import os

import numpy as np

from . import _cascade
from .analysis import Result, _common, _existing, _pandas, _path, _refuse, _whole
from .graph import Graph

__all__ = ["learn", "LearnResult"]


class LearnResult(Result):
    """Influence probabilities learned from an adoption log, as :func:`learn` returns it.

    Attributes
    ----------
    graph : Graph
        The network carrying the learned probabilities (scheme ``"learned"``), ready for
        :func:`cascade.simulate`, :func:`cascade.seeds` and the rest.
    method, estimate, untried : str
        What ran: ``em``, ``bernoulli`` or ``jaccard``; ``mle`` or ``posterior``; ``pooled`` or
        ``prior``.
    window : float
        The crediting window used (1 for integer steps, inf for time stamps by default).
    prior : tuple of float
        The Beta prior (A, B) of the intervals.
    log, test : dict
        What the log (and the held-out log, or None) held: source, items, adoptions, users,
        outside_adoptions, outside_users, outside_examples, repeats_dropped, integer_steps.
    adoptions, explained_by_graph, background_adoptions : int
        All adoptions; those with a possible parent in the graph; those without (background).
    mean_background_rate : float
        The background rates' mean over the people of the graph.
    possible_parents : int
        (adoption, possible parent) pairs.
    arcs_tried, arcs_untried : int
    fallback : float
        The probability of arcs never tried.
    quantiles : dict
        min, 25%, median, 75% and max of the tried arcs' probabilities.
    iterations : int
    converged : bool
        em: whether it stopped before ``iterations``.
    log_likelihood : list of float
        em: at the start, then after each iteration (never decreasing).
    held_out : list of dict
        With ``test``: one row for the learned probabilities, then one per baseline:
        probabilities, log_likelihood_per_adoption, adoptions, predictions, unrankable,
        hits@10/50/100, map@10/50/100, sized_cascades, rootless_cascades,
        size_median_absolute_error, size_spearman (the names of ``learn --json``).
    probability, trials, successes, low, high : numpy.ndarray
        Per arc, in the order of :meth:`to_pandas`.
    background : dict
        Each person's background rate: adoptions with no possible parent over the items.
    """

    _shown = ("method", "arcs_tried", "iterations")

    def __init__(self, graph, raw):
        self.raw = raw
        originals = graph._originals
        if raw["graph_with_ties"] and originals is not None:
            # The log's users outside the graph are new people, known by their label's text.
            originals = list(originals) + raw["graph"].labels()[len(originals):]
        self.graph = Graph(raw["graph"], originals)
        self.parents = raw["parents"]
        self.method = raw["method"]
        self.window = raw["window"]
        self.prior = tuple(raw["prior"])
        self.estimate = raw["estimate"]
        self.untried = raw["untried"]
        self.log = dict(raw["log"])
        self.test = dict(raw["test"]) if raw["test"] is not None else None
        self.adoptions = raw["adoptions"]
        self.explained_by_graph = raw["explained_by_graph"]
        self.background_adoptions = raw["background_adoptions"]
        self.mean_background_rate = raw["mean_background_rate"]
        self.possible_parents = raw["possible_parents"]
        self.arcs_tried = raw["arcs_tried"]
        self.arcs_untried = raw["arcs_untried"]
        self.fallback = raw["fallback"]
        self.quantiles = dict(zip(("min", "25%", "median", "75%", "max"), raw["quantiles"]))
        self.iterations = raw["iterations"]
        self.converged = raw["converged"]
        self.log_likelihood = list(raw["log_likelihood"])
        self.held_out = [dict(row) for row in raw["held_out"]]
        self.probability = raw["probability"]
        self.trials = raw["trials"]
        self.successes = raw["successes"]
        self.low = raw["low"]
        self.high = raw["high"]
        self.background = dict(zip(self.graph._label_list(), raw["background"].tolist()))
        self.seconds = raw["seconds"]
        self._source_graph = self.graph

    def to_pandas(self):
        """Every arc: source, target (labels), probability, trials, successes, low, high (the
        95% interval), as ``learn --out`` writes them."""
        sources, targets, _, _ = self._source_graph._native.arcs()
        labels = self._source_graph._label_list()
        return _pandas().DataFrame({
            "source": [labels[u] for u in sources.tolist()],
            "target": [labels[v] for v in targets.tolist()],
            "probability": self.probability, "trials": self.trials, "successes": self.successes,
            "low": self.low, "high": self.high})


_COLUMNS = ("user", "item", "time")


def _label_texts(graph, users):
    """Each user as the library spells labels: a person of the graph by its label's text, anyone
    else by ``str`` (kept in the log as a user outside the graph)."""
    if graph._originals is not None:
        names = graph._native.labels()
        texts = []
        for user in users:
            try:
                texts.append(names[graph._node(user, "log")])
            except ValueError:
                texts.append(str(user))
        return texts
    texts = []
    for user in users:
        if isinstance(user, (numbers.Integral, np.integer)) and not isinstance(user, bool):
            texts.append(str(int(user)))
        elif isinstance(user, (float, np.floating)) and float(user).is_integer():
            texts.append(str(int(user)))  # an integer column that pandas widened to float
        else:
            texts.append(str(user))
    return texts


def _rows(graph, value, field):
    """A log given as a DataFrame (columns user, item, time in any order and case) or as a
    sequence of (user, item, time): the library's rows (users, items, times, source)."""
    if hasattr(value, "columns") and hasattr(value, "__getitem__"):
        found = {str(c).lower(): c for c in value.columns}
        missing = [c for c in _COLUMNS if c not in found]
        if missing:
            _refuse(field, f"found the columns {list(value.columns)}; expected columns named "
                           "user, item and time (in any order)")
        users, items, times = (value[found[c]].tolist() for c in _COLUMNS)
        source = "DataFrame"
    else:
        try:
            rows = list(value)
        except TypeError:
            raise TypeError(f"{field}: found {type(value).__name__}; expected a path, a pandas "
                            "DataFrame or a sequence of (user, item, time)") from None
        for r, row in enumerate(rows):
            if isinstance(row, (str, bytes)) or not hasattr(row, "__len__") or len(row) != 3:
                _refuse(field, f"row {r}: found {row!r}; expected (user, item, time)")
        users = [row[0] for row in rows]
        items = [row[1] for row in rows]
        times = [row[2] for row in rows]
        source = "rows"
    try:
        numeric = np.asarray(times, dtype=np.float64)
    except (TypeError, ValueError):
        numeric = None
    if numeric is None:
        r = next(r for r, t in enumerate(times) if not isinstance(t, (numbers.Real, np.number)))
        _refuse(field, f"row {r}: found the time {times[r]!r}; expected a number")
    times = numeric
    return (_label_texts(graph, users), [str(i) for i in items], times, source)


def _log(graph, value, field):
    if value is None:
        return None
    if _path(value):
        return os.fsdecode(_existing(value))
    return _rows(graph, value, field)


def learn(graph, log, log_format="actions", method="em", parents="graph", window=None, prior=(1, 1),
          untried="pooled", estimate="mle", iterations=100, tolerance=1e-7, test=None,
          baselines=("wc", "const:0.01", "trivalency"), size_runs=1000, seed=1, threads=0):
    """Influence probabilities learned from an adoption log (``cascade learn``).

    Each arc gets its evidence (trials, successes), an estimate and a 95% interval; with
    ``test``, how well they predict a held-out log beside assumed schemes.

    Parameters
    ----------
    graph : Graph
    log : str, os.PathLike, pandas.DataFrame or sequence of (user, item, time)
        The adoption log: a file (``log_format``; gzip read too), a DataFrame with columns
        user, item and time, or rows (user, item, time). Users are labels of the graph; others
        are kept as users outside it, explained by background only.
    log_format : {"actions", "cascades"}, default "actions"
        A file's format: ``user,item,time`` rows, or one cascade a line (``root user1 t1 ...``).
        Rows and DataFrames are actions.
    method : {"em", "bernoulli", "jaccard"}, default "em"
        Saito et al.'s EM for the independent cascade, or Goyal et al.'s static models.
    parents : {"graph", "any"}, default "graph"
        Who may be credited with an adoption: in-neighbours in the graph, or every earlier
        adopter within the window, linked or not (the ties the log reveals). With "any" the
        result's ``graph`` is the graph plus the log's users and ties.
    window : float, optional
        How long after u's adoption v's may be credited to u (default: 1 for integer steps,
        inf for time stamps).
    prior : tuple of float, default (1, 1)
        Beta prior (A, B) of the intervals (and of untried arcs with ``untried="prior"``).
    untried : {"pooled", "prior"}, default "pooled"
        Arcs never tried: all successes / all trials, or the prior mean.
    estimate : {"mle", "posterior"}, default "mle"
        Tried arcs: successes / trials, or the posterior mean.
    iterations : int, default 100
        em: at most this many.
    tolerance : float, default 1e-7
        em: stop when an iteration gains less than this share of the log-likelihood.
    test : str, os.PathLike, pandas.DataFrame or sequence, optional
        A held-out log, in the same form choices as ``log``.
    baselines : sequence of str, default ("wc", "const:0.01", "trivalency")
        Schemes scored beside the learned probabilities on ``test``.
    size_runs : int, default 1000
        Monte Carlo runs per test cascade for its simulated size.
    seed : int, default 1
        For random baselines and the simulations.
    threads : int, default 0
        Threads to use (0: all cores); the result is the same on any number.

    Returns
    -------
    LearnResult

    Raises
    ------
    FileNotFoundError
        When ``log`` or ``test`` is a path that does not exist.
    ValueError
        With the library's message, naming the keyword, when an argument is out of range; with
        the file and line when a log file does not hold what was expected.
    """
    if not isinstance(graph, Graph):
        raise TypeError(f"graph: found {type(graph).__name__}; expected cascade.Graph")
    _common(seed, threads)
    _whole("iterations", iterations, 0, 2**32 - 1)
    _whole("size_runs", size_runs, 0)
    if window is None:
        window = 0.0  # the library's "default for this log"
    elif (isinstance(window, bool) or not isinstance(window, (numbers.Real, np.number))
          or not window > 0):
        _refuse("window", f"found {window!r}; expected a positive number (inf allowed) or None "
                          "(the default for the log)")
    if isinstance(tolerance, bool) or not isinstance(tolerance, (numbers.Real, np.number)):
        raise TypeError(f"tolerance: found {tolerance!r}; expected a number")
    try:
        a, b = prior
        pair = (float(a), float(b))
    except (TypeError, ValueError):
        pair = None
    if pair is None:
        _refuse("prior", f"found {prior!r}; expected (A, B): two positive numbers")
    if isinstance(baselines, str):
        baselines = baselines.split(",")
    for name, value in (("log_format", log_format), ("method", method), ("parents", parents),
                        ("untried", untried), ("estimate", estimate)):
        if not isinstance(value, str):
            raise TypeError(f"{name}: found {value!r}; expected a string")
    if log is None:
        raise TypeError("log: found None; expected a path, a pandas DataFrame or a sequence of "
                        "(user, item, time)")
    log_value, test_value = _log(graph, log, "log"), _log(graph, test, "test")
    for name, value in (("log", log_value), ("test", test_value)):
        if isinstance(value, tuple) and log_format == "cascades":
            _refuse("log_format", f"found 'cascades' with {name} given as rows; expected "
                                  "'actions' (rows are user, item, time) or a file of cascades")
    raw = _cascade.learn(graph._native, log_value, test_value, log_format, method, parents,
                         float(window),
                         pair, untried, estimate, iterations, float(tolerance), list(baselines),
                         size_runs, seed, threads)
    return LearnResult(graph, raw)

"""What Cascade answers: who to seed, how far it spreads, who matters, which groups are real."""

import os

import numpy as np

from . import _cascade
from .graph import Graph

__all__ = ["seeds", "simulate", "influencers", "communities", "compare", "audit",
           "seed_algorithms"]


def _graph(graph, model, prob, seed):
    """The graph with the probabilities the call runs on: ``prob`` when given, else the graph's
    own, else the model's default (``"wc"`` for models that need probabilities)."""
    if not isinstance(graph, Graph):
        raise TypeError(f"graph: found {type(graph).__name__}; expected cascade.Graph")
    _whole("seed", seed)
    if prob is not None:
        return graph.with_prob(prob, seed)
    if graph.prob is None:
        default = _cascade.default_prob(model)
        if default:
            return graph.with_prob(default, seed)
    return graph


_MAX_UINT64 = 2**64 - 1


def _refuse(name, message):
    """The library's UsageError for field ``name``, raised from Python's own checks."""
    error = _cascade.UsageError(f"{name}: {message}")
    error.field = name
    raise error


def _whole(name, value, minimum=0, maximum=_MAX_UINT64, optional=False):
    """``value`` checked as the library's integer field ``name``: None passes when optional (the
    library's default); anything else must be an int in [minimum, maximum], as the command line
    checks it, so that 0 never silently means "the default"."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name}: found {value!r}; expected a whole number")
    if not minimum <= int(value) <= maximum:
        upper = f" to {maximum:,}"
        _refuse(name, f"found {value}; expected a whole number from {minimum:,}{upper}")
    return int(value)


def _positive(name, value, optional=True):
    """A real field that must be a finite number above 0 when given."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name}: found {value!r}; expected a number")
    if not np.isfinite(value) or value <= 0:
        _refuse(name, f"found {value}; expected a positive number")
    return float(value)


def _common(seed, threads):
    _whole("seed", seed)
    _whole("threads", threads, 0, 1024)


def _interval(estimate):
    return (estimate["low"], estimate["high"])


def _pandas():
    import pandas

    return pandas


class Result:
    """Base of every result: the raw fields as a dict in ``.raw``, a readable repr."""

    _shown = ()

    def __repr__(self):
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"<cascade.{type(self).__name__} {fields}>"


class SeedResult(Result):
    """Who to seed, as :func:`seeds` returns it.

    Attributes
    ----------
    seeds : list
        The seeds' labels, in the order chosen.
    marginal_gains : list of float
        The spread each seed adds to those before it, on the selection's own sample.
    spread, spread_stderr : float
        The seeds' expected reach (seeds included) from an independent sample, and its
        standard error.
    spread_ci95 : tuple of float
        Its 95% interval.
    guarantee : float
        The approximation ratio proven (0 for heuristics).
    failure_probability : float
        The guarantee holds with probability at least 1 - this.
    algorithm, model : str
        What ran.
    rr_sets, simulations : int
        Samples drawn by the selection.
    notes : list of str
        How the selection stopped, and why.
    fees : list of float or None
        Each seed's fee, with a budget.
    spent : float
        The seeds' fees summed, with a budget.
    positive_gains, negative_gains : list of float
        Under ``icn``: each seed's added positive and negative reach (empty otherwise).
    credit : dict or None
        With ``algo="credit"``: the log and sigma_cd, the objective the seeds were chosen for.
    from_data : dict or None
        With ``draws``: the spread re-estimated under probabilities drawn from the data.
    """

    _shown = ("seeds", "spread", "guarantee")

    def __init__(self, graph, raw):
        self.raw = raw
        self.seeds = graph._labels_of(raw["seeds"])
        self.nodes = list(raw["seeds"])
        self.marginal_gains = list(raw["marginal_gains"])
        self.spread = raw["spread"]["mean"]
        self.spread_stderr = raw["spread"]["stderr"]
        self.spread_ci95 = _interval(raw["spread"])
        self.selection_estimate = raw["selection_estimate"]
        self.guarantee = raw["guarantee"]
        self.failure_probability = raw["failure_probability"]
        self.algorithm = raw["algorithm"]
        self.model = raw["model"]
        self.rr_sets = raw["rr_sets"]
        self.simulations = raw["simulations"]
        self.validation_samples = raw["validation_samples"]
        self.timing = dict(raw["phases"])
        self.notes = list(raw["notes"])
        self.fees = list(raw["seed_fees"]) if raw["budgeted"] else None
        self.spent = raw["spent"]
        self.positive_gains = list(raw.get("positive_gains", []))
        self.negative_gains = list(raw.get("negative_gains", []))
        self.credit = raw.get("credit")
        self.from_data = raw.get("from_data")
        self.blocking = raw.get("blocking")
        self.reach_goal = raw.get("reach_goal")

    def to_pandas(self):
        """The seeds as a DataFrame: rank, label, marginal_gain (and fee, with a budget)."""
        columns = {"rank": np.arange(1, len(self.seeds) + 1), "label": self.seeds,
                   "marginal_gain": self.marginal_gains}
        if self.fees is not None:
            columns["fee"] = self.fees
        return _pandas().DataFrame(columns)


class SimulationResult(Result):
    """How far a campaign spreads, as :func:`simulate` returns it.

    Attributes
    ----------
    mean, stderr : float
        Mean reach (seeds included) and its standard error (None with a single run).
    ci95 : tuple of float or None
        The 95% interval of the mean.
    runs : int
    converged : bool
        With ``rel_error``: whether the target was met.
    percentiles : dict
        5th, 50th and 95th percentile of the reach over runs.
    positive, negative : float
        Mean positive and negative reach (``icn`` models; negative is 0 otherwise).
    curve, curve_stderr : numpy.ndarray
        Mean new adopters at each step (step 0: the seeds) and their standard errors.
    curve_ci95 : numpy.ndarray, shape (steps, 2)
    node_probabilities : numpy.ndarray or None
        Each node's chance of being reached (with ``node_probabilities=True``).
    trace : list of tuple or None
        Run 0's activations (step, source label, target label, sentiment), with ``trace=True``.
    audience, outside_audience : dict or None
        With ``targets``: the weighted reach inside the audience and the people outside it
        (mean, stderr, low, high).
    value : dict or None
        With ``cpm`` or ``value_per_adoption`` (campaign/value.h): impressions (under ``icn`` the
        negative speakers' apart), cost_equivalence (what the same attention would cost as
        advertising, not the value of the conversations; under ``icn`` only its positive and
        negative parts, never netted), adoptions, adoption_value, return (None without fees).
    from_data : dict or None
        With ``draws``: the reach re-estimated under probabilities drawn from the data.
    """

    _shown = ("mean", "stderr", "runs")

    def __init__(self, graph, raw, trace=False):
        self.raw = raw
        bars = raw.get("error_bars", raw["runs"] >= 2)
        self.runs = raw["runs"]
        self.converged = raw["converged"]
        self.mean = raw["reach"]["mean"]
        self.stderr = raw["reach"]["stderr"] if bars else None
        self.ci95 = _interval(raw["reach"]) if bars else None
        self.percentiles = {5: raw["percentile5"], 50: raw["median"], 95: raw["percentile95"]}
        self.positive = raw["positive"]["mean"]
        self.negative = raw["negative"]["mean"]
        self.curve = raw["new_mean"]
        self.curve_stderr = raw["new_stderr"]
        self.curve_ci95 = np.column_stack([raw["new_low"], raw["new_high"]])
        self.node_probabilities = raw["node_probability"]
        self.trace = None
        if trace:
            labels = graph._label_list()
            self.trace = [(step, labels[s], labels[t], sentiment)
                          for step, s, t, sentiment in raw["trace"]]
        self.seconds = raw["seconds"]
        self.audience = raw.get("audience")
        self.outside_audience = raw.get("outside_audience")
        self.value = raw.get("value")
        # With against: the rumor's reach alone and with these seeds as protectors, and the
        # people saved, each a dict of mean, stderr, low, high.
        self.blocking = raw.get("blocking")
        self.from_data = raw.get("from_data")

    def to_pandas(self):
        """The curve as a DataFrame: step, new, new_stderr, new_low, new_high, reached (cumulative)."""
        return _pandas().DataFrame({
            "step": np.arange(len(self.curve)), "new": self.curve, "new_stderr": self.curve_stderr,
            "new_low": self.curve_ci95[:, 0], "new_high": self.curve_ci95[:, 1],
            "reached": np.cumsum(self.curve)})


class InfluenceResult(Result):
    """Who matters, as :func:`influencers` returns it.

    Attributes
    ----------
    top : list of dict
        The top of the ranking, re-estimated on an independent sample: label, reach,
        reach_stderr, reach_ci95, ranking_reach, share, out_degree, degree_rank.
    reach, reach_stderr : numpy.ndarray
        Everyone's individual reach from the ranking sample (biased upward at the top).
    order : list
        Everyone's labels by decreasing ranking reach.
    spearman_with_out_degree, top_share, total_influence : float
    rr_sets : int
    """

    _shown = ("top_share", "spearman_with_out_degree")

    def __init__(self, graph, raw):
        self.raw = raw
        labels = graph._label_list()
        self.top = [{"label": labels[t["node"]], "reach": t["reach"]["mean"],
                     "reach_stderr": t["reach"]["stderr"], "reach_ci95": _interval(t["reach"]),
                     "ranking_reach": t["ranking_reach"], "share": t["share"],
                     "out_degree": t["out_degree"], "degree_rank": t["degree_rank"]}
                    for t in raw["top"]]
        self.reach = raw["reach"]
        self.reach_stderr = raw["reach_stderr"]
        self.reach_ci95 = np.column_stack([raw["reach_low"], raw["reach_high"]])
        self.order = [labels[v] for v in raw["order"].tolist()]
        self.degree_rank = raw["degree_rank"]
        self.total_influence = raw["total_influence"]
        self.top_share = raw["top_share"]
        self.top_also_top_by_degree = raw["top_also_top_by_degree"]
        self.spearman_with_out_degree = raw["spearman_with_out_degree"]
        self.rr_sets = raw["rr_sets"]
        self._labels = labels

    def to_pandas(self):
        """Everyone, by rank: rank, label, reach, stderr, low, high, share, out_degree,
        degree_rank (from the ranking sample, as ``influencers --out`` writes)."""
        order = self.raw["order"]
        total = self.total_influence
        return _pandas().DataFrame({
            "rank": np.arange(1, len(order) + 1), "label": [self._labels[v] for v in order.tolist()],
            "reach": self.reach[order], "stderr": self.reach_stderr[order],
            "low": self.reach_ci95[order, 0], "high": self.reach_ci95[order, 1],
            "share": self.reach[order] / total if total > 0 else np.zeros(len(order)),
            "out_degree": self.raw["out_degree"][order], "degree_rank": self.degree_rank[order]})


class CommunityResult(Result):
    """Leiden communities and their cohesion, as :func:`communities` returns it.

    Attributes
    ----------
    membership : dict
        Each label's community (0 = the largest).
    community : numpy.ndarray
        Each node id's community.
    count : int
    modularity : float
    cohesion : list of dict
        Per community: size, internal_arcs, density, share_inside, conductance, clustering, loose.
    loose, singletons : int
    nmi, truth_coverage : float or None
        Against ``truth``, over the people it lists.
    """

    _shown = ("count", "modularity", "nmi")

    def __init__(self, graph, raw):
        self.raw = raw
        self.community = raw["community"]
        self.membership = dict(zip(graph._label_list(), self.community.tolist()))
        self.count = raw["count"]
        self.modularity = raw["modularity"]
        self.levels = raw["levels"]
        self.cohesion = list(raw["cohesion"])
        self.loose = raw["loose"]
        self.singletons = raw["singletons"]
        self.nmi = raw["nmi"] if raw["has_truth"] else None
        self.truth_coverage = raw["truth_coverage"] if raw["has_truth"] else None
        self.truth_groups = raw["truth_groups"] if raw["has_truth"] else None
        self.seconds = raw["seconds"]

    def to_pandas(self):
        """One row per community: community, size, internal_arcs, density, share_inside,
        conductance, clustering, loose."""
        frame = _pandas().DataFrame(self.cohesion)
        frame.insert(0, "community", np.arange(len(frame)))
        return frame


class CompareResult(Result):
    """The same budget spent by each strategy, as :func:`compare` returns it.

    Attributes
    ----------
    outcomes : list of dict
        Per strategy: strategy, how, seeds (labels), mean, stderr, ci95, share_of_best, result
        (a :class:`SimulationResult`).
    best : float
        The best mean reach.
    """

    _shown = ("best",)

    def __init__(self, graph, raw):
        self.raw = raw
        self.model = raw["model"]
        self.best = raw["best"]
        self.outcomes = []
        for o in raw["outcomes"]:
            result = SimulationResult(graph, o["result"])
            self.outcomes.append({
                "strategy": o["strategy"], "how": o["how"], "seeds": graph._labels_of(o["seeds"]),
                "mean": result.mean, "stderr": result.stderr, "ci95": result.ci95,
                "share_of_best": result.mean / self.best if self.best > 0 else 0.0,
                "result": result})

    def to_pandas(self):
        """One row per strategy: strategy, how, mean, stderr, low, high, share_of_best."""
        return _pandas().DataFrame([{
            "strategy": o["strategy"], "how": o["how"], "mean": o["mean"], "stderr": o["stderr"],
            "low": o["ci95"][0] if o["ci95"] else None, "high": o["ci95"][1] if o["ci95"] else None,
            "share_of_best": o["share_of_best"]} for o in self.outcomes])


class AuditResult(Result):
    """How real an account's audience is, as :func:`audit` returns it.

    Attributes
    ----------
    account
        The account's label.
    audience_size, pairs, connected_pairs : int
    connected_share, mean_clustering, graph_density : float
    has_audience : bool
    alone, passed_on : SimulationResult
        Reach from the account alone, and if the whole audience passes it on.
    likers, likers_unknown, likers_without_ties : list
        Likers in the network, those not in it, and those with no tie to the account's community.
    caveat : str
    """

    _shown = ("account", "audience_size", "connected_share")

    def __init__(self, graph, raw, account, likers, unknown):
        self.raw = raw
        self.account = account
        self.audience_size = raw["size"]
        self.pairs = raw["pairs"]
        self.connected_pairs = raw["connected_pairs"]
        self.connected_share = raw["connected_share"]
        self.mean_clustering = raw["mean_clustering"]
        self.graph_density = raw["graph_density"]
        self.has_audience = raw["has_audience"]
        self.model = raw["model"]
        self.alone = SimulationResult(graph, raw["alone"])
        self.passed_on = SimulationResult(graph, raw["passed_on"])
        self.likers = likers
        self.likers_unknown = unknown
        self.likers_without_ties = graph._labels_of(raw["likers_without_ties"])
        self.community = raw["community"] if likers else None
        self.caveat = raw["caveat"]

    def to_pandas(self):
        """The figures as a one-row DataFrame."""
        return _pandas().DataFrame([{
            "account": self.account, "audience_size": self.audience_size,
            "connected_share": self.connected_share, "mean_clustering": self.mean_clustering,
            "graph_density": self.graph_density, "reach_alone": self.alone.mean,
            "reach_passed_on": self.passed_on.mean, "likers": len(self.likers),
            "likers_unknown": len(self.likers_unknown),
            "likers_without_ties": len(self.likers_without_ties)}])


def _path(value):
    return isinstance(value, (str, bytes, os.PathLike))


def _existing(path):
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(2, "No such file or directory", path)
    return path


def _real(value):
    return None if value is None else float(value)


def _prior(prior):
    a, b = prior
    return [float(a), float(b)]


def _targets(graph, targets):
    """The audience: a file of ``label[,weight]`` lines, a mapping of labels to weights (the
    others 0), a collection of labels (weight 1 each), or one weight per node; None: everyone."""
    if targets is None:
        return []
    if _path(targets):
        return _cascade.read_targets(graph._native, _existing(targets))
    if hasattr(targets, "items"):
        weights = [0.0] * graph.num_nodes
        for label, weight in targets.items():
            weights[graph._node(label, "targets")] = float(weight)
        return weights
    if isinstance(targets, np.ndarray) and targets.dtype.kind == "f":
        if targets.shape != (graph.num_nodes,):
            raise ValueError(f"targets: found {targets.size} weights; expected one per node "
                             f"({graph.num_nodes})")
        return targets.tolist()
    values = list(targets)
    weights = [0.0] * graph.num_nodes
    for node in graph._nodes(values, "targets"):
        weights[node] = 1.0
    return weights


def _people(graph, people, what):
    """Labels (or a file of them, one per line) as node ids; None: nobody."""
    if people is None:
        return []
    if _path(people):
        return _cascade.read_node_list(graph._native, _existing(people), what)
    return graph._nodes(people, what)


def _fees(graph, costs, default_cost):
    if costs is None:
        return []
    if _path(costs):
        return _cascade.read_fees(graph._native, _existing(costs), default_cost)
    if hasattr(costs, "items"):
        fees = [float(default_cost)] * graph.num_nodes
        for label, fee in costs.items():
            fee = float(fee)
            if not (np.isfinite(fee) and fee >= 0):
                raise ValueError(f"costs: found fee {fee} for {label!r}; expected a number >= 0 "
                                 "(0: free, as employees or fans)")
            fees[graph._node(label, "costs")] = fee
        return fees
    fees = np.asarray(costs, dtype=np.float64)
    if fees.shape != (graph.num_nodes,):
        raise ValueError(f"costs: found {fees.size} fees; expected a mapping of labels to fees, "
                         f"a file, or one fee per node ({graph.num_nodes})")
    return fees.tolist()


def seed_algorithms():
    """The seed-selection algorithms, as ``algo`` spells them.

    Returns
    -------
    list of dict
        name, rr_models_only, anytime, uses_eps and guarantee of each.
    """
    return [dict(zip(("name", "rr_models_only", "anytime", "uses_eps", "guarantee"), row))
            for row in _cascade.seed_algorithms()]


def seeds(graph, k=0, model="ic", algo="auto", eps=0.1, delta=None, time_limit=None,
          validation=None, runs=1000, candidates=None, costs=None, budget=None, default_cost=1.0,
          fade=0.0, deadline=None, prob=None, seed=1, threads=0, neg_weight=0.0, targets=None,
          reached=None, log=None, log_format="actions", window=None, draws=0, prior=(1.0, 1.0),
          fees=None, against=None, tie="protector", reach=None):
    """Who to seed: the k people whose word reaches the most (``cascade seeds``).

    Parameters
    ----------
    graph : Graph
    k : int
        Number of seeds (with ``budget``: at most this many; 0 there means as many as it pays for).
    model : str, default "ic"
        ``ic``, ``lt``, ``threshold:N[,prob]``, ``threshold:F[,prob]``, ``icn:q=Q,neg=M``.
    algo : str, default "auto"
        ``auto``, ``opim-c``, ``imm``, ``celf``, ``degree``, ``degree-discount``, ``pagerank``,
        ``random`` (see :func:`seed_algorithms`).
    eps : float, default 0.1
        Approximation slack: 1 - 1/e - eps.
    delta : float, optional
        Failure probability (default 1/n).
    time_limit : float, optional
        Seconds; ``opim-c`` and ``auto`` return the best seeds so far with their proven ratio.
    validation : int, optional
        Independent samples for the reported spread (default: until the 95% interval is within 1%).
    runs : int, default 1000
        CELF++: simulations per spread evaluation.
    candidates : int, optional
        CELF++: consider only the C highest out-degree people.
    costs : str, os.PathLike, mapping or array_like, optional
        Fees: a file of ``label,fee`` lines, a mapping of labels to fees, or one fee per node.
    budget : float, optional
        The total the seeds' fees may reach.
    default_cost : float, default 1.0
        The fee of people ``costs`` does not list.
    fade : float, default 0.0
        Influence multiplied by (1 - fade) per step.
    deadline : int, optional
        Count only who is reached by this step.
    prob : str, optional
        Probability scheme for this call (default: the graph's, else ``"wc"``).
    seed : int, default 1
        Seed of every random draw: the same seed gives the same seeds on any number of threads.
    threads : int, default 0
        Threads to use (0: all cores).
    neg_weight : float, default 0.0
        ``icn``: the seeds maximize positive reach - neg_weight x negative reach.
    targets : str, os.PathLike, mapping, collection of labels or float array, optional
        The audience: a ``label[,weight]`` file, labels to weights, labels (weight 1 each), or one
        weight per node; the objective is the weighted reach inside it.
    reached : str, os.PathLike or collection of labels, optional
        People an earlier phase reached: seeds are chosen for the new reach.
    log, log_format, window :
        With ``algo="credit"``: the adoption log (a file), ``"actions"`` or ``"cascades"``, and
        the credit window (default 1 for integer steps, infinity for time stamps).
    draws : int, default 0
        Re-estimate the spread under this many probability vectors drawn from the data (a graph
        read with ``prob="weight", arc_evidence=True``); ``prior`` is learn's Beta(A, B).
    fees : as ``costs`` (the library's name; give one of them)
    against : labels or a file of labels, optional
        People already spreading a negative message: the k seeds are protectors chosen to save
        the most people from it (rumor blocking under competitive ic); ``tie`` is ``"protector"``
        or ``"rumor"``, who wins a tie. The result's ``blocking`` holds the rumor's reach alone,
        with the protectors, and the people saved.
    reach : float, optional
        Instead of ``k``: the fewest seeds (with ``costs``, the cheapest) whose expected reach is
        at least this; the result's ``reach_goal`` holds what was proven.

    Returns
    -------
    SeedResult

    Raises
    ------
    ValueError
        With the library's message when an argument is out of range or the combination cannot work.
    """
    _common(seed, threads)
    _whole("k", k, 0, 2**32 - 1)
    _whole("draws", draws, 0, 2**32 - 1)
    if fees is not None:
        if costs is not None:
            raise ValueError("fees: found both costs and fees; expected one of them")
        costs = fees
    _whole("deadline", deadline, 0, 2**32 - 2, optional=True)
    _positive("time_limit", time_limit)
    _whole("validation", validation, 1, optional=True)
    _whole("runs", runs, 1)
    _whole("candidates", candidates, 1, 2**32 - 1, optional=True)
    g = _graph(graph, model, prob, seed)
    fees = _fees(g, costs, default_cost)
    if log is not None and not (isinstance(log, str) and log == "-"):
        log = _existing(log)
    raw = _cascade.select_seeds(
        g._native, k, model, fade, deadline, algo, eps, 0.0 if delta is None else delta,
        0.0 if time_limit is None else time_limit, 0 if validation is None else validation, runs,
        0 if candidates is None else candidates, fees, 0.0 if budget is None else budget,
        default_cost, seed, threads, float(neg_weight), _targets(g, targets),
        _people(g, reached, "reached"), log or "", log_format,
        0.0 if window is None else float(window), draws, _prior(prior),
        _people(g, against, "against"), tie, _real(reach))
    return SeedResult(g, raw)


def simulate(graph, seeds, model="ic", runs=10000, rel_error=None, fade=0.0, deadline=None,
             node_probabilities=False, trace=False, prob=None, seed=1, threads=0, targets=None,
             reached=None, cpm=None, value_per_adoption=None, fees=None, default_fee=None,
             draws=0, prior=(1.0, 1.0), against=None, tie="protector"):
    """Monte Carlo spread of a campaign from given seeds (``cascade simulate``).

    Parameters
    ----------
    graph : Graph
    seeds : sequence of labels, SeedResult, str or os.PathLike
        The seeds' labels, a :func:`seeds` result, or a file of labels one per line.
    model : str, default "ic"
    runs : int, default 10000
        Monte Carlo runs (not with ``rel_error``).
    rel_error : float, optional
        Run until the 95% interval is within this fraction of the mean.
    fade : float, default 0.0
    deadline : int, optional
        Stop the spread after this step (0: the seeds alone).
    node_probabilities : bool, default False
        Estimate each person's chance of being reached.
    trace : bool, default False
        Keep run 0's word-of-mouth tree.
    prob : str, optional
        Probability scheme for this call (default: the graph's, else the model's default).
    seed : int, default 1
    threads : int, default 0
    targets : as in :func:`seeds`
        Report the weighted reach inside the audience and the people outside it.
    reached : collection of labels or a file, optional
        Already active, their influence spent.
    cpm, value_per_adoption : float, optional
        Price the impressions (cost equivalence) and the adoptions (value, return).
    fees : str, os.PathLike, mapping or array_like, optional
        The seeds' fees for the return (as ``costs`` in :func:`seeds`); else ``default_fee`` each.
    default_fee : float, optional
    draws : int, default 0
        The reach re-estimated under probabilities drawn from the data; ``prior`` Beta(A, B).
    against : labels or a file of labels, optional
        People already spreading a negative message; the seeds are its protectors under
        competitive ic (``tie``: ``"protector"`` or ``"rumor"`` wins a tie). ``blocking`` then
        holds the rumor's reach alone and with the protectors, and the people saved.

    Returns
    -------
    SimulationResult
    """
    _common(seed, threads)
    _whole("runs", runs, 1)
    _positive("rel_error", rel_error)
    _whole("deadline", deadline, 0, 2**32 - 2, optional=True)
    g = _graph(graph, model, prob, seed)
    if isinstance(seeds, SeedResult):
        nodes = list(seeds.nodes)
    elif _path(seeds):
        nodes = _cascade.read_node_list(g._native, _existing(seeds), "seed")
    else:
        nodes = g._nodes(seeds, "seeds")
    if rel_error is not None and runs != 10000:
        raise ValueError("rel_error: found both runs and rel_error; expected one of them")
    _whole("draws", draws, 0, 2**32 - 1)
    fee_list = _fees(g, fees, 1.0 if default_fee is None else default_fee)
    raw = _cascade.simulate(g._native, nodes, model, fade, deadline, runs,
                            0.0 if rel_error is None else rel_error, bool(node_probabilities),
                            bool(trace), seed, threads, _targets(g, targets),
                            _people(g, reached, "reached"), _real(cpm), _real(value_per_adoption),
                            fee_list, _real(default_fee), draws, _prior(prior),
                            _people(g, against, "against"), tie)
    return SimulationResult(g, raw, trace=trace)


def influencers(graph, model="ic", top="10%", samples=None, prob=None, seed=1, threads=0):
    """Everyone's expected individual reach, ranked, against degree (``cascade influencers``).

    Parameters
    ----------
    graph : Graph
    model : {"ic", "lt"}, default "ic"
    top : int or str, default "10%"
        How many to re-estimate and list: a count (25) or a share ("10%").
    samples : int, optional
        RR sets in each of the two samples (default 20 per node, 200,000 to 5 million).
    prob : str, optional
    seed : int, default 1
    threads : int, default 0

    Returns
    -------
    InfluenceResult
    """
    g = _graph(graph, model, prob, seed)
    _common(seed, threads)
    _whole("samples", samples, 1, optional=True)
    raw = _cascade.influencers(g._native, model, str(top), 0 if samples is None else samples,
                               seed, threads)
    raw["out_degree"] = g.out_degree()
    return InfluenceResult(g, raw)


def communities(graph, resolution=1.0, iterations=10, truth=None, seed=1, threads=0):
    """Leiden communities on modularity and their cohesion (``cascade communities``).

    Parameters
    ----------
    graph : Graph
    resolution : float, default 1.0
        Above 1 gives smaller communities.
    iterations : int, default 10
        Rerun Leiden from its last partition at most this often.
    truth : str, os.PathLike or mapping, optional
        Known groups: a file of ``label,group`` lines or a mapping of labels to groups; the NMI
        is reported over the people listed (at least 10% of the network).
    seed : int, default 1
    threads : int, default 0

    Returns
    -------
    CommunityResult
    """
    if not isinstance(graph, Graph):
        raise TypeError(f"graph: found {type(graph).__name__}; expected cascade.Graph")
    groups, path = None, None
    if truth is not None and _path(truth):
        path = _existing(truth)
    elif truth is not None:
        numbering = {}
        groups = [0xFFFFFFFF] * graph.num_nodes
        for label, group in truth.items():
            groups[graph._node(label, "truth")] = numbering.setdefault(group, len(numbering))
    _common(seed, threads)
    _whole("iterations", iterations, 1, 1000)
    raw = _cascade.communities(graph._native, resolution, iterations, groups, path, seed, threads)
    return CommunityResult(graph, raw)


def compare(graph, k=10, strategies=("optimal", "hubs", "group", "pagerank", "random"), model="ic",
            runs=10000, celf_runs=200, candidates=300, fade=0.0, deadline=None, prob=None, seed=1,
            threads=0):
    """The same budget spent by each strategy, simulated on the same worlds (``cascade compare``).

    Parameters
    ----------
    graph : Graph
    k : int, default 10
        People per strategy.
    strategies : sequence of str or str
        Of ``optimal``, ``hubs``, ``group``, ``pagerank``, ``random`` (or a comma list).
    model : str, default "ic"
    runs : int, default 10000
        Simulations per strategy.
    celf_runs : int, default 200
        ``optimal`` under models RR sets cannot handle: CELF++ runs per evaluation.
    candidates : int, default 300
        ``optimal`` under those models: the C highest out-degree people considered.
    fade : float, default 0.0
    deadline : int, optional
    prob : str, optional
    seed : int, default 1
    threads : int, default 0

    Returns
    -------
    CompareResult
    """
    g = _graph(graph, model, prob, seed)
    if isinstance(strategies, str):
        strategies = strategies.split(",")
    _common(seed, threads)
    _whole("k", k, 1, 2**32 - 1)
    _whole("runs", runs, 1)
    _whole("celf_runs", celf_runs, 1)
    _whole("candidates", candidates, 1, 2**32 - 1)
    _whole("deadline", deadline, 0, 2**32 - 2, optional=True)
    raw = _cascade.compare(g._native, k, list(strategies), model, fade, deadline, runs, celf_runs,
                           candidates, seed, threads)
    return CompareResult(g, raw)


def audit(graph, account, likers=None, model="ic", runs=2000, fade=0.0, deadline=None, prob=None,
          seed=1, threads=0):
    """How real an account's audience is (``cascade audit``).

    Parameters
    ----------
    graph : Graph
    account
        The account's label.
    likers : sequence of labels, str or os.PathLike, optional
        The likers, or a file of them one per line; people not in the network are counted and
        left out, not refused.
    model : str, default "ic"
    runs : int, default 2000
    fade : float, default 0.0
    deadline : int, optional
    prob : str, optional
    seed : int, default 1
    threads : int, default 0

    Returns
    -------
    AuditResult
    """
    g = _graph(graph, model, prob, seed)
    node = g._node(account, "account")
    nodes, unknown = [], []
    if likers is not None and _path(likers):
        nodes, count, examples = _cascade.read_label_file(g._native, _existing(likers), "liker")
        unknown = list(examples) + [None] * (count - len(examples))
    elif likers is not None:
        likers = list(likers)
        if not likers:
            raise ValueError("likers: found none; expected at least one liker")
        for label in likers:
            try:
                nodes.append(g._node(label, "likers"))
            except ValueError:
                unknown.append(label)
    _common(seed, threads)
    _whole("runs", runs, 1)
    _whole("deadline", deadline, 0, 2**32 - 2, optional=True)
    raw = _cascade.audit(g._native, node, nodes, model, fade, deadline, runs, seed, threads)
    return AuditResult(g, raw, g._labels_of([node])[0], g._labels_of(nodes), unknown)

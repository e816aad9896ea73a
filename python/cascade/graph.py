"""The network: a :class:`Graph` read from a file, built from arrays, networkx or scipy."""

import errno
import numbers
import os
import warnings

import numpy as np

from . import _cascade

__all__ = ["Graph"]


def _is_integer(value):
    return isinstance(value, (numbers.Integral, np.integer)) and not isinstance(value, (bool, np.bool_))


def _node_labels(objects):
    """How the library should label these node objects.

    Returns ``(labels, order, originals)``: ``labels`` for the library (an int64 array, ascending,
    or a list of distinct strings), ``order[i]`` the library id of ``objects[i]``, and
    ``originals`` the Python object of each library id when the library's labels cannot stand
    for them (None otherwise).
    """
    objects = list(objects)
    if all(_is_integer(o) for o in objects):
        values = np.asarray(objects, dtype=np.int64)
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        if len(ordered) > 1 and np.any(ordered[1:] == ordered[:-1]):
            raise ValueError("labels: found a label twice; expected each node once")
        ids = np.empty(len(values), dtype=np.uint32)
        ids[order] = np.arange(len(values), dtype=np.uint32)
        return ordered, ids, None
    if len(set(objects)) != len(objects):
        raise ValueError("labels: found a label twice; expected each node once")
    ids = np.arange(len(objects), dtype=np.uint32)
    if all(isinstance(o, str) for o in objects):
        return objects, ids, None
    # Any other hashable (tuples of a grid graph, mixed types): the library gets their text,
    # the Python side keeps the objects themselves.
    names = [str(o) for o in objects]
    if len(set(names)) != len(names):
        names = [str(i) for i in range(len(objects))]
    return names, ids, objects


class Graph:
    """A directed network of people, as Cascade stores it.

    Build one with :meth:`read`, :meth:`from_arrays`, :meth:`from_networkx` or
    :meth:`from_scipy`, or with :func:`cascade.generate`. Nodes are numbered ``0 .. n-1``
    internally; every result speaks in :attr:`labels`. An undirected network is stored as two
    arcs per link, one each way. Self-loops are dropped and repeated arcs merged, as the
    command line does.

    Arc probabilities come from a scheme (``prob``): ``"wc"`` (1 / in-degree of the target),
    ``"const:P"``, ``"trivalency"``, ``"weight"`` or ``"weight-normalized"``. A graph without
    probabilities gets the model's default (``"wc"``) when a function needs them, as the
    command line does when ``--prob`` is not given.
    """

    def __init__(self, native, originals=None):
        self._native = native
        self._originals = originals
        self._index = None
        self._with_prob = {}

    # ---- constructors -------------------------------------------------------------------------

    @classmethod
    def read(cls, path, undirected=False, prob=None, header="auto", weight_column=None, seed=1,
             threads=0, arc_evidence=False):
        """Read a network file in any format the command line reads.

        Parameters
        ----------
        path : str or os.PathLike
            An edge list (SNAP, CSV/TSV with a header, networkx; gzip read too), GraphML, GEXF,
            GML, or a ``.cgraph`` snapshot, recognized by content.
        undirected : bool, default False
            Store each line as two arcs, one each way.
        prob : str, optional
            Probability scheme (see :class:`Graph`); None assigns none now.
        header : {"auto", "none", "names", "counts"}, default "auto"
            What the first line is.
        weight_column : str, optional
            The CSV column holding arc weights, by its header name.
        seed : int, default 1
            Seed of random schemes (trivalency).
        threads : int, default 0
            Threads to use (0: all cores).
        arc_evidence : bool, default False
            Keep the file's trials and successes columns (as ``learn --out`` writes them), for
            ``draws=`` in :func:`seeds` and :func:`simulate` (with ``prob="weight"``).

        Returns
        -------
        Graph

        Raises
        ------
        FileNotFoundError
            When ``path`` does not exist.
        ValueError
            When the file does not hold a network, or an argument is out of range.
        """
        path = os.fspath(path)
        if path != "-" and not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
        native = _cascade.load(path, bool(undirected), header, weight_column or "", prob or "",
                               seed, threads, bool(arc_evidence))
        graph = cls(native)
        for warning in native.load_report()["warnings"]:
            warnings.warn(f"{path}: {warning}", stacklevel=2)
        return graph

    @classmethod
    def from_arrays(cls, sources, targets, probabilities=None, weights=None, labels=None,
                    undirected=False):
        """Build a network from arrays of arcs.

        Parameters
        ----------
        sources, targets : array_like of int
            The arcs' endpoints as node ids ``0 .. n-1`` (ids into ``labels`` when given).
        probabilities : array_like of float, optional
            Each arc's diffusion probability, in [0, 1]; the graph then has scheme ``"weight"``
            and repeated arcs combine as independent chances, 1 - prod(1 - p).
        weights : array_like of float, optional
            Each arc's weight (tie strength; repeated arcs add up). Not with ``probabilities``.
        labels : sequence, optional
            The label of each node id (integers or any hashable); default ``0 .. n-1`` with
            ``n = max id + 1``.
        undirected : bool, default False
            Store each arc in both directions.

        Returns
        -------
        Graph
        """
        sources = np.asarray(sources)
        targets = np.asarray(targets)
        if sources.ndim != 1 or targets.ndim != 1 or len(sources) != len(targets):
            raise ValueError(f"targets: found {targets.size} targets for {sources.size} sources; "
                             "expected one-dimensional arrays of the same length")
        for name, array in (("sources", sources), ("targets", targets)):
            if array.size and not np.issubdtype(array.dtype, np.integer):
                raise TypeError(f"{name}: found dtype {array.dtype}; expected integer node ids")
            if array.size and array.min() < 0:
                raise ValueError(f"{name}: found {array.min()}; expected node ids from 0")
        if probabilities is not None and weights is not None:
            raise ValueError("weights: found both probabilities and weights; expected one of them")
        values = probabilities if probabilities is not None else weights
        name = "probabilities" if probabilities is not None else "weights"
        if values is not None:
            values = np.asarray(values, dtype=np.float64)
            if values.shape != sources.shape:
                raise ValueError(f"{name}: found {values.size} values for {sources.size} arcs; "
                                 "expected one per arc")
            if not np.all(np.isfinite(values)):
                raise ValueError(f"{name}: found {values[~np.isfinite(values)][0]}; expected "
                                 "finite numbers")
            if probabilities is not None and values.size and (values.min() < 0 or values.max() > 1):
                bad = values[(values < 0) | (values > 1)][0]
                raise ValueError(f"probabilities: found {bad}; expected a number in [0, 1]")
            if weights is not None and values.size and values.min() < 0:
                raise ValueError(f"weights: found {values.min()}; expected non-negative weights")
        top = int(max(sources.max(initial=-1), targets.max(initial=-1)))
        if labels is None:
            labels = np.arange(top + 1, dtype=np.int64)
        labels = list(labels)
        if top >= len(labels):
            raise ValueError(f"sources: found node id {top}; expected ids below {len(labels)} "
                             "(the number of labels)")
        if len(labels) >= 2**32 - 1:
            raise ValueError(f"labels: found {len(labels)} nodes; expected fewer than 2^32 - 1")
        library_labels, ids, originals = _node_labels(labels)
        native = _cascade.build(ids[sources.astype(np.int64)], ids[targets.astype(np.int64)],
                                None if values is None else values.astype(np.float32),
                                library_labels, bool(undirected), probabilities is not None,
                                "arrays")
        graph = cls(native, originals)
        if probabilities is not None:
            graph._native = native.with_probabilities("weight", 1)
        return graph

    @classmethod
    def from_networkx(cls, G, weight=None, prob=None, seed=1):
        """Build a network from a networkx graph.

        Parameters
        ----------
        G : networkx.Graph or networkx.DiGraph
            A Graph is stored as two arcs per edge, one each way. Node labels may be any
            hashable; results give them back as they are.
        weight : str, optional
            The edge attribute holding weights (edges without it weigh 1).
        prob : str, optional
            Probability scheme to assign (see :class:`Graph`); ``"weight"`` reads the edge
            attribute named by ``weight`` (default ``"weight"``) as probabilities.
        seed : int, default 1
            Seed of random schemes (trivalency).

        Returns
        -------
        Graph
        """
        if not all(hasattr(G, name) for name in ("nodes", "edges", "is_directed")):
            raise TypeError(f"G: found {type(G).__name__}; expected a networkx Graph or DiGraph")
        # prob="weight" reads the edges' "weight" attribute unless another one is named.
        if prob == "weight" and weight is None:
            weight = "weight"
        nodes = list(G.nodes())
        position = {node: i for i, node in enumerate(nodes)}
        if weight is not None and G.number_of_edges() > 0 and not any(
                weight in data for _, _, data in G.edges(data=True)):
            raise ValueError(f"weight: found no edge with the attribute {weight!r}; expected the "
                             f"name of an edge attribute")
        edges = list(G.edges(data=weight if weight is not None else False, default=1.0))
        m = len(edges)
        sources = np.fromiter((position[e[0]] for e in edges), dtype=np.int64, count=m)
        targets = np.fromiter((position[e[1]] for e in edges), dtype=np.int64, count=m)
        values = None
        if weight is not None:
            try:
                values = np.fromiter((e[2] for e in edges), dtype=np.float64, count=m)
            except (TypeError, ValueError) as error:
                raise ValueError(f"weight: found an edge attribute {weight!r} that is not a "
                                 f"number ({error}); expected numbers") from None
        as_probabilities = prob == "weight"
        graph = cls.from_arrays(sources, targets,
                                probabilities=values if as_probabilities else None,
                                weights=None if as_probabilities else values,
                                labels=nodes, undirected=not G.is_directed())
        if prob is not None and not as_probabilities:
            graph._native = graph._native.with_probabilities(prob, seed)
        return graph

    @classmethod
    def from_scipy(cls, matrix, probabilities=False, labels=None, undirected=False):
        """Build a network from a square scipy sparse (or numpy dense) adjacency matrix.

        Parameters
        ----------
        matrix : scipy.sparse matrix or array, shape (n, n)
            Entry (u, v) is the arc u -> v's weight; zeros are no arc.
        probabilities : bool, default False
            The entries are diffusion probabilities (scheme ``"weight"``) rather than weights.
        labels : sequence, optional
            The label of each row; default ``0 .. n-1``.
        undirected : bool, default False
            Store each arc in both directions.

        Returns
        -------
        Graph
        """
        import scipy.sparse

        coo = scipy.sparse.coo_matrix(matrix)
        if coo.shape[0] != coo.shape[1]:
            raise ValueError(f"matrix: found shape {coo.shape}; expected a square matrix")
        coo.eliminate_zeros()
        n = coo.shape[0]
        if labels is None:
            labels = np.arange(n, dtype=np.int64)
        elif len(labels) != n:
            raise ValueError(f"labels: found {len(labels)}; expected one per row ({n})")
        data = np.asarray(coo.data, dtype=np.float64)
        return cls.from_arrays(coo.row.astype(np.int64), coo.col.astype(np.int64),
                               probabilities=data if probabilities else None,
                               weights=None if probabilities else data, labels=labels,
                               undirected=undirected)

    def to_networkx(self):
        """The network as a networkx DiGraph (Graph when it was built undirected).

        Edges carry ``weight`` when the graph is weighted and ``prob`` when it has
        probabilities; nodes are the labels.

        Returns
        -------
        networkx.DiGraph or networkx.Graph
        """
        import networkx as nx

        G = nx.DiGraph() if self.directed else nx.Graph()
        labels = self.labels
        G.add_nodes_from(labels)
        sources, targets, weights, probabilities = self._native.arcs()
        attributes = {}
        # Stored as single precision: give back the shortest decimal of each float (0.3, not
        # 0.30000001192092896), as the command line prints them.
        if weights is not None:
            attributes["weight"] = [float(repr(np.float32(x))) for x in weights]
        if probabilities is not None:
            attributes["prob"] = [float(repr(np.float32(x))) for x in probabilities]
        names = list(attributes)
        columns = [attributes[name] for name in names]
        G.add_edges_from((labels[s], labels[t], dict(zip(names, values)))
                         for s, t, *values in zip(sources.tolist(), targets.tolist(), *columns))
        return G

    def with_prob(self, prob, seed=1):
        """A copy of the network with the probabilities of scheme ``prob`` (see :class:`Graph`).

        Parameters
        ----------
        prob : str
        seed : int, default 1
            Seed of random schemes (trivalency).

        Returns
        -------
        Graph
        """
        key = (prob, seed)
        if key not in self._with_prob:
            graph = Graph(self._native.with_probabilities(prob, seed), self._originals)
            graph._index = self._index
            self._with_prob[key] = graph
        return self._with_prob[key]

    # ---- properties ---------------------------------------------------------------------------

    @property
    def num_nodes(self):
        """int: the number of nodes."""
        return self._native.num_nodes

    @property
    def num_arcs(self):
        """int: the number of arcs (two per undirected link)."""
        return self._native.num_arcs

    @property
    def directed(self):
        """bool: False when every link was stored as two arcs."""
        return self._native.directed

    @property
    def weighted(self):
        """bool: whether arcs carry weights."""
        return self._native.weighted

    @property
    def prob(self):
        """str or None: the probability scheme assigned, if any."""
        return self._native.probability_scheme if self._native.has_probabilities else None

    @property
    def labels(self):
        """numpy.ndarray or list: the label of each node id (int64 array for integer labels)."""
        if self._originals is not None:
            return list(self._originals)
        return self._native.labels()

    @property
    def load_report(self):
        """dict: what loading did (format, bytes, self-loops dropped, duplicates merged, ...)."""
        return self._native.load_report()

    def out_degree(self):
        """numpy.ndarray of uint32: each node's number of out-arcs."""
        return self._native.out_degree()

    def in_degree(self):
        """numpy.ndarray of uint32: each node's number of in-arcs."""
        return self._native.in_degree()

    def __repr__(self):
        kind = "directed" if self.directed else "undirected"
        prob = f", prob={self.prob!r}" if self.prob else ""
        return f"<cascade.Graph {self.num_nodes} nodes, {self.num_arcs} arcs, {kind}{prob}>"

    # ---- labels <-> ids -----------------------------------------------------------------------

    def _label_list(self):
        labels = self.labels
        return labels.tolist() if isinstance(labels, np.ndarray) else labels

    def _node(self, label, field):
        """The node id of ``label``, or ValueError naming ``field``."""
        if self._index is None:
            self._index = {label: i for i, label in enumerate(self._label_list())}
        try:
            node = self._index.get(label)
        except TypeError:
            node = None
        if node is None and self._originals is None and isinstance(label, str):
            node = self._native.find(label)
        if node is None:
            raise ValueError(f"{field}: found {label!r}; expected a label of the graph")
        return node

    def _nodes(self, labels, field):
        if isinstance(labels, (str, bytes)) or not hasattr(labels, "__iter__"):
            raise TypeError(f"{field}: found {type(labels).__name__}; expected a list of labels")
        return [self._node(label, field) for label in labels]

    def _labels_of(self, nodes):
        labels = self._label_list()
        return [labels[v] for v in nodes]

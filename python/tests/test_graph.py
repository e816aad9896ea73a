"""Graphs in and out: files, numpy arrays, networkx, scipy; labels, degrees and errors."""

import gzip

import networkx as nx
import numpy as np
import pytest
import scipy.sparse

import cascade


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_read_edge_list_with_string_labels(tmp_path):
    # alice -> bob -> carol, alice -> carol; a self-loop and a repeat are dropped and merged.
    path = write(tmp_path, "g.txt", "alice bob\nbob carol\nalice carol\ncarol carol\nalice bob\n")
    g = cascade.Graph.read(path)
    assert (g.num_nodes, g.num_arcs) == (3, 3)
    assert g.labels == ["alice", "bob", "carol"]
    assert g.out_degree().tolist() == [2, 1, 0]
    assert g.in_degree().tolist() == [0, 1, 2]
    assert g.load_report["self_loops_dropped"] == 1
    assert g.load_report["duplicates_merged"] == 1
    assert g.prob is None and g.directed


def test_read_gzip_csv_undirected_with_probabilities(tmp_path):
    path = tmp_path / "g.csv.gz"
    with gzip.open(path, "wt") as f:
        f.write("source,target,weight\n1,2,0.5\n2,3,0.25\n")
    g = cascade.Graph.read(path, undirected=True, prob="weight")
    assert (g.num_nodes, g.num_arcs, g.directed, g.prob) == (3, 4, False, "weight")
    assert g.labels.tolist() == [1, 2, 3]
    G = g.to_networkx()
    assert isinstance(G, nx.Graph) and not G.is_directed()
    assert G[1][2]["prob"] == pytest.approx(0.5) and G[3][2]["prob"] == pytest.approx(0.25)


def test_read_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        cascade.Graph.read(tmp_path / "missing.txt")
    path = write(tmp_path, "g.txt", "1 2\n")
    with pytest.raises(ValueError, match="prob"):
        cascade.Graph.read(path, prob="nonsense")
    with pytest.raises(ValueError):
        cascade.Graph.read(path, header="sometimes")
    bad = write(tmp_path, "bad.csv", "source,target,weight\n1,2,1.5\n")
    with pytest.raises(ValueError, match="bad.csv"):
        cascade.Graph.read(bad, prob="weight")
    with pytest.raises(TypeError):
        cascade.Graph.read(path, seed="one")


def test_from_arrays_labels_and_probabilities():
    # Labels given out of order: integer labels keep their numeric order as ids.
    g = cascade.Graph.from_arrays(np.array([0, 1, 0]), np.array([1, 2, 1]),
                                  probabilities=[0.5, 0.2, 0.5], labels=[30, 10, 20])
    assert g.labels.tolist() == [10, 20, 30]
    assert g.num_arcs == 2 and g.prob == "weight"
    G = g.to_networkx()
    # The repeated arc 30 -> 10 holds two independent chances of 0.5: 1 - 0.5 * 0.5.
    assert G[30][10]["prob"] == pytest.approx(0.75)
    assert G[10][20]["prob"] == pytest.approx(0.2)


def test_from_arrays_weights_add_up_and_default_labels():
    g = cascade.Graph.from_arrays([0, 0, 2], [1, 1, 0], weights=[1.0, 2.0, 4.0])
    assert g.labels.tolist() == [0, 1, 2] and g.weighted and g.prob is None
    G = g.to_networkx()
    assert G[0][1]["weight"] == 3.0 and G[2][0]["weight"] == 4.0


def test_from_arrays_errors():
    with pytest.raises(ValueError, match="targets"):
        cascade.Graph.from_arrays([0, 1], [1])
    with pytest.raises(ValueError, match="sources"):
        cascade.Graph.from_arrays([-1], [0])
    with pytest.raises(ValueError, match="probabilities"):
        cascade.Graph.from_arrays([0], [1], probabilities=[1.5])
    with pytest.raises(ValueError, match="probabilities: found nan"):
        cascade.Graph.from_arrays([0], [1], probabilities=[np.nan])
    with pytest.raises(ValueError, match="sources: found node id 2"):
        cascade.Graph.from_arrays([2], [0], labels=["a", "b"])
    with pytest.raises(ValueError, match="labels"):
        cascade.Graph.from_arrays([0], [1], labels=["a", "a"])
    with pytest.raises(TypeError):
        cascade.Graph.from_arrays([0.5], [1.0])


def test_from_networkx_round_trip_karate():
    K = nx.karate_club_graph()
    g = cascade.Graph.from_networkx(K)
    assert (g.num_nodes, g.num_arcs, g.directed) == (34, 2 * K.number_of_edges(), False)
    assert g.out_degree().tolist() == [K.degree(v) for v in sorted(K)]
    back = g.to_networkx()
    assert set(back.nodes) == set(K.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in K.edges}


def test_from_networkx_keeps_any_hashable_labels():
    G = nx.grid_2d_graph(3, 3).to_directed()
    g = cascade.Graph.from_networkx(G)
    assert g.labels == list(G.nodes)
    result = cascade.seeds(g, 2, algo="degree")
    assert all(isinstance(s, tuple) and s in G for s in result.seeds)
    assert result.seeds[0] == (1, 1)  # the centre has the most contacts
    sim = cascade.simulate(g, [(0, 0)], runs=100)
    assert sim.mean >= 1
    assert set(g.to_networkx().edges) == set(G.edges)


def test_from_networkx_weights_and_prob():
    G = nx.DiGraph()
    G.add_edge("a", "b", w=0.5)
    G.add_edge("b", "c", w=0.1)
    G.add_edge("c", "a")
    g = cascade.Graph.from_networkx(G, weight="w", prob="weight")
    assert g.prob == "weight"
    assert g.to_networkx()["b"]["c"]["prob"] == pytest.approx(0.1)
    assert g.to_networkx()["c"]["a"]["prob"] == pytest.approx(1.0)  # missing attribute: 1
    wc = cascade.Graph.from_networkx(G, prob="wc")
    assert wc.prob == "wc"
    # prob="weight" reads the "weight" attribute, which no edge of G has.
    with pytest.raises(ValueError, match="^weight: found no edge with the attribute 'weight'"):
        cascade.Graph.from_networkx(G, prob="weight")


def test_from_scipy():
    matrix = scipy.sparse.csr_matrix(np.array([[0, 0.5, 0], [0, 0, 0.25], [0, 0, 0]]))
    g = cascade.Graph.from_scipy(matrix, probabilities=True, labels=["x", "y", "z"])
    assert g.labels == ["x", "y", "z"] and g.num_arcs == 2 and g.prob == "weight"
    assert g.to_networkx()["y"]["z"]["prob"] == pytest.approx(0.25)
    w = cascade.Graph.from_scipy(matrix * 4)
    assert w.weighted and w.to_networkx()[0][1]["weight"] == 2.0
    with pytest.raises(ValueError, match="square"):
        cascade.Graph.from_scipy(scipy.sparse.csr_matrix((2, 3)))


def test_networkx_file_matches_read(email_path):
    read = cascade.Graph.read(email_path)
    G = nx.read_edgelist(email_path, nodetype=int, create_using=nx.DiGraph)
    converted = cascade.Graph.from_networkx(G)
    assert converted.num_arcs == read.num_arcs
    assert np.array_equal(converted.labels, read.labels[np.isin(read.labels, list(G.nodes))])


def test_with_prob_is_a_copy():
    g = cascade.Graph.from_arrays([0, 1], [1, 2])
    c = g.with_prob("const:0.3")
    assert g.prob is None and c.prob == "const:0.3"
    assert c.to_networkx()[0][1]["prob"] == pytest.approx(0.3)


def test_networkx_conversion_errors_and_weights():
    with pytest.raises(TypeError, match="^G: found list"):
        cascade.Graph.from_networkx([1, 2])
    G = nx.DiGraph()
    G.add_edge("a", "b", strength=0.5)
    with pytest.raises(ValueError, match="^weight: found no edge with the attribute 'nope'"):
        cascade.Graph.from_networkx(G, weight="nope")
    G.add_edge("b", "c", strength="x")
    with pytest.raises(ValueError, match="^weight: found an edge attribute 'strength'"):
        cascade.Graph.from_networkx(G, weight="strength")
    H = nx.DiGraph()
    H.add_edge("a", "b", weight=0.3)
    # prob="weight" reads the "weight" attribute, and floats come back as written, not as float32.
    back = cascade.Graph.from_networkx(H, prob="weight").to_networkx()
    assert back["a"]["b"]["prob"] == 0.3

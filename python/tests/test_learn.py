"""cascade.learn: a simulated log learned back, logs as files, rows and DataFrames, the Twitter
split against the command line to the last digit, and errors that name the keyword."""

import inspect
import json
import subprocess

import numpy as np
import pandas as pd
import pytest

import cascade
from cascade import _cascade

# A random graph of 25 people and about 120 arcs with known probabilities.
RNG = np.random.default_rng(3)
PAIRS = {(int(u), int(v)) for u, v in RNG.integers(0, 25, size=(140, 2)) if u != v}
SOURCES = np.array([u for u, _ in sorted(PAIRS)])
TARGETS = np.array([v for _, v in sorted(PAIRS)])
TRUTH = np.round(RNG.uniform(0.05, 0.45, size=len(SOURCES)), 3)


@pytest.fixture(scope="module")
def truth():
    return cascade.Graph.from_arrays(SOURCES, TARGETS, probabilities=TRUTH)


@pytest.fixture(scope="module")
def simulated(truth):
    """3,000 independent cascades, each run 0 of simulate's trace from a random root with its own
    seed, as (user, item, time) rows with the simulation's steps."""
    roots = np.random.default_rng(5).integers(0, truth.num_nodes, size=3000)
    rows = []
    for item, root in enumerate(roots.tolist()):
        run = cascade.simulate(truth, [root], runs=1, trace=True, seed=item + 1, threads=1)
        rows += [(target, f"c{item}", step) for step, _, target, _ in run.trace]
    return rows


def test_learns_a_simulated_log_back(truth, simulated):
    r = cascade.learn(truth, simulated)
    assert isinstance(r, cascade.LearnResult)
    assert r.method == "em" and r.window == 1 and r.converged
    assert r.log["items"] == 3000 and r.log["adoptions"] == len(simulated)
    assert r.log["integer_steps"] and r.log["outside_adoptions"] == 0
    assert r.adoptions == r.explained_by_graph + r.background_adoptions
    assert r.background_adoptions >= 3000  # every root at least
    assert r.log_likelihood == sorted(r.log_likelihood)  # em never loses likelihood
    assert len(r.log_likelihood) == r.iterations + 1
    assert r.test is None and r.held_out == []
    frame = r.to_pandas()
    assert list(frame.columns) == ["source", "target", "probability", "trials", "successes",
                                   "low", "high"]
    assert len(frame) == truth.num_arcs == r.arcs_tried + r.arcs_untried
    assert np.all((frame["low"] <= frame["probability"]) | (frame["trials"] == 0))
    assert np.all(frame["probability"] <= frame["high"])
    # Against the truth on the arcs tried at least 100 times.
    known = dict(zip(zip(SOURCES.tolist(), TARGETS.tolist()), TRUTH.tolist()))
    frame["truth"] = [known[(s, t)] for s, t in zip(frame["source"], frame["target"])]
    tried = frame[frame["trials"] >= 100]
    assert len(tried) >= 50
    assert np.corrcoef(tried["truth"], tried["probability"])[0, 1] >= 0.9
    assert np.mean(np.abs(tried["truth"] - tried["probability"])) <= 0.03


def test_learned_graph_feeds_simulate_and_seeds(truth, simulated):
    r = cascade.learn(truth, simulated)
    assert r.graph.prob == "learned" and r.graph.num_arcs == truth.num_arcs
    sources, targets, _, probabilities = r.graph._native.arcs()
    # The library's floats, which the result gives as their shortest decimals.
    assert np.array_equal(probabilities, r.probability.astype(np.float32))
    learned = cascade.simulate(r.graph, [0, 1], runs=20000, seed=2)
    true = cascade.simulate(truth, [0, 1], runs=20000, seed=2)
    assert abs(learned.mean - true.mean) <= 0.05 * true.mean
    assert len(cascade.seeds(r.graph, 2).seeds) == 2


def test_rows_dataframe_and_file_give_the_same(truth, simulated, tmp_path):
    from_rows = cascade.learn(truth, simulated, threads=1)
    frame = pd.DataFrame(simulated, columns=["User", "ITEM", "time"])  # any case, any order
    from_frame = cascade.learn(truth, frame[["time", "User", "ITEM"]], threads=2)
    path = tmp_path / "log.csv"
    frame.to_csv(path, index=False)
    from_file = cascade.learn(truth, path)
    for other in (from_frame, from_file):
        assert np.array_equal(other.probability, from_rows.probability)
        assert np.array_equal(other.trials, from_rows.trials)
        assert np.array_equal(other.low, from_rows.low)
        assert other.log_likelihood == from_rows.log_likelihood
    assert (from_rows.log["source"], from_frame.log["source"]) == ("rows", "DataFrame")
    assert from_file.log["source"] == str(path)


def test_posterior_prior_and_untried():
    # a -> b, and c -> d never tried: p(a, b) = 1/3 from 3 trials (as learn_test.sh works out).
    g = cascade.Graph.from_arrays([0, 2], [1, 3], labels=["a", "b", "c", "d"])
    rows = [("a", 1, 0), ("b", 1, 1), ("a", 2, 0), ("a", 3, 0), ("b", 3, 5), ("a", 4, 0),
            ("b", 4, 0), ("b", 5, 0), ("zed", 6, 0)]
    r = cascade.learn(g, rows)
    table = r.to_pandas().set_index(["source", "target"])
    assert table.loc[("a", "b"), "probability"] == 0.33333334  # as the command line prints it
    assert table.loc[("a", "b"), "trials"] == 3
    assert table.loc[("a", "b"), "successes"] == pytest.approx(1)
    assert (table.loc[("a", "b"), "low"], table.loc[("a", "b"), "high"]) == (0.06758599, 0.80587953)
    assert r.log["outside_users"] == 1 and r.log["outside_examples"] == ["zed"]
    assert r.background["b"] == pytest.approx(3 / 6)  # items 3, 4 and 5 of six
    posterior = cascade.learn(g, rows, estimate="posterior", untried="prior", prior=(1, 3))
    table = posterior.to_pandas().set_index(["source", "target"])
    assert table.loc[("a", "b"), "probability"] == pytest.approx((1 + 1) / (1 + 3 + 3))
    assert table.loc[("c", "d"), "probability"] == 0.25 and table.loc[("c", "d"), "trials"] == 0
    assert cascade.learn(g, rows, window=10).to_pandas()["probability"][0] == pytest.approx(2 / 3)
    assert cascade.learn(g, rows, method="bernoulli").method == "bernoulli"


def test_any_hashable_labels():
    # networkx nodes that are tuples: the log names them as they are, the table gives them back.
    import networkx as nx

    g = cascade.Graph.from_networkx(nx.grid_2d_graph(3, 3))
    r = cascade.learn(g, [((0, 0), "ad", 0), ((0, 1), "ad", 1), ("ghost", "ad", 1)])
    assert r.log["users"] == 2 and r.log["outside_examples"] == ["ghost"]
    frame = r.to_pandas()
    row = frame[(frame["source"] == (0, 0)) & (frame["target"] == (0, 1))]
    assert row["probability"].tolist() == [1.0] and row["trials"].tolist() == [1]
    assert r.background[(0, 0)] == 1.0


def test_parents_any_adds_the_logs_users_and_ties():
    # (0, 0) -> ghost -> (2, 2): neither tie is in the grid; ghost becomes a person, by its text.
    import networkx as nx

    g = cascade.Graph.from_networkx(nx.grid_2d_graph(3, 3))
    rows = [((0, 0), "ad", 0), ("ghost", "ad", 1), ((2, 2), "ad", 2)]
    r = cascade.learn(g, rows, parents="any", window=1)
    assert r.parents == "any"
    assert r.graph.num_nodes == 10
    frame = r.to_pandas()
    tie = frame[(frame["source"] == (0, 0)) & (frame["target"] == "ghost")]
    assert tie["probability"].tolist() == [1.0] and tie["trials"].tolist() == [1]
    assert len(frame[(frame["source"] == "ghost") & (frame["target"] == (2, 2))]) == 1
    assert len(frame[(frame["source"] == (0, 0)) & (frame["target"] == (2, 2))]) == 0  # window 1
    assert r.background["ghost"] == 0.0
    with pytest.raises(ValueError, match="parents"):
        cascade.learn(g, rows, parents="friends")


def test_defaults_are_the_librarys():
    defaults = {name: p.default for name, p in inspect.signature(cascade.learn).parameters.items()
                if p.default is not inspect.Parameter.empty}
    library = _cascade.learn_defaults()
    assert library.pop("window") == 0  # None here: the default for the log
    assert defaults.pop("window") is None
    assert defaults.pop("test") is None and defaults.pop("threads") == 0
    defaults["baselines"] = list(defaults["baselines"])
    defaults["prior"] = tuple(float(x) for x in defaults["prior"])
    assert defaults == library


def test_errors_name_the_keyword(truth, simulated, tmp_path):
    rows = simulated[:50]
    for kwargs, field in [(dict(method="nope"), "method"), (dict(log_format="json"), "log_format"),
                          (dict(untried="mean"), "untried"), (dict(estimate="mean"), "estimate"),
                          (dict(iterations=0), "iterations"), (dict(prior=(0, 1)), "prior"),
                          (dict(prior=(1,)), "prior"), (dict(window=-1), "window"),
                          (dict(window=0), "window"), (dict(tolerance=-1.0), "tolerance"),
                          (dict(size_runs=0), "size_runs"), (dict(iterations=-1), "iterations"),
                          (dict(baselines=["weight"]), "baselines"), (dict(seed=-1), "seed"),
                          (dict(log_format="cascades"), "log_format")]:
        with pytest.raises(ValueError, match=f"^{field}: found") as info:
            cascade.learn(truth, rows, **kwargs)
        assert info.value.field == field, kwargs
    with pytest.raises(ValueError, match=r"^log: row 1 \(user '3', item 'x'\): found the time nan"):
        cascade.learn(truth, [(2, "x", 0), (3, "x", float("nan"))])
    with pytest.raises(ValueError, match=r"^test: row 0"):
        cascade.learn(truth, rows, test=[(2, "x", float("inf"))])
    with pytest.raises(ValueError, match=r"^log: row 0: found the time 'soon'; expected a number"):
        cascade.learn(truth, [(2, "x", "soon")])
    with pytest.raises(ValueError, match=r"^log: row 1: found \(2, 'x'\); expected \(user, item"):
        cascade.learn(truth, [(2, "x", 0), (2, "x")])
    with pytest.raises(ValueError, match=r"^log: found the columns \['user', 'when'\]"):
        cascade.learn(truth, pd.DataFrame({"user": [1], "when": [0]}))
    with pytest.raises(TypeError, match="^log: found int"):
        cascade.learn(truth, 5)
    with pytest.raises(TypeError, match="^tolerance"):
        cascade.learn(truth, rows, tolerance="small")
    with pytest.raises(TypeError, match="^graph"):
        cascade.learn("graph.txt", rows)
    with pytest.raises(FileNotFoundError):
        cascade.learn(truth, tmp_path / "missing.csv")
    with pytest.raises(FileNotFoundError):
        cascade.learn(truth, rows, test=str(tmp_path / "missing.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_text("user,item,time\n1,x,0\n2,x,later\n")
    with pytest.raises(cascade.InputError, match="found the time 'later'") as info:
        cascade.learn(truth, bad)
    assert (info.value.file, info.value.line) == (str(bad), 3)


@pytest.fixture(scope="module")
def twitter(data_dir):
    folder = data_dir / "twitter_cascades_topolstm"
    with pytest.warns(UserWarning, match="listed in both directions"):
        return folder, cascade.Graph.read(folder / "graph.txt", undirected=True)


def test_twitter_split_matches_the_command_line(cli, twitter, tmp_path):
    folder, graph = twitter
    out = tmp_path / "learned.csv"
    expected = json.loads(subprocess.run(
        [cli, "learn", folder / "graph.txt", "--undirected", "--log", folder / "train.txt",
         "--log-format", "cascades", "--test", folder / "test.txt", "--size-runs", "200",
         "--out", out, "--json", "--threads", "2"],
        check=True, capture_output=True, text=True).stdout)
    got = cascade.learn(graph, folder / "train.txt", log_format="cascades",
                        test=folder / "test.txt", size_runs=200, threads=1)
    for name in ("method", "adoptions", "explained_by_graph", "background_adoptions",
                 "mean_background_rate", "possible_parents", "arcs_tried", "arcs_untried",
                 "untried", "estimate", "fallback", "iterations", "converged", "log_likelihood"):
        assert getattr(got, name) == expected[name], name
    assert list(got.prior) == expected["prior"]
    assert got.window == (np.inf if expected["window"] == "inf" else expected["window"])
    assert list(got.quantiles.values()) == expected["probability_quantiles"]
    for ours, theirs in ((got.log, expected["log"]), (got.test, expected["test"])):
        theirs = dict(theirs)
        assert ours.pop("source") == theirs.pop("file")
        assert ours == theirs
    assert got.held_out == expected["held_out"]
    assert [row["probabilities"] for row in got.held_out] == ["learned", "wc", "const:0.01",
                                                              "trivalency"]
    assert got.log["outside_adoptions"] > 0  # users outside the graph, kept and counted
    frame = got.to_pandas()
    written = pd.read_csv(out, float_precision="round_trip")
    assert frame["source"].tolist() == written["source"].tolist()
    assert frame["target"].tolist() == written["target"].tolist()
    for column in ("probability", "trials", "low", "high"):
        assert frame[column].tolist() == written[column].tolist(), column
    assert np.allclose(frame["successes"], written["successes"], rtol=1e-6)

"""Every function of the module on small graphs: results, conversions to pandas, and errors."""

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import cascade


@pytest.fixture(scope="module")
def karate():
    return cascade.Graph.from_networkx(nx.karate_club_graph())


def test_seeds_result(karate):
    r = cascade.seeds(karate, 4)
    assert len(r.seeds) == 4 and len(set(r.seeds)) == 4
    assert r.seeds[0] in (0, 33)  # a club leader first
    assert r.algorithm == "opim-c+refine" and r.model == "ic"
    assert 0 < r.guarantee < 1 and r.spread_stderr > 0
    assert r.spread_ci95[0] < r.spread < r.spread_ci95[1]
    assert 4 <= r.spread <= 34
    frame = r.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert frame["label"].tolist() == r.seeds
    assert frame["marginal_gain"].tolist() == r.marginal_gains


def test_seeds_same_whatever_the_thread_count(karate):
    one = cascade.seeds(karate, 3, threads=1, seed=7)
    two = cascade.seeds(karate, 3, threads=2, seed=7)
    assert (one.seeds, one.spread, one.marginal_gains) == (two.seeds, two.spread, two.marginal_gains)
    other = cascade.seeds(karate, 3, threads=2, seed=8)
    assert other.spread != two.spread  # the seed reaches the sample


def test_seeds_algorithms_and_models(karate):
    names = [a["name"] for a in cascade.seed_algorithms()]
    assert names[0] == "auto" and "imm" in names and "celf" in names
    assert cascade.seeds(karate, 2, algo="imm").guarantee > 0
    celf = cascade.seeds(karate, 2, model="threshold:2", runs=50)
    assert celf.algorithm == "celf++" and celf.guarantee == 0
    assert cascade.seeds(karate, 2, algo="degree").seeds == [33, 0]


def test_seeds_budget(karate):
    costs = {v: 1.0 for v in range(34)}
    costs[33] = 100.0
    r = cascade.seeds(karate, 0, costs=costs, budget=3)
    assert 33 not in r.seeds and r.spent <= 3 and r.fees == [1.0] * len(r.seeds)
    assert "fee" in r.to_pandas().columns
    with pytest.raises(ValueError, match="costs"):
        cascade.seeds(karate, 0, costs={"nobody": 2.0}, budget=3)


def test_seeds_errors_speak_the_library(karate):
    with pytest.raises(ValueError, match=r"^k: found 0"):
        cascade.seeds(karate, 0)
    with pytest.raises(ValueError, match=r"^k: found 35; expected at most 34"):
        cascade.seeds(karate, 35)
    with pytest.raises(ValueError, match=r"^eps: found 1"):
        cascade.seeds(karate, 2, eps=1.0)
    with pytest.raises(ValueError, match=r"^algo: found 'greedy'"):
        cascade.seeds(karate, 2, algo="greedy")
    with pytest.raises(ValueError, match="time_limit"):
        cascade.seeds(karate, 2, algo="imm", time_limit=1)
    with pytest.raises(cascade.UsageError) as info:
        cascade.seeds(karate, 2, delta=2.0)
    assert info.value.field == "delta"
    with pytest.raises(TypeError):
        cascade.seeds(karate, "two")
    with pytest.raises(TypeError):
        cascade.seeds(nx.karate_club_graph(), 2)
    with pytest.raises(ValueError, match=r"^k: found -1; expected a whole number") as negative:
        cascade.seeds(karate, -1)
    assert negative.value.field == "k"
    with pytest.raises(ValueError, match=r"^validation: found 0"):
        cascade.seeds(karate, 2, validation=0)
    with pytest.raises(ValueError, match=r"^seed: found -1"):
        cascade.seeds(karate, 2, seed=-1)
    with pytest.raises(TypeError, match=r"^k: found 2.5"):
        cascade.seeds(karate, 2.5)


def test_simulate_result(karate):
    chosen = cascade.seeds(karate, 2)
    s = cascade.simulate(karate, chosen, runs=2000, node_probabilities=True, trace=True)
    assert s.runs == 2000 and s.stderr > 0 and s.ci95[0] < s.mean < s.ci95[1]
    assert s.curve[0] == 2 and s.curve.sum() == pytest.approx(s.mean)
    assert s.percentiles[5] <= s.percentiles[50] <= s.percentiles[95]
    assert s.node_probabilities.shape == (34,)
    assert s.node_probabilities[chosen.nodes].tolist() == [1.0, 1.0]
    assert {t[2] for t in s.trace} >= set(chosen.seeds)
    frame = s.to_pandas()
    assert frame["reached"].iloc[-1] == pytest.approx(s.mean)
    by_labels = cascade.simulate(karate, chosen.seeds, runs=2000)
    assert by_labels.mean == s.mean


def test_simulate_single_run_has_no_error_bar(karate):
    s = cascade.simulate(karate, [0], runs=1)
    assert s.stderr is None and s.ci95 is None


def test_simulate_rel_error_and_models(karate):
    s = cascade.simulate(karate, [0, 33], rel_error=0.05)
    assert s.converged and 1.96 * s.raw["reach"]["stderr"] <= 0.05 * s.mean
    icn = cascade.simulate(karate, [0], model="icn:q=0.5,neg=2", runs=500)
    assert icn.negative > 0 and icn.positive + icn.negative == pytest.approx(icn.mean)
    assert cascade.simulate(karate, [0], deadline=0, runs=10).mean == 1
    lower = cascade.simulate(karate, [0], prob="const:0.05", runs=500).mean
    assert lower < cascade.simulate(karate, [0], prob="const:0.5", runs=500).mean


def test_simulate_errors(karate, tmp_path):
    with pytest.raises(ValueError, match=r"^seeds: found 99"):
        cascade.simulate(karate, [99])
    with pytest.raises(ValueError, match=r"^seeds: found 0 twice"):
        cascade.simulate(karate, [0, 0])
    with pytest.raises(ValueError, match=r"^seeds: found none"):
        cascade.simulate(karate, [])
    with pytest.raises(ValueError, match=r"^runs: found 0"):
        cascade.simulate(karate, [0], runs=0)
    with pytest.raises(ValueError, match="model"):
        cascade.simulate(karate, [0], model="sir")
    with pytest.raises(FileNotFoundError):
        cascade.simulate(karate, tmp_path / "seeds.txt")
    with pytest.raises(TypeError):
        cascade.simulate(karate, 0)


def test_simulate_seed_file(karate, tmp_path):
    path = tmp_path / "seeds.txt"
    path.write_text("label\n33\n0\n")
    assert cascade.simulate(karate, path, runs=300).mean == cascade.simulate(karate, [33, 0], runs=300).mean
    path.write_text("33\n77\n")
    with pytest.raises(ValueError, match="seeds.txt:2"):
        cascade.simulate(karate, path)


def test_influencers(karate):
    r = cascade.influencers(karate, top=5, samples=20000)
    assert len(r.top) == 5 and r.order[:5] == [t["label"] for t in r.top]
    assert r.top[0]["label"] in (0, 33)
    assert all(t["reach"] >= 1 for t in r.top) and -1 <= r.spearman_with_out_degree <= 1
    frame = r.to_pandas()
    assert len(frame) == 34 and frame["rank"].tolist() == list(range(1, 35))
    assert frame["reach"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="^top: found 'lots'"):
        cascade.influencers(karate, top="lots")
    with pytest.raises(ValueError, match="^model"):
        cascade.influencers(karate, model="threshold:2")


def test_communities_against_planted_truth():
    g, planted = cascade.generate("planted-partition", nodes=400, groups=4, degree=12, mixing=0.1)
    truth = {label: int(group) for label, group in zip(g.labels.tolist(), planted)}
    r = cascade.communities(g, truth=truth)
    assert r.count >= 4 and r.nmi > 0.9 and r.truth_coverage == 1.0
    assert sum(row["size"] for row in r.cohesion) == 400
    assert set(r.membership) == set(g.labels.tolist())
    assert len(r.to_pandas()) == r.count
    few = {label: truth[label] for label in list(truth)[:10]}
    with pytest.raises(ValueError, match="^truth: found groups for 10 of 400"):
        cascade.communities(g, truth=few)
    with pytest.raises(ValueError, match="^resolution"):
        cascade.communities(g, resolution=0)


def test_compare(karate):
    r = cascade.compare(karate, k=2, runs=500, strategies="hubs,random")
    assert [o["strategy"] for o in r.outcomes] == ["hubs", "random"]
    assert r.outcomes[0]["seeds"] == [33, 0] and r.best == max(o["mean"] for o in r.outcomes)
    assert list(r.to_pandas()["strategy"]) == ["hubs", "random"]
    with pytest.raises(ValueError, match="^strategies: found 'hubs' twice"):
        cascade.compare(karate, strategies=["hubs", "hubs"])


def test_audit(karate):
    r = cascade.audit(karate, 0, likers=[1, 2, 33, "stranger"], runs=200)
    assert r.account == 0 and r.audience_size == 16
    assert r.likers == [1, 2, 33] and r.likers_unknown == ["stranger"]
    assert r.passed_on.mean >= r.alone.mean and r.caveat
    assert r.to_pandas()["audience_size"].iloc[0] == 16
    with pytest.raises(ValueError, match="^account: found 'nobody'"):
        cascade.audit(karate, "nobody")


def test_generate():
    er = cascade.generate("erdos-renyi", nodes=100, arcs=300, seed=3)
    assert (er.num_nodes, er.num_arcs) == (100, 300)
    again = cascade.generate("erdos_renyi", nodes=100, arcs=300, seed=3)
    assert set(er.to_networkx().edges) == set(again.to_networkx().edges)
    assert not cascade.generate("barabasi-albert", nodes=50, attach=2).directed
    assert cascade.generate("watts-strogatz", nodes=30, neighbors=4).num_arcs == 120
    assert cascade.generate("rmat", scale=6, edge_factor=4).num_nodes == 64
    with pytest.raises(ValueError, match="^model"):
        cascade.generate("lattice")

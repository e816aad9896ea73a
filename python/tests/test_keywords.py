"""The keyword arguments select_seeds and simulate share with the command line (targets,
reached, neg_weight, cpm, value_per_adoption, fees, draws, prior, algo="credit" with log), each
checked against the command line's --json where it prints the same figure."""

import json
import subprocess

import networkx as nx
import pytest

import cascade


def run_cli(cli, *args):
    out = subprocess.run([cli, *map(str, args), "--json", "--threads", "2"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def email(email_path):
    return cascade.Graph.read(email_path)


@pytest.fixture(scope="module")
def karate():
    return cascade.Graph.from_networkx(nx.karate_club_graph())


def test_simulate_value_and_targets_match_the_cli(cli, email, email_path, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text("160,2\n121\n7,0.5\n")
    expected = run_cli(cli, "simulate", email_path, "--seed-labels", "160,121", "--runs", 500,
                       "--cpm", 8, "--value-per-adoption", 2, "--default-cost", 5,
                       "--targets", targets)
    got = cascade.simulate(email, [160, 121], runs=500, cpm=8, value_per_adoption=2,
                           default_fee=5, targets=targets, threads=1)
    assert got.audience["mean"] == expected["audience"]
    assert got.outside_audience["mean"] == expected["outside_audience"]
    value = expected["value"]
    for name in ("impressions", "cost_equivalence", "adoptions", "adoption_value", "return"):
        assert got.value[name]["mean"] == value[name], name
        assert [got.value[name]["low"], got.value[name]["high"]] == value[name + "_ci95"], name
    # The audience as a mapping of labels to weights is the same audience.
    same = cascade.simulate(email, [160, 121], runs=500, targets={160: 2, 121: 1, 7: 0.5})
    assert same.audience["mean"] == got.audience["mean"]


def test_simulate_icn_value_never_nets_the_cost_equivalence(karate):
    got = cascade.simulate(karate, [0, 33], model="icn:q=0.5,neg=2", runs=300, cpm=10,
                           value_per_adoption=1, fees={0: 2, 33: 3})
    assert got.value["cost_equivalence"] is None
    assert got.value["positive_cost_equivalence"] is not None
    assert got.value["negative_cost_equivalence"] is not None
    assert got.value["fees"] == 5 and got.value["return"] is not None
    none = cascade.simulate(karate, [0], runs=50, value_per_adoption=1)
    assert none.value["return"] is None  # no fees: undefined, not 0


def test_simulate_reached_spends_influence(karate):
    alone = cascade.simulate(karate, [0], runs=2000, seed=3)
    after = cascade.simulate(karate, [0], runs=2000, seed=3, reached=[33, 32, 31])
    assert after.mean < alone.mean
    with pytest.raises(cascade.UsageError):
        cascade.simulate(karate, [0], runs=10, reached=[0])  # a seed already reached


def test_seeds_targets_reached_and_neg_weight_match_the_cli(cli, email, email_path, tmp_path):
    reached = tmp_path / "reached.txt"
    reached.write_text("160\n121\n")
    expected = run_cli(cli, "seeds", email_path, "-k", 3, "--reached", reached, "--eps", 0.3)
    got = cascade.seeds(email, k=3, reached=reached, eps=0.3, threads=1)
    assert got.seeds == expected["seeds"]
    assert 160 not in got.seeds and 121 not in got.seeds
    with pytest.raises(cascade.UsageError, match="neg_weight"):
        cascade.seeds(email, k=2, neg_weight=1)  # not icn
    targeted = cascade.seeds(email, k=2, targets=[1, 2, 3, 4, 5], eps=0.3)
    assert len(targeted.seeds) == 2


def test_seeds_neg_weight_under_icn(karate):
    got = cascade.seeds(karate, k=2, model="icn:q=0.9,neg=1.5", neg_weight=0.5, runs=100)
    assert 1 <= len(got.seeds) <= 2
    assert len(got.positive_gains) == len(got.negative_gains) == len(got.seeds)
    assert all(p - 0.5 * n > 0 for p, n in zip(got.positive_gains, got.negative_gains))


def test_seeds_credit_from_a_log(karate, tmp_path):
    log = tmp_path / "log.csv"
    # 0 adopts every item first, three of its neighbours one step after it.
    rows = [f"0,item{i},0" for i in range(5)] + [f"{v},item{i},1" for i in range(5)
                                                   for v in (1, 2, 3)]
    log.write_text("user,item,time\n" + "\n".join(rows) + "\n")
    got = cascade.seeds(karate, k=1, algo="credit", log=log, log_format="actions", window=2)
    assert got.seeds == [0]
    assert got.credit is not None and got.credit["sigma_cd"] > 0 and got.credit["window"] == 2


def test_draws_from_a_learned_file(tmp_path):
    learned = tmp_path / "learned.csv"
    learned.write_text("source,target,probability,trials,successes,low,high\n"
                       "a,b,0.75,4,3,0.28,0.95\nb,c,0.5,2,1,0.09,0.91\nc,a,0.1,0,0,0.03,0.97\n")
    g = cascade.Graph.read(learned, prob="weight", arc_evidence=True)
    got = cascade.simulate(g, ["a"], runs=200, draws=5, prior=(1, 1))
    assert got.from_data is not None and got.from_data["draws"] == 5
    assert got.from_data["low"] <= got.from_data["high"]
    assert got.from_data["arcs_fixed"] == 1  # c -> a was never tried
    chosen = cascade.seeds(g, k=1, draws=3, eps=0.3)
    assert chosen.from_data is not None and chosen.from_data["draws"] == 3
    with pytest.raises(cascade.UsageError, match="draws"):
        cascade.simulate(cascade.Graph.read(learned, prob="weight"), ["a"], runs=10, draws=2)

"""Same seed, same results as the command line, to the last digit, on a real network."""

import json
import subprocess

import pytest

import cascade


def run_cli(cli, *args):
    out = subprocess.run([cli, *map(str, args), "--json", "--threads", "2"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def email(email_path):
    return cascade.Graph.read(email_path)


def test_graph_matches(cli, email, email_path):
    info = run_cli(cli, "info", email_path)
    assert (email.num_nodes, email.num_arcs) == (info["nodes"], info["arcs"])


@pytest.mark.parametrize("args", [dict(k=5), dict(k=3, algo="imm", eps=0.2, seed=4),
                                  dict(k=2, model="lt", validation=20000)])
def test_seeds_match(cli, email, email_path, args):
    flags = []
    for name, value in args.items():
        flags += ["-k" if name == "k" else "--" + name.replace("_", "-"), value]
    expected = run_cli(cli, "seeds", email_path, *flags)
    got = cascade.seeds(email, threads=3, **args)
    assert got.seeds == expected["seeds"]
    assert got.marginal_gains == expected["marginal_gains"]
    assert got.spread == expected["spread"]
    assert got.spread_stderr == expected["spread_stderr"]
    assert list(got.spread_ci95) == expected["spread_ci95"]
    assert got.guarantee == expected["guarantee"]
    assert got.rr_sets == expected["rr_sets"]


def test_simulate_matches(cli, email, email_path):
    expected = run_cli(cli, "simulate", email_path, "--seed-labels", "160,121,7", "--runs", 3000,
                       "--seed", 9)
    got = cascade.simulate(email, [160, 121, 7], runs=3000, seed=9, threads=1)
    assert (got.mean, got.stderr, list(got.ci95)) == (expected["mean"], expected["stderr"],
                                                      expected["ci95"])
    assert got.percentiles == {int(p): v for p, v in expected["percentiles"].items()}
    assert got.curve.tolist() == [step["new"] for step in expected["curve"]]
    assert got.curve_stderr.tolist() == [step["new_stderr"] for step in expected["curve"]]


def test_influencers_match(cli, email, email_path):
    expected = run_cli(cli, "influencers", email_path, "--top", 5, "--samples", 50000)
    got = cascade.influencers(email, top=5, samples=50000)
    rows = expected["influencers"]
    assert [t["label"] for t in got.top] == [row["label"] for row in rows]
    assert [t["reach"] for t in got.top] == [row["reach"] for row in rows]
    assert [t["reach_stderr"] for t in got.top] == [row["reach_stderr"] for row in rows]
    assert got.spearman_with_out_degree == expected["spearman_with_out_degree"]
    assert got.top_share == expected["top_share_of_influence"]


def test_communities_match(cli, email, email_path, data_dir):
    truth = data_dir / "email-Eu-core-department-labels.txt"
    expected = run_cli(cli, "communities", email_path, "--truth", truth)
    got = cascade.communities(email, truth=truth)
    assert (got.count, got.modularity, got.nmi) == (expected["communities"], expected["modularity"],
                                                    expected["nmi"])


def test_compare_matches(cli, email, email_path):
    expected = run_cli(cli, "compare", email_path, "-k", 3, "--runs", 2000,
                       "--strategies", "hubs,pagerank,random")
    got = cascade.compare(email, k=3, runs=2000, strategies=["hubs", "pagerank", "random"])
    rows = expected["strategies"]
    assert [o["seeds"] for o in got.outcomes] == [row["seeds"] for row in rows]
    assert [o["mean"] for o in got.outcomes] == [row["reach"] for row in rows]
    assert [o["stderr"] for o in got.outcomes] == [row["reach_stderr"] for row in rows]

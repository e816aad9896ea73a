"""cascade.report: the page of ``cascade report`` from Python, written atomically."""

import json

import networkx as nx
import pytest

import cascade


@pytest.fixture(scope="module")
def hostile():
    g = nx.karate_club_graph()
    names = {0: "</script><script>window.__pwned=1</script>", 1: '"Müller, Anna"', 2: "李雷"}
    return cascade.Graph.from_networkx(nx.relabel_nodes(g, lambda v: names.get(v, f"p{v}")))


def test_report_chooses_the_seeds_seeds_would(hostile, tmp_path):
    out = tmp_path / "page.html"
    page = cascade.report(hostile, out=out, k=3, runs=200, seed=4)
    assert page.seeds == cascade.seeds(hostile, 3, seed=4).seeds
    assert out.read_text(encoding="utf-8") == page.html
    assert page.path == str(out) and not page.drawn_as_communities
    assert page.data["map"]["mode"] == "people" and len(page.data["map"]["nodes"]) == 34
    assert [s["label"] for s in page.data["choice"]["seeds"]] == page.seeds
    # Labels travel as escaped JSON: never as markup.
    assert "<script>window.__pwned" not in page.html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned" in page.html
    labels = {n["label"] for n in page.data["map"]["nodes"]}
    assert {'"Müller, Anna"', "李雷", "</script><script>window.__pwned=1</script>"} <= labels
    steps = page.data["diffusion"]["steps"]
    assert steps[0]["cumulative_mean"] == 3
    assert abs(steps[-1]["cumulative_mean"] - page.data["diffusion"]["reach"]["mean"]) < 1e-9


def test_report_given_seeds_and_no_extras(hostile):
    page = cascade.report(hostile, seeds=["李雷", '"Müller, Anna"'], runs=100, compare=False,
                          communities=False)
    assert page.seeds == ["李雷", '"Müller, Anna"'] and page.path is None
    assert page.data["choice"]["strategies"] == []
    json.dumps(page.data)  # plain JSON


def test_report_errors(hostile, tmp_path):
    with pytest.raises(ValueError, match="runs"):
        cascade.report(hostile, runs=1)
    with pytest.raises(ValueError, match="nobody"):
        cascade.report(hostile, seeds=["nobody"])
    with pytest.raises(FileNotFoundError):
        cascade.report(hostile, out=tmp_path / "no" / "page.html", k=1)
    assert not (tmp_path / "no").exists()


def test_rumor_blocking_and_reach_goal_keywords():
    g = cascade.Graph.from_networkx(nx.karate_club_graph())
    blocked = cascade.seeds(g, 2, against=[33], validation=2000, seed=3)
    assert len(blocked.seeds) == 2 and 33 not in blocked.seeds
    b = blocked.blocking
    assert b["saved"]["mean"] > 0 and b["rumor"]["mean"] < b["rumor_alone"]["mean"]
    again = cascade.simulate(g, blocked.seeds, against=[33], runs=2000, seed=3)
    assert again.blocking["saved"]["low"] <= again.blocking["saved"]["mean"] <= again.blocking["saved"]["high"]
    with pytest.raises(ValueError, match="tie"):
        cascade.seeds(g, 2, against=[33], tie="nobody")
    goal = cascade.seeds(g, reach=8, seed=3)
    assert goal.reach_goal["goal"] == 8 and goal.reach_goal["proven"]
    assert goal.spread >= 0.9 * 8 - 3 * goal.spread_stderr

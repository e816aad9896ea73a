"""cascade.campaign(plan): the library's campaign as Python objects, the same figures as the
command line's --json for the same plan and seed."""

import json
import subprocess

import pytest

import cascade

PLAN = """[network]
graph = "{graph}"
[model]
model = "{model}"
deadline = 5
{extra}
[budget]
total = 4
[[phase]]
share = 0.5
steps = 2
seeding = "{first}"
[[phase]]
share = 0.5
seeding = "hubs"
[value]
cpm = 8
value_per_adoption = 2
[run]
worlds = 6
eps = 0.3
"""


def write_plan(tmp_path, email_path, model="ic", extra="", first="auto"):
    path = tmp_path / "plan.toml"
    path.write_text(PLAN.format(graph=email_path, model=model, extra=extra, first=first))
    return path


def cli_json(cli, plan, *args):
    out = subprocess.run([cli, "campaign", str(plan), "--json", "--threads", "2", *args],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def same_estimate(got, expected):
    return got.mean == expected["mean"] and list(got.ci95) == expected["ci95"]


def same_reach(got, expected):
    for name in ("people", "inside", "outside", "positive", "negative"):
        g, e = getattr(got, name), expected[name]
        if (g is None) != (e is None) or (g is not None and not same_estimate(g, e)):
            return False
    return True


@pytest.mark.parametrize("model,extra,first", [("ic", "", "auto"),
                                               ("icn:q=0.6,neg=2", "neg_weight = 1", "hubs")])
def test_campaign_matches_the_cli(cli, tmp_path, email_path, model, extra, first):
    plan = write_plan(tmp_path, email_path, model, extra, first)
    expected = cli_json(cli, plan, "--seed", "3")
    got = cascade.campaign(plan, seed=3, threads=1)
    assert isinstance(got, cascade.CampaignResult)
    assert (got.model, got.worlds, got.seed) == (expected["model"], expected["worlds"], 3)
    assert len(got.phases) == len(expected["phases"]) == 2
    for phase, row in zip(got.phases, expected["phases"]):
        assert (phase.seeding, phase.adaptive, phase.start) == (row["seeding"], row["adaptive"],
                                                                row["start"])
        if row["seeds"] is not None:
            assert phase.seeds == [str(s) for s in row["seeds"]]
        assert same_reach(phase.added, row["added"])
    assert same_reach(got.reach, expected["reach"])
    assert [(e.mean, list(e.ci95)) for e in got.curve] == [(p["mean"], p["ci95"])
                                                           for p in expected["curve"]]
    for name, value in got.value.items():
        if name in ("cpm", "value_per_adoption"):
            assert value == expected["value"][name]
        elif value is None:
            assert expected["value"][name] is None, name
        else:
            assert same_estimate(value, expected["value"][name]), name
    assert got.single_shot["seeds"] == [str(s) for s in expected["single_shot"]["seeds"]]
    assert same_estimate(got.difference, expected["comparison"]["difference"])
    assert got.objective == expected["comparison"]["objective"]


def test_icn_campaign_splits_the_reach_and_never_nets_the_cost_equivalence(tmp_path, email_path):
    plan = write_plan(tmp_path, email_path, "icn:q=0.6,neg=2", "neg_weight = 1", "hubs")
    got = cascade.campaign(plan, worlds=4)
    assert got.neg_weight == 1 and got.worlds == 4
    assert got.reach.positive is not None and got.reach.negative is not None
    assert got.reach.positive.mean + got.reach.negative.mean == pytest.approx(got.reach.people.mean)
    assert got.value["cost_equivalence"] is None
    assert got.value["negative_cost_equivalence"] is not None
    assert got.value["adoptions"].mean <= got.reach.positive.mean


def test_campaign_refuses_bad_plans_and_arguments(tmp_path, email_path):
    plan = write_plan(tmp_path, email_path, extra="neg_weight = 1")
    with pytest.raises(cascade.InputError, match="model.neg_weight"):
        cascade.campaign(plan)
    with pytest.raises(cascade.UsageError, match="worlds"):
        cascade.campaign(write_plan(tmp_path, email_path), worlds=0)
    with pytest.raises(FileNotFoundError):
        cascade.campaign(tmp_path / "missing.toml")

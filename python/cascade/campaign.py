"""A campaign plan played out (``cascade campaign PLAN.toml``): phases on the same random worlds,
compared with spending the whole budget at once. Everything is decided by the library
(campaign/campaign.h); this module only turns its report into Python objects."""

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from . import _cascade
from .analysis import _common, _existing, _whole

__all__ = ["campaign", "CampaignResult", "CampaignPhase", "CampaignReach", "Interval"]


@dataclass(frozen=True)
class Interval:
    """A mean over worlds with its 95% interval (low, high); stderr where the library gives one."""

    mean: float
    ci95: Tuple[float, float]
    stderr: Optional[float] = None

    @staticmethod
    def of(raw):
        if raw is None:
            return None
        return Interval(raw["mean"], (raw["low"], raw["high"]), raw.get("stderr"))


@dataclass(frozen=True)
class CampaignReach:
    """People reached; audience weight inside and people outside (with an audience); satisfied
    (positive) and unhappy (negative) people apart (icn), never netted."""

    people: Interval
    inside: Optional[Interval] = None
    outside: Optional[Interval] = None
    positive: Optional[Interval] = None
    negative: Optional[Interval] = None

    @staticmethod
    def of(raw):
        return CampaignReach(*(Interval.of(raw[k])
                               for k in ("people", "inside", "outside", "positive", "negative")))


@dataclass(frozen=True)
class CampaignPhase:
    """One phase: its rule and budget, its seeds (labels; None when chosen per world, then the
    most frequent ones as (label, fee, share of worlds)), and the reach it adds."""

    number: int
    seeding: str
    budget: float
    steps: int
    start: Optional[int]
    adaptive: bool
    seeds: Optional[List[str]]
    fees: Optional[List[float]]
    seeds_per_world: Interval
    spent_per_world: Interval
    frequent_seeds: List[Tuple[str, float, float]]
    added: CampaignReach


@dataclass(frozen=True)
class CampaignResult:
    """What :func:`campaign` returns.

    ``value`` (with the plan's ``[value]``) is a dict of :class:`Interval` (or None): impressions,
    their positive and negative parts (icn), cost_equivalence (what as many advertising
    impressions would cost: not the value of the conversations; under icn only its positive and
    negative parts, never netted), adoptions (satisfied people reached beyond the seeds),
    adoption_value, fees (paid per world) and return (value x mean adoptions / mean fees - 1 over
    worlds; None when no world paid anything), plus the prices ``cpm`` and
    ``value_per_adoption``."""

    plan: str
    graph: str
    model: str
    probability: str
    deadline: Optional[int]
    neg_weight: Optional[float]
    worlds: int
    seed: int
    budget: float
    audience: Optional[float]
    phases: List[CampaignPhase]
    reach: CampaignReach
    curve: List[Interval]
    value: Optional[dict]
    single_shot: dict
    objective: str
    difference: Interval
    seconds: float
    raw: dict = field(repr=False, compare=False, default_factory=dict)


def campaign(plan, worlds=None, seed=None, threads=0):
    """Plays a campaign plan (a TOML file, see ``examples/campaign.toml``) as ``cascade campaign``
    does: the same plan and seed give the same figures as the command line's ``--json``.

    Parameters
    ----------
    plan : str or os.PathLike
        The plan file; its paths are relative to its folder.
    worlds : int, optional
        Random worlds (default: the plan's ``run.worlds``).
    seed : int, optional
        Replaces the plan's ``run.seed``.
    threads : int, default 0

    Returns
    -------
    CampaignResult
    """
    _whole("worlds", worlds, 1, 1_000_000, optional=True)
    _common(0 if seed is None else seed, threads)
    raw = _cascade.campaign(_existing(plan), worlds or 0, seed, threads)
    phases = [CampaignPhase(p["phase"], p["seeding"], p["budget"], p["steps"], p["start"],
                            p["adaptive"], p["seeds"], p["fees"], Interval.of(p["seeds_per_world"]),
                            Interval.of(p["spent_per_world"]),
                            [tuple(f) for f in p["frequent_seeds"]], CampaignReach.of(p["added"]))
              for p in raw["phases"]]
    value = None
    if raw["value"] is not None:
        value = {k: (v if k in ("cpm", "value_per_adoption") else Interval.of(v))
                 for k, v in raw["value"].items()}
    single = dict(raw["single_shot"])
    single["reach"] = CampaignReach.of(single["reach"])
    return CampaignResult(raw["plan"], raw["graph"], raw["model"], raw["probability"],
                          raw["deadline"], raw["neg_weight"], raw["worlds"], raw["seed"],
                          raw["budget"], raw["audience"], phases, CampaignReach.of(raw["reach"]),
                          [Interval.of(e) for e in raw["curve"]], value, single,
                          raw["comparison"]["objective"],
                          Interval.of(raw["comparison"]["difference"]), raw["seconds"], raw)

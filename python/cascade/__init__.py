"""Cascade: word-of-mouth marketing on social networks, from Python.

The same engine as the ``cascade`` command, through the same library API: the same seed gives
the same results to the last digit. Long calls release the GIL and stop on Ctrl-C.

>>> import cascade, networkx as nx
>>> g = cascade.Graph.from_networkx(nx.karate_club_graph())
>>> best = cascade.seeds(g, k=3)
>>> reach = cascade.simulate(g, best.seeds, runs=1000)
>>> learned = cascade.learn(g, [(0, "ad", 0), (1, "ad", 1)])  # or a file, or a DataFrame
"""

from ._cascade import InputError, UsageError
from .analysis import (AuditResult, CommunityResult, CompareResult, InfluenceResult, SeedResult,
                       SimulationResult, audit, communities, compare, influencers,
                       seed_algorithms, seeds, simulate)
from .campaign import CampaignResult, campaign
from .generators import generate
from .graph import Graph
from .learning import LearnResult, learn
from .report import ReportResult, report

__all__ = ["Graph", "seeds", "simulate", "influencers", "communities", "compare", "audit",
           "generate", "learn", "seed_algorithms", "InputError", "UsageError", "SeedResult",
           "SimulationResult", "InfluenceResult", "CommunityResult", "CompareResult", "AuditResult",
           "LearnResult", "campaign", "CampaignResult", "report", "ReportResult"]

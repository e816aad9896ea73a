"""Writes the JSON Schema (draft 2020-12) of every command's --json record into this folder.

Run it with /usr/bin/python3 docs/schemas/make_schemas.py after changing what a command prints;
tests/cli/json_schema_test.py checks every command's output against these files. Each file is
self-contained (the shared definitions are copied into its $defs), so any validator can use it
alone.
"""
import json
import pathlib


def num(): return {"type": "number"}
def nnum(): return {"type": "number", "minimum": 0}
def integer(): return {"type": "integer", "minimum": 0}
def string(): return {"type": "string"}
def boolean(): return {"type": "boolean"}
def nullable(schema): return {"anyOf": [schema, {"type": "null"}]}


LABEL = {"$ref": "#/$defs/label"}
LABELS = {"type": "array", "items": LABEL}
INTERVAL = {"$ref": "#/$defs/interval"}
TIMING = {"$ref": "#/$defs/timing"}


def estimate(name, nullable_bar=False):
    """An estimate as <name>, <name>_stderr, <name>_ci95 (null without an error bar)."""
    error = nullable(nnum()) if nullable_bar else nnum()
    interval = nullable(INTERVAL) if nullable_bar else INTERVAL
    return {name: num(), name + "_stderr": error, name + "_ci95": interval}


def obj(properties, required=None, closed=True):
    schema = {"type": "object", "properties": properties,
              "required": list(properties) if required is None else required}
    if closed:
        schema["additionalProperties"] = False
    return schema


RECORD = {"version": string(), "command": {"type": "array", "items": string(), "minItems": 1},
          "seed": integer(), "threads": {"type": "integer", "minimum": 1}, "graph": string(),
          "nodes": integer(), "arcs": integer(), "seconds": nnum()}
DEGREES = obj({"min": integer(), "median": nnum(), "mean": nnum(), "max": integer()})
SUMMARY = {
    "graph": string(), "format": string(), "nodes": integer(), "arcs": integer(),
    "warnings": {"type": "array", "items": string()}, "directed": boolean(), "weighted": boolean(),
    "labels": {"enum": ["integer", "text"]}, "self_loops_dropped": integer(),
    "duplicates_merged": integer(),
    "header": obj({"nodes": integer(), "arcs": integer(), "arc_lines": integer()}),
    "in_degree": {"$ref": "#/$defs/degrees"}, "out_degree": {"$ref": "#/$defs/degrees"},
    "isolated_nodes": integer(),
    "weakly_connected_components": obj({"count": integer(), "largest": integer()}),
    "clustering": obj({"average": nnum(), "exact": boolean(), "stderr": nnum(),
                       "sampled_nodes": integer()}),
    "probability": nullable(obj({"scheme": string(), "min": nnum(), "mean": nnum(), "max": nnum(),
                                 "max_in_sum": nnum()})),
    "memory_bytes": integer(), "peak_resident_bytes": integer(), "input_bytes": integer(),
    "timing": TIMING,
}
SUMMARY_REQUIRED = [key for key in SUMMARY if key != "header"]
DEFS = {
    "label": {"description": "A node label: a JSON number when the graph's labels are integers, "
                             "else a string", "type": ["integer", "string"]},
    "interval": {"description": "A 95% confidence interval [low, high]", "type": "array",
                 "items": num(), "minItems": 2, "maxItems": 2},
    "timing": {"description": "Seconds per phase; phase names are identifiers", "type": "object",
               "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"}, "additionalProperties": nnum()},
    "degrees": DEGREES,
    "summary": obj(SUMMARY, SUMMARY_REQUIRED),
}


# A mean over a campaign's worlds with its 95% interval (low = high with one world).
WORLD_ESTIMATE = obj({"mean": num(), "ci95": INTERVAL})
DEFS["estimate"] = WORLD_ESTIMATE  # a mean over worlds with its 95% interval
CAMPAIGN_ESTIMATE = {"$ref": "#/$defs/estimate"}


def described(schema, text):
    return {**schema, "description": text}


CAMPAIGN_REACH = obj({
    "people": WORLD_ESTIMATE, "inside": nullable(WORLD_ESTIMATE),
    "outside": nullable(WORLD_ESTIMATE),
    "positive": described(nullable(CAMPAIGN_ESTIMATE),
                          "satisfied people reached (icn); null otherwise"),
    "negative": described(nullable(CAMPAIGN_ESTIMATE),
                          "unhappy people reached (icn), never netted against the satisfied; "
                          "null otherwise")})
CAMPAIGN_VALUE = obj({
    "cpm": nullable(nnum()), "value_per_adoption": nullable(nnum()),
    "impressions": CAMPAIGN_ESTIMATE, "positive_impressions": nullable(CAMPAIGN_ESTIMATE),
    "negative_impressions": nullable(CAMPAIGN_ESTIMATE), "cost_equivalence_note": string(),
    "cost_equivalence": nullable(CAMPAIGN_ESTIMATE),
    "positive_cost_equivalence": nullable(CAMPAIGN_ESTIMATE),
    "negative_cost_equivalence": nullable(CAMPAIGN_ESTIMATE),
    "adoptions": CAMPAIGN_ESTIMATE, "adoption_value": nullable(CAMPAIGN_ESTIMATE),
    "fees": CAMPAIGN_ESTIMATE, "return": nullable(CAMPAIGN_ESTIMATE), "return_note": string()})
CAMPAIGN_VALUE["description"] = (
    "What the campaign earned (campaign/value.h), after the reach: cost equivalence is not the "
    "value of the conversations (Barcelona Principles); under icn only its positive and negative "
    "parts, never netted")


def command_schema(name, properties, required, graph=True):
    common_required = ["version", "command", "seed", "threads", "seconds"]
    if graph:
        common_required += ["graph", "nodes", "arcs"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"cascade {name} --json",
        "description": "Every record starts with version, command (the argument vector), seed, "
                       "threads and the graph's size, and ends with seconds (the whole run). "
                       "Estimates come as <name>, <name>_stderr, <name>_ci95.",
        "type": "object",
        "properties": {**RECORD, **properties},
        "required": common_required + (list(properties) if required is None else required),
        "additionalProperties": False,
        "$defs": DEFS,
    }


LOG = obj({"file": string(), "items": integer(), "adoptions": integer(), "users": integer(),
           "outside_adoptions": integer(), "outside_users": integer(),
           "outside_examples": {"type": "array", "items": string(), "maxItems": 5},
           "repeats_dropped": integer(), "integer_steps": boolean()})
WINDOW = {"anyOf": [{"type": "number", "exclusiveMinimum": 0}, {"const": "inf"}]}
PERCENTILES = obj({"5": integer(), "50": integer(), "95": integer()})
FROM_THE_DATA = obj({
    "draws": {"type": "integer", "minimum": 2}, "runs_per_draw": {"type": "integer", "minimum": 1},
    "prior": {"type": "array", "items": nnum(), "minItems": 2, "maxItems": 2},
    "mean": nnum(), "ci95": INTERVAL, "between_draws_stddev": nnum(), "monte_carlo_stderr": nnum(),
    "arcs_drawn": integer(), "arcs_fixed": integer(),
    "notes": {"type": "array", "items": string()}, "seconds": nnum()})
FROM_THE_DATA["description"] = ("With --draws: the spread re-estimated under probability vectors "
                                "drawn from each arc's posterior; ci95 holds the 2.5% and 97.5% "
                                "quantiles of the draws' means")
VERSUS = obj({**estimate("hubs"), **estimate("group")})


def priced(name):
    """An estimate that is null when its price is missing (then without _stderr and _ci95)."""
    return {name: nullable(num()), name + "_stderr": nullable(nnum()),
            name + "_ci95": nullable(INTERVAL)}


VALUE_PROPERTIES = {
    "cpm": nullable(nnum()), "value_per_adoption": nullable(nnum()), "fees": nullable(nnum()),
    **estimate("impressions", True), **estimate("positive_impressions", True),
    **estimate("negative_impressions", True), "cost_equivalence_note": string(),
    **priced("cost_equivalence"), **priced("positive_cost_equivalence"),
    **priced("negative_cost_equivalence"), **estimate("adoptions", True),
    **priced("adoption_value"), **priced("return")}
VALUE = obj(VALUE_PROPERTIES, ["cpm", "value_per_adoption", "fees", "impressions",
                               "impressions_stderr", "impressions_ci95", "cost_equivalence_note",
                               "cost_equivalence", "adoptions", "adoptions_stderr",
                               "adoptions_ci95", "adoption_value", "return"])
VALUE["description"] = ("With --cpm or --value-per-adoption: word-of-mouth impressions (messages to "
                        "people outside the seeds), their cost equivalence (impressions x CPM / "
                        "1000: what the attention would cost as advertising, not the value of the "
                        "conversations; Barcelona Principles), adoptions (people reached beyond "
                        "the seeds), their value and the return (adoptions x value - fees) / fees. "
                        "Under icn the positive and negative speakers' parts apart and "
                        "cost_equivalence null: never netted")
AGAINST = obj({"people": LABELS, "tie": {"enum": ["protector", "rumor"]},
               "runs": {"type": "integer", "minimum": 1}, **estimate("rumor_alone", True),
               **estimate("rumor", True), **estimate("saved", True)})
AGAINST["description"] = ("With --against (rumor blocking, competitive ic): the people spreading "
                          "the rumor, the tie rule, and from competitive runs the rumor's reach "
                          "without the seeds (rumor_alone) and with them (rumor), and the people "
                          "saved (their per-run difference, in the same worlds); the top-level "
                          "reach is then the seeds' own message, adopted first")
SCHEMAS = {
    "info": command_schema("info", {k: v for k, v in SUMMARY.items() if k not in RECORD},
                           [k for k in SUMMARY_REQUIRED if k not in RECORD]),
    "simulate": command_schema("simulate", {
        "model": string(), "probability": string(), "fade": nnum(), "deadline": nullable(integer()),
        "seeds": LABELS, "reached": integer(), "runs": {"type": "integer", "minimum": 1},
        "relative_error_target": nnum(), "converged": boolean(),
        "mean": nnum(), "stderr": nullable(nnum()), "ci95": nullable(INTERVAL),
        "percentiles": nullable(PERCENTILES), **estimate("beyond_seeds", True),
        **estimate("audience", True), **estimate("outside_audience", True),
        **estimate("positive", True), **estimate("negative", True),
        "curve": {"type": "array", "items": obj({"step": integer(), **estimate("new", True)})},
        "arcs_examined": integer(), "runs_per_second": nnum(), "arcs_per_second": nnum(),
        "timing": TIMING, "from_the_data": FROM_THE_DATA, "value": VALUE, "against": AGAINST},
        ["model", "probability", "fade", "deadline", "seeds", "reached", "runs", "mean", "stderr",
         "ci95",
         "percentiles", "beyond_seeds", "beyond_seeds_stderr", "beyond_seeds_ci95", "curve",
         "arcs_examined", "runs_per_second", "arcs_per_second", "timing"]),
    "seeds": command_schema("seeds", {
        "model": string(), "fade": nnum(), "deadline": nullable(integer()), "probability": string(),
        "algorithm": string(), "k": integer(), "eps": nnum(), "delta": nnum(),
        "targets": nullable(obj({"people": integer(), "weight": nnum()})), "reached": integer(),
        "seeds": LABELS, "marginal_gains": {"type": "array", "items": nnum()},
        "positive_gains": nullable({"type": "array", "items": num()}),
        "negative_gains": nullable({"type": "array", "items": num()}),
        "neg_weight": nullable(nnum()),
        "fees": {"type": "array", "items": nnum()}, "budget": nnum(), "spent": nnum(),
        **estimate("spread"), **estimate("positive"), **estimate("negative"),
        "validation": obj({"method": {"enum": ["independent RR sets",
                                               "independent Monte Carlo runs",
                                               "independent competitive runs"]},
                           "samples": integer()}),
        "selection_estimate": nnum(), "guarantee": nnum(), "failure_probability": nullable(nnum()),
        "rr_sets": integer(), "simulations": integer(), "sample_bytes": integer(),
        "peak_resident_bytes": integer(), "timing": TIMING,
        "credit": obj({
            "objective": string(), "log": string(), "log_format": {"enum": ["actions", "cascades"]},
            "window": WINDOW, "threshold": nnum(), "items": integer(), "adoptions": integer(),
            "outside_adoptions": integer(), "adopters": integer(),
            "credited_adoptions": integer(), "credit_entries": integer(), "sigma_cd": nnum(),
            "sigma_cd_guarantee": nnum()}),
        "notes": {"type": "array", "items": string()}, "from_the_data": FROM_THE_DATA,
        "against": AGAINST,
        "reach_goal": obj({"goal": nnum(), "everyone": nnum(), "proven_reach": nnum(),
                           "proven": boolean(), "cost_in": {"enum": ["seeds", "fees"]},
                           "cost": nnum(), "optimum_lower": nnum(),
                           "size_ratio": nullable(nnum()), "statement": string()})},
        ["model", "fade", "deadline", "probability", "algorithm", "k", "targets", "reached",
         "seeds", "marginal_gains", "positive_gains", "negative_gains", "neg_weight",
         "spread", "spread_stderr", "spread_ci95", "validation", "selection_estimate", "guarantee",
         "failure_probability", "rr_sets", "simulations", "sample_bytes", "peak_resident_bytes",
         "timing", "notes"]),
    "influencers": command_schema("influencers", {
        "model": string(), "probability": string(), "rr_sets": integer(),
        "spearman_with_out_degree": num(), "top": integer(), "top_share_of_influence": nnum(),
        "top_also_top_by_degree": integer(),
        "influencers": {"type": "array", "items": obj({
            "label": LABEL, **estimate("reach"), "ranking_reach": nnum(), "share": nnum(),
            "out_degree": integer(), "degree_rank": integer()})},
        "timing": TIMING},
        ["model", "probability", "rr_sets", "spearman_with_out_degree", "top",
         "top_share_of_influence", "top_also_top_by_degree", "influencers", "timing"]),
    "learn": command_schema("learn", {
        "method": {"enum": ["em", "bernoulli", "jaccard"]},
        "parents": {"enum": ["graph", "any"]},
        "graph_with_ties": nullable(obj({"nodes": integer(), "arcs": integer()})),
        "window": WINDOW,
        "prior": {"type": "array", "items": {"type": "number", "exclusiveMinimum": 0},
                  "minItems": 2, "maxItems": 2},
        "log": LOG, "adoptions": integer(), "explained_by_graph": integer(),
        "background_adoptions": integer(), "mean_background_rate": nnum(),
        "possible_parents": integer(), "arcs_tried": integer(), "arcs_untried": integer(),
        "untried": {"enum": ["pooled", "prior"]}, "estimate": {"enum": ["mle", "posterior"]},
        "fallback": nnum(),
        "probability_quantiles": {"type": "array", "items": nnum(), "minItems": 5, "maxItems": 5},
        "iterations": integer(), "converged": boolean(),
        "log_likelihood": {"type": "array", "items": num()},
        "test": LOG,
        "held_out": {"type": "array", "items": obj({
            "probabilities": string(), "log_likelihood_per_adoption": num(),
            "adoptions": integer(), "predictions": integer(), "unrankable": integer(),
            **{f"{m}@{k}": nnum() for m in ("hits", "map") for k in (10, 50, 100)},
            "sized_cascades": integer(), "rootless_cascades": integer(),
            "size_median_absolute_error": nnum(), "size_spearman": num()})},
        "out": nullable(string()), "timing": TIMING},
        ["method", "parents", "graph_with_ties", "window", "prior", "log", "adoptions",
         "explained_by_graph",
         "background_adoptions", "mean_background_rate", "possible_parents", "arcs_tried",
         "arcs_untried", "untried", "estimate", "fallback", "probability_quantiles", "iterations", "converged",
         "log_likelihood", "out", "timing"]),
    "communities": command_schema("communities", {
        "algorithm": {"const": "leiden"}, "resolution": nnum(), "communities": integer(),
        "modularity": num(), "loose_communities": integer(), "singletons": integer(),
        "nmi": nnum(), "truth_coverage": nnum(), "truth_groups": integer(),
        "cohesion": {"type": "array", "items": obj({
            "community": integer(), "size": integer(), "density": nnum(), "share_inside": nnum(),
            "conductance": nnum(), "clustering": nnum(), "loose": boolean()})},
        "levels": integer(), "timing": TIMING},
        ["algorithm", "resolution", "communities", "modularity", "loose_communities", "singletons",
         "cohesion", "levels", "timing"]),
    "campaign": command_schema("campaign", {
        "plan": string(), "model": string(), "probability": string(),
        "deadline": nullable(integer()),
        "neg_weight": described(nullable(nnum()), "icn: the weight of an unhappy person in the "
                                "auto rule's objective; null otherwise"),
        "worlds": integer(), "budget": nnum(),
        "audience": nullable(nnum()),
        "phases": {"type": "array", "minItems": 1, "items": obj({
            "phase": integer(), "seeding": {"enum": ["auto", "hubs", "group", "list"]},
            "budget": nnum(), "steps": integer(), "start": nullable(integer()),
            "adaptive": boolean(), "seeds": nullable(LABELS),
            "fees": nullable({"type": "array", "items": nnum()}),
            "seeds_per_world": WORLD_ESTIMATE, "spent_per_world": WORLD_ESTIMATE,
            "frequent_seeds": {"type": "array", "items": obj({
                "seed": LABEL, "fee": nnum(), "share": nnum()})},
            "added": CAMPAIGN_REACH})},
        "reach": CAMPAIGN_REACH,
        "curve": {"type": "array", "items": obj({"mean": num(), "ci95": INTERVAL,
                                                 "step": integer()})},
        "value": nullable(CAMPAIGN_VALUE),
        "single_shot": obj({"seeding": {"enum": ["auto", "hubs", "group"]}, "seeds": LABELS,
                            "fees": {"type": "array", "items": nnum()}, "spent": nnum(),
                            "reach": CAMPAIGN_REACH}),
        "comparison": obj({"objective": {
            "description": "people, audience weight, or under icn positive people / positive - L "
                           "x negative people",
            "type": "string",
            "pattern": "^(people|audience weight|positive people|positive - [0-9.e+-]+ x "
                       "negative people)$"},
                           "difference": WORLD_ESTIMATE,
                           "winner": {"enum": ["plan", "single shot", "tie"]},
                           "interval_excludes_zero": boolean()}),
        "timing": TIMING}, None),
    "report": command_schema("report", {
        "report": string(), "bytes": integer(), "seeds": LABELS,
        "map": {"enum": ["people", "communities"]}, "timing": TIMING}, None),
    "compare": command_schema("compare", {
        "model": string(), "probability": string(), "k": integer(), "runs": integer(),
        "strategies": {"type": "array", "items": obj({
            "strategy": {"enum": ["optimal", "hubs", "group", "pagerank", "random"]},
            "how": string(), "seeds": LABELS, **estimate("reach", True), "beyond_seeds": num()})},
        "timing": TIMING},
        ["model", "probability", "k", "runs", "strategies", "timing"]),
    "audit": command_schema("audit", {
        "account": LABEL, "audience": integer(), "connected_pairs": integer(), "pairs": integer(),
        "connected_share": nullable(nnum()), "graph_density": nnum(),
        "mean_clustering": nullable(nnum()), "model": string(), "probability": string(),
        **estimate("reach_from_account", True), **estimate("reach_if_audience_passes_on", True),
        "runs": integer(), "timing": TIMING, "likers": integer(), "likers_not_in_graph": integer(),
        "likers_without_ties": LABELS, "likers_without_ties_share": nullable(nnum()),
        "caveat": string()},
        ["account", "audience", "connected_pairs", "pairs", "connected_share", "graph_density",
         "mean_clustering", "model", "probability", "reach_from_account",
         "reach_from_account_stderr", "reach_from_account_ci95", "reach_if_audience_passes_on",
         "reach_if_audience_passes_on_stderr", "reach_if_audience_passes_on_ci95", "runs",
         "timing"]),
    "convert": command_schema("convert", {
        "output": string(), "format": string(), "probability_scheme": nullable(string()),
        "timing": TIMING},
        ["output", "format", "probability_scheme", "timing"]),
    "export": command_schema("export", {
        "output": string(), "format": {"enum": ["gexf", "graphml"]}, "bytes": integer(),
        "edges": integer(), "directed": boolean(),
        "node_attributes": {"type": "array", "items": string()},
        "edge_attributes": {"type": "array", "items": string()}, "seeds": LABELS,
        "probability_scheme": nullable(string()), "communities": nullable(integer()),
        "modularity": nullable(num()), "rr_sets": nullable(integer()),
        "runs": nullable(integer()), "reach": nullable(num()),
        "reach_stderr": nullable(nnum()), "reach_ci95": nullable(INTERVAL), "timing": TIMING},
        ["output", "format", "bytes", "edges", "directed", "node_attributes", "edge_attributes",
         "seeds", "probability_scheme", "communities", "modularity", "rr_sets", "runs", "reach",
         "timing"]),
    "generate": command_schema("generate", {
        "model": {"enum": ["erdos-renyi", "barabasi-albert", "watts-strogatz",
                           "planted-partition", "rmat"]},
        "output": string(), "format": string(), "directed": boolean(),
        "communities": nullable(string()), "timing": TIMING},
        ["model", "output", "format", "directed", "communities", "timing"]),
    "demo": command_schema("demo", {
        "network": {"$ref": "#/$defs/summary"},
        "seeds": obj({"seeds": LABELS, "algorithm": string(), "guarantee": nnum(),
                      "model": string(), "probability": string(), "runs": integer(),
                      **estimate("reach")}),
        "hubs_spread": obj({"seeds": LABELS, "model": string(), "probability": string(),
                            "runs": integer(), **estimate("reach")}),
        "communities": obj({"count": integer(), "modularity": num(),
                            "nmi_with_departments": nnum()}),
        "hubs_versus_group": obj({"ic": VERSUS, "threshold:2,prob": VERSUS}),
        "report": string()},
        ["network", "seeds", "hubs_spread", "communities", "hubs_versus_group", "report"]),
}

if __name__ == "__main__":
    folder = pathlib.Path(__file__).resolve().parent
    for name, schema in SCHEMAS.items():
        text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        (folder / f"{name}.schema.json").write_text(text)

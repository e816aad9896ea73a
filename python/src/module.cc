// _cascade: the Python binding of Cascade's library API (cascade/api/requests.h). It only converts:
// Python values into request structs, results into dicts and numpy arrays; every default, check and
// decision stays in the library. The pure-Python package `cascade` (python/cascade/) builds the
// user-facing functions, docstrings and result objects on top of it.
//
// Every long call releases the GIL. While it runs, the library calls check_interrupt() between
// rounds and batches; the check installed here takes the GIL back for a moment and runs Python's
// signal handlers, so Ctrl-C stops the call with KeyboardInterrupt.
#include <omp.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cascade/api/learn.h"
#include "cascade/api/report.h"
#include "cascade/io/file.h"
#include "cascade/api/requests.h"
#include "cascade/community/tight_group.h"
#include "cascade/error.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/builder.h"
#include "cascade/graph/probability.h"
#include "cascade/interrupt.h"
#include "cascade/io/label_file.h"
#include "cascade/parallel/parallel_for.h"

namespace py = pybind11;

namespace cascade {
namespace {

// ---- Interruption ------------------------------------------------------------------------------

// The exception a signal handler raised during a check (KeyboardInterrupt for Ctrl-C), kept until
// the Interrupted it caused reaches the exception translator. Checks run on the calling thread only.
thread_local PyObject* pending_type = nullptr;
thread_local PyObject* pending_value = nullptr;
thread_local PyObject* pending_traceback = nullptr;

bool python_signal_check() {
  py::gil_scoped_acquire acquire;
  if (PyErr_CheckSignals() == 0) return false;
  PyErr_Fetch(&pending_type, &pending_value, &pending_traceback);
  return true;
}

void raise_pending_interrupt() {
  if (pending_type != nullptr) {
    PyErr_Restore(pending_type, pending_value, pending_traceback);
    pending_type = pending_value = pending_traceback = nullptr;
  } else {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
  }
}

// ---- Threads -----------------------------------------------------------------------------------

// OpenMP's default before any call changed it: `threads=0` means this, as --threads 0 does.
int default_threads = 1;

void use_threads(int threads) {
  if (threads < 0) throw UsageError("threads", "found " + std::to_string(threads) +
                                                   "; expected 0 (all cores) or more");
  omp_set_num_threads(threads == 0 ? default_threads : threads);
}

// Runs `work` without the GIL on `threads` threads.
template <typename Work>
auto without_gil(int threads, Work&& work) {
  use_threads(threads);
  py::gil_scoped_release release;
  return work();
}

// ---- Conversions -------------------------------------------------------------------------------

template <typename T>
py::array_t<T> to_numpy(const std::vector<T>& values) {
  py::array_t<T> array(static_cast<py::ssize_t>(values.size()));
  std::copy(values.begin(), values.end(), array.mutable_data());
  return array;
}

py::dict estimate(const Estimate& e) {
  py::dict d;
  d["mean"] = e.mean;
  d["stderr"] = e.standard_error;
  d["low"] = e.low;
  d["high"] = e.high;
  return d;
}

py::list phases(const std::vector<Phase>& all) {
  py::list out;
  for (const Phase& p : all) out.append(py::make_tuple(p.name, p.seconds));
  return out;
}

std::string model_text(const DiffusionModel& model) { return model.to_string(); }

py::dict credit_dict(const CreditSummary& c) {
  py::dict d;
  d["log"] = c.log;
  d["sigma_cd"] = c.sigma_cd;
  d["sigma_cd_guarantee"] = c.sigma_cd_guarantee;
  d["window"] = c.window;
  d["threshold"] = c.threshold;
  d["items"] = c.items;
  d["adoptions"] = c.adoptions;
  d["outside_adoptions"] = c.outside_adoptions;
  d["adopters"] = c.adopters;
  d["credited_adoptions"] = c.credited_adoptions;
  return d;
}

py::dict data_interval_dict(const DataInterval& i) {
  py::dict d;
  d["draws"] = i.draws;
  d["runs_per_draw"] = i.runs_per_draw;
  d["prior"] = py::make_tuple(i.prior_a, i.prior_b);
  d["mean"] = i.mean;
  d["low"] = i.low;
  d["high"] = i.high;
  d["between_draws"] = i.between_draws;
  d["monte_carlo_error"] = i.monte_carlo_error;
  d["arcs_drawn"] = i.arcs_drawn;
  d["arcs_fixed"] = i.arcs_fixed;
  d["reach"] = i.reach;
  d["notes"] = i.notes;
  return d;
}

py::object optional_estimate(const std::optional<Estimate>& e);

// simulate's value (campaign/value.h): under sentiment the cost equivalence only in its parts.
py::dict value_dict(const CampaignValue& v, bool sentiment) {
  py::dict d;
  d["cpm"] = v.terms.cpm ? py::object(py::float_(*v.terms.cpm)) : py::none();
  d["value_per_adoption"] =
      v.terms.value_per_adoption ? py::object(py::float_(*v.terms.value_per_adoption)) : py::none();
  d["fees"] = v.terms.fees ? py::object(py::float_(*v.terms.fees)) : py::none();
  d["impressions"] = estimate(v.impressions);
  d["positive_impressions"] = sentiment ? py::object(estimate(v.positive_impressions)) : py::none();
  d["negative_impressions"] = sentiment ? py::object(estimate(v.negative_impressions)) : py::none();
  d["cost_equivalence"] = optional_estimate(sentiment ? std::nullopt : v.cost_equivalence);
  d["positive_cost_equivalence"] =
      optional_estimate(sentiment ? v.positive_cost_equivalence : std::nullopt);
  d["negative_cost_equivalence"] =
      optional_estimate(sentiment ? v.negative_cost_equivalence : std::nullopt);
  d["adoptions"] = estimate(v.adoptions);
  d["adoption_value"] = optional_estimate(v.adoption_value);
  d["return"] = optional_estimate(v.return_on_fees);
  return d;
}

// ---- Campaigns ---------------------------------------------------------------------------------

py::object blocking_dict(const std::optional<CompetitiveResult>& blocking) {
  if (!blocking) return py::none();
  py::dict d;
  d["runs"] = blocking->runs;
  d["rumor_alone"] = estimate(blocking->rumor_alone);
  d["rumor"] = estimate(blocking->rumor);
  d["saved"] = estimate(blocking->saved);
  d["protected"] = estimate(blocking->protected_people);
  return d;
}

py::object reach_goal_dict(const std::optional<ReachGoal>& goal) {
  if (!goal) return py::none();
  py::dict d;
  d["goal"] = goal->goal;
  d["everyone"] = goal->everyone;
  d["proven_reach"] = goal->proven_reach;
  d["proven"] = goal->proven;
  d["cost_in"] = goal->by_fees ? "fees" : "seeds";
  d["cost"] = goal->cost;
  d["optimum_lower"] = goal->optimum_lower;
  d["size_ratio"] = goal->size_ratio;
  return d;
}

py::dict world_estimate_dict(const WorldEstimate& e) {
  py::dict d;
  d["mean"] = e.mean;
  d["low"] = e.low;
  d["high"] = e.high;
  return d;
}

py::object optional_estimate(const std::optional<Estimate>& e) {
  return e ? py::object(estimate(*e)) : py::object(py::none());
}

py::list label_list(const Graph& graph, const std::vector<NodeId>& nodes) {
  py::list out;
  for (const NodeId v : nodes) out.append(std::string(graph.label(v)));
  return out;
}

py::dict campaign_reach_dict(const CampaignReach& r, const CampaignReport& report) {
  py::dict d;
  d["people"] = world_estimate_dict(r.people);
  d["inside"] = report.targeted ? py::object(world_estimate_dict(r.inside)) : py::none();
  d["outside"] = report.targeted ? py::object(world_estimate_dict(r.outside)) : py::none();
  d["positive"] = report.sentiment ? py::object(world_estimate_dict(r.positive)) : py::none();
  d["negative"] = report.sentiment ? py::object(world_estimate_dict(r.negative)) : py::none();
  return d;
}

// The report as plain values: labels as text, every estimate with its interval.
py::dict campaign_dict(const CampaignRun& run, const CampaignPlan& plan) {
  const Graph& graph = run.graph;
  const CampaignReport& r = run.report;
  py::dict d;
  d["plan"] = plan.source;
  d["graph"] = graph.load_report().source;
  d["nodes"] = graph.num_nodes();
  d["arcs"] = graph.num_arcs();
  d["model"] = model_text(r.model);
  d["probability"] = graph.has_probabilities() ? graph.probability_scheme() : std::string("none");
  d["deadline"] = plan.deadline ? py::object(py::int_(*plan.deadline)) : py::none();
  d["neg_weight"] = r.sentiment ? py::object(py::float_(r.neg_weight)) : py::none();
  d["worlds"] = r.worlds;
  d["seed"] = r.seed;
  d["budget"] = plan.budget;
  d["audience"] = r.targeted ? py::object(py::float_(r.audience_weight)) : py::none();
  py::list phases;
  for (const PhaseOutcome& p : r.phases) {
    py::dict row;
    row["phase"] = p.number;
    row["seeding"] = p.seeding;
    row["budget"] = p.budget;
    row["steps"] = p.steps;
    row["start"] = p.start ? py::object(py::int_(*p.start)) : py::none();
    row["adaptive"] = p.adaptive;
    row["seeds"] = p.adaptive ? py::object(py::none()) : py::object(label_list(graph, p.seeds));
    row["fees"] = p.adaptive ? py::object(py::none()) : py::object(py::cast(p.fees));
    row["seeds_per_world"] = world_estimate_dict(p.seeds_per_world);
    row["spent_per_world"] = world_estimate_dict(p.spent_per_world);
    py::list frequent;
    for (const FrequentSeed& f : p.frequent) {
      frequent.append(py::make_tuple(std::string(graph.label(f.node)), f.fee, f.share));
    }
    row["frequent_seeds"] = frequent;
    row["added"] = campaign_reach_dict(p.added, r);
    phases.append(row);
  }
  d["phases"] = phases;
  d["reach"] = campaign_reach_dict(r.reach, r);
  py::list curve;
  for (const WorldEstimate& e : r.curve) curve.append(world_estimate_dict(e));
  d["curve"] = curve;
  if (r.value) {
    const CampaignValue& v = *r.value;
    py::dict value;
    value["cpm"] = v.terms.cpm ? py::object(py::float_(*v.terms.cpm)) : py::none();
    value["value_per_adoption"] = v.terms.value_per_adoption
                                      ? py::object(py::float_(*v.terms.value_per_adoption))
                                      : py::none();
    value["impressions"] = estimate(v.impressions);
    value["positive_impressions"] =
        r.sentiment ? py::object(estimate(v.positive_impressions)) : py::none();
    value["negative_impressions"] =
        r.sentiment ? py::object(estimate(v.negative_impressions)) : py::none();
    // Under sentiment only the parts: never netted (campaign/value.h).
    value["cost_equivalence"] = optional_estimate(r.sentiment ? std::nullopt : v.cost_equivalence);
    value["positive_cost_equivalence"] =
        optional_estimate(r.sentiment ? v.positive_cost_equivalence : std::nullopt);
    value["negative_cost_equivalence"] =
        optional_estimate(r.sentiment ? v.negative_cost_equivalence : std::nullopt);
    value["adoptions"] = estimate(v.adoptions);
    value["adoption_value"] = optional_estimate(v.adoption_value);
    value["fees"] = optional_estimate(v.fees_paid);
    value["return"] = optional_estimate(v.return_on_fees);
    d["value"] = value;
  } else {
    d["value"] = py::none();
  }
  py::dict single;
  single["seeding"] = r.single_rule;
  single["seeds"] = label_list(graph, r.single_seeds);
  single["fees"] = r.single_fees;
  single["spent"] = r.single_spent;
  single["reach"] = campaign_reach_dict(r.single_reach, r);
  d["single_shot"] = single;
  py::dict comparison;
  comparison["objective"] = r.objective;
  comparison["difference"] = world_estimate_dict(r.difference);
  d["comparison"] = comparison;
  d["seconds"] = r.seconds;
  return d;
}

py::dict simulation_dict(const SimulationResult& r) {
  py::dict d;
  d["runs"] = r.runs;
  d["converged"] = r.converged;
  d["reach"] = estimate(r.reach);
  d["percentile5"] = r.percentile5;
  d["median"] = r.median;
  d["percentile95"] = r.percentile95;
  d["positive"] = estimate(r.positive);
  d["negative"] = estimate(r.negative);
  std::vector<double> mean, stderr_, low, high;
  for (const Estimate& e : r.new_per_step) {
    mean.push_back(e.mean);
    stderr_.push_back(e.standard_error);
    low.push_back(e.low);
    high.push_back(e.high);
  }
  d["new_mean"] = to_numpy(mean);
  d["new_stderr"] = to_numpy(stderr_);
  d["new_low"] = to_numpy(low);
  d["new_high"] = to_numpy(high);
  d["node_probability"] = r.node_probability.empty() ? py::object(py::none())
                                                     : py::object(to_numpy(r.node_probability));
  py::list trace;
  for (const Activation& a : r.trace) {
    trace.append(py::make_tuple(a.step, a.source, a.target,
                                a.sentiment == Sentiment::kNegative ? "negative" : "positive"));
  }
  d["trace"] = trace;
  d["arcs_examined"] = r.arcs_examined;
  d["seconds"] = r.seconds;
  return d;
}

py::object labels_of(const Graph& graph) {
  const NodeLabels& labels = graph.labels();
  if (labels.is_integer()) return to_numpy(labels.integers());
  if (labels.size() == 0 && graph.num_nodes() == 0) return to_numpy(std::vector<std::int64_t>{});
  py::list names;
  for (const std::string& name : labels.names()) names.append(name);
  return names;
}

py::dict load_report(const Graph& graph) {
  const LoadReport& r = graph.load_report();
  py::dict d;
  d["source"] = r.source;
  d["format"] = r.format;
  d["bytes"] = r.bytes;
  d["data_lines"] = r.data_lines;
  d["self_loops_dropped"] = r.self_loops_dropped;
  d["duplicates_merged"] = r.duplicates_merged;
  d["counts_header"] = r.counts_header;
  d["seconds"] = r.seconds;
  d["warnings"] = r.warnings;
  return d;
}

// Arrays of every arc in CSR order: sources, targets, weights (or None), probabilities (or None).
py::tuple arcs_of(const Graph& graph) {
  const GraphArrays& a = graph.arrays();
  const auto m = static_cast<py::ssize_t>(graph.num_arcs());
  py::array_t<std::uint32_t> sources(m);
  auto* s = sources.mutable_data();
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    for (ArcIndex i = a.out_offsets[u]; i < a.out_offsets[u + 1]; ++i) s[i] = u;
  }
  py::object weights = graph.weighted() ? py::object(to_numpy(a.out_weights)) : py::none();
  py::object probabilities = py::none();
  if (graph.has_probabilities()) {
    py::array_t<float> p(m);
    auto* out = p.mutable_data();
    for (NodeId u = 0; u < graph.num_nodes(); ++u) {
      const auto row = graph.out_probabilities(u);
      std::copy(row.begin(), row.end(), out + a.out_offsets[u]);
    }
    probabilities = p;
  }
  return py::make_tuple(sources, to_numpy(a.out_targets), weights, probabilities);
}

py::array_t<std::uint32_t> degrees(const Graph& graph, bool out) {
  py::array_t<std::uint32_t> d(static_cast<py::ssize_t>(graph.num_nodes()));
  auto* p = d.mutable_data();
  for (NodeId v = 0; v < graph.num_nodes(); ++v) p[v] = out ? graph.out_degree(v) : graph.in_degree(v);
  return d;
}

// ---- Building graphs ---------------------------------------------------------------------------

using U32Array = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;
using F32Array = py::array_t<float, py::array::c_style | py::array::forcecast>;

// Arcs between ids 0..n-1 (checked by the caller, the package's from_arrays) into a Graph with the
// given labels: integers (ascending) or names.
std::shared_ptr<Graph> build(U32Array sources, U32Array targets, std::optional<F32Array> weights,
                             py::object labels, bool undirected, bool independent_chances,
                             const std::string& source) {
  ArcList arcs;
  arcs.sources.assign(sources.data(), sources.data() + sources.size());
  arcs.targets.assign(targets.data(), targets.data() + targets.size());
  if (weights) arcs.weights.assign(weights->data(), weights->data() + weights->size());
  NodeLabels node_labels;
  if (py::isinstance<py::array>(labels)) {
    node_labels = NodeLabels::from_integers(labels.cast<std::vector<std::int64_t>>());
  } else {
    node_labels = NodeLabels::from_names(labels.cast<std::vector<std::string>>());
  }
  BuildOptions options;
  options.undirected = undirected;
  options.duplicates =
      independent_chances ? DuplicateMerge::kIndependentChances : DuplicateMerge::kSumWeights;
  LoadReport report;
  report.source = source;
  report.format = source;
  report.data_lines = arcs.sources.size();
  py::gil_scoped_release release;
  return std::make_shared<Graph>(
      build_graph(std::move(node_labels), std::move(arcs), options, std::move(report)));
}

std::shared_ptr<Graph> with_probabilities(const Graph& graph, const std::string& scheme,
                                          std::uint64_t seed) {
  const ProbabilitySpec spec = ProbabilitySpec::parse(scheme);
  py::gil_scoped_release release;
  auto copy = std::make_shared<Graph>(graph);
  assign_probabilities(*copy, spec, seed);
  return copy;
}

// ---- Results -----------------------------------------------------------------------------------

py::dict seeds_dict(const SeedResult& r) {
  const SeedSelection& s = r.selection;
  py::dict d;
  d["algorithm"] = s.algorithm;
  d["seeds"] = s.seeds;
  d["marginal_gains"] = s.marginal_gain;
  d["selection_estimate"] = s.estimated_spread;
  d["guarantee"] = s.guarantee;
  d["failure_probability"] = s.failure_probability;
  d["rr_sets"] = s.rr_sets;
  d["simulations"] = s.simulations;
  d["sample_bytes"] = s.sample_bytes;
  d["phases"] = phases(s.phases);
  d["notes"] = s.notes;
  d["spread"] = estimate(r.spread.spread);
  d["validation_samples"] = r.spread.samples;
  d["validation_by_rr_sets"] = r.spread.by_rr_sets;
  d["validation_seconds"] = r.spread.seconds;
  d["model"] = model_text(r.model);
  d["sampling"] = r.sampling;
  d["budgeted"] = r.budgeted;
  d["seed_fees"] = r.seed_fees;
  d["spent"] = r.spent;
  d["selection_seconds"] = r.selection_seconds;
  return d;
}

py::dict influence_dict(const Graph& graph, const InfluenceRanking& r) {
  py::dict d;
  d["reach"] = to_numpy(r.everyone.reach);
  d["reach_stderr"] = to_numpy(r.everyone.standard_error);
  d["reach_low"] = to_numpy(r.everyone.low);
  d["reach_high"] = to_numpy(r.everyone.high);
  d["order"] = to_numpy(r.order);
  d["degree_rank"] = to_numpy(r.degree_rank);
  py::list top;
  for (const Influencer& i : r.top) {
    py::dict t;
    t["node"] = i.node;
    t["reach"] = estimate(i.reach);
    t["ranking_reach"] = i.ranking_reach;
    t["share"] = i.share;
    t["out_degree"] = i.out_degree;
    t["degree_rank"] = i.degree_rank;
    top.append(t);
  }
  d["top"] = top;
  d["total_influence"] = r.total_influence;
  d["top_share"] = r.top_share;
  d["top_also_top_by_degree"] = r.top_also_top_by_degree;
  d["spearman_with_out_degree"] = r.spearman_with_out_degree;
  d["rr_sets"] = r.rr_sets;
  d["phases"] = phases(r.phases);
  d["num_nodes"] = graph.num_nodes();
  return d;
}

py::dict community_dict(const CommunityReport& r) {
  py::dict d;
  d["community"] = to_numpy(r.partition.community);
  d["count"] = r.partition.count;
  d["modularity"] = r.partition.modularity;
  d["levels"] = r.partition.levels;
  py::list cohesion;
  for (const CommunityCohesion& c : r.cohesion) {
    py::dict row;
    row["size"] = c.size;
    row["internal_arcs"] = c.internal_arcs;
    row["density"] = c.density;
    row["share_inside"] = c.share_inside;
    row["conductance"] = c.conductance;
    row["clustering"] = c.clustering;
    row["loose"] = c.loose();
    cohesion.append(row);
  }
  d["cohesion"] = cohesion;
  d["loose"] = r.loose;
  d["singletons"] = r.singletons;
  d["has_truth"] = r.has_truth;
  d["nmi"] = r.nmi;
  d["truth_coverage"] = r.truth_coverage;
  d["truth_groups"] = r.truth_groups;
  d["seconds"] = r.seconds;
  return d;
}

py::dict compare_dict(const CompareReport& r) {
  py::dict d;
  d["model"] = model_text(r.model);
  py::list outcomes;
  for (const StrategyOutcome& o : r.outcomes) {
    py::dict row;
    row["strategy"] = o.strategy;
    row["how"] = o.how;
    row["seeds"] = o.seeds;
    row["result"] = simulation_dict(o.result);
    row["seconds"] = o.seconds;
    outcomes.append(row);
  }
  d["outcomes"] = outcomes;
  d["best"] = r.best;
  return d;
}

py::dict audit_dict(const AuditReport& r) {
  py::dict d;
  d["size"] = r.audience.size;
  d["pairs"] = r.audience.pairs;
  d["connected_pairs"] = r.audience.connected_pairs;
  d["connected_share"] = r.audience.connected_share;
  d["mean_clustering"] = r.audience.mean_clustering;
  d["graph_density"] = r.audience.graph_density;
  d["has_audience"] = r.has_audience;
  d["model"] = model_text(r.model);
  d["alone"] = simulation_dict(r.alone);
  d["passed_on"] = simulation_dict(r.passed_on);
  d["likers_without_ties"] = r.likers_without_ties;
  d["community"] = r.community;
  d["caveat"] = AuditReport::kCaveat;
  return d;
}

// ---- Learning from logs ------------------------------------------------------------------------

// A float as stored (a probability) as the shortest decimal that reads back as the same float,
// as the command line prints it: 0.01, not 0.009999999776482582.
double shortest_decimal(float value) {
  if (!std::isfinite(value)) return value;
  char text[32];
  const char* end = std::to_chars(text, text + sizeof text, value).ptr;
  double result = value;
  static_cast<void>(std::from_chars(text, end, result));
  return result;
}

py::array_t<double> shortest_decimals(const std::vector<float>& values) {
  py::array_t<double> array(static_cast<py::ssize_t>(values.size()));
  double* out = array.mutable_data();
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = shortest_decimal(values[i]);
  return array;
}

// A log as the package hands it over: a path (str), or rows as (users, items, times, source)
// with users already in the library's label text.
struct LogInput {
  bool given = false;
  bool rows = false;
  std::string path;
  std::vector<std::string> users, items;
  std::vector<double> times;
  std::string source;
};

LogInput log_input(const py::object& value) {
  LogInput input;
  if (value.is_none()) return input;
  input.given = true;
  if (py::isinstance<py::str>(value)) {
    input.path = value.cast<std::string>();
    return input;
  }
  input.rows = true;
  const auto rows = value.cast<py::tuple>();
  input.users = rows[0].cast<std::vector<std::string>>();
  input.items = rows[1].cast<std::vector<std::string>>();
  const auto times = rows[2].cast<py::array_t<double, py::array::c_style | py::array::forcecast>>();
  input.times.assign(times.data(), times.data() + times.size());
  input.source = rows[3].cast<std::string>();
  if (input.items.size() != input.users.size() || input.times.size() != input.users.size()) {
    throw std::invalid_argument("rows: users, items and times of different lengths");
  }
  return input;
}

AdoptionLog log_of(const Graph& graph, const LogInput& input, LogFormat format,
                   const std::string& field) {
  if (!input.rows) return read_adoption_log(graph, input.path, format);
  std::vector<AdoptionRow> rows(input.users.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    rows[r] = {input.users[r], input.items[r], input.times[r]};
  }
  return adoption_log_from_rows(graph, rows, input.source, field);
}

py::dict log_summary_dict(const LogSummary& s) {
  py::dict d;
  d["source"] = s.source;
  d["items"] = s.items;
  d["adoptions"] = s.adoptions;
  d["users"] = s.users;
  d["outside_adoptions"] = s.outside_adoptions;
  d["outside_users"] = s.outside_users;
  d["outside_examples"] = s.outside_examples;
  d["repeats_dropped"] = s.repeats_dropped;
  d["integer_steps"] = s.integer_steps;
  return d;
}

py::dict learn_dict(const Graph& social, const LearnRequest& request, const LearnResult& r) {
  const LearnedProbabilities& l = r.learned;
  const Graph& graph = learned_graph(social, r);
  py::dict d;
  d["method"] = to_string(l.method);
  d["parents"] = request.parents;
  d["graph_with_ties"] = r.graph_with_ties.has_value();
  d["window"] = l.window;
  d["prior"] = py::make_tuple(request.prior[0], request.prior[1]);
  d["untried"] = request.untried;
  d["estimate"] = request.estimate;
  d["log"] = log_summary_dict(r.log);
  d["test"] = r.has_test ? py::object(log_summary_dict(r.test)) : py::object(py::none());
  d["adoptions"] = l.adoptions;
  d["explained_by_graph"] = l.explained_by_graph;
  d["background_adoptions"] = l.background_adoptions;
  d["mean_background_rate"] = r.mean_background;
  d["possible_parents"] = l.possible_parents;
  d["arcs_tried"] = l.arcs_tried;
  d["arcs_untried"] = l.arcs_untried;
  d["fallback"] = l.fallback;
  py::list quantiles;
  for (const double q : r.quantiles) quantiles.append(shortest_decimal(static_cast<float>(q)));
  d["quantiles"] = quantiles;
  d["iterations"] = l.iterations;
  d["converged"] = l.converged;
  d["log_likelihood"] = l.log_likelihood;
  py::list held_out;
  for (const HeldOutRow& row : r.held_out) {
    py::dict h;
    h["probabilities"] = row.probabilities;
    h["log_likelihood_per_adoption"] = row.score.log_likelihood_per_adoption;
    h["adoptions"] = row.score.adoptions;
    h["predictions"] = row.score.predictions;
    h["unrankable"] = row.score.unrankable;
    for (std::size_t c = 0; c < kRankingCutoffs.size(); ++c) {
      h[py::str("hits@" + std::to_string(kRankingCutoffs[c]))] = row.score.hits[c];
    }
    for (std::size_t c = 0; c < kRankingCutoffs.size(); ++c) {
      h[py::str("map@" + std::to_string(kRankingCutoffs[c]))] = row.score.map[c];
    }
    h["sized_cascades"] = row.sizes.cascades;
    h["rootless_cascades"] = row.sizes.rootless;
    h["size_median_absolute_error"] = row.sizes.median_absolute_error;
    h["size_spearman"] = row.sizes.spearman;
    held_out.append(h);
  }
  d["held_out"] = held_out;
  d["probability"] = shortest_decimals(l.probability);
  d["trials"] = to_numpy(l.trials);
  d["successes"] = to_numpy(l.successes);
  d["low"] = shortest_decimals(l.low);
  d["high"] = shortest_decimals(l.high);
  d["background"] = to_numpy(l.background);
  d["learn_seconds"] = l.seconds;
  d["seconds"] = r.seconds;
  d["graph"] = std::make_shared<Graph>(with_learned_probabilities(graph, l));
  return d;
}

ModelRequest model_request(const std::string& model, double fade,
                           std::optional<std::uint32_t> deadline) {
  ModelRequest request;
  request.model = model;
  request.fade = fade;
  request.deadline = deadline;
  return request;
}

}  // namespace
}  // namespace cascade

PYBIND11_MODULE(_cascade, m) {
  using namespace cascade;
  m.doc() = "Cascade's C++ library API; use the package `cascade`, which wraps it.";
  default_threads = omp_get_max_threads();
  set_interrupt_check(&python_signal_check);

  static py::exception<InputError> input_error(m, "InputError", PyExc_ValueError);
  static py::exception<UsageError> usage_error(m, "UsageError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Interrupted&) {
      raise_pending_interrupt();
    } catch (const UsageError& e) {
      py::object error = py::reinterpret_borrow<py::object>(usage_error)(e.what());
      error.attr("field") = e.field();
      PyErr_SetObject(usage_error.ptr(), error.ptr());
    } catch (const InputError& e) {
      py::object error = py::reinterpret_borrow<py::object>(input_error)(e.what());
      error.attr("file") = e.file();
      error.attr("line") = e.line();
      PyErr_SetObject(input_error.ptr(), error.ptr());
    }
  });

  py::class_<Graph, std::shared_ptr<Graph>>(m, "Graph")
      .def_property_readonly("num_nodes", &Graph::num_nodes)
      .def_property_readonly("num_arcs", &Graph::num_arcs)
      .def_property_readonly("directed", &Graph::directed)
      .def_property_readonly("weighted", &Graph::weighted)
      .def_property_readonly("has_probabilities", &Graph::has_probabilities)
      .def_property_readonly("probability_scheme", &Graph::probability_scheme)
      .def_property_readonly("integer_labels", [](const Graph& g) { return g.labels().is_integer(); })
      .def_property_readonly("memory_bytes", &Graph::memory_bytes)
      .def("labels", &labels_of)
      .def("load_report", &load_report)
      .def("arcs", &arcs_of)
      .def("out_degree", [](const Graph& g) { return degrees(g, true); })
      .def("in_degree", [](const Graph& g) { return degrees(g, false); })
      .def("find", [](const Graph& g, const std::string& label) { return g.labels().find(label); })
      .def("with_probabilities", &with_probabilities);

  m.def("load", [](const std::string& path, bool undirected, const std::string& header,
                   const std::string& weight_column, const std::string& prob, std::uint64_t seed,
                   int threads, bool arc_evidence) {
    LoadRequest request;
    request.arc_evidence = arc_evidence;
    request.path = path;
    request.undirected = undirected;
    request.header = header;
    request.weight_column = weight_column;
    request.prob = prob;
    request.seed = seed;
    return without_gil(threads, [&] { return std::make_shared<Graph>(load(request)); });
  });
  m.def("build", &build);
  m.def("default_prob", [](const std::string& model) {
    return default_prob(make_model(model_request(model, 0, std::nullopt)));
  });
  m.def("seed_algorithms", [] {
    py::list out;
    for (const AlgorithmInfo& a : seed_algorithms()) {
      out.append(py::make_tuple(a.name, a.rr_models_only, a.anytime, a.uses_eps, a.guarantee));
    }
    return out;
  });

  m.def("select_seeds",
        [](const Graph& graph, std::uint32_t k, const std::string& model, double fade,
           std::optional<std::uint32_t> deadline, const std::string& algo, double eps, double delta,
           double time_limit, std::uint64_t validation, std::uint64_t runs,
           std::uint32_t candidates, std::vector<double> fees, double budget, double default_fee,
           std::uint64_t seed, int threads, double neg_weight, std::vector<double> targets,
           std::vector<NodeId> reached, const std::string& log, const std::string& log_format,
           double window, std::uint32_t draws, std::array<double, 2> prior,
           std::vector<NodeId> against, const std::string& tie, std::optional<double> reach) {
          SeedRequest request;
          request.against = std::move(against);
          request.tie = tie;
          request.reach = reach;
          request.k = k;
          request.model = model_request(model, fade, deadline);
          request.algo = algo;
          request.eps = eps;
          request.delta = delta;
          request.time_limit = time_limit;
          request.validation = validation;
          request.runs = runs;
          request.candidates = candidates;
          request.fees = std::move(fees);
          request.budget = budget;
          request.default_fee = default_fee;
          request.seed = seed;
          request.neg_weight = neg_weight;
          request.targets = std::move(targets);
          request.reached = std::move(reached);
          request.log = log;
          request.log_format = log_format;
          request.window = window;
          request.draws = draws;
          request.prior = prior;
          const SeedResult result = without_gil(threads, [&] { return select_seeds(graph, request); });
          py::dict d = seeds_dict(result);
          d["positive_gains"] = result.selection.positive_gain;
          d["negative_gains"] = result.selection.negative_gain;
          d["credit"] = result.credit ? py::object(credit_dict(*result.credit)) : py::none();
          d["from_data"] =
              result.from_data ? py::object(data_interval_dict(*result.from_data)) : py::none();
          d["blocking"] = blocking_dict(result.blocking);
          d["reach_goal"] = reach_goal_dict(result.reach_goal);
          return d;
        });

  m.def("simulate", [](const Graph& graph, std::vector<NodeId> seeds, const std::string& model,
                       double fade, std::optional<std::uint32_t> deadline, std::uint64_t runs,
                       double rel_error, bool node_probabilities, bool trace, std::uint64_t seed,
                       int threads, std::vector<double> targets, std::vector<NodeId> reached,
                       std::optional<double> cpm, std::optional<double> value_per_adoption,
                       std::vector<double> fees, std::optional<double> default_fee,
                       std::uint32_t draws, std::array<double, 2> prior,
                       std::vector<NodeId> against, const std::string& tie) {
    SimulationRequest request;
    request.seeds = std::move(seeds);
    request.model = model_request(model, fade, deadline);
    request.runs = runs;
    request.rel_error = rel_error;
    request.node_probabilities = node_probabilities;
    request.trace = trace;
    request.seed = seed;
    request.targets = std::move(targets);
    request.reached = std::move(reached);
    request.cpm = cpm;
    request.value_per_adoption = value_per_adoption;
    request.fees = std::move(fees);
    request.default_fee = default_fee;
    request.draws = draws;
    request.prior = prior;
    request.against = std::move(against);
    request.tie = tie;
    const SimulationReport report = without_gil(threads, [&] { return simulate(graph, request); });
    py::dict d = simulation_dict(report.result);
    d["blocking"] = blocking_dict(report.blocking);
    const bool targeted = !request.targets.empty();
    d["audience"] = targeted ? py::object(estimate(report.result.audience)) : py::none();
    d["outside_audience"] =
        targeted ? py::object(estimate(report.result.outside_audience)) : py::none();
    d["from_data"] =
        report.from_data ? py::object(data_interval_dict(*report.from_data)) : py::none();
    d["value"] = report.value ? py::object(value_dict(*report.value, report.model.has_sentiment()))
                              : py::none();
    d["model"] = model_text(report.model);
    d["error_bars"] = report.error_bars;
    return d;
  });

  m.def("influencers", [](const Graph& graph, const std::string& model, const std::string& top,
                          std::uint64_t samples, std::uint64_t seed, int threads) {
    InfluenceRequest request;
    request.model = model;
    request.top = top;
    request.samples = samples;
    request.seed = seed;
    const InfluenceRanking ranking =
        without_gil(threads, [&] { return influencers(graph, request); });
    return influence_dict(graph, ranking);
  });

  // truth: one group per node (GroupFile::kUnlisted for people with no known group), or None.
  m.def("communities", [](const Graph& graph, double resolution, int iterations,
                          std::optional<std::vector<std::uint32_t>> truth_groups,
                          std::optional<std::string> truth_path, std::uint64_t seed, int threads) {
    GroupFile truth;
    CommunityRequest request;
    request.resolution = resolution;
    request.iterations = iterations;
    request.seed = seed;
    if (truth_path) {
      truth = without_gil(threads, [&] { return read_groups(graph, *truth_path); });
      request.truth = &truth;
    } else if (truth_groups) {
      truth.group = std::move(*truth_groups);
      std::uint32_t max_group = 0;
      for (const std::uint32_t g : truth.group) {
        if (g == GroupFile::kUnlisted) continue;
        ++truth.listed;
        max_group = std::max(max_group, g + 1);
      }
      truth.groups = max_group;
      request.truth = &truth;
    }
    const CommunityReport report = without_gil(threads, [&] { return communities(graph, request); });
    return community_dict(report);
  });

  m.def("compare", [](const Graph& graph, std::uint32_t k, std::vector<std::string> strategies,
                      const std::string& model, double fade, std::optional<std::uint32_t> deadline,
                      std::uint64_t runs, std::uint64_t celf_runs, std::uint32_t candidates,
                      std::uint64_t seed, int threads) {
    CompareRequest request;
    request.k = k;
    request.strategies = std::move(strategies);
    request.model = model_request(model, fade, deadline);
    request.runs = runs;
    request.celf_runs = celf_runs;
    request.candidates = candidates;
    request.seed = seed;
    const CompareReport report = without_gil(threads, [&] { return compare(graph, request); });
    return compare_dict(report);
  });

  m.def("report", [](const Graph& graph, std::vector<NodeId> seeds, std::uint32_t k,
                     const std::string& model, const std::string& algo, double eps,
                     std::uint64_t runs, std::vector<double> targets, std::vector<double> fees,
                     std::optional<double> cpm, std::optional<double> value_per_adoption,
                     std::optional<double> default_fee, bool communities, bool compare,
                     std::vector<std::string> strategies, const std::string& top,
                     const std::string& title, const std::string& network_name,
                     const std::string& out, std::uint64_t seed, int threads) {
    if (!out.empty()) check_output_path(out);  // before any work, as the command line does
    ReportRequest request;
    request.seeds = std::move(seeds);
    request.k = k;
    request.model = model_request(model, 0, std::nullopt);
    request.algo = algo;
    request.eps = eps;
    request.runs = runs;
    request.targets = std::move(targets);
    request.fees = std::move(fees);
    request.cpm = cpm;
    request.value_per_adoption = value_per_adoption;
    request.default_fee = default_fee;
    request.communities = communities;
    request.compare = compare;
    request.strategies = std::move(strategies);
    request.top = top;
    request.title = title;
    request.network_name = network_name;
    request.command = "cascade.report (Python)";
    request.seed = seed;
    const ReportPage page = without_gil(threads, [&] {
      ReportPage made = make_report(graph, request);
      if (!out.empty()) {  // renamed into place only when whole (io/file.h)
        AtomicOutputFile file(out);
        file.write(made.html);
        file.commit();
      }
      return made;
    });
    py::dict result;
    result["html"] = page.html;
    result["data"] = page.data_json;
    result["seeds"] = page.seeds;
    result["drawn_as_communities"] = page.drawn_as_communities;
    return result;
  });

  m.def("audit", [](const Graph& graph, NodeId account, std::vector<NodeId> likers,
                    const std::string& model, double fade, std::optional<std::uint32_t> deadline,
                    std::uint64_t runs, std::uint64_t seed, int threads) {
    AuditRequest request;
    request.account = account;
    request.likers = std::move(likers);
    request.model = model_request(model, fade, deadline);
    request.runs = runs;
    request.seed = seed;
    const AuditReport report = without_gil(threads, [&] { return audit(graph, request); });
    return audit_dict(report);
  });

  // log and test: a path (str), rows (users, items, times, source), or None (no test).
  m.def("learn", [](const Graph& graph, py::object log, py::object test,
                    const std::string& log_format, const std::string& method,
                    const std::string& parents, double window,
                    std::array<double, 2> prior, const std::string& untried,
                    const std::string& estimate, std::uint32_t iterations, double tolerance,
                    std::vector<std::string> baselines, std::uint64_t size_runs,
                    std::uint64_t seed, int threads) {
    const LogInput log_in = log_input(log), test_in = log_input(test);
    LearnRequest request;
    request.log = log_in.path;
    request.test = test_in.path;
    request.log_format = log_format;
    request.method = method;
    request.parents = parents;
    request.window = window;
    request.prior = prior;
    request.untried = untried;
    request.estimate = estimate;
    request.iterations = iterations;
    request.tolerance = tolerance;
    request.baselines = std::move(baselines);
    request.size_runs = size_runs;
    request.seed = seed;
    if (log_in.rows || test_in.rows) {
      check_learn_settings(request);
    } else {
      check_learn_request(request);
    }
    const LearnResult result = without_gil(threads, [&] {
      if (!log_in.rows && !test_in.rows) return learn(graph, request);
      const LogFormat format = parse_log_format(request.log_format);
      const AdoptionLog train = log_of(graph, log_in, format, "log");
      if (!test_in.given) return learn_from_logs(graph, request, train, nullptr);
      const AdoptionLog held_out = log_of(graph, test_in, format, "test");
      return learn_from_logs(graph, request, train, &held_out);
    });
    return learn_dict(graph, request, result);
  });
  // The library's defaults, so the package's signature can be checked against them.
  m.def("learn_defaults", [] {
    const LearnRequest request;
    py::dict d;
    d["log_format"] = request.log_format;
    d["method"] = request.method;
    d["parents"] = request.parents;
    d["window"] = request.window;
    d["prior"] = py::make_tuple(request.prior[0], request.prior[1]);
    d["untried"] = request.untried;
    d["estimate"] = request.estimate;
    d["iterations"] = request.iterations;
    d["tolerance"] = request.tolerance;
    d["baselines"] = request.baselines;
    d["size_runs"] = request.size_runs;
    d["seed"] = request.seed;
    return d;
  });

  m.def("campaign", [](const std::string& path, std::uint64_t worlds,
                       std::optional<std::uint64_t> seed, int threads) {
    CampaignPlan plan = read_plan(path);
    if (worlds > 0) plan.worlds = worlds;
    if (seed) plan.seed = *seed;
    const CampaignRun run = without_gil(threads, [&] { return campaign(plan); });
    return campaign_dict(run, plan);
  });

  m.def("read_targets",
        [](const Graph& graph, const std::string& path) { return read_targets(graph, path); });
  m.def("read_fees", [](const Graph& graph, const std::string& path, double default_fee) {
    return read_fees(graph, path, default_fee);
  });
  m.def("read_node_list", [](const Graph& graph, const std::string& path, const std::string& what) {
    return read_node_list(graph, path, what);
  });
  m.def("read_label_file", [](const Graph& graph, const std::string& path, const std::string& what) {
    LabelFileOptions options;
    options.what = what;
    options.count_unknown = true;
    const LabelFile file = read_label_file(graph, path, options);
    std::vector<NodeId> nodes;
    for (const LabelEntry& e : file.entries) nodes.push_back(e.node);
    return py::make_tuple(nodes, file.unknown, file.unknown_examples);
  });

  m.def("erdos_renyi", [](NodeId n, std::uint64_t arcs, std::uint64_t seed, int threads) {
    return without_gil(threads, [&] { return std::make_shared<Graph>(erdos_renyi(n, arcs, seed)); });
  });
  m.def("barabasi_albert", [](NodeId n, std::uint32_t attach, std::uint64_t seed, int threads) {
    return without_gil(threads,
                       [&] { return std::make_shared<Graph>(barabasi_albert(n, attach, seed)); });
  });
  m.def("watts_strogatz", [](NodeId n, std::uint32_t neighbors, double rewire, std::uint64_t seed,
                             int threads) {
    return without_gil(threads, [&] {
      return std::make_shared<Graph>(watts_strogatz(n, neighbors, rewire, seed));
    });
  });
  m.def("planted_partition", [](NodeId n, std::uint32_t groups, std::uint32_t degree, double mixing,
                                std::uint64_t seed, int threads) {
    PlantedPartition planted = without_gil(
        threads, [&] { return planted_partition(n, groups, degree, mixing, seed); });
    auto graph = std::make_shared<Graph>(std::move(planted.graph));
    return py::make_tuple(graph, to_numpy(planted.community));
  });
  m.def("rmat", [](std::uint32_t scale, std::uint32_t edge_factor, std::uint64_t seed, int threads) {
    return without_gil(threads,
                       [&] { return std::make_shared<Graph>(rmat(scale, edge_factor, seed)); });
  });
  m.def("default_threads", [] { return default_threads; });
}

// Loading a graph and building a model from a request: the rules every front end shares.
#include <fmt/format.h>

#include "cascade/api/requests.h"
#include "cascade/error.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"

namespace cascade {

Graph load(const LoadRequest& request) {
  LoadOptions options;
  options.read.header = parse_header_mode(request.header);
  options.read.weight_column = request.weight_column;
  options.read.arc_evidence = request.arc_evidence;
  options.build.undirected = request.undirected;
  std::optional<ProbabilitySpec> spec;
  if (!request.prob.empty()) {
    spec = ProbabilitySpec::parse(request.prob);  // a usage error before any reading
    if (spec->scheme == ProbabilityScheme::kWeight) {
      // The weights are probabilities: repeated arcs are independent chances.
      options.read.weights_are_probabilities = true;
      options.build.duplicates = DuplicateMerge::kIndependentChances;
    }
  }
  Graph graph = load_graph(request.path, options);
  if (!spec) return graph;
  try {
    assign_probabilities(graph, *spec, request.seed);
  } catch (const UsageError& e) {
    // The loader's warnings may say why (a weight column under another name): keep them.
    if (graph.load_report().warnings.empty() || e.field().empty()) throw;
    std::string what = std::string(e.what()).substr(e.field().size() + 2);
    for (const std::string& warning : graph.load_report().warnings) what += "; " + warning;
    throw UsageError(e.field(), what);
  }
  return graph;
}

std::string default_prob(const DiffusionModel& model) {
  return model.needs_probabilities() ? "wc" : "";
}

DiffusionModel make_model(const ModelRequest& request) {
  DiffusionModel model = DiffusionModel::parse(request.model);
  model.fade = request.fade;
  if (request.deadline) {
    if (*request.deadline == std::numeric_limits<std::uint32_t>::max()) {
      throw UsageError("deadline", fmt::format("found {}; expected at most {}", *request.deadline,
                                               std::numeric_limits<std::uint32_t>::max() - 1));
    }
    model.deadline = *request.deadline;
  }
  validate(model);
  return model;
}

}  // namespace cascade

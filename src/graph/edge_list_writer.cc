#include "cascade/graph/edge_list_writer.h"

#include <fmt/format.h>

#include "cascade/io/file.h"

namespace cascade {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(),
                                                      suffix) == 0;
}

std::string quoted_if_needed(const std::string& label, char delimiter) {
  if (label.find(delimiter) == std::string::npos && label.find(' ') == std::string::npos) {
    return label;
  }
  return "\"" + label + "\"";
}

bool contiguous_integer_labels(const NodeLabels& labels) {
  const auto& values = labels.integers();
  return labels.is_integer() && values.front() == 0 &&
         values.back() == static_cast<std::int64_t>(values.size()) - 1;
}

}  // namespace

void write_edge_list(const Graph& graph, const std::string& path) {
  const bool gzip = ends_with(path, ".gz");
  const std::string plain = gzip ? path.substr(0, path.size() - 3) : path;
  const bool csv = ends_with(plain, ".csv");
  const char delimiter = csv ? ',' : '\t';
  // Labels with spaces need a header row so that the reader splits on the delimiter alone.
  bool spaces = false;
  for (const auto& name : graph.labels().names()) spaces = spaces || name.find(' ') != std::string::npos;
  const bool header = csv || spaces;
  const bool undirected = !graph.directed();

  fmt::memory_buffer text;
  if (header) {
    fmt::format_to(std::back_inserter(text), "source{}target{}\n", delimiter,
                   graph.weighted() ? fmt::format("{}weight", delimiter) : "");
  } else if (contiguous_integer_labels(graph.labels())) {
    // An "n m" first line keeps isolated nodes, which no arc line mentions.
    fmt::format_to(std::back_inserter(text), "{} {}\n", graph.num_nodes(),
                   undirected ? graph.num_arcs() / 2 : graph.num_arcs());
  }
  std::vector<std::string> labels(graph.num_nodes());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    labels[v] = quoted_if_needed(graph.label(v), delimiter);
  }
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    const auto targets = graph.out_neighbors(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (undirected && targets[i] < u) continue;  // each edge once; the reader doubles it again
      fmt::format_to(std::back_inserter(text), "{}{}{}", labels[u], delimiter, labels[targets[i]]);
      if (graph.weighted()) {
        fmt::format_to(std::back_inserter(text), "{}{}", delimiter, graph.out_weights(u)[i]);
      }
      text.push_back('\n');
    }
  }
  AtomicOutputFile file(path);
  if (gzip) {
    file.write(gzip_compress(std::string_view(text.data(), text.size())));
  } else {
    file.write(text.data(), text.size());
  }
  file.commit();
}

}  // namespace cascade

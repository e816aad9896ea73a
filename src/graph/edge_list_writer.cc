#include "cascade/graph/edge_list_writer.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <vector>

#include "cascade/error.h"
#include "cascade/graph/snapshot.h"
#include "cascade/graph/xml_graph_writer.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

constexpr std::string_view kAcceptedExtensions =
    ".cgraph, .txt, .tsv, .edges, .csv, .graphml, .gexf (the text formats may add .gz), "
    "or - for standard output";

// Standard output by another name, a FIFO or a device (/dev/stdout, /dev/fd/63 from a shell's
// process substitution, a named pipe): written as an edge list whatever its name.
bool is_stream(const std::string& path) {
  for (const std::string_view prefix : {"/dev/std", "/dev/fd/", "/proc/self/fd/"}) {
    if (path.starts_with(prefix)) return true;
  }
  struct stat info{};
  return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

bool contiguous_integer_labels(const NodeLabels& labels) {
  const auto& values = labels.integers();
  return labels.is_integer() && values.front() == 0 &&
         values.back() == static_cast<std::int64_t>(values.size()) - 1;
}

// Whether `label` reads back as itself from a SNAP-style line without a header: no whitespace,
// control bytes, quotes or delimiter characters, and not the start of a comment.
bool plain_label(std::string_view label) {
  if (label.empty() || label.front() == '#' || label.front() == '%') return false;
  return std::none_of(label.begin(), label.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == ',' || c == ';' ||
           c == '\x7f';
  });
}

// The graph with its probabilities as weights (and as a directed graph, since the probabilities
// of the two arcs of a link differ), so that every format writes them where weights go.
Graph probabilities_as_weights(const Graph& graph) {
  GraphArrays arrays = graph.arrays();
  arrays.out_weights.clear();
  arrays.in_weights.clear();
  arrays.out_weights.reserve(graph.num_arcs());
  arrays.in_weights.reserve(graph.num_arcs());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    const auto out = graph.out_probabilities(v);
    const auto in = graph.in_probabilities(v);
    arrays.out_weights.insert(arrays.out_weights.end(), out.begin(), out.end());
    arrays.in_weights.insert(arrays.in_weights.end(), in.begin(), in.end());
  }
  return Graph(std::move(arrays), graph.labels(), true, graph.load_report());
}

// Whether a text file gets an "n m" first line (only then does it keep isolated nodes).
bool has_counts_header(const Graph& graph, bool csv) {
  bool all_plain = true;
  for (const auto& name : graph.labels().names()) all_plain = all_plain && plain_label(name);
  return !csv && all_plain && contiguous_integer_labels(graph.labels());
}

// SNAP-style lines (tab-separated) or CSV. Every arc is written, both arcs of an undirected link
// included, so that the file reads back as the same arcs without --undirected.
std::string edge_list_text(const Graph& graph, bool csv) {
  const char delimiter = csv ? ',' : '\t';
  bool all_plain = true;
  for (const auto& name : graph.labels().names()) all_plain = all_plain && plain_label(name);
  // A header row makes the reader split on the delimiter alone and honour quotes.
  const bool header = csv || !all_plain;

  fmt::memory_buffer text;
  auto out = std::back_inserter(text);
  if (header) {
    fmt::format_to(out, "source{0}target{1}\n", delimiter,
                   graph.weighted() ? fmt::format("{}weight", delimiter) : "");
  } else if (contiguous_integer_labels(graph.labels())) {
    // An "n m" first line keeps isolated nodes, which no arc line mentions.
    fmt::format_to(out, "{} {}\n", graph.num_nodes(), graph.num_arcs());
  }
  std::vector<std::string> labels(graph.num_nodes());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    labels[v] = header ? csv_field(graph.label(v), delimiter) : graph.label(v);
  }
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    const auto targets = graph.out_neighbors(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      fmt::format_to(out, "{}{}{}", labels[u], delimiter, labels[targets[i]]);
      // A float argument: fmt prints the shortest decimal that reads back as this float.
      if (graph.weighted()) fmt::format_to(out, "{}{}", delimiter, graph.out_weights(u)[i]);
      text.push_back('\n');
    }
  }
  return fmt::to_string(text);
}

void write_bytes(const std::string& path, std::string_view bytes, bool gzip) {
  AtomicOutputFile file(path);
  if (gzip) {
    file.write(gzip_compress(bytes));
  } else {
    file.write(bytes);
  }
  file.commit();
}

void write_in_format(const Graph& graph, const std::string& path, const OutputFormat& format) {
  if (graph.has_probabilities()) {
    write_in_format(probabilities_as_weights(graph), path, format);
    return;
  }
  switch (format.format) {
    case GraphFileFormat::kSnapshot:
      write_snapshot(graph, path);
      return;
    case GraphFileFormat::kEdgeList:
    case GraphFileFormat::kCsv:
      write_bytes(path, edge_list_text(graph, format.format == GraphFileFormat::kCsv), format.gzip);
      return;
    case GraphFileFormat::kGraphml:
      write_bytes(path, graphml_document(graph, path), format.gzip);
      return;
    case GraphFileFormat::kGexf:
      write_bytes(path, gexf_document(graph, path), format.gzip);
      return;
  }
}

}  // namespace

NodeId nodes_left_out(const Graph& graph, const OutputFormat& format) {
  const bool text = format.format == GraphFileFormat::kEdgeList || format.format == GraphFileFormat::kCsv;
  if (!text || has_counts_header(graph, format.format == GraphFileFormat::kCsv)) return 0;
  NodeId isolated = 0;
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    isolated += graph.out_degree(v) == 0 && graph.in_degree(v) == 0;
  }
  return isolated;
}

OutputFormat output_format_for(const std::string& path) {
  if (is_standard_output(path)) return {};
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  OutputFormat format;
  format.gzip = ends_with(name, ".gz");
  if (format.gzip) name.resize(name.size() - 3);
  if (ends_with(name, ".cgraph")) {
    if (format.gzip) {
      throw UsageError(fmt::format("{}: a .cgraph snapshot cannot be compressed; expected {}",
                                   path, kAcceptedExtensions));
    }
    format.format = GraphFileFormat::kSnapshot;
    return format;
  }
  using Extension = std::pair<std::string_view, GraphFileFormat>;
  for (const auto& [extension, kind] : {Extension{".txt", GraphFileFormat::kEdgeList},
                                        Extension{".tsv", GraphFileFormat::kEdgeList},
                                        Extension{".edges", GraphFileFormat::kEdgeList},
                                        Extension{".csv", GraphFileFormat::kCsv},
                                        Extension{".graphml", GraphFileFormat::kGraphml},
                                        Extension{".gexf", GraphFileFormat::kGexf}}) {
    if (ends_with(name, extension)) {
      format.format = kind;
      return format;
    }
  }
  if (is_stream(path)) return {};
  const std::size_t dot = name.find_last_of('.');
  const std::string found = dot == std::string::npos || dot == 0
                                ? std::string("no extension")
                                : "extension '" + name.substr(dot) + "'";
  throw UsageError(fmt::format("{}: found {}; expected {}", path, found, kAcceptedExtensions));
}

std::string format_name(const OutputFormat& format) {
  std::string name;
  switch (format.format) {
    case GraphFileFormat::kSnapshot: name = "snapshot"; break;
    case GraphFileFormat::kEdgeList: name = "edge list"; break;
    case GraphFileFormat::kCsv: name = "csv"; break;
    case GraphFileFormat::kGraphml: name = "graphml"; break;
    case GraphFileFormat::kGexf: name = "gexf"; break;
  }
  return format.gzip ? name + " (gzip)" : name;
}

void write_graph(const Graph& graph, const std::string& path) {
  write_in_format(graph, path, output_format_for(path));
}

void write_edge_list(const Graph& graph, const std::string& path) {
  OutputFormat format;
  format.gzip = ends_with(path, ".gz");
  const std::string_view plain =
      std::string_view(path).substr(0, path.size() - (format.gzip ? 3 : 0));
  format.format = ends_with(plain, ".csv") ? GraphFileFormat::kCsv : GraphFileFormat::kEdgeList;
  write_in_format(graph, path, format);
}

}  // namespace cascade

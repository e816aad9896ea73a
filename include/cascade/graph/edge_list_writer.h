// Writing a graph to a file in the format its name asks for, so that every front end (convert,
// generate, the Python module) shares one rule:
//
//   .cgraph                 binary snapshot (snapshot.h); not compressible
//   .txt .tsv .edges        SNAP-style edge list, "source<TAB>target[<TAB>weight]"
//   .csv                    CSV with a "source,target[,weight]" header (RFC 4180 quoting)
//   .graphml                GraphML: node ids and a "label" attribute, a "weight" edge attribute
//   .gexf                   GEXF 1.3: node ids and labels, edge weights
//   any of the text ones + .gz    gzip-compressed
//   -                       standard output, as a tab-separated edge list; so too a FIFO or
//                           device without one of the extensions above (/dev/stdout, /dev/fd/N)
//
// Every file reads back (cascade's readers, and networkx for GraphML and GEXF) as the same graph
// without options: the same labels, the same arcs, the same weights. In particular an undirected
// graph (--undirected) is written as text with both arcs of every link, under an "n m" header
// whose m counts the lines written; GraphML and GEXF declare it undirected and list each link once
// (unless probabilities are assigned, which differ by direction: then as a directed graph).
//
// Weights: when probabilities have been assigned (assign_probabilities, the CLI's --prob), they are
// written as the weight, so that reading the file with --prob weight reproduces them exactly (this
// freezes random draws such as trivalency); otherwise the file's own weights, if any. Numbers are
// written as the shortest decimal that reads back as the same float (0.01, not 0.0099999998).
//
// Isolated nodes survive in snapshots, GraphML, GEXF and in text when the labels are 0..n-1 (the
// "n m" header declares them); other text files can only list nodes that have an arc.
// Writes are atomic (io/file.h: temporary file renamed into place).
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/graph.h"

namespace cascade {

enum class GraphFileFormat { kSnapshot, kEdgeList, kCsv, kGraphml, kGexf };

struct OutputFormat {
  GraphFileFormat format = GraphFileFormat::kEdgeList;
  bool gzip = false;
};

// The format that `path`'s extension names (case-insensitive), as in the table above. Throws
// UsageError naming the path and listing the accepted extensions for any other name, and for a
// compressed snapshot.
OutputFormat output_format_for(const std::string& path);

// "snapshot", "edge list", "csv", "graphml", "gexf", with " (gzip)" when compressed.
std::string format_name(const OutputFormat& format);

// Writes `graph` to `path` in output_format_for(path). Throws UsageError for an unknown extension
// (before writing anything), InputError when the file cannot be written, and InputError for a
// label XML cannot hold (control characters) in GraphML or GEXF.
void write_graph(const Graph& graph, const std::string& path);

// How many nodes a file of `format` cannot hold: the isolated nodes (no arc either way) of a CSV
// file or of a text edge list without an "n m" header (labels other than 0..n-1); 0 otherwise.
NodeId nodes_left_out(const Graph& graph, const OutputFormat& format);

// The text formats alone (edge list or CSV, by extension; anything not .csv is an edge list).
void write_edge_list(const Graph& graph, const std::string& path);

}  // namespace cascade

// GraphML and GEXF 1.3 documents for a graph, as Gephi, networkx, igraph and yEd read them.
// Nodes carry their label twice: as the XML id (so that networkx names nodes by label) and as a
// "label" attribute; arcs carry the graph's weights, if any, as "weight" (GraphML: a <key> of
// type double; GEXF: the edge's weight attribute). A directed graph lists every arc; an undirected
// one (Graph::directed() false) is declared undirected and lists each link once.
//
// Streamed as text with XML escaping (&, <, >, quotes, tab, CR and LF as character references)
// rather than through a DOM: a DOM costs about 100 bytes per arc, too much for networks of
// millions of arcs, and escaping is the whole of what a writer needs from an XML library.
// Labels XML 1.0 cannot hold (control characters, invalid UTF-8) are an InputError naming the
// label, never an unreadable file.
//
// Extra columns (XmlColumns): per-node attributes (a GraphML <key> and <data>, a GEXF
// <attributes class="node"> declaration and <attvalues>), and the arcs' diffusion probabilities as
// a "probability" arc attribute; with probabilities every arc is written, as a directed graph,
// since they differ by direction. Gephi, Gephi Lite and networkx read them as typed attributes.
#pragma once

#include <string>
#include <vector>

#include "cascade/graph/graph.h"

namespace cascade {

// One attribute of every node, already formatted: "true"/"false", a decimal integer, a number as
// the shortest decimal that reads back (fmt "{}"), or any UTF-8 text (escaped when written). An
// empty value leaves that node without the attribute.
struct XmlNodeColumn {
  enum class Type { kBoolean, kInteger, kDouble, kString };
  std::string name;  // the attribute's id and title; not "label", unique
  Type type = Type::kDouble;
  std::vector<std::string> values;  // one per node
};

struct XmlColumns {
  std::vector<XmlNodeColumn> nodes;
  bool probabilities = false;  // each arc's probability (the graph must have them) as "probability"
};

// `source` names the output in errors. Throws std::logic_error for a column whose size is
// not the number of nodes, named "label" or twice, or probabilities the graph does not have.
std::string graphml_document(const Graph& graph, const std::string& source,
                             const XmlColumns& columns = {});
std::string gexf_document(const Graph& graph, const std::string& source,
                          const XmlColumns& columns = {});

}  // namespace cascade

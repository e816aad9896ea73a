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
#pragma once

#include <string>

#include "cascade/graph/graph.h"

namespace cascade {

// `source` names the output in errors.
std::string graphml_document(const Graph& graph, const std::string& source);
std::string gexf_document(const Graph& graph, const std::string& source);

}  // namespace cascade

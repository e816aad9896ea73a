// Readers for the XML graph formats that networkx, Gephi, igraph and yEd write, parsed with
// pugixml (a maintained XML parser, Debian libpugixml-dev):
//  - GraphML: <key attr.name="weight" for="edge"> declares the weight, read from each edge's
//    <data key="...">; node labels are the node ids; <graph edgedefault="undirected"> and a
//    per-edge directed="true|false" set the direction.
//  - GEXF: node labels are the `label` attribute, falling back to the id; the edge `weight`
//    attribute is the weight (edges without one weigh 1, the GEXF default); defaultedgetype and a
//    per-edge type ("directed", "undirected", "mutual") set the direction.
// An undirected link becomes two arcs, as --undirected does for text (EdgeListData::undirected
// when every link is undirected). ReadOptions::weight_column names another GraphML key
// (attr.name) or GEXF edge attribute (title) as the weight. Errors name the file, the line (from
// the parser's byte offset), what was found and what was expected. O(bytes) time; the document
// tree is held in memory while reading (a few times the file size).
#pragma once

#include <string>
#include <string_view>

#include "cascade/graph/edge_list_reader.h"

namespace cascade {

// Whether `text` (after a byte-order mark and white space) starts like an XML document.
bool looks_like_xml(std::string_view text);

// Reads a GraphML or GEXF document, told apart by its root element.
EdgeListData parse_xml_graph(std::string_view text, const std::string& source,
                             const ReadOptions& options);

}  // namespace cascade

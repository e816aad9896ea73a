#include "cascade/graph/xml_graph_writer.h"

#include <fmt/format.h>

#include <cstdint>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "cascade/error.h"

namespace cascade {
namespace {

// The length of the UTF-8 character at text[i] if XML 1.0 allows it (tab, LF, CR, U+0020 and up,
// no surrogates, no U+FFFE/U+FFFF), else 0.
std::size_t xml_character_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char first = byte(i);
  if (first < 0x80) return first >= 0x20 || first == '\t' || first == '\n' || first == '\r';
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (first >= 0xC2 && first <= 0xDF) {
    length = 2;
    code = first & 0x1Fu;
  } else if (first >= 0xE0 && first <= 0xEF) {
    length = 3;
    code = first & 0x0Fu;
  } else if (first >= 0xF0 && first <= 0xF4) {
    length = 4;
    code = first & 0x07u;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char next = byte(i + k);
    if ((next & 0xC0u) != 0x80u) return 0;
    code = (code << 6) | (next & 0x3Fu);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  if (overlong || surrogate || code > 0x10FFFF || code == 0xFFFE || code == 0xFFFF) return 0;
  return length;
}

// `label` escaped for an XML attribute value or element text.
std::string xml_escaped(std::string_view label, const std::string& source) {
  std::string out;
  out.reserve(label.size());
  for (std::size_t i = 0; i < label.size();) {
    const std::size_t length = xml_character_length(label, i);
    if (length == 0) {
      throw InputError(source, 0,
                       fmt::format("found label '{}' with byte 0x{:02x} at offset {}, which XML "
                                   "cannot hold; expected UTF-8 text without control characters "
                                   "(write .txt or .csv instead)",
                                   label, static_cast<unsigned char>(label[i]), i));
    }
    switch (label[i]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      // Character references: a literal tab or line break in an attribute reads back as a space.
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out.append(label.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::vector<std::string> escaped_labels(const Graph& graph, const std::string& source) {
  std::vector<std::string> labels(graph.num_nodes());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) labels[v] = xml_escaped(graph.label(v), source);
  return labels;
}

// Whether the document lists each link once: an undirected graph whose arcs carry nothing that
// differs by direction.
bool written_undirected(const Graph& graph, const XmlColumns& columns) {
  return !graph.directed() && !columns.probabilities;
}

// Calls visit(u, v, arc index) for every arc, or for every link once (u < v) when written
// undirected.
template <typename Visit>
void for_each_written_arc(const Graph& graph, const XmlColumns& columns, Visit&& visit) {
  const bool undirected = written_undirected(graph, columns);
  for (NodeId u = 0; u < graph.num_nodes(); ++u) {
    const auto targets = graph.out_neighbors(u);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (undirected && targets[i] < u) continue;
      visit(u, targets[i], i);
    }
  }
}


void check_columns(const Graph& graph, const XmlColumns& columns) {
  std::set<std::string> names = {"label"};
  for (const XmlNodeColumn& column : columns.nodes) {
    if (column.values.size() != graph.num_nodes() || !names.insert(column.name).second) {
      throw std::logic_error(fmt::format(
          "XML node column '{}': {} values for {} nodes, or a name already taken", column.name,
          column.values.size(), graph.num_nodes()));
    }
  }
  if (columns.probabilities && !graph.has_probabilities()) {
    throw std::logic_error("XML probability column: the graph has no probabilities");
  }
}

// The columns' values escaped, column by column.
std::vector<std::vector<std::string>> escaped_columns(const XmlColumns& columns,
                                                      const std::string& source) {
  std::vector<std::vector<std::string>> escaped;
  for (const XmlNodeColumn& column : columns.nodes) {
    auto& values = escaped.emplace_back();
    values.reserve(column.values.size());
    for (const std::string& value : column.values) values.push_back(xml_escaped(value, source));
  }
  return escaped;
}

// The type as both GraphML (attr.type) and GEXF (type) spell it.
const char* type_name(XmlNodeColumn::Type type) {
  switch (type) {
    case XmlNodeColumn::Type::kBoolean: return "boolean";
    case XmlNodeColumn::Type::kInteger: return "long";
    case XmlNodeColumn::Type::kDouble: return "double";
    case XmlNodeColumn::Type::kString: return "string";
  }
  return "string";
}

// The number of arcs the document lists.
std::uint64_t written_arcs(const Graph& graph, const XmlColumns& columns) {
  return written_undirected(graph, columns) ? graph.num_arcs() / 2 : graph.num_arcs();
}

}  // namespace

std::string graphml_document(const Graph& graph, const std::string& source,
                             const XmlColumns& columns) {
  check_columns(graph, columns);
  const std::vector<std::string> labels = escaped_labels(graph, source);
  const auto values = escaped_columns(columns, source);
  const bool undirected = written_undirected(graph, columns);
  fmt::memory_buffer text;
  auto out = std::back_inserter(text);
  fmt::format_to(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
                 "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
  for (const XmlNodeColumn& column : columns.nodes) {
    const std::string name = xml_escaped(column.name, source);
    fmt::format_to(out, "  <key id=\"{0}\" for=\"node\" attr.name=\"{0}\" attr.type=\"{1}\"/>\n",
                   name, type_name(column.type));
  }
  if (graph.weighted()) {
    fmt::format_to(out, "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
                        "attr.type=\"double\"/>\n");
  }
  if (columns.probabilities) {
    fmt::format_to(out, "  <key id=\"probability\" for=\"edge\" attr.name=\"probability\" "
                        "attr.type=\"double\"/>\n");
  }
  fmt::format_to(out, "  <graph id=\"G\" edgedefault=\"{}\">\n",
                 undirected ? "undirected" : "directed");
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    fmt::format_to(out, "    <node id=\"{0}\"><data key=\"label\">{0}</data>", labels[v]);
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (values[c][v].empty()) continue;
      fmt::format_to(out, "<data key=\"{}\">{}</data>", xml_escaped(columns.nodes[c].name, source),
                     values[c][v]);
    }
    fmt::format_to(out, "</node>\n");
  }
  for_each_written_arc(graph, columns, [&](NodeId u, NodeId v, std::size_t i) {
    fmt::format_to(out, "    <edge source=\"{}\" target=\"{}\"", labels[u], labels[v]);
    if (!graph.weighted() && !columns.probabilities) {
      fmt::format_to(out, "/>\n");
      return;
    }
    fmt::format_to(out, ">");
    if (graph.weighted()) {
      fmt::format_to(out, "<data key=\"weight\">{}</data>", graph.out_weights(u)[i]);
    }
    if (columns.probabilities) {
      fmt::format_to(out, "<data key=\"probability\">{}</data>", graph.out_probabilities(u)[i]);
    }
    fmt::format_to(out, "</edge>\n");
  });
  fmt::format_to(out, "  </graph>\n</graphml>\n");
  return fmt::to_string(text);
}

std::string gexf_document(const Graph& graph, const std::string& source,
                          const XmlColumns& columns) {
  check_columns(graph, columns);
  const std::vector<std::string> labels = escaped_labels(graph, source);
  const auto values = escaped_columns(columns, source);
  fmt::memory_buffer text;
  auto out = std::back_inserter(text);
  fmt::format_to(out,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<gexf xmlns=\"http://gexf.net/1.3\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
                 "version=\"1.3\">\n"
                 "  <meta>\n    <creator>Cascade</creator>\n  </meta>\n"
                 "  <graph defaultedgetype=\"{}\" mode=\"static\">\n",
                 written_undirected(graph, columns) ? "undirected" : "directed");
  // Attribute ids are the column's position, titles its name, as Gephi writes them.
  if (!columns.nodes.empty()) {
    fmt::format_to(out, "    <attributes class=\"node\">\n");
    for (std::size_t c = 0; c < columns.nodes.size(); ++c) {
      fmt::format_to(out, "      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", c,
                     xml_escaped(columns.nodes[c].name, source), type_name(columns.nodes[c].type));
    }
    fmt::format_to(out, "    </attributes>\n");
  }
  if (columns.probabilities) {
    fmt::format_to(out, "    <attributes class=\"edge\">\n"
                        "      <attribute id=\"0\" title=\"probability\" type=\"double\"/>\n"
                        "    </attributes>\n");
  }
  fmt::format_to(out, "    <nodes count=\"{}\">\n", graph.num_nodes());
  for (NodeId v = 0; v < graph.num_nodes(); ++v) {
    fmt::format_to(out, "      <node id=\"{0}\" label=\"{0}\"", labels[v]);
    bool any = false;
    for (std::size_t c = 0; c < values.size(); ++c) {
      if (values[c][v].empty()) continue;
      if (!any) fmt::format_to(out, ">\n        <attvalues>\n");
      any = true;
      fmt::format_to(out, "          <attvalue for=\"{}\" value=\"{}\"/>\n", c, values[c][v]);
    }
    if (any) {
      fmt::format_to(out, "        </attvalues>\n      </node>\n");
    } else {
      fmt::format_to(out, "/>\n");
    }
  }
  fmt::format_to(out, "    </nodes>\n    <edges count=\"{}\">\n", written_arcs(graph, columns));
  std::uint64_t id = 0;
  for_each_written_arc(graph, columns, [&](NodeId u, NodeId v, std::size_t i) {
    fmt::format_to(out, "      <edge id=\"{}\" source=\"{}\" target=\"{}\"", id++, labels[u],
                   labels[v]);
    if (graph.weighted()) fmt::format_to(out, " weight=\"{}\"", graph.out_weights(u)[i]);
    if (columns.probabilities) {
      fmt::format_to(out,
                     ">\n        <attvalues>\n          <attvalue for=\"0\" value=\"{}\"/>\n"
                     "        </attvalues>\n      </edge>\n",
                     graph.out_probabilities(u)[i]);
    } else {
      fmt::format_to(out, "/>\n");
    }
  });
  fmt::format_to(out, "    </edges>\n  </graph>\n</gexf>\n");
  return fmt::to_string(text);
}

}  // namespace cascade

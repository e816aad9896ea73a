#include "cascade/graph/xml_graph_reader.h"

#include <fmt/format.h>

#include <cstring>
#include <pugixml.hpp>
#include <unordered_set>

#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "graph_document.h"

namespace cascade {
namespace {

// The element's name without a namespace prefix ("graphml" for "g:graphml").
std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Children with the given local name.
template <typename Visit>
void for_each_child(const pugi::xml_node& parent, std::string_view name, Visit&& visit) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) visit(child);
  }
}

pugi::xml_node first_child(const pugi::xml_node& parent, std::string_view name) {
  for (const pugi::xml_node& child : parent.children()) {
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  }
  return {};
}

class XmlReader {
 public:
  XmlReader(std::string_view text, const std::string& source, const ReadOptions& options)
      : text_(text), source_(source), options_(options) {}

  EdgeListData graphml(const pugi::xml_node& root);
  EdgeListData gexf(const pugi::xml_node& root);

 private:
  std::uint64_t line_of(const pugi::xml_node& node) const {
    const std::ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : line_at(text_, static_cast<std::size_t>(offset));
  }
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& what) const {
    throw InputError(source_, line_of(node), what);
  }
  // The attribute's value; an error naming the element when it is missing or empty.
  std::string_view required(const pugi::xml_node& node, const char* attribute) const {
    const std::string_view value = node.attribute(attribute).value();
    if (value.empty()) {
      fail(node, fmt::format("found <{}> without a {} attribute; expected {}=\"...\"", node.name(),
                             attribute, attribute));
    }
    return value;
  }
  // An edge's endpoints and direction, added to the document.
  DocumentGraph::Link link(const pugi::xml_node& edge, bool directed);

  std::string_view text_;
  const std::string& source_;
  const ReadOptions& options_;
  DocumentGraph document_;
};

DocumentGraph::Link XmlReader::link(const pugi::xml_node& edge, bool directed) {
  DocumentGraph::Link out;
  out.source = document_.node(required(edge, "source"));
  out.target = document_.node(required(edge, "target"));
  out.directed = directed;
  return out;
}

EdgeListData XmlReader::graphml(const pugi::xml_node& root) {
  const std::string weight_name =
      options_.weight_column.empty() ? "weight" : options_.weight_column;
  std::unordered_set<std::string> weight_keys;
  std::string edge_key_names;
  for_each_child(root, "key", [&](const pugi::xml_node& key) {
    const std::string_view domain = key.attribute("for").value();
    if (domain != "edge" && domain != "all") return;
    const std::string_view name = key.attribute("attr.name").value();
    edge_key_names += (edge_key_names.empty() ? "'" : ", '") + std::string(name) + "'";
    if (name == weight_name) weight_keys.insert(required(key, "id").data());
  });
  if (!options_.weight_column.empty() && weight_keys.empty()) {
    throw InputError(source_, line_of(root),
                     fmt::format("found no edge <key> with attr.name=\"{}\" (the edge keys are: "
                                 "{}); expected one as the weight",
                                 weight_name, edge_key_names.empty() ? "none" : edge_key_names));
  }
  const pugi::xml_node graph = first_child(root, "graph");
  if (!graph) fail(root, "found <graphml> without a <graph> element; expected one");
  const std::string_view edge_default = graph.attribute("edgedefault").value();
  if (!edge_default.empty() && edge_default != "directed" && edge_default != "undirected") {
    fail(graph, fmt::format("found edgedefault=\"{}\"; expected \"directed\" or \"undirected\"",
                            edge_default));
  }
  document_.default_directed = edge_default != "undirected";
  document_.weighted = !weight_keys.empty();
  for_each_child(graph, "node",
                 [&](const pugi::xml_node& node) { document_.node(required(node, "id")); });
  for_each_child(graph, "edge", [&](const pugi::xml_node& edge) {
    const std::string_view directed = edge.attribute("directed").value();
    if (!directed.empty() && directed != "true" && directed != "false") {
      fail(edge, fmt::format("found directed=\"{}\"; expected \"true\" or \"false\"", directed));
    }
    DocumentGraph::Link out =
        link(edge, directed.empty() ? document_.default_directed : directed == "true");
    for_each_child(edge, "data", [&](const pugi::xml_node& data) {
      if (weight_keys.count(data.attribute("key").value()) != 0) {
        out.weight = document_weight(data.text().get(), source_, line_of(data), options_);
      }
    });
    document_.links.push_back(out);
  });
  return finish_document(document_, text_, source_, "graphml");
}

EdgeListData XmlReader::gexf(const pugi::xml_node& root) {
  const pugi::xml_node graph = first_child(root, "graph");
  if (!graph) fail(root, "found <gexf> without a <graph> element; expected one");
  auto is_directed = [&](const pugi::xml_node& node, std::string_view type) {
    if (type == "directed") return true;
    if (type == "undirected" || type == "mutual") return false;
    fail(node, fmt::format("found edge type \"{}\"; expected \"directed\", \"undirected\" or "
                           "\"mutual\"",
                           type));
  };
  const std::string_view default_type = graph.attribute("defaultedgetype").value();
  document_.default_directed = default_type.empty() || is_directed(graph, default_type);

  // The weight: the edge attribute `weight`, or an <attvalue> of the attribute titled
  // weight_column.
  std::string attribute_id;
  if (!options_.weight_column.empty() && options_.weight_column != "weight") {
    std::string titles;
    for_each_child(graph, "attributes", [&](const pugi::xml_node& attributes) {
      if (std::string_view(attributes.attribute("class").value()) != "edge") return;
      for_each_child(attributes, "attribute", [&](const pugi::xml_node& attribute) {
        const std::string_view title = attribute.attribute("title").value();
        titles += (titles.empty() ? "'" : ", '") + std::string(title) + "'";
        if (title == options_.weight_column) attribute_id = attribute.attribute("id").value();
      });
    });
    if (attribute_id.empty()) {
      fail(graph, fmt::format("found no edge attribute titled '{}' (the edge attributes are: "
                              "{}); expected one as the weight",
                              options_.weight_column, titles.empty() ? "none" : titles));
    }
  }
  for_each_child(first_child(graph, "nodes"), "node", [&](const pugi::xml_node& node) {
    document_.node(required(node, "id"), node.attribute("label").value());
  });
  for_each_child(first_child(graph, "edges"), "edge", [&](const pugi::xml_node& edge) {
    const std::string_view type = edge.attribute("type").value();
    DocumentGraph::Link out =
        link(edge, type.empty() ? document_.default_directed : is_directed(edge, type));
    if (attribute_id.empty()) {
      if (const pugi::xml_attribute weight = edge.attribute("weight")) {
        out.weight = document_weight(weight.value(), source_, line_of(edge), options_);
        document_.weighted = true;
      }
    } else {
      for_each_child(first_child(edge, "attvalues"), "attvalue", [&](const pugi::xml_node& value) {
        if (attribute_id == value.attribute("for").value()) {
          out.weight =
              document_weight(value.attribute("value").value(), source_, line_of(value), options_);
          document_.weighted = true;
        }
      });
    }
    document_.links.push_back(out);
  });
  return finish_document(document_, text_, source_, "gexf");
}

}  // namespace

bool looks_like_xml(std::string_view text) {
  if (text.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
    text.remove_prefix(kUtf8ByteOrderMark.size());
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '<';
}

EdgeListData parse_xml_graph(std::string_view text, const std::string& source,
                             const ReadOptions& options) {
  pugi::xml_document document;
  const pugi::xml_parse_result result =
      document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    throw InputError(
        source, line_at(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
        fmt::format("found malformed XML ({}); expected a GraphML or GEXF document",
                    result.description()));
  }
  const pugi::xml_node root = document.document_element();
  XmlReader reader(text, source, options);
  if (local_name(root) == "graphml") return reader.graphml(root);
  if (local_name(root) == "gexf") return reader.gexf(root);
  throw InputError(
      source,
      line_at(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(root.offset_debug(), 0))),
      fmt::format("found an XML document whose root element is <{}>; expected "
                  "<graphml> (GraphML) or <gexf> (GEXF)",
                  root.name()));
}

}  // namespace cascade

// Internal to the readers of graph documents (GraphML, GEXF, GML): the nodes and links a document
// declares, turned into labels and arcs the same way for every format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cascade/graph/edge_list_reader.h"

namespace cascade {

struct DocumentGraph {
  struct Link {
    std::uint32_t source = 0, target = 0;  // positions in `keys`
    float weight = 1;
    bool directed = true;
  };
  std::vector<std::string> keys;    // the document's node ids, in order of appearance
  std::vector<std::string> labels;  // display labels, one per key (the key when none)
  std::unordered_map<std::string, std::uint32_t> position;
  std::vector<Link> links;
  bool weighted = false;
  bool default_directed = true;

  // The node with document id `key`, added (labelled `label`, or the key) if new.
  std::uint32_t node(std::string_view key, std::string_view label = {});
};

// The 1-based line of byte `offset` in `text`.
std::uint64_t line_at(std::string_view text, std::size_t offset);

// `text` as a weight by the rules of the edge-list reader (finite, non-negative, at most 1 when
// weights are probabilities); throws InputError(source, line, ...) otherwise.
float document_weight(std::string_view text, const std::string& source, std::uint64_t line,
                      const ReadOptions& options);

// Labels (integers when every label is one, as for text files; the document ids when labels
// repeat, with a warning), arcs (two per undirected link; when every link is undirected, one per
// link and EdgeListData::undirected set) and the report.
EdgeListData finish_document(DocumentGraph& document, std::string_view text,
                             const std::string& source, const char* format);

}  // namespace cascade

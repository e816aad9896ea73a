// libFuzzer target: any bytes given to the text readers (edge lists, CSV, networkx, GraphML, GEXF,
// GML, chosen by content) either build a valid graph or raise InputError; nothing else (crash,
// other exception, sanitizer report) is acceptable.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cascade/error.h"
#include "cascade/graph/builder.h"
#include "cascade/graph/edge_list_reader.h"
#include "cascade/graph/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const bool undirected : {false, true}) {
    try {
      cascade::ReadOptions read;
      read.weights_are_probabilities = undirected;
      cascade::EdgeListData parsed = cascade::parse_graph_text(text, "fuzz", read);
      cascade::BuildOptions build;
      build.undirected = undirected || parsed.undirected;
      cascade::build_graph(std::move(parsed.labels), std::move(parsed.arcs), build,
                           std::move(parsed.report));
    } catch (const cascade::InputError&) {
    }
  }
  return 0;
}

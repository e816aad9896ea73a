// `cascade report`: one self-contained HTML page a marketer opens in a browser and forwards.
//
// The library decides what the page shows and computes it: the seeds (chosen, or given), one
// Monte Carlo simulation of them (curves per step with 95% bands, the distribution of final
// reach, each person's chance of being reached, who told whom in run 0), everyone's influence
// (RR sets), Leiden communities with their cohesion, the strategies compared on the same model,
// and what it earned when priced (campaign/value.h, never alone). It writes them as JSON into the
// page template that web/ builds (web/build.mjs bundles sigma.js, graphology, ForceAtlas2 and
// Observable Plot into one script), so the page opens with no network access. Front ends only
// parse their input into a ReportRequest and write the page.
//
// Every string from the data (labels above all) is written into the page as JSON whose "<", ">"
// and "&" are escaped (\u003c, \u003e, \u0026), inside <script type="application/json">, and the
// page's script sets it as text, never as markup: a label such as
// </script><script>alert(1)</script> shows as text and runs nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cascade/api/requests.h"
#include "cascade/graph/graph.h"

namespace cascade {

// Networks with more people (or ties) than this are drawn as their community graph (one node
// per community, sized by members, plus the top influencers), and the page says so: beyond it a
// browser lays out and draws the whole network too slowly to be read.
inline constexpr std::uint32_t kMaxDrawnPeople = 20'000;
inline constexpr std::uint64_t kMaxDrawnTies = 200'000;

struct ReportRequest {
  std::vector<NodeId> seeds;   // given seeds (distinct), or empty: choose k of them
  std::uint32_t k = 10;        // with no seeds given
  ModelRequest model;
  std::string algo = "auto";   // as SeedRequest::algo
  double eps = kDefaultEps;
  std::uint64_t runs = 10'000;  // Monte Carlo runs for the diffusion and for each strategy
  std::vector<double> targets;  // per node a weight >= 0, or empty (SeedRequest::targets)
  std::vector<double> fees;     // one per node, or empty: shown beside each seed
  std::optional<double> cpm;    // what it earned (SimulationRequest)
  std::optional<double> value_per_adoption;
  std::optional<double> default_fee;
  bool communities = true;      // Leiden communities (colours, cohesion table)
  bool compare = true;          // the strategies compared
  std::vector<std::string> strategies = {"optimal", "hubs", "group", "pagerank", "random"};
  std::string top = "10%";      // the influencers listed (InfluenceRequest::top)
  std::uint32_t max_drawn_people = kMaxDrawnPeople;
  std::uint64_t max_drawn_ties = kMaxDrawnTies;
  std::uint64_t seed = kDefaultSeed;
  // Shown on the page, not interpreted: the page's title, the network's name (a file name), and
  // the command that wrote it.
  std::string title;
  std::string network_name;
  std::string command;
};

struct ReportPage {
  std::string html;       // the whole page
  std::string data_json;  // the data it carries (the JSON written into the page)
  std::vector<NodeId> seeds;
  bool drawn_as_communities = false;
  std::vector<Phase> phases;  // what took the time, in order
};

// Graph probabilities must be assigned as the model needs (load with default_prob(model)).
// Throws UsageError for a request out of range (naming the field), as the requests it makes do.
ReportPage make_report(const Graph& graph, const ReportRequest& request);

// The page template with `data_json` written into it (escaped as above). Exposed for tests.
std::string report_page(const std::string& data_json);

}  // namespace cascade

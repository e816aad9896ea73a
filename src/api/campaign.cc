// campaign: the plan's files loaded as the plan says, then run_campaign.
#include "cascade/api/requests.h"

namespace cascade {

CampaignRun campaign(const CampaignPlan& plan) {
  const DiffusionModel model = campaign_model(plan);  // refused before any reading
  LoadRequest load_request;
  load_request.path = plan.graph;
  load_request.undirected = plan.undirected;
  load_request.prob = plan.prob.empty() ? default_prob(model) : plan.prob;
  load_request.seed = plan.seed;
  CampaignRun run{load(load_request), {}};
  CampaignInputs inputs;
  if (!plan.fees.empty()) inputs.fees = read_fees(run.graph, plan.fees, plan.default_fee);
  if (!plan.targets.empty()) inputs.targets = read_targets(run.graph, plan.targets);
  run.report = run_campaign(run.graph, plan, inputs);
  return run;
}

}  // namespace cascade

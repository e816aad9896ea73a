// Cascade's front door: the API (requests in, results out; api/requests.h) and everything it
// speaks of. Include this one header to use the library.
#pragma once

#include "cascade/api/learn.h"
#include "cascade/api/requests.h"
#include "cascade/campaign/parameter_uncertainty.h"
#include "cascade/community/audience.h"
#include "cascade/community/cohesion.h"
#include "cascade/community/leiden.h"
#include "cascade/diffusion/model.h"
#include "cascade/diffusion/simulator.h"
#include "cascade/error.h"
#include "cascade/generate/generators.h"
#include "cascade/graph/arc_posterior.h"
#include "cascade/graph/graph.h"
#include "cascade/graph/load.h"
#include "cascade/graph/probability.h"
#include "cascade/io/csv.h"
#include "cascade/io/file.h"
#include "cascade/io/label_file.h"
#include "cascade/seeding/individual_influence.h"
#include "cascade/seeding/seed_selection.h"
#include "cascade/seeding/validation.h"

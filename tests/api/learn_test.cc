// The learn API for logs held in memory (adoption_log_from_rows, learn_from_logs), against the
// same logs read from text and from a file.
#include "cascade/api/learn.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

// a -> b, and c -> c2:   a --> b    c --> c2
Graph two_people() { return testing::graph_from_text("a b\nc c2\n"); }

// Item 1: b one step after a; 2: a alone; 3: b four steps late; 4: both at once; 5: b alone, and
// zed (outside the graph) adopts item 1 twice; rows out of time order within item 3.
constexpr const char* kText =
    "user,item,time\na,1,0\nb,1,1\nzed,1,2\na,2,0\nb,3,5\na,3,0\na,4,0\nb,4,0\nb,5,0\nzed,1,3\n";

std::vector<AdoptionRow> rows_of_text() {
  return {{"a", "1", 0}, {"b", "1", 1}, {"zed", "1", 2}, {"a", "2", 0}, {"b", "3", 5},
          {"a", "3", 0}, {"a", "4", 0}, {"b", "4", 0},   {"b", "5", 0}, {"zed", "1", 3}};
}

TEST(AdoptionRows, ReadLikeTheActionsText) {
  const Graph g = two_people();
  const AdoptionLog text = parse_adoption_log(g, kText, "log.csv", LogFormat::kActions);
  const std::vector<AdoptionRow> rows = rows_of_text();
  const AdoptionLog from_rows = adoption_log_from_rows(g, rows, "rows", "log");
  EXPECT_EQ(from_rows.source, "rows");
  EXPECT_EQ(from_rows.items, text.items);
  EXPECT_EQ(from_rows.item_offsets, text.item_offsets);
  ASSERT_EQ(from_rows.adoptions.size(), text.adoptions.size());
  for (std::size_t i = 0; i < text.adoptions.size(); ++i) {
    EXPECT_EQ(from_rows.adoptions[i].user, text.adoptions[i].user) << i;
    EXPECT_EQ(from_rows.adoptions[i].outside, text.adoptions[i].outside) << i;
    EXPECT_EQ(from_rows.adoptions[i].time, text.adoptions[i].time) << i;
  }
  EXPECT_EQ(from_rows.rows, 9u);
  EXPECT_EQ(from_rows.repeats_dropped, 1u);
  EXPECT_EQ(from_rows.outside_labels, std::vector<std::string>{"zed"});
  EXPECT_EQ(from_rows.users, text.users);
  EXPECT_TRUE(from_rows.integer_steps);
}

TEST(AdoptionRows, BadRowsNameTheFieldAndTheRow) {
  const Graph g = two_people();
  std::vector<AdoptionRow> rows = rows_of_text();
  rows[3].time = std::numeric_limits<double>::quiet_NaN();
  try {
    adoption_log_from_rows(g, rows, "rows", "test");
    ADD_FAILURE() << "no error for a NaN time";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "test");
    EXPECT_EQ(std::string(e.what()),
              "test: row 3 (user 'a', item '2'): found the time nan; expected a finite number");
  }
  rows = rows_of_text();
  rows[6].user = "";
  try {
    adoption_log_from_rows(g, rows, "rows", "log");
    ADD_FAILURE() << "no error for an empty user";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "log");
    EXPECT_NE(std::string(e.what()).find("row 6 (item '4'): found an empty user"),
              std::string::npos)
        << e.what();
  }
}

TEST(LearnFromLogs, SameAsLearnOnTheFile) {
  const Graph g = two_people();
  const std::string path = testing::scratch_path("learn_api.csv");
  testing::write_text(path, kText);
  LearnRequest request;
  request.log = path;
  request.test = path;
  request.size_runs = 50;
  const LearnResult from_file = learn(g, request);

  const std::vector<AdoptionRow> rows = rows_of_text();
  const AdoptionLog log = adoption_log_from_rows(g, rows, "rows", "log");
  LearnRequest in_memory = request;
  in_memory.log.clear();  // not looked at
  in_memory.test.clear();
  const LearnResult from_rows = learn_from_logs(g, in_memory, log, &log);
  EXPECT_EQ(from_rows.learned.probability, from_file.learned.probability);
  EXPECT_EQ(from_rows.learned.trials, from_file.learned.trials);
  EXPECT_EQ(from_rows.learned.log_likelihood, from_file.learned.log_likelihood);
  EXPECT_EQ(from_rows.quantiles, from_file.quantiles);
  EXPECT_EQ(from_rows.log.source, "rows");
  EXPECT_EQ(from_rows.log.adoptions, from_file.log.adoptions);
  EXPECT_EQ(from_rows.log.outside_users, 1u);
  ASSERT_TRUE(from_rows.has_test);
  ASSERT_EQ(from_rows.held_out.size(), 4u);  // learned, wc, const:0.01, trivalency
  for (std::size_t r = 0; r < 4; ++r) {
    EXPECT_EQ(from_rows.held_out[r].probabilities, from_file.held_out[r].probabilities);
    EXPECT_EQ(from_rows.held_out[r].score.log_likelihood_per_adoption,
              from_file.held_out[r].score.log_likelihood_per_adoption);
    EXPECT_EQ(from_rows.held_out[r].score.hits, from_file.held_out[r].score.hits);
  }
  // b's background: items 3, 4 and 5 of five; a's: items 1 to 4; c and c2: none.
  EXPECT_NEAR(from_rows.mean_background, (3.0 / 5 + 4.0 / 5) / 4, 1e-12);
  EXPECT_FALSE(learn_from_logs(g, in_memory, log, nullptr).has_test);
}

TEST(LearnFromLogs, ChecksEveryFieldButTheLogs) {
  const Graph g = two_people();
  const std::vector<AdoptionRow> rows = rows_of_text();
  const AdoptionLog log = adoption_log_from_rows(g, rows, "rows", "log");
  LearnRequest request;
  EXPECT_NO_THROW(check_learn_settings(request));
  try {
    check_learn_request(request);
    ADD_FAILURE() << "no error without a log";
  } catch (const UsageError& e) {
    EXPECT_EQ(e.field(), "log");
  }
  const auto field = [&](auto change) {
    LearnRequest bad;
    change(bad);
    try {
      learn_from_logs(g, bad, log, nullptr);
    } catch (const UsageError& e) {
      return e.field();
    }
    return std::string("none");
  };
  EXPECT_EQ(field([](LearnRequest& r) { r.method = "nope"; }), "method");
  EXPECT_EQ(field([](LearnRequest& r) { r.log_format = "json"; }), "log_format");
  EXPECT_EQ(field([](LearnRequest& r) { r.prior = {0, 1}; }), "prior");
  EXPECT_EQ(field([](LearnRequest& r) { r.size_runs = 0; }), "size_runs");
  EXPECT_EQ(field([](LearnRequest& r) { r.baselines = {"weight"}; }), "baselines");
  EXPECT_EQ(field([](LearnRequest&) {}), "none");
}

}  // namespace
}  // namespace cascade

#include "cascade/seeding/sample_size.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cascade {
namespace {

using namespace sample_size;

TEST(SampleSize, LogBinomial) {
  EXPECT_NEAR(log_binomial(5, 2), std::log(10.0), 1e-12);  // C(5,2) = 10
  EXPECT_NEAR(log_binomial(7, 0), 0.0, 1e-12);
  EXPECT_NEAR(log_binomial(1000, 10), 53.927997037887, 1e-9);
}

// n = 1000, k = 10, eps = 0.1, delta = 0.001:
//   a = ln(6 / 0.001) = 8.699515, 1 - 1/e = 0.632121, ln C(1000, 10) = 53.927997
//   root = 0.632121 sqrt(8.699515) + sqrt(0.632121 (53.927997 + 8.699515)) = 1.864437 + 6.291916
//        = 8.156353;  theta_max = 2 1000 8.156353^2 / (0.01 10) = 1,330,519.7
//   theta_0 = theta_max 0.01 10 / 1000 = 133.05
TEST(SampleSize, OpimThetaMaxAndThetaZero) {
  EXPECT_NEAR(opim_theta_max(1000, 10, 0.1, 0.001), 1330519.694, 0.01);
  EXPECT_NEAR(opim_theta_zero(1000, 10, 0.1, 0.001), 133.0519694, 1e-5);
}

// Lower bound, coverage 500 of 10,000 sets, n = 1000, delta 0.01 (a = ln 100 = 4.605170):
//   (sqrt(500 + 2a/9) - sqrt(a/2))^2 = (22.382453 - 1.517424)^2 = 435.349, minus a/18 = 0.255843
//   -> 435.0935 x 1000 / 10000 = 43.514  (the plain estimate would be 50)
// Upper bound, coverage bound 600: (sqrt(600 + a/2) + sqrt(a/2))^2 = (24.541757 + 1.517424)^2
//   = 679.08 -> 67.909  (the plain estimate would be 60)
TEST(SampleSize, OpimBounds) {
  EXPECT_NEAR(opim_lower_bound(500, 10000, 1000, 0.01), 43.51392973, 1e-6);
  EXPECT_NEAR(opim_upper_bound(600, 10000, 1000, 0.01), 67.90861195, 1e-6);
  EXPECT_EQ(opim_lower_bound(0, 10000, 1000, 0.01), 0.0);  // never negative
}

// IMM, n = 1000, k = 10, eps = 0.1, l = 1: eps' = 0.141421
//   lambda' = (2 + 2 0.141421 / 3)(53.927997 + 6.907755 + ln log2 1000 = 2.297)(1000) / 0.02
//           = 2.094281 x 63.133 x 1000 / 0.02 = 6,611,111.8
//   alpha = sqrt(6.907755 + 0.693147) = 2.757009, beta = sqrt(0.632121 (53.927997 + 7.600902))
//         = 6.236049; lambda* = 2000 (0.632121 2.757009 + 6.236049)^2 / 0.01 = 12,733,588.9
TEST(SampleSize, ImmLambdas) {
  EXPECT_NEAR(imm_lambda_prime(1000, 10, 0.1, 1), 6611111.817, 0.01);
  EXPECT_NEAR(imm_lambda_star(1000, 10, 0.1, 1), 12733588.909, 0.01);
}

// A target audience of total weight W = 50 whose 2 heaviest people weigh L = 4, on n = 100 nodes,
// k = 2, eps = 0.5, delta = 0.1: ln C(100, 2) = ln 4950 = 8.507143, a = ln 60 = 4.094345,
//   root = 0.632121 sqrt(a) + sqrt(0.632121 (8.507143 + a)) = 1.279064 + 2.822350 = 4.101414
//   theta_max = 2 W root^2 / (eps^2 L) = 100 x 16.821593 / 1 = 1682.159 (untargeted: 2 n / k,
//   here 2 W / L, a quarter as much); theta_0 = theta_max eps^2 L / W = 33.643.
// IMM takes W for the leading n and keeps n in ln C(n, k) and l ln n (l = 1, eps' = 0.707107):
//   lambda' = (2 + 2 eps'/3)(8.507143 + 4.605170 + ln log2 100 = 1.893693) 50 / 0.5 = 3708.59
//   lambda* = 2 W (0.632121 sqrt(4.605170 + 0.693147) + sqrt(0.632121 (8.507143 + 5.298317)))^2
//           / 0.25 = 7776.14
TEST(SampleSize, TargetedBoundsTakeTheAudiencesWeight) {
  EXPECT_NEAR(opim_theta_max(100, 2, 0.5, 0.1, 50, 4), 1682.159242, 1e-5);
  EXPECT_NEAR(opim_theta_zero(100, 2, 0.5, 0.1, 50, 4), 33.643185, 1e-5);
  EXPECT_NEAR(imm_lambda_prime(100, 2, 0.5, 1, 50), 3708.591005, 1e-5);
  EXPECT_NEAR(imm_lambda_star(100, 2, 0.5, 1, 50), 7776.139950, 1e-5);
  // Untargeted, W = n and L = k: the same numbers as the overloads without them.
  EXPECT_EQ(opim_theta_max(1000, 10, 0.1, 0.001, 1000, 10), opim_theta_max(1000, 10, 0.1, 0.001));
  EXPECT_EQ(opim_theta_zero(1000, 10, 0.1, 0.001, 1000, 10), opim_theta_zero(1000, 10, 0.1, 0.001));
}

}  // namespace
}  // namespace cascade

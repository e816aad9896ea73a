// The sample-size bounds of IMM and OPIM-C as pure functions, so that each can be checked against
// values worked out by hand. ln C(n, k) is computed with lgamma.
//
// With a target audience (reach_objective.h) a spread is W x a probability, W the total target
// weight, instead of n x one: the concentration bounds are the same with n replaced by W (they
// bound the probability), and OPIM-C's theta_max, which divides by a lower bound on the optimum,
// takes the weight L of the k heaviest targets instead of k (k seeds reach at least themselves).
// The overloads without scale and optimum_lower are the untargeted case, W = n and L = k. The
// number of candidate sets C(n, k) and IMM's failure probability 1/n^l keep n, the number of nodes.
#pragma once

#include <cstdint>

namespace cascade::sample_size {

// ln C(n, k).
double log_binomial(double n, double k);

// OPIM-C (Tang, Tang, Xiao, Yuan, SIGMOD 2018, Algorithm 2).
// theta_max = 2n ((1 - 1/e) sqrt(ln(6/delta)) + sqrt((1 - 1/e)(ln C(n,k) + ln(6/delta))))^2 / (eps^2 k)
double opim_theta_max(double n, double k, double epsilon, double delta);
double opim_theta_max(double n, double k, double epsilon, double delta, double scale,
                      double optimum_lower);
// theta_0 = theta_max eps^2 k / n
double opim_theta_zero(double n, double k, double epsilon, double delta);
double opim_theta_zero(double n, double k, double epsilon, double delta, double scale,
                       double optimum_lower);
// Lower bound on the spread of S from its coverage Lambda in theta independent RR sets, holding
// with probability 1 - delta_2 (a = ln(1/delta_2)):
// ((sqrt(Lambda + 2a/9) - sqrt(a/2))^2 - a/18) n / theta
double opim_lower_bound(double coverage, double theta, double n, double delta);
// Upper bound on the optimal spread from an upper bound Lambda_u on the optimal coverage in theta
// RR sets, with probability 1 - delta_1 (a = ln(1/delta_1)): (sqrt(Lambda_u + a/2) + sqrt(a/2))^2 n / theta
double opim_upper_bound(double coverage_upper, double theta, double n, double delta);

// IMM (Tang, Shi, Xiao, SIGMOD 2015), with eps' = sqrt(2) eps.
// lambda' = (2 + 2 eps'/3)(ln C(n,k) + l ln n + ln log2 n) n / eps'^2
double imm_lambda_prime(double n, double k, double epsilon, double ell);
double imm_lambda_prime(double n, double k, double epsilon, double ell, double scale);
// lambda* = 2n ((1 - 1/e) alpha + beta)^2 / eps^2, alpha = sqrt(l ln n + ln 2),
// beta = sqrt((1 - 1/e)(ln C(n,k) + l ln n + ln 2))
double imm_lambda_star(double n, double k, double epsilon, double ell);
double imm_lambda_star(double n, double k, double epsilon, double ell, double scale);

}  // namespace cascade::sample_size

#include "cascade/seeding/sample_size.h"

#include <algorithm>
#include <cmath>

namespace cascade::sample_size {
namespace {
constexpr double kOneMinusInvE = 1.0 - 1.0 / 2.718281828459045235360287;
}

double log_binomial(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

double opim_theta_max(double n, double k, double epsilon, double delta) {
  return opim_theta_max(n, k, epsilon, delta, n, k);
}

double opim_theta_max(double n, double k, double epsilon, double delta, double scale,
                      double optimum_lower) {
  const double a = std::log(6.0 / delta);
  const double root = kOneMinusInvE * std::sqrt(a) +
                      std::sqrt(kOneMinusInvE * (log_binomial(n, k) + a));
  return 2.0 * scale * root * root / (epsilon * epsilon * optimum_lower);
}

double opim_theta_zero(double n, double k, double epsilon, double delta) {
  return opim_theta_zero(n, k, epsilon, delta, n, k);
}

double opim_theta_zero(double n, double k, double epsilon, double delta, double scale,
                       double optimum_lower) {
  return opim_theta_max(n, k, epsilon, delta, scale, optimum_lower) * epsilon * epsilon *
         optimum_lower / scale;
}

double opim_lower_bound(double coverage, double theta, double n, double delta) {
  const double a = std::log(1.0 / delta);
  const double root = std::sqrt(coverage + 2.0 * a / 9.0) - std::sqrt(a / 2.0);
  if (root <= 0) return 0;
  return std::max(0.0, (root * root - a / 18.0) * n / theta);
}

double opim_upper_bound(double coverage_upper, double theta, double n, double delta) {
  const double a = std::log(1.0 / delta);
  const double root = std::sqrt(coverage_upper + a / 2.0) + std::sqrt(a / 2.0);
  return root * root * n / theta;
}

double imm_lambda_prime(double n, double k, double epsilon, double ell) {
  return imm_lambda_prime(n, k, epsilon, ell, n);
}

double imm_lambda_prime(double n, double k, double epsilon, double ell, double scale) {
  const double e = std::sqrt(2.0) * epsilon;
  return (2.0 + 2.0 * e / 3.0) *
         (log_binomial(n, k) + ell * std::log(n) + std::log(std::log2(n))) * scale / (e * e);
}

double imm_lambda_star(double n, double k, double epsilon, double ell) {
  return imm_lambda_star(n, k, epsilon, ell, n);
}

double imm_lambda_star(double n, double k, double epsilon, double ell, double scale) {
  const double alpha = std::sqrt(ell * std::log(n) + std::log(2.0));
  const double beta = std::sqrt(kOneMinusInvE * (log_binomial(n, k) + ell * std::log(n) + std::log(2.0)));
  const double root = kOneMinusInvE * alpha + beta;
  return 2.0 * scale * root * root / (epsilon * epsilon);
}

}  // namespace cascade::sample_size

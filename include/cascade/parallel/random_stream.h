// Per-item random streams: the only source of randomness in Cascade.
//
// Every randomized computation draws from a stream derived from (seed, purpose, item index), never
// from a per-thread generator, so a result depends on the seed alone and not on how many threads ran
// or which thread took which item. The derivation hashes the three values with the SplitMix64
// finalizer (Steele, Lea, Flood, OOPSLA 2014); the stream itself is xoshiro256** (Blackman, Vigna,
// ACM TOMS 2021), seeded from the derived key through SplitMix64 as its authors recommend.
// Streams for different purposes are independent even for the same seed and index.
//
// All conversions to floating point and bounded integers are written out here rather than taken
// from <random>, whose distributions are allowed to differ between standard libraries.
#pragma once

#include <cstdint>
#include <limits>

namespace cascade {

// What a stream is for. The numeric values are part of the reproducibility contract: changing one
// changes every result drawn for that purpose.
enum class StreamPurpose : std::uint64_t {
  kTrivalency = 1,          // per-arc draw of a trivalency probability
  kClusteringSample = 2,    // nodes sampled to estimate the clustering coefficient
  kMonteCarlo = 3,          // one Monte Carlo diffusion run
  kReverseReachable = 4,    // one reverse-reachable set
  kValidation = 5,          // independent validation samples
  kThreshold = 6,           // per-node thresholds
  kGenerator = 7,           // synthetic graph generation
  kReverseReachableCheck = 8,  // the second, independent RR collection of OPIM-C
  kRandomSeeds = 9,         // the random-seeds baseline
  kCommunities = 10,        // community detection (one stream per Leiden level)
  kInfluenceCheck = 11,     // RR sets that re-estimate the top of the influencer ranking
  kCampaignWorld = 20,      // a campaign's fixed worlds: per (world, arc) coins and node choices
  kCampaignSelection = 21,  // a campaign phase chosen in one world (campaign/campaign.h)
  kCampaignQuality = 36,    // icn campaign worlds: per (world, node) the satisfaction coin

  kCompetitiveWorld = 30,   // competitive ic: per (run, arc) coins shared by rumor and protectors
  kBlockingValidation = 31, // the same, for the independent check of chosen protectors

  kParameterDraw = 12,      // one arc's probability in one draw from its posterior
  kPositiveReach = 34,      // one positive-reach RR sample (rrset/positive_rr_sampler.h)
  kPositiveReachCheck = 35, // the second, independent positive-reach collection
  kTest = 99,               // tests only
};

// The SplitMix64 output function: a bijective 64-bit mixer with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A key that identifies (seed, purpose, index); distinct triples give unrelated keys.
constexpr std::uint64_t stream_key(std::uint64_t seed, StreamPurpose purpose, std::uint64_t index) {
  return mix64(mix64(mix64(seed) ^ static_cast<std::uint64_t>(purpose)) ^ index);
}

// One uniform double in [0, 1) determined by (seed, purpose, a, b), for draws that must be the same
// wherever they are looked up from (an arc's trivalency probability from either endpoint).
constexpr double hashed_uniform(std::uint64_t seed, StreamPurpose purpose, std::uint64_t a,
                                std::uint64_t b) {
  return static_cast<double>(mix64(stream_key(seed, purpose, a) ^ mix64(b)) >> 11) * 0x1.0p-53;
}

class RandomStream {
 public:
  using result_type = std::uint64_t;

  RandomStream(std::uint64_t seed, StreamPurpose purpose, std::uint64_t index) {
    std::uint64_t key = stream_key(seed, purpose, index);
    for (auto& word : state_) {
      word = mix64(key);  // mix64 adds the SplitMix64 increment itself
      key += 0x9e3779b97f4a7c15ULL;
    }
  }

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() { return next(); }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // Uniform in [0, 1), 24 random bits: enough to compare with a float probability.
  float uniform_float() { return static_cast<float>(next() >> 40) * 0x1.0p-24f; }

  // Uniform integer in [0, bound), bound > 0, without modulo bias (Lemire, ACM TOMACS 2019).
  std::uint64_t below(std::uint64_t bound) {
    __extension__ using uint128 = unsigned __int128;
    uint128 product = static_cast<uint128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
      const std::uint64_t threshold = (0 - bound) % bound;
      while (low < threshold) {
        product = static_cast<uint128>(next()) * bound;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::uint64_t state_[4];
};

}  // namespace cascade

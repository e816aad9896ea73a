#include "cascade/graph/snapshot.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "cascade/error.h"
#include "cascade/io/file.h"

namespace cascade {
namespace {

static_assert(std::endian::native == std::endian::little, "snapshots are little-endian");

constexpr std::uint32_t kFlagUndirected = 1;
constexpr std::uint32_t kFlagWeighted = 2;
constexpr std::uint32_t kFlagNameLabels = 4;
constexpr std::uint32_t kKnownFlags = 7;
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 * 5;

struct Header {
  std::uint32_t version;
  std::uint32_t flags;
  std::uint64_t nodes;
  std::uint64_t arcs;
  std::uint64_t self_loops_dropped;
  std::uint64_t duplicates_merged;
  std::uint64_t file_size;
};

// Accumulates bytes and their CRC as they are written.
class Writer {
 public:
  explicit Writer(AtomicOutputFile& file) : file_(file) {}
  void bytes(const void* data, std::size_t size) {
    file_.write(data, size);
    const auto* p = static_cast<const Bytef*>(data);
    while (size > 0) {
      const auto chunk = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
      crc_ = crc32(crc_, p, chunk);
      p += chunk;
      size -= chunk;
    }
  }
  template <typename T>
  void value(T v) { bytes(&v, sizeof v); }
  template <typename T>
  void array(const std::vector<T>& v) { bytes(v.data(), v.size() * sizeof(T)); }
  uLong crc() const { return crc_; }

 private:
  AtomicOutputFile& file_;
  uLong crc_ = crc32(0, nullptr, 0);
};

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& source) : bytes_(bytes), source_(source) {}
  void bytes(void* out, std::size_t size, const char* what) {
    if (size > bytes_.size() - position_) {
      throw InputError(source_, 0,
                       fmt::format("snapshot ends inside the {} section (truncated file?); "
                                   "expected {} more bytes",
                                   what, size - (bytes_.size() - position_)));
    }
    if (size != 0) std::memcpy(out, bytes_.data() + position_, size);
    position_ += size;
  }
  template <typename T>
  T value(const char* what) {
    T v;
    bytes(&v, sizeof v, what);
    return v;
  }
  template <typename T>
  std::vector<T> array(std::uint64_t count, const char* what) {
    if (count > (bytes_.size() - position_) / sizeof(T)) {
      throw InputError(source_, 0,
                       fmt::format("snapshot is too short for its {} section (truncated file?)",
                                   what));
    }
    std::vector<T> v(count);
    bytes(v.data(), count * sizeof(T), what);
    return v;
  }
  std::size_t position() const { return position_; }

 private:
  std::string_view bytes_;
  const std::string& source_;
  std::size_t position_ = 0;
};

uLong crc_of(std::string_view bytes) {
  uLong crc = crc32(0, nullptr, 0);
  const auto* p = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t size = bytes.size();
  while (size > 0) {
    const auto chunk = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    crc = crc32(crc, p, chunk);
    p += chunk;
    size -= chunk;
  }
  return crc;
}

}  // namespace

bool looks_like_snapshot(std::string_view first_bytes) {
  return first_bytes.substr(0, kSnapshotMagic.size()) == kSnapshotMagic;
}

void write_snapshot(const Graph& graph, const std::string& path) {
  const GraphArrays& arrays = graph.arrays();
  const NodeLabels& labels = graph.labels();
  const bool names = !labels.is_integer() && labels.size() > 0;
  std::uint64_t names_bytes = 0;
  for (const auto& name : labels.names()) names_bytes += name.size();

  Header header{};
  header.version = kSnapshotVersion;
  header.flags = (graph.directed() ? 0 : kFlagUndirected) | (graph.weighted() ? kFlagWeighted : 0) |
                 (names ? kFlagNameLabels : 0);
  header.nodes = graph.num_nodes();
  header.arcs = graph.num_arcs();
  header.self_loops_dropped = graph.load_report().self_loops_dropped;
  header.duplicates_merged = graph.load_report().duplicates_merged;
  const std::uint64_t n = header.nodes, m = header.arcs;
  header.file_size = kHeaderSize + 2 * (n + 1) * 8 + 2 * m * 4 + (graph.weighted() ? 2 * m * 4 : 0) +
                     (names ? (n + 1) * 8 + names_bytes : n * 8) + 4;

  AtomicOutputFile file(path);
  Writer out(file);
  out.bytes(kSnapshotMagic.data(), kSnapshotMagic.size());
  out.value(header.version);
  out.value(header.flags);
  out.value(header.nodes);
  out.value(header.arcs);
  out.value(header.self_loops_dropped);
  out.value(header.duplicates_merged);
  out.value(header.file_size);
  out.array(arrays.out_offsets);
  out.array(arrays.out_targets);
  out.array(arrays.in_offsets);
  out.array(arrays.in_sources);
  if (graph.weighted()) {
    out.array(arrays.out_weights);
    out.array(arrays.in_weights);
  }
  if (names) {
    std::uint64_t offset = 0;
    out.value(offset);
    for (const auto& name : labels.names()) out.value(offset += name.size());
    for (const auto& name : labels.names()) out.bytes(name.data(), name.size());
  } else {
    out.array(labels.integers());
  }
  const auto crc = static_cast<std::uint32_t>(out.crc());
  file.write(&crc, sizeof crc);
  file.commit();
}

Graph parse_snapshot(std::string_view bytes, const std::string& source) {
  if (!looks_like_snapshot(bytes)) {
    throw InputError(source, 0, "found no snapshot magic number; expected a file written by "
                                "'cascade convert'");
  }
  Reader in(bytes, source);
  char magic[8];
  in.bytes(magic, sizeof magic, "header");
  Header header{};
  header.version = in.value<std::uint32_t>("header");
  if (header.version != kSnapshotVersion) {
    throw InputError(source, 0,
                     fmt::format("snapshot format version {}; expected version {} (re-create it "
                                 "with this cascade's 'convert')",
                                 header.version, kSnapshotVersion));
  }
  header.flags = in.value<std::uint32_t>("header");
  header.nodes = in.value<std::uint64_t>("header");
  header.arcs = in.value<std::uint64_t>("header");
  header.self_loops_dropped = in.value<std::uint64_t>("header");
  header.duplicates_merged = in.value<std::uint64_t>("header");
  header.file_size = in.value<std::uint64_t>("header");
  if (header.file_size != bytes.size()) {
    throw InputError(source, 0,
                     fmt::format("snapshot is {} bytes; its header says {} (truncated or damaged "
                                 "file?)",
                                 bytes.size(), header.file_size));
  }
  const auto stored_crc = [&] {
    std::uint32_t crc;
    std::memcpy(&crc, bytes.data() + bytes.size() - sizeof crc, sizeof crc);
    return crc;
  }();
  if (crc_of(bytes.substr(0, bytes.size() - 4)) != stored_crc) {
    throw InputError(source, 0, "snapshot checksum does not match (damaged file?)");
  }
  if ((header.flags & ~kKnownFlags) != 0 || header.nodes > std::numeric_limits<NodeId>::max() - 1) {
    throw InputError(source, 0, "snapshot header holds unknown flags or too many nodes");
  }
  const std::uint64_t n = header.nodes, m = header.arcs;
  GraphArrays arrays;
  arrays.out_offsets = in.array<ArcIndex>(n + 1, "out-offsets");
  arrays.out_targets = in.array<NodeId>(m, "out-targets");
  arrays.in_offsets = in.array<ArcIndex>(n + 1, "in-offsets");
  arrays.in_sources = in.array<NodeId>(m, "in-sources");
  if (header.flags & kFlagWeighted) {
    arrays.out_weights = in.array<float>(m, "weights");
    arrays.in_weights = in.array<float>(m, "weights");
  }
  NodeLabels labels;
  if (header.flags & kFlagNameLabels) {
    const auto offsets = in.array<std::uint64_t>(n + 1, "label offsets");
    const std::size_t start = in.position();
    const bool ascending = std::is_sorted(offsets.begin(), offsets.end());
    if (!ascending || offsets.front() != 0 || offsets.back() > bytes.size() - start) {
      throw InputError(source, 0, "snapshot label section is damaged");
    }
    std::vector<std::string> names(n);
    for (std::size_t i = 0; i < n; ++i) {
      names[i].assign(bytes.data() + start + offsets[i], offsets[i + 1] - offsets[i]);
    }
    in.array<char>(offsets.back(), "labels");
    try {
      labels = NodeLabels::from_names(std::move(names));
    } catch (const UsageError&) {
      throw InputError(source, 0, "snapshot labels repeat (damaged file?)");
    }
  } else {
    auto values = in.array<std::int64_t>(n, "labels");
    for (std::size_t i = 1; i < values.size(); ++i) {
      if (values[i] <= values[i - 1]) throw InputError(source, 0, "snapshot labels are not ascending");
    }
    labels = NodeLabels::from_integers(std::move(values));
  }
  if (in.position() + 4 != bytes.size()) {
    throw InputError(source, 0, "snapshot sections do not add up to its size (damaged file?)");
  }
  LoadReport report;
  report.source = source;
  report.format = "snapshot";
  report.bytes = bytes.size();
  report.self_loops_dropped = header.self_loops_dropped;
  report.duplicates_merged = header.duplicates_merged;
  if (n == 0 && (header.flags & kFlagNameLabels) == 0) labels = NodeLabels{};
  return Graph(std::move(arrays), std::move(labels), (header.flags & kFlagUndirected) == 0,
               std::move(report));
}

}  // namespace cascade

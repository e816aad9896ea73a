// libFuzzer target for the snapshot reader. A checksum guards real snapshots, so the fuzzer would
// rarely get past it: half the inputs get a correct header size and checksum patched in, so the
// section parsing and validation behind them are exercised too.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "cascade/error.h"
#include "cascade/graph/snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const bool patch = size > 0 && (data[0] & 1);
  if (patch && bytes.size() >= 56) {
    std::memcpy(bytes.data(), "CSCGRAPH", 8);
    const std::uint64_t total = bytes.size() + 4;
    std::memcpy(bytes.data() + 48, &total, 8);  // the header's file-size field
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
    bytes.append(reinterpret_cast<const char*>(&crc), 4);
  }
  try {
    cascade::parse_snapshot(bytes, "fuzz");
  } catch (const cascade::InputError&) {
  }
  return 0;
}

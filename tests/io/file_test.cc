#include "cascade/io/file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cascade/error.h"
#include "test_graphs.h"

namespace cascade {
namespace {

TEST(File, ReadsPlainAndGzipAlike) {
  const std::string text = "0 1\n1 2\n";
  const std::string plain = testing::scratch_path("plain.txt");
  const std::string gz = testing::scratch_path("plain.txt.gz");
  testing::write_text(plain, text);
  testing::write_text(gz, gzip_compress(text));
  EXPECT_EQ(read_file(plain), text);
  EXPECT_EQ(read_file(gz), text);
  // Concatenated members decompress as one stream, as gzip -d does.
  testing::write_text(gz, gzip_compress("0 1\n") + gzip_compress("1 2\n"));
  EXPECT_EQ(read_file(gz), text);
}

TEST(File, TruncatedOrCorruptGzipIsAnError) {
  std::string compressed = gzip_compress(std::string(10000, 'x') + "\n");
  const std::string path = testing::scratch_path("cut.gz");
  testing::write_text(path, compressed.substr(0, compressed.size() / 2));
  try {
    read_file(path);
    FAIL() << "truncated gzip was read";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("gzip data ends early"), std::string::npos);
  }
  compressed[12] = static_cast<char>(compressed[12] ^ 0xff);
  testing::write_text(path, compressed);
  EXPECT_THROW(read_file(path), InputError);
}

TEST(File, MissingFileIsAnError) {
  try {
    read_file("/nonexistent/graph.txt");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/graph.txt: cannot open: No such file or directory");
  }
}

TEST(File, AtomicOutputLeavesNothingUnlessCommitted) {
  const std::string path = testing::scratch_path("out.txt");
  const auto folder = std::filesystem::path(path).parent_path();
  auto files_named_out = [&] {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      count += entry.path().filename().string().starts_with("out.txt");
    }
    return count;
  };
  std::filesystem::remove(path);
  {
    AtomicOutputFile file(path);
    file.write("partial");
  }  // abandoned, as when an exception unwinds
  EXPECT_EQ(files_named_out(), 0);
  {
    AtomicOutputFile file(path);
    file.write("done\n");
    file.commit();
  }
  EXPECT_EQ(files_named_out(), 1);
  EXPECT_EQ(read_file(path), "done\n");
}

}  // namespace
}  // namespace cascade

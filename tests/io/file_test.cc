#include "cascade/io/file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>

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

// The names in `folder` that start with `prefix` (the file and any temporary beside it).
std::vector<std::string> names_starting_with(const std::string& folder, const std::string& prefix) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string fresh_folder(const std::string& name) {
  const std::string folder = testing::scratch_path(name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

void write_atomically(const std::string& path, std::string_view text) {
  AtomicOutputFile file(path);
  file.write(text);
  file.commit();
}

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

TEST(File, AtomicOutputWritesThroughSymbolicLinksAndKeepsThem) {
  // folder/link.txt -> target.txt, and folder/sub/up.txt -> ../target.txt (relative to the link).
  const std::string folder = fresh_folder("links");
  std::filesystem::create_directories(folder + "/sub");
  testing::write_text(folder + "/target.txt", "old\n");
  ::chmod((folder + "/target.txt").c_str(), 0640);
  std::filesystem::create_symlink("target.txt", folder + "/link.txt");
  std::filesystem::create_symlink("../target.txt", folder + "/sub/up.txt");

  write_atomically(folder + "/link.txt", "new\n");
  EXPECT_TRUE(std::filesystem::is_symlink(folder + "/link.txt"));
  EXPECT_EQ(read_file(folder + "/target.txt"), "new\n");
  // The replaced file keeps its permissions.
  struct stat info{};
  ASSERT_EQ(::stat((folder + "/target.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);

  write_atomically(folder + "/sub/up.txt", "newer\n");
  EXPECT_TRUE(std::filesystem::is_symlink(folder + "/sub/up.txt"));
  EXPECT_EQ(read_file(folder + "/target.txt"), "newer\n");
  EXPECT_TRUE(names_starting_with(folder + "/sub", "up.txt.tmp").empty());

  // A dangling link: its target is created, the link stays.
  std::filesystem::create_symlink("made.txt", folder + "/dangling.txt");
  write_atomically(folder + "/dangling.txt", "made\n");
  EXPECT_TRUE(std::filesystem::is_symlink(folder + "/dangling.txt"));
  EXPECT_EQ(read_file(folder + "/made.txt"), "made\n");
  EXPECT_EQ(names_starting_with(folder, ""),
            (std::vector<std::string>{"dangling.txt", "link.txt", "made.txt", "sub",
                                      "target.txt"}));
}

TEST(File, AtomicOutputWritesIntoAFifoWithoutReplacingIt) {
  const std::string folder = fresh_folder("fifo");
  const std::string fifo = folder + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  const std::string text(100000, 'x');  // more than a pipe buffer
  {
    AtomicOutputFile file(fifo);
    EXPECT_FALSE(file.atomic());
    file.write(text);
    file.commit();
  }
  reader.join();
  EXPECT_EQ(received, text);
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
  EXPECT_EQ(names_starting_with(folder, ""), std::vector<std::string>{"pipe"});
}

TEST(File, AtomicOutputWritesDevicesDirectly) {
  {
    AtomicOutputFile file("/dev/null");
    EXPECT_FALSE(file.atomic());
    file.write("nothing\n");
    file.commit();
  }
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
  // A failed direct write is an error naming the file.
  EXPECT_EQ(message_of([] { write_atomically("/dev/full", std::string(100000, 'x')); }),
            "/dev/full: write failed: No space left on device");
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/full"));
}

TEST(File, DashWritesToStandardOutput) {
  const std::string captured = testing::scratch_path("stdout.txt");
  const std::string before = std::filesystem::current_path().string();
  const bool dash_existed = std::filesystem::exists("-");
  std::fflush(stdout);
  const int saved = ::dup(STDOUT_FILENO);
  const int fd = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDOUT_FILENO);
  ::close(fd);
  bool atomic = true;
  {
    AtomicOutputFile file("-");
    atomic = file.atomic();
    file.write("to standard output\n");
    file.commit();
  }
  std::fflush(stdout);
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  EXPECT_FALSE(atomic);
  EXPECT_EQ(read_file(captured), "to standard output\n");
  EXPECT_EQ(std::filesystem::exists("-"), dash_existed) << "a file named - appeared in " << before;
}

TEST(File, CheckOutputPathFindsUnwritablePathsWithoutCreatingAnything) {
  const std::string folder = fresh_folder("check");
  testing::write_text(folder + "/exists.txt", "x");
  EXPECT_NO_THROW(check_output_path("-"));
  EXPECT_NO_THROW(check_output_path(folder + "/exists.txt"));
  EXPECT_NO_THROW(check_output_path(folder + "/new.txt"));
  EXPECT_NO_THROW(check_output_path("/dev/null"));
  EXPECT_EQ(message_of([&] { check_output_path(folder + "/missing/out.txt"); }),
            folder + "/missing/out.txt: cannot write: the folder " + folder +
                "/missing does not exist");
  EXPECT_EQ(message_of([&] { check_output_path(folder); }),
            folder + ": cannot write: is a directory");
  EXPECT_EQ(message_of([&] { check_output_path(folder + "/exists.txt/out.txt"); }),
            folder + "/exists.txt/out.txt: cannot write: " + folder +
                "/exists.txt is not a folder");
  EXPECT_NE(message_of([] { check_output_path(""); }).find("output path is empty"),
            std::string::npos);
  // A link to a directory is a directory.
  std::filesystem::create_symlink(folder, folder + "/to_folder");
  EXPECT_NE(message_of([&] { check_output_path(folder + "/to_folder"); }).find("is a directory"),
            std::string::npos);
  // The constructor reports the same, before creating anything.
  EXPECT_EQ(message_of([&] { AtomicOutputFile file(folder + "/missing/out.txt"); }),
            folder + "/missing/out.txt: cannot write: the folder " + folder +
                "/missing does not exist");
  EXPECT_EQ(names_starting_with(folder, ""),
            (std::vector<std::string>{"exists.txt", "to_folder"}));

  // A folder without write permission: refused exactly when a file cannot be created there
  // (root may write anyway).
  const std::string locked = folder + "/locked";
  std::filesystem::create_directories(locked);
  ::chmod(locked.c_str(), 0555);
  const int probe = ::open((locked + "/probe").c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  const bool creatable = probe >= 0;
  if (creatable) {
    ::close(probe);
    ::unlink((locked + "/probe").c_str());
  }
  const std::string message = message_of([&] { check_output_path(locked + "/out.txt"); });
  if (creatable) {
    EXPECT_EQ(message, "(no InputError)");
  } else {
    EXPECT_EQ(message, locked + "/out.txt: cannot write: the folder " + locked +
                           " is not writable (Permission denied)");
  }
  ::chmod(locked.c_str(), 0755);
}

// A child process that holds an uncommitted temporary file and receives `signal_number`: it must
// die by that signal (exit status 128 + signal in a shell) and leave no temporary file behind.
void expect_signal_removes_temporary(int signal_number) {
  const std::string folder = fresh_folder("signal" + std::to_string(signal_number));
  const std::string path = folder + "/out.txt";
  std::fflush(nullptr);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // As in a shell's foreground job (a background job may start with SIGINT ignored).
    std::signal(signal_number, SIG_DFL);
    AtomicOutputFile file(path);
    file.write("partial");
    // The temporary exists now; exit code 3 would say it did not.
    if (names_starting_with(folder, "out.txt.tmp-").size() != 1) ::_exit(3);
    ::raise(signal_number);
    ::_exit(4);  // the signal did not kill the process
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), signal_number);
  EXPECT_TRUE(names_starting_with(folder, "out.txt").empty());
}

TEST(File, InterruptRemovesTemporaryFilesAndStillDiesBySignal) {
  expect_signal_removes_temporary(SIGINT);
  expect_signal_removes_temporary(SIGTERM);
}

}  // namespace
}  // namespace cascade

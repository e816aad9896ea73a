#include "cascade/io/file.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <random>
#include <string_view>

#include "cascade/error.h"

namespace cascade {
namespace {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// Inflates every gzip member in `compressed` (concatenated members are one stream, as gzip -d does).
std::string gunzip(std::string_view compressed, const std::string& path) {
  std::string out;
  out.resize(std::max<std::size_t>(compressed.size() * 4, 1 << 16));
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw InputError(path, 0, "cannot start gzip decoder");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  std::size_t consumed = 0;
  std::size_t produced = 0;
  while (true) {
    if (produced == out.size()) out.resize(out.size() * 2);
    const std::size_t in_chunk = std::min<std::size_t>(compressed.size() - consumed, 1u << 30);
    const std::size_t out_chunk = std::min<std::size_t>(out.size() - produced, 1u << 30);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + consumed));
    stream.avail_in = static_cast<uInt>(in_chunk);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(out_chunk);
    const int status = inflate(&stream, Z_NO_FLUSH);
    consumed += in_chunk - stream.avail_in;
    produced += out_chunk - stream.avail_out;
    if (status == Z_STREAM_END) {
      if (consumed == compressed.size()) break;
      if (!is_gzip(compressed.substr(consumed))) break;  // trailing garbage after the last member
      inflateReset(&stream);
      continue;
    }
    if (status == Z_BUF_ERROR && consumed == compressed.size() && stream.avail_out != 0) {
      inflateEnd(&stream);
      throw InputError(path, 0,
                       "gzip data ends early (truncated file?); expected a complete gzip stream");
    }
    if (status != Z_OK && status != Z_BUF_ERROR) {
      const std::string message = stream.msg ? stream.msg : "unknown error";
      inflateEnd(&stream);
      throw InputError(path, 0, "corrupt gzip data (" + message + ")");
    }
  }
  inflateEnd(&stream);
  out.resize(produced);
  return out;
}

}  // namespace

std::string read_file(const std::string& path) {
  // "-" is standard input (a pipe: read to its end); it is not closed afterwards.
  const bool standard_input = path == "-";
  const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  struct stat info{};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    if (!standard_input) ::close(fd);
    throw InputError(path, 0, "is not a regular file");
  }
  std::string bytes;
  bytes.resize(S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0);
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) bytes.resize(std::max<std::size_t>(bytes.size() * 2, 1 << 16));
    const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      if (!standard_input) ::close(fd);
      throw InputError(path, 0, std::string("read failed: ") + std::strerror(error));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (!standard_input) ::close(fd);
  bytes.resize(done);
  if (is_gzip(bytes)) return gunzip(bytes, path);
  return bytes;
}

std::string gzip_compress(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw InputError("cannot start the gzip encoder");
  }
  std::string out;
  out.resize(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 64);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw InputError("gzip compression failed");
  out.resize(stream.total_out);
  return out;
}

namespace {

// Live temporary files, for the signal handler. Fixed slots of fixed size, so that the handler
// reads them without locks or allocation: a slot's path is valid while its state is kLive.
constexpr int kTemporarySlots = 64;
constexpr std::size_t kTemporaryPathBytes = PATH_MAX;
enum SlotState : int { kFree = 0, kFilling = 1, kLive = 2 };
struct TemporarySlot {
  std::atomic<int> state{kFree};
  char path[kTemporaryPathBytes];
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");
TemporarySlot temporary_slots[kTemporarySlots];

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

// Unlinks the live temporary files, then dies by the same signal with its default action. Only
// async-signal-safe calls: atomic loads, unlink, sigaction, raise.
extern "C" void remove_temporaries_and_reraise(int signal_number) {
  const int saved_errno = errno;
  for (TemporarySlot& slot : temporary_slots) {
    if (slot.state.load(std::memory_order_acquire) == kLive) ::unlink(slot.path);
  }
  struct sigaction action{};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal_number, &action, nullptr);
  errno = saved_errno;
  // Blocked while the handler runs; delivered, with the default action, as it returns.
  ::raise(signal_number);
}

// Checked at every temporary file rather than once, so that a signal whose disposition a host
// program resets to the default later is covered too.
void install_cleanup_handlers() {
  for (const int signal_number : kCleanupSignals) {
    struct sigaction current{};
    if (::sigaction(signal_number, nullptr, &current) != 0) continue;
    const bool default_action =
        (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_DFL;
    if (!default_action) continue;  // ours already, ignored, or the host program's own handler
    struct sigaction action{};
    action.sa_handler = remove_temporaries_and_reraise;
    sigemptyset(&action.sa_mask);
    for (const int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    ::sigaction(signal_number, &action, nullptr);
  }
}

// The slot now recording `path`, or -1 when none is free (the file is then still removed on
// exceptions, only not on signals).
int register_temporary(const std::string& path) {
  if (path.size() >= kTemporaryPathBytes) return -1;
  for (int i = 0; i < kTemporarySlots; ++i) {
    int expected = kFree;
    if (temporary_slots[i].state.compare_exchange_strong(expected, kFilling)) {
      std::memcpy(temporary_slots[i].path, path.c_str(), path.size() + 1);
      temporary_slots[i].state.store(kLive, std::memory_order_release);
      return i;
    }
  }
  return -1;
}

void unregister_temporary(int slot) {
  if (slot >= 0) temporary_slots[slot].state.store(kFree, std::memory_order_release);
}

// Creates a new file named `prefix` + 12 random letters and digits, registered for the signal
// handler before it exists: a signal may reach any thread, even while this one is between creating
// the file and recording it, so the record comes first. Returns the descriptor (-1 and errno on
// failure) and sets `path` and `slot`.
int create_registered_temporary(const std::string& prefix, std::string& path, int& slot) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 random(std::random_device{}() ^
                                      (static_cast<std::uint64_t>(::getpid()) << 32));
  for (int attempt = 0; attempt < 100; ++attempt) {
    path = prefix;
    for (int i = 0; i < 12; ++i) path.push_back(kAlphabet[random() % kAlphabet.size()]);
    slot = register_temporary(path);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    const int error = errno;
    unregister_temporary(slot);
    slot = -1;
    if (error != EEXIST) {
      errno = error;
      return -1;
    }
  }
  errno = EEXIST;
  return -1;
}

std::string folder_of(const std::string& path) {
  const std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// `path` with symbolic links followed until it names something that is not a link (or nothing).
std::string resolve_symbolic_links(const std::string& path) {
  std::string current = path;
  for (int depth = 0; depth < 40; ++depth) {
    struct stat info{};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::string target(PATH_MAX, '\0');
    const ssize_t length = ::readlink(current.c_str(), target.data(), target.size());
    if (length < 0) {
      throw InputError(path, 0, std::string("cannot read symbolic link: ") + std::strerror(errno));
    }
    target.resize(static_cast<std::size_t>(length));
    current = target.starts_with('/') ? target : folder_of(current) + "/" + target;
  }
  throw InputError(path, 0, "cannot write: too many levels of symbolic links");
}

bool writable(const std::string& path, int* error) {
  if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0) return true;
  *error = errno;
  return false;
}

}  // namespace

void check_output_path(const std::string& path) {
  if (is_standard_output(path)) return;
  if (path.empty()) throw InputError("the output path is empty; expected a file name or -");
  const std::string target = resolve_symbolic_links(path);
  const std::string via = target == path ? "" : " (the symbolic link's target " + target + ")";
  struct stat info{};
  if (::stat(target.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) throw InputError(path, 0, "cannot write: is a directory" + via);
    int error = 0;
    if (!S_ISREG(info.st_mode)) {
      if (!writable(target, &error)) {
        throw InputError(path, 0, std::string("cannot write: ") + std::strerror(error) + via);
      }
      return;
    }
    // A regular file is replaced through a temporary file in its folder; a read-only one is
    // refused as the shell's > would refuse it (renaming over it would bypass its mode).
    if (!writable(target, &error)) {
      throw InputError(path, 0, std::string("cannot write: ") + std::strerror(error) + via);
    }
    const std::string folder = folder_of(target);
    if (!writable(folder, &error)) {
      throw InputError(path, 0, "cannot write: the folder " + folder + " is not writable (" +
                                    std::strerror(error) + ")");
    }
    return;
  }
  if (errno == ENOTDIR) {
    // Some folder on the way is a file: name the nearest one that exists.
    std::string ancestor = folder_of(target);
    struct stat ancestor_info{};
    while (::stat(ancestor.c_str(), &ancestor_info) != 0 && ancestor != folder_of(ancestor)) {
      ancestor = folder_of(ancestor);
    }
    throw InputError(path, 0, "cannot write: " + ancestor + " is not a folder");
  }
  if (errno != ENOENT) {
    throw InputError(path, 0, std::string("cannot write: ") + std::strerror(errno));
  }
  const std::string folder = folder_of(target);
  struct stat folder_info{};
  if (::stat(folder.c_str(), &folder_info) != 0) {
    if (errno == ENOENT) {
      throw InputError(path, 0, "cannot write: the folder " + folder + " does not exist");
    }
    throw InputError(path, 0, "cannot write: the folder " + folder + ": " + std::strerror(errno));
  }
  if (!S_ISDIR(folder_info.st_mode)) {
    throw InputError(path, 0, "cannot write: " + folder + " is not a folder");
  }
  int error = 0;
  if (!writable(folder, &error)) {
    throw InputError(path, 0, "cannot write: the folder " + folder + " is not writable (" +
                                  std::strerror(error) + ")");
  }
}

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {
  if (is_standard_output(path_)) {
    standard_output_ = true;
    file_ = stdout;
    return;
  }
  check_output_path(path_);
  final_path_ = resolve_symbolic_links(path_);
  struct stat info{};
  const bool exists = ::stat(final_path_.c_str(), &info) == 0;
  if (exists && !S_ISREG(info.st_mode)) {
    // A FIFO or a device: renaming over it would replace it by a regular file.
    const int fd = ::open(final_path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open for writing", errno);
    file_ = ::fdopen(fd, "wb");
    if (file_ == nullptr) {
      const int error = errno;
      ::close(fd);
      fail("cannot open for writing", error);
    }
    return;
  }
  if (exists) mode_ = info.st_mode & 07777;
  install_cleanup_handlers();
  const int fd = create_registered_temporary(final_path_ + ".tmp-", temporary_path_,
                                             temporary_slot_);
  if (fd < 0) {
    const int error = errno;
    temporary_path_.clear();
    fail("cannot create output file", error);
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    ::unlink(temporary_path_.c_str());
    unregister_temporary(temporary_slot_);
    throw InputError(path_, 0, "cannot open output file");
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (file_ == nullptr || standard_output_) return;
  std::fclose(file_);
  if (atomic()) {
    ::unlink(temporary_path_.c_str());
    unregister_temporary(temporary_slot_);
  }
}

void AtomicOutputFile::fail(const std::string& what, int error) const {
  if (standard_output_) {
    throw InputError(std::string("cannot write to standard output: ") + std::strerror(error));
  }
  throw InputError(path_, 0, what + ": " + std::strerror(error));
}

void AtomicOutputFile::write(const void* data, std::size_t size) {
  if (size != 0 && std::fwrite(data, 1, size, file_) != size) fail("write failed", errno);
}

void AtomicOutputFile::commit() {
  if (standard_output_) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) fail("write failed", errno);
    return;
  }
  bool flushed = std::fflush(file_) == 0 && !std::ferror(file_);
  int error = errno;
  if (flushed && atomic()) {
    flushed = ::fchmod(::fileno(file_), static_cast<mode_t>(mode_)) == 0 &&
              ::fsync(::fileno(file_)) == 0;
    error = errno;
  }
  const bool closed = std::fclose(file_) == 0;
  if (flushed && !closed) error = errno;
  file_ = nullptr;
  if (!flushed || !closed) {
    if (atomic()) {
      ::unlink(temporary_path_.c_str());
      unregister_temporary(temporary_slot_);
    }
    fail("write failed", error);
  }
  if (!atomic()) return;
  if (std::rename(temporary_path_.c_str(), final_path_.c_str()) != 0) {
    error = errno;
    ::unlink(temporary_path_.c_str());
    unregister_temporary(temporary_slot_);
    fail("cannot rename output into place", error);
  }
  unregister_temporary(temporary_slot_);
}

}  // namespace cascade

#include "cascade/io/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
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
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path, 0, std::string("cannot open: ") + std::strerror(errno));
  struct stat info{};
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw InputError(path, 0, "is not a regular file");
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) bytes.resize(std::max<std::size_t>(bytes.size() * 2, 1 << 16));
    const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      throw InputError(path, 0, std::string("read failed: ") + std::strerror(error));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(done);
  if (is_gzip(bytes)) return gunzip(bytes, path);
  return bytes;
}

std::string gzip_compress(std::string_view bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("cannot start gzip encoder");
  }
  std::string out;
  out.resize(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 64);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
  out.resize(stream.total_out);
  return out;
}

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {
  temporary_path_ = path_ + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary_path_.data());
  if (fd < 0) {
    throw InputError(path_, 0, std::string("cannot create output file: ") + std::strerror(errno));
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    ::close(fd);
    ::unlink(temporary_path_.c_str());
    throw InputError(path_, 0, "cannot open output file");
  }
}

AtomicOutputFile::~AtomicOutputFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    ::unlink(temporary_path_.c_str());
  }
}

void AtomicOutputFile::write(const void* data, std::size_t size) {
  if (size != 0 && std::fwrite(data, 1, size, file_) != size) {
    throw InputError(path_, 0, std::string("write failed: ") + std::strerror(errno));
  }
}

void AtomicOutputFile::commit() {
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) {
    ::unlink(temporary_path_.c_str());
    throw InputError(path_, 0, std::string("write failed: ") + std::strerror(errno));
  }
  ::chmod(temporary_path_.c_str(), 0644);
  if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary_path_.c_str());
    throw InputError(path_, 0, std::string("cannot rename output into place: ") +
                                   std::strerror(error));
  }
}

}  // namespace cascade

// Whole-file input and all-or-nothing output.
#pragma once

#include <cstdio>
#include <string>

namespace cascade {

// The file's bytes; gzip input (recognized by its magic bytes) is decompressed. Throws InputError
// for a missing, unreadable or truncated file.
std::string read_file(const std::string& path);

// An output file that appears under its name only when complete: bytes go to a temporary file in
// the same folder, renamed into place by commit(); if commit() is never reached (an exception),
// the temporary file is removed. Throws InputError when the file cannot be created or written.
class AtomicOutputFile {
 public:
  explicit AtomicOutputFile(std::string path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  void write(const void* data, std::size_t size);
  void write(std::string_view text) { write(text.data(), text.size()); }
  void commit();

 private:
  std::string path_;
  std::string temporary_path_;
  std::FILE* file_ = nullptr;
};

// gzip-compresses `bytes` (level 6), for writers whose path ends in .gz.
std::string gzip_compress(std::string_view bytes);

}  // namespace cascade

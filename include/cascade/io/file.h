// Whole-file input and all-or-nothing output.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace cascade {

// The file's bytes ("-": standard input, read to its end); gzip input (recognized by its magic
// bytes) is decompressed. Throws InputError for a missing, unreadable or truncated file.
std::string read_file(const std::string& path);

// The output path that means standard output.
inline bool is_standard_output(const std::string& path) { return path == "-"; }

// Checks, without creating or changing anything, that AtomicOutputFile(path) can be written:
// throws InputError naming the path and the reason (the folder does not exist, is not a folder or
// is not writable; the path is a directory; a FIFO or device is not writable). "-" (standard
// output) always passes. Front ends call it for every output before the work starts, so that a
// mistyped folder is reported at once rather than after minutes of computing.
void check_output_path(const std::string& path);

// An output file that appears under its name only when complete. Where the path is a regular file
// or does not exist, bytes go to a temporary file in the same folder, renamed into place by
// commit(); if commit() is never reached (an exception), the temporary file is removed, and it is
// removed too when the process is killed by SIGINT, SIGTERM or SIGHUP (see below). A symbolic link
// is followed: the file it points to is replaced, the link stays. Anything else (a FIFO, a
// character device such as /dev/null, /dev/stdout) is opened and written directly, since renaming
// would replace it by a regular file. "-" writes to standard output. Throws InputError naming the
// path when the file cannot be created or written.
//
// Signals: creating a temporary file installs handlers for SIGINT, SIGTERM and SIGHUP where a
// signal's disposition is the default (an ignored signal or a host program's own handler is left
// alone). The handler unlinks the live temporary files and re-raises the signal with its default
// action, so the process still dies by that signal (exit status 130 for SIGINT, 143 for SIGTERM in
// a shell). Up to 64 temporary files alive at once are covered.
class AtomicOutputFile {
 public:
  explicit AtomicOutputFile(std::string path);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  void write(const void* data, std::size_t size);
  void write(std::string_view text) { write(text.data(), text.size()); }
  void commit();

  // Whether the bytes go to a temporary file renamed into place (false: written directly).
  bool atomic() const { return !temporary_path_.empty(); }

 private:
  [[noreturn]] void fail(const std::string& what, int error) const;

  std::string path_;            // as given, for messages
  std::string final_path_;      // symbolic links resolved
  std::string temporary_path_;  // empty when written directly
  int temporary_slot_ = -1;     // the signal handler's record of the temporary file
  unsigned mode_ = 0644;        // permissions of the file renamed into place
  std::FILE* file_ = nullptr;
  bool standard_output_ = false;
};

// gzip-compresses `bytes` (level 6), for writers whose path ends in .gz.
std::string gzip_compress(std::string_view bytes);

}  // namespace cascade

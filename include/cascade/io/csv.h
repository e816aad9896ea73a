// Delimited text as RFC 4180, Python's csv module, pandas and Excel write it: fields separated by
// a delimiter, double-quoted when they hold the delimiter, a quote ("" inside quotes) or a line
// break; LF or CRLF line ends; an optional UTF-8 byte-order mark at the start (Excel's
// "CSV UTF-8"). Used for graphs with a header row and for every side file.
//
// Hand-written rather than Debian's libcsv: libcsv pushes fields through callbacks into its own
// buffer (a copy of every field, where graph files need views into the text to load at 100+ MB/s),
// and it reports a malformed quote without the line it is on, which our errors must name. The
// tokenizer below is one pass over the bytes with a 256-entry class table, about 150 lines, and
// is fuzzed through the graph reader's fuzz target.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace cascade {

// One record of a delimited text file as RFC 4180 and Python/pandas/Excel write it.
struct CsvRecord {
  std::vector<std::string_view> fields;  // views into the text, or into reader-owned storage for
                                         // fields that needed unescaping ("" -> ")
  std::uint64_t line = 0;                // physical line (1-based) where the record starts
};

class CsvReader {
 public:
  // text: the whole file; a UTF-8 byte-order mark at the start is skipped. delimiter 0: detected
  // from the first data record (',' then ';' then '\t'). `source` names the file in errors.
  // first_line: the line number of the text's first line, when `text` is the tail of a file.
  CsvReader(std::string_view text, std::string source, char delimiter = 0,
            std::uint64_t first_line = 1);

  // Next record; skips blank lines and lines whose first character (after spaces and tabs) is
  // '#'. Quoted fields may hold the delimiter, "" for a quote, and CR/LF line breaks. LF or CRLF
  // line ends. Unquoted fields are trimmed of spaces/tabs around them; a quote inside an unquoted
  // field is kept as a character (as Python's csv module does). Throws
  // InputError(source, line, "found ...; expected ...") for an unclosed quote or text after a
  // closing quote, for control bytes (binary data) and for a UTF-8 byte-order mark anywhere but at
  // the start of the file. Views into reader-owned storage stay valid until the next call.
  bool next(CsvRecord& record);
  char delimiter() const { return delimiter_; }
  // The physical line the reader has reached (the line after the last record read).
  std::uint64_t line() const { return line_; }
  // Whether `field` views the text itself (stable for the text's lifetime) rather than
  // reader-owned storage that the next call to next() reuses.
  bool views_text(std::string_view field) const {
    return field.data() >= text_.data() && field.data() <= text_.data() + text_.size();
  }

 private:
  [[noreturn]] void fail(std::uint64_t line, const std::string& what) const;
  void check_byte(std::size_t position, std::uint64_t line) const;
  std::size_t skip_blank_and_comment_lines();
  std::string_view quoted_field();

  std::string_view text_;
  std::string source_;
  char delimiter_;
  unsigned char classes_[256] = {};  // each byte's role for the tokenizer (see csv.cc)
  std::size_t position_ = 0;
  std::uint64_t line_ = 1;
  std::deque<std::string> unescaped_;  // one per field that held "", reused record to record
  std::size_t unescaped_used_ = 0;
};

// `value` as a CSV field: double-quoted (inner quotes doubled) when it holds the delimiter, a
// quote, CR or LF, leading/trailing spaces or tabs, or starts with '#'; else as is. The empty
// string stays empty (an empty field). CsvReader reads the result back as `value`.
std::string csv_field(std::string_view value, char delimiter = ',');

// `text` as error messages quote it: at most 40 bytes, control bytes as \xNN, a byte-order mark
// shown as <BOM> and named, in single quotes.
std::string shown_in_message(std::string_view text);

// The three bytes of a UTF-8 byte-order mark, and a description of it for error messages.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";
inline constexpr std::string_view kByteOrderMarkName = "a UTF-8 byte-order mark (bytes EF BB BF)";

}  // namespace cascade

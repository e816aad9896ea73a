#include "cascade/io/csv.h"

#include <fmt/format.h>

#include <cstring>

#include "cascade/error.h"

namespace cascade {
namespace {

// A byte's role, looked up once per byte in the inner loops.
enum ByteClass : unsigned char {
  kOrdinary = 0,
  kDelimiter,
  kQuote,
  kLineFeed,
  kCarriageReturn,
  kControl,   // binary data: bytes below 0x20 other than tab, CR and LF, and DEL
  kBomStart,  // 0xEF: may begin a UTF-8 byte-order mark
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string delimiter_name(char delimiter) {
  return delimiter == '\t' ? std::string("a tab") : fmt::format("'{}'", delimiter);
}


char detect_delimiter(std::string_view record) {
  bool in_quotes = false;
  bool comma = false, semicolon = false, tab = false;
  for (const char c : record) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    comma = comma || c == ',';
    semicolon = semicolon || c == ';';
    tab = tab || c == '\t';
  }
  return comma ? ',' : semicolon ? ';' : tab ? '\t' : ',';
}

}  // namespace

std::string shown_in_message(std::string_view text) {
  constexpr std::size_t kLimit = 40;
  std::string out;
  for (const char c : text.substr(0, kLimit)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? fmt::format("\\x{:02x}", byte) : std::string(1, c);
  }
  if (text.size() > kLimit) out += "...";
  const bool has_mark = out.find(kUtf8ByteOrderMark) != std::string::npos;
  for (std::size_t at; (at = out.find(kUtf8ByteOrderMark)) != std::string::npos;) {
    out.replace(at, kUtf8ByteOrderMark.size(), "<BOM>");
  }
  return fmt::format("'{}'{}", out,
                     has_mark ? fmt::format(" (<BOM> is {})", kByteOrderMarkName) : "");
}

CsvReader::CsvReader(std::string_view text, std::string source, char delimiter,
                     std::uint64_t first_line)
    : text_(text), source_(std::move(source)), delimiter_(delimiter), line_(first_line) {
  if (delimiter_ == '"' || delimiter_ == '\n' || delimiter_ == '\r') {
    throw UsageError("delimiter", "found a quote or a line break; expected another character");
  }
  if (text_.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
    position_ = kUtf8ByteOrderMark.size();
  }
  if (delimiter_ == 0) {
    const std::size_t position = position_;
    const std::uint64_t line = line_;
    delimiter_ = detect_delimiter(text_.substr(skip_blank_and_comment_lines()));
    position_ = position;
    line_ = line;
  }
  for (int byte = 0; byte < 0x20; ++byte) classes_[byte] = kControl;
  classes_[0x7f] = kControl;
  classes_[static_cast<unsigned char>('\t')] = kOrdinary;
  classes_[static_cast<unsigned char>('\n')] = kLineFeed;
  classes_[static_cast<unsigned char>('\r')] = kCarriageReturn;
  classes_[static_cast<unsigned char>('"')] = kQuote;
  classes_[0xEF] = kBomStart;
  classes_[static_cast<unsigned char>(delimiter_)] = kDelimiter;
}

void CsvReader::fail(std::uint64_t line, const std::string& what) const {
  throw InputError(source_, line, what);
}

// Called for a byte of class kControl or kBomStart; returns if it is acceptable.
void CsvReader::check_byte(std::size_t position, std::uint64_t line) const {
  const auto byte = static_cast<unsigned char>(text_[position]);
  if (byte == 0xEF) {
    if (text_.substr(position, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
      fail(line, fmt::format("found {} inside the file; expected one only at the very start "
                             "(were two files joined?)",
                             kByteOrderMarkName));
    }
    return;
  }
  fail(line, fmt::format("found byte 0x{:02x}, binary data where text was expected; expected "
                         "delimited text",
                         byte));
}

// Moves past blank lines and comment lines; returns the new position.
std::size_t CsvReader::skip_blank_and_comment_lines() {
  const std::size_t n = text_.size();
  while (position_ < n) {
    std::size_t i = position_;
    // With a tab delimiter a line of tabs is a record of empty fields, not a blank line.
    while (i < n && is_blank(text_[i]) && text_[i] != delimiter_) ++i;
    while (i < n && text_[i] == '\r') ++i;
    if (i < n && text_[i] == '#') {
      const void* newline = std::memchr(text_.data() + i, '\n', n - i);
      i = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - text_.data()) : n;
    }
    if (i == n) {
      position_ = n;
      break;
    }
    if (text_[i] != '\n') break;
    position_ = i + 1;
    ++line_;
  }
  return position_;
}

// At an opening quote: the field's value (a view into the text unless it held ""), leaving
// position_ after the closing quote.
std::string_view CsvReader::quoted_field() {
  const std::size_t n = text_.size();
  const std::uint64_t opened_on = line_;
  std::size_t i = position_ + 1;
  std::size_t segment = i;  // start of the text not yet copied into `owned`
  std::string* owned = nullptr;
  while (true) {
    if (i >= n) {
      fail(opened_on,
           "found a quoted field that is never closed (it runs to the end of the file); "
           "expected a closing '\"' (a quote inside a quoted field is written \"\")");
    }
    switch (classes_[static_cast<unsigned char>(text_[i])]) {
      case kQuote:
        if (i + 1 < n && text_[i + 1] == '"') {
          if (owned == nullptr) {
            if (unescaped_used_ == unescaped_.size()) unescaped_.emplace_back();
            owned = &unescaped_[unescaped_used_++];
            owned->clear();
          }
          owned->append(text_.data() + segment, i + 1 - segment);  // keeps one quote
          i += 2;
          segment = i;
          continue;
        }
        position_ = i + 1;
        if (owned == nullptr) return text_.substr(segment, i - segment);
        owned->append(text_.data() + segment, i - segment);
        return *owned;
      case kLineFeed:
        ++line_;
        break;
      case kControl:
        check_byte(i, line_);
        break;
      default:  // ordinary bytes, the delimiter, CR, and 0xEF: all text inside quotes
        break;
    }
    ++i;
  }
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  unescaped_used_ = 0;
  skip_blank_and_comment_lines();
  const std::size_t n = text_.size();
  if (position_ >= n) return false;
  record.line = line_;
  while (true) {
    std::size_t i = position_;
    while (i < n && is_blank(text_[i]) && text_[i] != delimiter_) ++i;
    std::string_view value;
    if (i < n && text_[i] == '"') {
      position_ = i;
      value = quoted_field();
      i = position_;
      while (i < n && is_blank(text_[i]) && text_[i] != delimiter_) ++i;
      if (i < n && text_[i] != delimiter_ && text_[i] != '\n' && text_[i] != '\r') {
        std::size_t end = i;
        while (end < n && text_[end] != '\n' && text_[end] != '\r') ++end;
        fail(line_, fmt::format("found {} after a closing quote; expected the delimiter {} or the "
                                "end of the line (a quote inside a quoted field is written \"\")",
                                shown_in_message(text_.substr(i, end - i)), delimiter_name(delimiter_)));
      }
    } else {
      const std::size_t start = i;
      while (i < n) {
        const unsigned char byte_class = classes_[static_cast<unsigned char>(text_[i])];
        if (byte_class == kOrdinary || byte_class == kQuote) {
          ++i;
          continue;
        }
        if (byte_class == kControl || byte_class == kBomStart) {
          check_byte(i, line_);
          ++i;
          continue;
        }
        break;  // delimiter, LF or CR
      }
      std::size_t end = i;
      while (end > start && is_blank(text_[end - 1])) --end;
      value = text_.substr(start, end - start);
    }
    record.fields.push_back(value);
    if (i >= n) {
      position_ = n;
      return true;
    }
    if (text_[i] == delimiter_) {
      position_ = i + 1;
      continue;
    }
    // A line end: LF, or CRs then LF or the end of the text.
    std::size_t after = i;
    while (after < n && text_[after] == '\r') ++after;
    if (after < n && text_[after] != '\n') {
      fail(line_,
           "found a carriage return (CR) that does not end a line; expected LF or CRLF line "
           "ends (a line break inside a field needs quotes)");
    }
    position_ = after < n ? after + 1 : n;
    ++line_;
    return true;
  }
}

std::string csv_field(std::string_view value, char delimiter) {
  const bool needs_quotes =
      !value.empty() &&
      (value.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
       is_blank(value.front()) || is_blank(value.back()) || value.front() == '#' ||
       value.find(kUtf8ByteOrderMark) != std::string_view::npos);
  if (!needs_quotes) return std::string(value);
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  for (const char c : value) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

}  // namespace cascade

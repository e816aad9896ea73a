#include "cascade/io/csv.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "cascade/error.h"

namespace cascade {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows read_all(std::string_view text, char delimiter = 0,
              std::vector<std::uint64_t>* lines = nullptr) {
  CsvReader reader(text, "f.csv", delimiter);
  Rows rows;
  CsvRecord record;
  while (reader.next(record)) {
    rows.emplace_back(record.fields.begin(), record.fields.end());
    if (lines) lines->push_back(record.line);
  }
  return rows;
}

// The InputError for reading all of `text`: "file:line: message", or "" if it read.
std::string error_of(std::string_view text, char delimiter = 0) {
  try {
    read_all(text, delimiter);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(CsvReader, PlainRecordsAndTrimming) {
  EXPECT_EQ(read_all("a,b,c\n 1 ,\t2\t, 3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvReader, EmptyFieldsAndTrailingDelimiter) {
  EXPECT_EQ(read_all("a,,c,\n"), (Rows{{"a", "", "c", ""}}));
}

TEST(CsvReader, ByteOrderMarkAtTheStartIsSkipped) {
  CsvReader reader("\xEF\xBB\xBFsource,target\r\nAnna,Bob\r\n", "f.csv");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields[0], "source");  // not "\ufeffsource"
  EXPECT_EQ(record.line, 1u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields[1], "Bob");
  EXPECT_FALSE(reader.next(record));
}

TEST(CsvReader, ByteOrderMarkElsewhereIsNamed) {
  const std::string error = error_of(
      "a,b\n\xEF\xBB\xBF"
      "c,d\n");
  EXPECT_NE(error.find("f.csv:2: found a UTF-8 byte-order mark"), std::string::npos) << error;
  // Other characters starting with byte 0xEF (fullwidth forms) are text.
  EXPECT_EQ(read_all("\xEF\xBC\x88x,y\n"), (Rows{{"\xEF\xBC\x88x", "y"}}));
}

TEST(CsvReader, DoubledQuotesInsideQuotedFields) {
  std::vector<std::uint64_t> lines;
  EXPECT_EQ(read_all("\"say \"\"hi\"\"\",\"\"\"\",\"\"\n", 0, &lines),
            (Rows{{"say \"hi\"", "\"", ""}}));
  // Two escaped fields in one record: both views stay valid.
  EXPECT_EQ(read_all("\"a\"\"\",\"b\"\"\"\n\"c\"\"\",d\n"), (Rows{{"a\"", "b\""}, {"c\"", "d"}}));
}

TEST(CsvReader, CrlfAndQuotedLineBreaksKeepLineNumbers) {
  std::vector<std::uint64_t> lines;
  const Rows rows = read_all(
      "name,note\r\n\"Müller, Anna\",\"two\r\nlines\"\r\n\r\n# comment\r\n東京 café ☕,x\r\n", 0,
      &lines);
  EXPECT_EQ(rows, (Rows{{"name", "note"}, {"Müller, Anna", "two\r\nlines"}, {"東京 café ☕", "x"}}));
  EXPECT_EQ(lines, (std::vector<std::uint64_t>{1, 2, 6}));
}

TEST(CsvReader, QuotedFieldsKeepSpacesAndSpacesAroundQuotesAreDropped) {
  EXPECT_EQ(read_all(" \"  a  \" , b\n"), (Rows{{"  a  ", "b"}}));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsACharacter) {
  EXPECT_EQ(read_all("5'11\",x\n"), (Rows{{"5'11\"", "x"}}));
}

TEST(CsvReader, DelimiterDetection) {
  EXPECT_EQ(CsvReader("# c,d\na;b\n", "f").delimiter(), ';');
  EXPECT_EQ(CsvReader("a\tb;c\n", "f").delimiter(), ';');
  EXPECT_EQ(CsvReader("a\tb c\n", "f").delimiter(), '\t');
  EXPECT_EQ(CsvReader("\"x,y\";b\n", "f").delimiter(), ';');  // the comma is quoted
  EXPECT_EQ(CsvReader("a,b;c\n", "f").delimiter(), ',');
  EXPECT_EQ(CsvReader("single\n", "f").delimiter(), ',');
  EXPECT_EQ(read_all("a\tb c\n1\t2\n"), (Rows{{"a", "b c"}, {"1", "2"}}));
  // A comma anywhere in the first record outside quotes wins, as the order says.
  EXPECT_EQ(read_all("a\tb, c\n"), (Rows{{"a\tb", "c"}}));
}

TEST(CsvReader, ExplicitDelimiter) { EXPECT_EQ(read_all("a,b\tc\n", '\t'), (Rows{{"a,b", "c"}})); }

TEST(CsvReader, LastLineWithoutLineEnd) {
  EXPECT_EQ(read_all("a,b\nc,d"), (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(read_all("a,b\r"), (Rows{{"a", "b"}}));
}

TEST(CsvReader, UnclosedQuoteNamesTheLineWhereItOpened) {
  const std::string error = error_of("a,b\nc,\"d\ne,f\n");
  EXPECT_EQ(error.rfind("f.csv:2: found a quoted field that is never closed", 0), 0u) << error;
  EXPECT_NE(error.find("expected a closing '\"'"), std::string::npos) << error;
}

TEST(CsvReader, TextAfterClosingQuote) {
  const std::string error = error_of("a,b\n\"c\"d,e\n");
  EXPECT_EQ(
      error.rfind("f.csv:2: found 'd,e' after a closing quote; expected the delimiter ','", 0), 0u)
      << error;
  // On the line where the field closed, not where it opened.
  EXPECT_EQ(error_of("\"a\nb\"x\n").rfind("f.csv:2: found 'x' after a closing quote", 0), 0u);
}

TEST(CsvReader, BinaryDataIsRefusedWithItsLine) {
  const std::string error = error_of(std::string("a,b\nc,d\x01\n", 8));
  EXPECT_EQ(error.rfind("f.csv:2: found byte 0x01, binary data", 0), 0u) << error;
  const std::string nul = error_of(std::string("a,\"b\0\"\n", 7));
  EXPECT_EQ(nul.rfind("f.csv:1: found byte 0x00", 0), 0u) << nul;
}

TEST(CsvReader, LoneCarriageReturnIsRefused) {
  const std::string error = error_of("a,b\rc,d\n");
  EXPECT_EQ(error.rfind("f.csv:1: found a carriage return (CR) that does not end a line", 0), 0u)
      << error;
}

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("a;b"), "a;b");
  EXPECT_EQ(csv_field("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field(" lead"), "\" lead\"");
  EXPECT_EQ(csv_field("trail\t"), "\"trail\t\"");
  EXPECT_EQ(csv_field("#tag"), "\"#tag\"");
  EXPECT_EQ(csv_field("in#side"), "in#side");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("東京 café ☕"), "東京 café ☕");
}

// Writes rows with csv_field and reads them back.
Rows round_trip(const Rows& rows, char delimiter) {
  std::string text;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += delimiter;
      text += csv_field(row[i], delimiter);
    }
    text += "\r\n";
  }
  return read_all(text, delimiter);
}

TEST(CsvField, NastyStringsRoundTrip) {
  const Rows rows = {
      {"\"", "\"\"", ",", "a,\"b\"", " x ", "\t", "#", "# not a comment"},
      {"line\nbreak", "crlf\r\nbreak", "cr\r", "東京 café ☕", "Müller, Anna", "\xEF\xBB\xBFmark",
       "", "end"},
  };
  for (const char delimiter : {',', ';', '\t'}) EXPECT_EQ(round_trip(rows, delimiter), rows);
}

RC_GTEST_PROP(CsvField, AnyTextRoundTrips, ()) {
  // Printable ASCII plus the characters that need care; control bytes are not text.
  const auto character =
      rc::gen::element<char>('a', ' ', '\t', '"', ',', ';', '#', '\r', '\n', 'z', '\xC3', '\xA9');
  const auto field = rc::gen::container<std::string>(character);
  const auto rows = *rc::gen::nonEmpty(
      rc::gen::container<Rows>(rc::gen::container<std::vector<std::string>>(3, field)));
  for (const char delimiter : {',', ';', '\t'}) RC_ASSERT(round_trip(rows, delimiter) == rows);
}

}  // namespace
}  // namespace cascade

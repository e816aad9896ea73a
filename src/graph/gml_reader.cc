#include "cascade/graph/gml_reader.h"

#include <fmt/format.h>

#include <charconv>

#include "cascade/error.h"
#include "cascade/io/csv.h"
#include "graph_document.h"

namespace cascade {
namespace {

struct Token {
  enum Kind { kKey, kString, kNumber, kOpen, kClose, kEnd, kInvalid } kind = kEnd;
  std::string_view text;  // a string's text without its quotes
  std::uint64_t line = 0;
};

const char* kind_name(Token::Kind kind) {
  switch (kind) {
    case Token::kKey:
      return "a key";
    case Token::kString:
      return "a string";
    case Token::kNumber:
      return "a number";
    case Token::kOpen:
      return "'['";
    case Token::kClose:
      return "']'";
    case Token::kEnd:
      return "the end of the file";
    case Token::kInvalid:
      break;
  }
  return "an unexpected character";
}

bool is_key_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_key_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {
    if (text_.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
      position_ = kUtf8ByteOrderMark.size();
    }
  }

  Token next() {
    const std::size_t n = text_.size();
    while (position_ < n) {
      const char c = text_[position_];
      if (c == '\n') {
        ++line_;
        ++position_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++position_;
      } else if (c == '#') {
        while (position_ < n && text_[position_] != '\n') ++position_;
      } else {
        break;
      }
    }
    Token token;
    token.line = line_;
    if (position_ >= n) return token;
    const std::size_t start = position_;
    const char c = text_[position_];
    if (c == '[' || c == ']') {
      ++position_;
      token.kind = c == '[' ? Token::kOpen : Token::kClose;
      token.text = text_.substr(start, 1);
    } else if (c == '"') {
      const std::size_t close = text_.find('"', start + 1);
      if (close == std::string_view::npos) {
        token.kind = Token::kInvalid;
        token.text = "an unclosed string";
        position_ = n;
        return token;
      }
      token.kind = Token::kString;
      token.text = text_.substr(start + 1, close - start - 1);
      for (const char inside : token.text) line_ += inside == '\n' ? 1 : 0;
      position_ = close + 1;
    } else if (is_key_start(c)) {
      while (position_ < n && is_key_char(text_[position_])) ++position_;
      token.kind = Token::kKey;
      token.text = text_.substr(start, position_ - start);
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
      while (position_ < n && !std::isspace(static_cast<unsigned char>(text_[position_])) &&
             text_[position_] != '[' && text_[position_] != ']') {
        ++position_;
      }
      token.kind = Token::kNumber;
      token.text = text_.substr(start, position_ - start);
    } else {
      token.kind = Token::kInvalid;
      token.text = text_.substr(start, 1);
      ++position_;
    }
    return token;
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::uint64_t line_ = 1;
};

// Appends code point `code` as UTF-8.
void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// A GML string with HTML character references decoded (&#233; &#xE9; &amp; &quot; &lt; &gt;).
std::string decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t end = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (end == std::string_view::npos || end - i > 10) {
      out += text[i];
      continue;
    }
    const std::string_view entity = text.substr(i + 1, end - i - 1);
    std::uint32_t code = 0;
    bool known = true;
    if (entity == "amp") {
      code = '&';
    } else if (entity == "quot") {
      code = '"';
    } else if (entity == "lt") {
      code = '<';
    } else if (entity == "gt") {
      code = '>';
    } else if (entity == "apos") {
      code = '\'';
    } else if (entity.size() > 1 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      const auto [stop, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      known = error == std::errc() && stop == digits.data() + digits.size() && code <= 0x10FFFF;
    } else {
      known = false;
    }
    if (!known) {
      out += text[i];
      continue;
    }
    append_utf8(out, code);
    i = end;
  }
  return out;
}

class GmlParser {
 public:
  GmlParser(std::string_view text, const std::string& source, const ReadOptions& options)
      : text_(text), lexer_(text), source_(source), options_(options) {}

  EdgeListData run();

 private:
  [[noreturn]] void unexpected(const Token& token, const std::string& expected) const {
    const std::string found =
        token.kind == Token::kInvalid || token.kind == Token::kKey || token.kind == Token::kNumber
            ? fmt::format("'{}'", token.text)
        : token.kind == Token::kString ? fmt::format("\"{}\"", token.text)
                                       : kind_name(token.kind);
    throw InputError(source_, token.line, fmt::format("found {}; expected {}", found, expected));
  }
  Token expect_value(const Token& key) {
    const Token value = lexer_.next();
    if (value.kind != Token::kString && value.kind != Token::kNumber &&
        value.kind != Token::kOpen) {
      unexpected(value,
                 fmt::format("a value for '{}' (a number, a \"string\" or [ a list ])", key.text));
    }
    return value;
  }
  // Skips the rest of a list whose '[' was just read.
  void skip_list() {
    int depth = 1;
    while (depth > 0) {
      const Token token = lexer_.next();
      if (token.kind == Token::kEnd || token.kind == Token::kInvalid) {
        unexpected(token, "']' closing a list");
      }
      depth += token.kind == Token::kOpen ? 1 : token.kind == Token::kClose ? -1 : 0;
    }
  }
  void graph();
  void node(std::uint64_t line);
  void edge(std::uint64_t line);

  std::string_view text_;
  Lexer lexer_;
  const std::string& source_;
  const ReadOptions& options_;
  DocumentGraph document_;
  std::string weight_key_;
  struct PendingEdge {
    std::string source, target;
    float weight = 1;
    bool has_weight = false;
    std::uint64_t line = 0;
  };
  std::vector<PendingEdge> edges_;
};

// Nodes: id and label. Edges refer to node ids, so they are resolved after the whole graph is read.
void GmlParser::node(std::uint64_t line) {
  std::string id, label;
  while (true) {
    const Token key = lexer_.next();
    if (key.kind == Token::kClose) break;
    if (key.kind != Token::kKey) unexpected(key, "a key or ']' closing the node");
    const Token value = expect_value(key);
    if (value.kind == Token::kOpen) {
      skip_list();
    } else if (key.text == "id") {
      id = value.kind == Token::kString ? decoded(value.text) : std::string(value.text);
    } else if (key.text == "label") {
      label = value.kind == Token::kString ? decoded(value.text) : std::string(value.text);
    }
  }
  if (id.empty()) throw InputError(source_, line, "found a node without an id; expected id N");
  if (document_.position.count(id) != 0) {
    throw InputError(source_, line,
                     fmt::format("found node id {} a second time; expected each "
                                 "node once",
                                 id));
  }
  document_.node(id, label);
}

void GmlParser::edge(std::uint64_t line) {
  PendingEdge out;
  out.line = line;
  while (true) {
    const Token key = lexer_.next();
    if (key.kind == Token::kClose) break;
    if (key.kind != Token::kKey) unexpected(key, "a key or ']' closing the edge");
    const Token value = expect_value(key);
    if (value.kind == Token::kOpen) {
      skip_list();
    } else if (key.text == "source") {
      out.source = value.kind == Token::kString ? decoded(value.text) : std::string(value.text);
    } else if (key.text == "target") {
      out.target = value.kind == Token::kString ? decoded(value.text) : std::string(value.text);
    } else if (key.text == weight_key_) {
      out.weight = document_weight(value.text, source_, value.line, options_);
      out.has_weight = true;
    }
  }
  if (out.source.empty() || out.target.empty()) {
    throw InputError(source_, line,
                     "found an edge without a source or target; expected source N target M");
  }
  edges_.push_back(std::move(out));
}

void GmlParser::graph() {
  bool directed = false;
  while (true) {
    const Token key = lexer_.next();
    if (key.kind == Token::kClose) break;
    if (key.kind != Token::kKey) unexpected(key, "a key or ']' closing the graph");
    const Token value = expect_value(key);
    if (key.text == "node" && value.kind == Token::kOpen) {
      node(key.line);
    } else if (key.text == "edge" && value.kind == Token::kOpen) {
      edge(key.line);
    } else if (value.kind == Token::kOpen) {
      skip_list();
    } else if (key.text == "directed") {
      if (value.text != "0" && value.text != "1") unexpected(value, "directed 0 or directed 1");
      directed = value.text == "1";
    }
  }
  document_.default_directed = directed;
  bool any_weight = false;
  for (const PendingEdge& pending : edges_) any_weight = any_weight || pending.has_weight;
  if (!options_.weight_column.empty() && !any_weight) {
    throw InputError(source_, 0,
                     fmt::format("found no edge with a '{}' key; expected it as the weight",
                                 options_.weight_column));
  }
  document_.weighted = any_weight;
  for (const PendingEdge& pending : edges_) {
    for (const std::string* end : {&pending.source, &pending.target}) {
      if (document_.position.count(*end) == 0) {
        throw InputError(source_, pending.line,
                         fmt::format("found an edge to node id {}, which no node declares; "
                                     "expected the id of a node",
                                     *end));
      }
    }
    DocumentGraph::Link link;
    link.source = document_.position.at(pending.source);
    link.target = document_.position.at(pending.target);
    link.weight = pending.weight;
    link.directed = directed;
    document_.links.push_back(link);
  }
}

EdgeListData GmlParser::run() {
  weight_key_ = options_.weight_column.empty() ? "weight" : options_.weight_column;
  bool seen_graph = false;
  while (true) {
    const Token key = lexer_.next();
    if (key.kind == Token::kEnd) break;
    if (key.kind != Token::kKey) unexpected(key, "a key such as graph");
    const Token value = expect_value(key);
    if (key.text == "graph" && value.kind == Token::kOpen) {
      if (seen_graph) unexpected(key, "one graph per file");
      seen_graph = true;
      graph();
    } else if (value.kind == Token::kOpen) {
      skip_list();
    }
  }
  if (!seen_graph) throw InputError(source_, 0, "found no graph [ ... ]; expected one");
  return finish_document(document_, text_, source_, "gml");
}

}  // namespace

bool looks_like_gml(std::string_view text) {
  Lexer lexer(text);
  for (int pairs = 0; pairs < 16; ++pairs) {
    const Token key = lexer.next();
    if (key.kind != Token::kKey) return false;
    const Token value = lexer.next();
    if (value.kind == Token::kOpen) return key.text == "graph";
    if (value.kind != Token::kString && value.kind != Token::kNumber) return false;
  }
  return false;
}

EdgeListData parse_gml(std::string_view text, const std::string& source,
                       const ReadOptions& options) {
  return GmlParser(text, source, options).run();
}

}  // namespace cascade

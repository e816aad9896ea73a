// The `cascade` command. Errors become one line on stderr, "cascade: error: ...", and an exit code:
// 2 for usage errors, 1 for input and runtime errors (a failed write to standard output included).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>

#include "cascade/error.h"
#include "options.h"

namespace {

// Output to a full disk must not pass for success, help and version included.
int finish(int code) {
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    const int error = errno;
    fmt::print(stderr, "cascade: error: cannot write to standard output{}\n",
               error != 0 ? std::string(": ") + std::strerror(error) : std::string());
    return 1;
  }
  return code;
}

int fail(int code, const std::string& message) {
  std::fflush(stdout);
  fmt::print(stderr, "cascade: error: {}\n", message);
  return code;
}

// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The closest of `names` to `word`, if close enough to be a slip of the keyboard.
std::string closest(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  // Within a third of the word's length (at least 1, and nothing for one-letter words).
  if (word.size() < 3) return "";
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const std::string& name : names) {
    const std::size_t d = edit_distance(word, name);
    if (d < best_distance || (word.size() >= 3 && name.starts_with(word) && best.empty())) {
      best = name;
      best_distance = std::min(d, best_distance);
    }
  }
  return best;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

std::vector<std::string> option_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// A hint for a parse error: the subcommand or option the user probably meant.
std::string hint(const CLI::App& app, int argc, char** argv, const std::string& message) {
  if (argc < 2) return "";
  const std::string first = argv[1];
  const std::vector<std::string> commands = subcommand_names(app);
  if (first[0] != '-' && std::find(commands.begin(), commands.end(), first) == commands.end()) {
    const std::string guess = closest(first, commands);
    return fmt::format("unknown command '{}'{}", first,
                       guess.empty() ? "; expected one of: " + fmt::format("{}", fmt::join(commands, ", "))
                                     : fmt::format("; did you mean '{}'?", guess));
  }
  const CLI::App* command = nullptr;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == first) command = sub;
  }
  if (command == nullptr) return "";
  const std::vector<std::string> options = option_names(*command);
  for (int i = 2; i < argc; ++i) {
    std::string word = argv[i];
    if (word.size() < 2 || word[0] != '-' || word == "-") continue;
    // A negative number after an option is that option's value, which CLI11 took for an option.
    if ((std::isdigit(static_cast<unsigned char>(word[1])) || word[1] == '.') && i > 2 &&
        std::find(options.begin(), options.end(), argv[i - 1]) != options.end()) {
      CLI::Option* option = const_cast<CLI::App*>(command)->get_option_no_throw(argv[i - 1]);
      CLI::Validator* check = nullptr;
      try {
        if (option != nullptr) check = option->get_validator(0);
      } catch (const CLI::OptionNotFound&) {
        check = nullptr;  // an option without a check of its text
      }
      std::string value = word;
      const std::string verdict = check != nullptr ? (*check)(value) : std::string();
      return fmt::format("{}: {}", argv[i - 1],
                         verdict.empty() ? fmt::format("found '{}'; expected a value of at least 0", word)
                                         : verdict);
    }
    word = word.substr(0, word.find('='));
    if (std::find(options.begin(), options.end(), word) != options.end()) continue;
    if (message.find(word) == std::string::npos) continue;
    const std::string guess = closest(word, options);
    if (!guess.empty()) return fmt::format("unknown option {}; did you mean {}?", word, guess);
  }
  // A value that is not a number given to --seed, where --seeds takes a file.
  if (message.find("--seed:") != std::string::npos &&
      std::find(options.begin(), options.end(), "--seeds") != options.end()) {
    return "--seed takes the random seed (a whole number); did you mean --seeds FILE?";
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  cascade::cli::record_invocation(argc, argv);
  CLI::App app{"Cascade: plan word-of-mouth campaigns on real social networks", "cascade"};
  app.set_version_flag("--version", std::string("cascade ") + CASCADE_VERSION);
  app.require_subcommand(1);
  cascade::cli::register_info(app);
  cascade::cli::register_simulate(app);
  cascade::cli::register_seeds(app);
  cascade::cli::register_generate(app);
  cascade::cli::register_influencers(app);
  cascade::cli::register_communities(app);
  cascade::cli::register_compare(app);
  cascade::cli::register_audit(app);
  cascade::cli::register_convert(app);
  cascade::cli::register_demo(app);
  cascade::cli::register_learn(app);
  cascade::cli::register_campaign(app);
  cascade::cli::register_report(app);
  cascade::cli::register_export(app);
  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Show the commands, or one command's options");
  help->add_option("COMMAND", help_topic, "The command to explain");
  help->callback([&] {
    if (help_topic.empty()) {
      fmt::print("{}", app.get_formatter()->make_help(&app, "cascade", CLI::AppFormatMode::Normal));
      return;
    }
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == help_topic) {
        fmt::print("{}", sub->get_formatter()->make_help(sub, "cascade " + help_topic,
                                                         CLI::AppFormatMode::Normal));
        return;
      }
    }
    const std::string guess = closest(help_topic, subcommand_names(app));
    throw cascade::UsageError(fmt::format(
        "help: found '{}'; expected a command{}", help_topic,
        guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)));
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return finish(app.exit(e));
  } catch (const CLI::CallForAllHelp& e) {
    return finish(app.exit(e));
  } catch (const CLI::CallForVersion& e) {
    return finish(app.exit(e));
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    const std::string guess = hint(app, argc, argv, message);
    std::string topic;
    for (const std::string& name : subcommand_names(app)) {
      if (argc >= 2 && name == argv[1] && name != "help") topic = " " + name;
    }
    if (guess.empty() && message.find("A subcommand is required") != std::string::npos) {
      return fail(2, "expected a command (see 'cascade help')");
    }
    if (guess.empty() && message.starts_with("The following argument")) {
      message = "found " + message.substr(message.find(':') + 2) + ", which no option takes; expected "
                "GRAPH and options";
    }
    return fail(2, (guess.empty() ? message : guess) + " (see 'cascade help" + topic + "')");
  } catch (const cascade::UsageError& e) {
    // The library names API fields ("time_limit: ..."); the command line speaks of its flags.
    std::string message = e.what();
    if (!e.field().empty() && message.starts_with(e.field() + ":")) {
      message = cascade::cli::flag_for_field(e.field()) + message.substr(e.field().size());
    }
    return fail(2, message);
  } catch (const cascade::InputError& e) {
    return fail(1, e.what());
  } catch (const std::bad_alloc&) {
    return fail(1, "out of memory");
  } catch (const std::exception& e) {
    if (std::ferror(stdout)) {  // fmt::print throws when a large write to stdout fails
      const int error = errno;
      std::clearerr(stdout);
      return fail(1, fmt::format("cannot write to standard output{}",
                                 error != 0 ? std::string(": ") + std::strerror(error) : std::string()));
    }
    return fail(1, e.what());
  }
  return finish(0);
}

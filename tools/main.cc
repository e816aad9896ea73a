// The `cascade` command. Errors become one line on stderr, "cascade: error: ...", and an exit code:
// 2 for usage errors, 1 for input and runtime errors.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <new>

#include "cascade/error.h"
#include "options.h"

namespace {

int fail(int code, const std::string& message) {
  std::fflush(stdout);
  fmt::print(stderr, "cascade: error: {}\n", message);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return fail(2, message + " (see 'cascade --help')");
  } catch (const cascade::UsageError& e) {
    return fail(2, e.what());
  } catch (const cascade::InputError& e) {
    return fail(1, e.what());
  } catch (const std::bad_alloc&) {
    return fail(1, "out of memory");
  } catch (const std::exception& e) {
    return fail(1, e.what());
  }
  return 0;
}

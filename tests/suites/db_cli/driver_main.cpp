// Test driver for `labelcheck db`: the db command alone, registered the same way src/cli/main.cpp does,
// so the command can be tested without building the image pipeline. Mirrors main's error mapping.

#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv)
{
    CLI::App app{"labelcheck (db command test driver)", "labelcheck"};
    app.require_subcommand(1);
    int exitCode = 0;
    labelcheck::cli::registerDb(app, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "labelcheck: internal error: " << e.what() << "\n";
        return 3;
    }
    return exitCode;
}

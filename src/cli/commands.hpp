#pragma once
// Each subcommand registers itself on the top-level app. Its callback runs the command and stores the
// process exit code in `exitCode`; errors are printed by the command itself as one line on stderr.

#include <CLI/CLI.hpp>

namespace labelcheck::cli {

void registerCheck(CLI::App& app, int& exitCode);
void registerDb(CLI::App& app, int& exitCode);
void registerScan(CLI::App& app, int& exitCode);

} // namespace labelcheck::cli

#pragma once
// Runs the real labelcheck binary for whole-program tests: captures stdout, stderr and the exit status.

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace labelcheck::testing {

struct RunResult {
    std::string out;
    std::string err;
    int status = -1;
};

inline std::string readFile(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::string shellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s) {
        if (c == '\'')
            q.append("'\\''");
        else
            q.push_back(c);
    }
    q.push_back('\'');
    return q;
}

// A fresh folder under the system temp dir, removed at the end.
struct TempDir {
    std::filesystem::path path;
    TempDir()
    {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("labelcheck-suite-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

// Runs `labelcheck ARGS...` in `cwd` with stdin from `stdinText`. Arguments are shell-quoted.
inline RunResult runLabelcheck(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                               const std::string& stdinText = "")
{
    TempDir tmp;
    const auto inPath = tmp.path / "stdin", outPath = tmp.path / "stdout", errPath = tmp.path / "stderr";
    std::ofstream(inPath, std::ios::binary) << stdinText;
    std::string cmd = "cd ";
    cmd.append(shellQuote(cwd.string())).append(" && ").append(shellQuote(LABELCHECK_EXE));
    for (const auto& a : args)
        cmd.append(" ").append(shellQuote(a));
    cmd.append(" <").append(shellQuote(inPath.string()));
    cmd.append(" >").append(shellQuote(outPath.string()));
    cmd.append(" 2>").append(shellQuote(errPath.string()));
    int raw = std::system(cmd.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = readFile(outPath);
    r.err = readFile(errPath);
    return r;
}

inline std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// A line diff for failure messages: each differing line as "-expected" / "+actual" with its number.
inline std::string lineDiff(const std::string& expected, const std::string& actual)
{
    auto e = splitLines(expected), a = splitLines(actual);
    std::ostringstream d;
    for (std::size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
        const std::string* el = i < e.size() ? &e[i] : nullptr;
        const std::string* al = i < a.size() ? &a[i] : nullptr;
        if (el && al && *el == *al)
            continue;
        d << "line " << i + 1 << ":\n";
        if (el)
            d << "-" << *el << "\n";
        if (al)
            d << "+" << *al << "\n";
    }
    if (d.str().empty() && expected != actual)
        d << "(texts differ only in line endings or a final newline)\n";
    return d.str();
}

} // namespace labelcheck::testing

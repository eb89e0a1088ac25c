#include "inputs.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace labelcheck::cli;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir()
    {
        std::random_device rd;
        path = fs::temp_directory_path() / ("labelcheck-inputs-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    void touch(const fs::path& rel) const
    {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << "x";
    }
};

std::vector<std::string> files(const std::vector<Input>& inputs)
{
    std::vector<std::string> out;
    for (const auto& in : inputs)
        out.push_back(in.file);
    return out;
}

} // namespace

TEST_SUITE("cli")
{
    TEST_CASE("a folder is searched recursively for images, sorted, named under the argument")
    {
        TempDir t;
        t.touch("b.jpg");
        t.touch("a.PNG");
        t.touch("notes.txt");
        t.touch("sub/c.webp");
        t.touch("sub/deeper/d.tiff");
        t.touch("a0.bmp");
        std::istringstream none;
        const std::string root = t.path.string();
        auto inputs = collectInputs({root + "/"}, none);
        CHECK(files(inputs) == std::vector<std::string>{root + "/a.PNG", root + "/a0.bmp", root + "/b.jpg",
                                                        root + "/sub/c.webp", root + "/sub/deeper/d.tiff"});
        for (const auto& in : inputs)
            CHECK_FALSE(in.error);
        // Without the trailing slash the names are the same.
        CHECK(files(collectInputs({root}, none)) == files(inputs));
    }

    TEST_CASE("files are kept as given, in argument order, whatever their extension")
    {
        TempDir t;
        t.touch("z.jpg");
        t.touch("list.txt");
        std::istringstream none;
        auto inputs = collectInputs({(t.path / "z.jpg").string(), (t.path / "list.txt").string()}, none);
        REQUIRE(inputs.size() == 2);
        CHECK(inputs[0].file == (t.path / "z.jpg").string());
        CHECK(inputs[1].file == (t.path / "list.txt").string());
        CHECK_FALSE(inputs[1].error);
    }

    TEST_CASE("a missing path and a folder without images are reported, the rest goes on")
    {
        TempDir t;
        t.touch("empty/readme.txt");
        t.touch("ok.jpg");
        std::istringstream none;
        auto inputs = collectInputs(
            {(t.path / "missing.jpg").string(), (t.path / "empty").string(), (t.path / "ok.jpg").string()}, none);
        REQUIRE(inputs.size() == 3);
        REQUIRE(inputs[0].error);
        CHECK(*inputs[0].error == "no such file or folder");
        REQUIRE(inputs[1].error);
        CHECK(inputs[1].error->starts_with("no images in folder"));
        CHECK(inputs[1].file == (t.path / "empty").string());
        CHECK_FALSE(inputs[2].error);
    }

    TEST_CASE("- reads paths from stdin once, skipping blank lines and CRs")
    {
        TempDir t;
        t.touch("one.jpg");
        t.touch("dir/two.png");
        std::istringstream in((t.path / "one.jpg").string() + "\r\n\n" + (t.path / "dir").string() + "\n");
        auto inputs = collectInputs({"-", "-"}, in);
        CHECK(files(inputs) ==
              std::vector<std::string>{(t.path / "one.jpg").string(), (t.path / "dir" / "two.png").string()});
    }
}

#include "ordered_runner.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace labelcheck;
using namespace labelcheck::cli;

namespace {

struct Worker {
    int id = 0;
};

} // namespace

TEST_SUITE("cli")
{
    TEST_CASE("results come back in input order whatever order they finish in")
    {
        for (int jobs : {1, 2, 4, 7}) {
            std::atomic<int> nextId{0};
            std::vector<std::size_t> order;
            std::vector<int> values;
            std::set<int> workerIds;
            std::function<Expected<Worker>()> make = [&]() -> Expected<Worker> { return Worker{nextId++}; };
            std::function<int(Worker&, std::size_t)> work = [](Worker&, std::size_t i) {
                // Early items take longest, so later ones finish first.
                std::this_thread::sleep_for(std::chrono::microseconds((40 - i % 40) * 50));
                return static_cast<int>(i * i);
            };
            std::function<void(std::size_t, int&&)> emit = [&](std::size_t i, int&& v) {
                order.push_back(i);
                values.push_back(v);
            };
            Status s = runInOrder<Worker, int>(100, jobs, make, work, emit);
            CHECK(s.ok());
            REQUIRE(order.size() == 100);
            for (std::size_t i = 0; i < order.size(); ++i) {
                CHECK(order[i] == i);
                CHECK(values[i] == static_cast<int>(i * i));
            }
            CHECK(nextId.load() == jobs); // one worker per thread
        }
    }

    TEST_CASE("each worker is used by one thread at a time and never runs far ahead")
    {
        std::atomic<int> busy{0};
        std::atomic<std::size_t> maxAhead{0};
        std::atomic<std::size_t> emitted{0};
        std::function<Expected<std::unique_ptr<std::atomic<bool>>>()> make = [] {
            return Expected<std::unique_ptr<std::atomic<bool>>>(std::make_unique<std::atomic<bool>>(false));
        };
        std::function<int(std::unique_ptr<std::atomic<bool>>&, std::size_t)> work =
            [&](std::unique_ptr<std::atomic<bool>>& inUse, std::size_t i) {
                CHECK_FALSE(inUse->exchange(true));
                std::size_t ahead = i - std::min(i, emitted.load());
                std::size_t prev = maxAhead.load();
                while (ahead > prev && !maxAhead.compare_exchange_weak(prev, ahead)) {
                }
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                inUse->store(false);
                ++busy;
                return 0;
            };
        std::function<void(std::size_t, int&&)> emit = [&](std::size_t, int&&) {
            std::this_thread::sleep_for(std::chrono::microseconds(300)); // slow consumer
            ++emitted;
        };
        Status s = runInOrder<std::unique_ptr<std::atomic<bool>>, int>(60, 3, make, work, emit, 5);
        CHECK(s.ok());
        CHECK(busy.load() == 60);
        CHECK(maxAhead.load() <= 5);
    }

    TEST_CASE("a worker that cannot start leaves its share to the others; all failing is an error")
    {
        std::atomic<int> made{0};
        std::function<Expected<Worker>()> oneFails = [&]() -> Expected<Worker> {
            if (made++ == 0)
                return makeError(ErrorCode::NotFound, "no model");
            return Worker{1};
        };
        std::vector<std::size_t> order;
        std::function<int(Worker&, std::size_t)> work = [](Worker&, std::size_t i) { return static_cast<int>(i); };
        std::function<void(std::size_t, int&&)> emit = [&](std::size_t i, int&&) { order.push_back(i); };
        CHECK(runInOrder<Worker, int>(20, 3, oneFails, work, emit).ok());
        CHECK(order.size() == 20);

        order.clear();
        std::function<Expected<Worker>()> allFail = []() -> Expected<Worker> {
            return makeError(ErrorCode::NotFound, "no model");
        };
        Status s = runInOrder<Worker, int>(20, 2, allFail, work, emit);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().message == "no model");
        CHECK(order.empty());
    }

    TEST_CASE("nothing to do returns at once")
    {
        std::function<Expected<Worker>()> make = []() -> Expected<Worker> { return Worker{}; };
        std::function<int(Worker&, std::size_t)> work = [](Worker&, std::size_t) { return 0; };
        std::function<void(std::size_t, int&&)> emit = [](std::size_t, int&&) { FAIL("nothing to emit"); };
        CHECK(runInOrder<Worker, int>(0, 4, make, work, emit).ok());
    }
}

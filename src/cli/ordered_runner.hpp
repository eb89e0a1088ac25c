#pragma once
// Runs independent jobs on a pool of threads and hands their results back in input order, each as soon
// as it and all before it are done (streaming output with --jobs N).

#include "labelcheck/core/expected.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace labelcheck::cli {

// Calls `work(worker, i)` for every i in [0, count) on `jobs` threads (at least 1, at most count), where
// each thread first makes its own `worker` with `makeWorker()` (OCR engines and database handles are per
// thread). Calls `emit(i, result)` on the calling thread in order i = 0, 1, 2, ... Workers run at most
// `window` items ahead of the last emitted one, which bounds the memory held by finished results.
// When a makeWorker fails, the items it would have done are done by the others; when all fail, returns
// the first error after emitting what was done. `work` must not throw.
template <typename Worker, typename Result>
Status runInOrder(std::size_t count, int jobs, const std::function<Expected<Worker>()>& makeWorker,
                  const std::function<Result(Worker&, std::size_t)>& work,
                  const std::function<void(std::size_t, Result&&)>& emit, std::size_t window = 0)
{
    if (count == 0)
        return Status::success();
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(count, jobs < 1 ? 1 : jobs));
    if (window == 0)
        window = 4 * threads;

    std::mutex mutex;
    std::condition_variable changed;
    std::size_t nextToTake = 0, nextToEmit = 0;
    std::size_t workersAlive = threads;
    std::optional<Error> firstError;
    std::deque<std::optional<Result>> pending; // pending[k] is item nextToEmit + k

    auto run = [&] {
        auto worker = makeWorker();
        std::unique_lock lock(mutex);
        if (!worker) {
            if (!firstError)
                firstError = worker.error();
            --workersAlive;
            changed.notify_all();
            return;
        }
        for (;;) {
            changed.wait(lock, [&] { return nextToTake >= count || nextToTake < nextToEmit + window; });
            if (nextToTake >= count)
                break;
            const std::size_t i = nextToTake++;
            lock.unlock();
            Result r = work(*worker, i);
            lock.lock();
            const std::size_t k = i - nextToEmit;
            if (pending.size() <= k)
                pending.resize(k + 1);
            pending[k] = std::move(r);
            changed.notify_all();
        }
        --workersAlive;
        changed.notify_all();
    };

    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(run);

    std::unique_lock lock(mutex);
    while (nextToEmit < count) {
        changed.wait(lock, [&] { return (!pending.empty() && pending.front()) || workersAlive == 0; });
        if (pending.empty() || !pending.front())
            break; // every worker is gone and the next item was never done
        Result r = std::move(*pending.front());
        pending.pop_front();
        const std::size_t i = nextToEmit++;
        changed.notify_all();
        lock.unlock();
        emit(i, std::move(r));
        lock.lock();
    }
    lock.unlock();
    for (auto& t : pool)
        t.join();
    if (nextToEmit < count)
        return firstError ? Status(*firstError) : Status(makeError(ErrorCode::Internal, "workers stopped early"));
    return Status::success();
}

} // namespace labelcheck::cli

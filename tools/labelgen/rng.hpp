#pragma once
// Deterministic random numbers for the sample generator. Built only on std::mt19937_64's raw output
// (specified by the standard), never on std:: distributions (implementation-defined), so a seed gives
// the same labels with any standard library.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace labelgen {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // Seed of photo `index` in a run with `seed`: photos are independent of --count.
    static std::uint64_t derive(std::uint64_t seed, std::uint64_t index)
    {
        std::uint64_t z = seed * 0x9E3779B97F4A7C15ull + index + 0x632BE59BD9B4E019ull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t next() { return engine_(); }
    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi].
    int range(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    // Approximately normal (sum of uniforms), mean 0, sd 1.
    double normal()
    {
        double s = 0;
        for (int i = 0; i < 12; ++i)
            s += uniform();
        return s - 6.0;
    }
    template <typename T>
    const T& pick(const std::vector<T>& v)
    {
        return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))];
    }
    template <typename T>
    void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[static_cast<std::size_t>(range(0, static_cast<int>(i) - 1))]);
    }

private:
    std::mt19937_64 engine_;
};

} // namespace labelgen

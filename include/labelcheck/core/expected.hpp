#pragma once
// Error values that cross module lines (leveldb's Status, zxing-cpp's Error): no exceptions leave a module.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace labelcheck {

enum class ErrorCode {
    InvalidArgument, // the caller's input is malformed (bad check digit, bad flag value)
    NotFound,        // a path, camera or record that does not exist
    Unsupported,     // a format we cannot read (text file named .jpg)
    Corrupt,         // data that claims a format but is broken (truncated JPEG)
    TooLarge,        // refused before decoding (decompression bomb)
    Io,              // the operating system said no
    Internal,        // a third-party library failed in a way we did not expect
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message; // one line, for people
};

// Holds a T or an Error. Accessing the wrong alternative is a bug (asserted).
template <typename T>
class Expected {
public:
    Expected(T value) : v_(std::move(value)) {}
    Expected(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(v_); }
    const T& value() const& { assert(ok()); return std::get<0>(v_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// For operations that return nothing but may fail.
class Status {
public:
    Status() = default;
    Status(Error error) : error_(std::move(error)), ok_(false) {}
    static Status success() { return {}; }
    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { assert(!ok_); return error_; }

private:
    Error error_;
    bool ok_ = true;
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

} // namespace labelcheck

// Test helper for the window path under Xvfb.
//   xshot grab OUT.png TITLE TIMEOUT_S  - waits for a window titled TITLE, screenshots the screen (the real X
//                                        framebuffer) every 100 ms while it is mapped, writes the last shot.
//   xshot compare A.png B.png MAX_MEAN  - loose comparison: both scaled to 160x90, mean absolute difference per
//                                        channel must be <= MAX_MEAN (0..255). Prints the difference.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

bool findWindow(Display* d, Window w, const std::string& title, Window& found)
{
    char* name = nullptr;
    if (XFetchName(d, w, &name) && name) {
        const bool match = title == name;
        XFree(name);
        if (match) {
            XWindowAttributes a;
            if (XGetWindowAttributes(d, w, &a) && a.map_state == IsViewable) {
                found = w;
                return true;
            }
        }
    }
    Window root, parent, *children = nullptr;
    unsigned n = 0;
    if (!XQueryTree(d, w, &root, &parent, &children, &n))
        return false;
    bool ok = false;
    for (unsigned i = 0; i < n && !ok; ++i)
        ok = findWindow(d, children[i], title, found);
    if (children)
        XFree(children);
    return ok;
}

cv::Mat grabScreen(Display* d)
{
    const Window root = DefaultRootWindow(d);
    XWindowAttributes a;
    XGetWindowAttributes(d, root, &a);
    XImage* img =
        XGetImage(d, root, 0, 0, static_cast<unsigned>(a.width), static_cast<unsigned>(a.height), AllPlanes, ZPixmap);
    if (!img)
        return {};
    cv::Mat out(a.height, a.width, CV_8UC3);
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const unsigned long p = XGetPixel(img, x, y);
            out.at<cv::Vec3b>(y, x) =
                cv::Vec3b(static_cast<unsigned char>(p & 0xff), static_cast<unsigned char>((p >> 8) & 0xff),
                          static_cast<unsigned char>((p >> 16) & 0xff));
        }
    XDestroyImage(img);
    return out;
}

int grab(const char* out, const char* title, double timeout)
{
    Display* d = XOpenDisplay(nullptr);
    if (!d) {
        std::fprintf(stderr, "xshot: no X display\n");
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    cv::Mat last;
    bool seen = false;
    while (elapsed() < timeout) {
        Window w = 0;
        const bool mapped = findWindow(d, DefaultRootWindow(d), title, w);
        if (mapped) {
            seen = true;
            cv::Mat shot = grabScreen(d);
            if (!shot.empty())
                last = shot;
        } else if (seen) {
            break; // the window closed: `last` is its final look
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    XCloseDisplay(d);
    if (last.empty()) {
        std::fprintf(stderr, "xshot: no window titled '%s' appeared\n", title);
        return 1;
    }
    return cv::imwrite(out, last) ? 0 : 3;
}

int compare(const char* a, const char* b, double maxMean)
{
    cv::Mat x = cv::imread(a), y = cv::imread(b);
    if (x.empty() || y.empty()) {
        std::fprintf(stderr, "xshot: cannot read %s or %s\n", a, b);
        return 2;
    }
    cv::resize(x, x, {160, 90}, 0, 0, cv::INTER_AREA);
    cv::resize(y, y, {160, 90}, 0, 0, cv::INTER_AREA);
    cv::Mat diff;
    cv::absdiff(x, y, diff);
    const cv::Scalar m = cv::mean(diff);
    const double mean = (m[0] + m[1] + m[2]) / 3;
    std::printf("mean absolute difference %.2f (max %.2f)\n", mean, maxMean);
    return mean <= maxMean ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 5 && std::strcmp(argv[1], "grab") == 0)
        return grab(argv[2], argv[3], std::atof(argv[4]));
    if (argc == 5 && std::strcmp(argv[1], "compare") == 0)
        return compare(argv[2], argv[3], std::atof(argv[4]));
    std::fprintf(stderr, "usage: xshot grab OUT.png TITLE TIMEOUT_S | xshot compare A.png B.png MAX_MEAN\n");
    return 2;
}

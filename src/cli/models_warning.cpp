#include "models_warning.hpp"

#include "labelcheck/ocr/data_paths.hpp"

#include <fmt/format.h>

namespace labelcheck::cli {

void warnWithoutModels(std::string_view command)
{
    if (auto models = ocr::defaultModelsDir(); !models)
        fmt::print(stderr, "{}: warning: {}; labels are read without the supplement vocabulary\n", command,
                   models.error().message);
}

} // namespace labelcheck::cli

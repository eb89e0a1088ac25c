# labelcheck_module(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# One static library per module, aliased labelcheck::NAME, with the project's include dir.
function(labelcheck_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(labelcheck_${name} STATIC ${ARG_SOURCES})
  add_library(labelcheck::${name} ALIAS labelcheck_${name})
  target_include_directories(labelcheck_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  target_link_libraries(labelcheck_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS} labelcheck_warnings)
endfunction()

# labelcheck_unit_test(NAME MODULE SOURCES ... LIBS ...)
# A doctest executable whose cases are registered one CTest test each, labelled with the module.
function(labelcheck_unit_test name module)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE labelcheck_test_main ${ARG_LIBS} labelcheck_warnings)
  # Labels come from each case's TEST_SUITE (the module name), so `ctest -L <module>` works; doctest's
  # discovery overwrites any LABELS passed as PROPERTIES.
  doctest_discover_tests(${name} ADD_LABELS 1 EXTRA_ARGS --no-version=true)
endfunction()

# labelgen determinism: the same seed gives byte-identical photos and ground truth, photo i does not depend
# on --count/--start, and another seed gives other photos.
# Usage: cmake -DLABELGEN=path/to/labelgen -DWORK=scratch/dir -P labelgen_determinism.cmake

get_filename_component(LABELGEN ${LABELGEN} ABSOLUTE)
file(REMOVE_RECURSE ${WORK})

function(run name)
  file(MAKE_DIRECTORY ${WORK}/${name})
  # --out is relative so the "file" fields of the ground truth are comparable between runs.
  execute_process(COMMAND ${LABELGEN} --out out --max-size 1200 ${ARGN}
    WORKING_DIRECTORY ${WORK}/${name} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "labelgen ${ARGN} failed (${rc}): ${err}")
  endif()
endfunction()

run(a --seed 7 --count 4)
run(b --seed 7 --count 4)
run(c --seed 8 --count 4)
run(d --seed 7 --start 2 --count 2)

file(GLOB files RELATIVE ${WORK}/a/out ${WORK}/a/out/*)
list(LENGTH files n)
if(NOT n EQUAL 9) # 4 photos, 4 expected.json, the manifest
  message(FATAL_ERROR "expected 9 files from 4 photos, got ${n}: ${files}")
endif()
set(differs 0)
foreach(f ${files})
  file(SHA256 ${WORK}/a/out/${f} ha)
  file(SHA256 ${WORK}/b/out/${f} hb)
  if(NOT ha STREQUAL hb)
    message(FATAL_ERROR "same seed, different bytes: ${f}")
  endif()
  if(EXISTS ${WORK}/c/out/${f})
    file(SHA256 ${WORK}/c/out/${f} hc)
    if(NOT ha STREQUAL hc)
      math(EXPR differs "${differs} + 1")
    endif()
  endif()
endforeach()
if(differs LESS 8)
  message(FATAL_ERROR "another seed changed only ${differs} of ${n} files")
endif()
foreach(f label-000002.jpg label-000002.expected.json label-000003.jpg label-000003.expected.json)
  file(SHA256 ${WORK}/a/out/${f} ha)
  file(SHA256 ${WORK}/d/out/${f} hd)
  if(NOT ha STREQUAL hd)
    message(FATAL_ERROR "photo depends on --start/--count: ${f}")
  endif()
endforeach()
message(STATUS "labelgen is deterministic (${n} files compared)")

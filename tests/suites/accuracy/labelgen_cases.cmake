# Single generated label photos that a change to the reader fixed, each of which must stay read right in full
# (verdict, the four mineral fields, barcode GTIN): labelgen writes photo INDEX of SEED alone (`--start INDEX
# --count 1`; a photo depends only on its seed and index), `labelcheck check --format jsonl --no-db` reads them
# all, labelscore compares with their ground truth at 100 %.
# Usage: cmake -DLABELGEN=... -DLABELCHECK=... -DLABELSCORE=... -DWORK=dir -DCASES=seed:index,... -P labelgen_cases.cmake

foreach(var LABELGEN LABELCHECK LABELSCORE WORK CASES)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()

string(REPLACE "," ";" CASES "${CASES}")
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/photos)
set(photos "")
foreach(case IN LISTS CASES)
  string(REPLACE ":" ";" parts "${case}")
  list(GET parts 0 seed)
  list(GET parts 1 index)
  execute_process(COMMAND ${LABELGEN} --seed ${seed} --start ${index} --count 1 --difficulty normal --max-size 4000
                          --prefix seed${seed}-label --out photos --manifest ${WORK}/manifest-${seed}-${index}.jsonl
    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "labelgen --seed ${seed} --start ${index} failed (${rc}): ${err}")
  endif()
  file(GLOB written RELATIVE ${WORK} ${WORK}/photos/seed${seed}-label-*${index}.jpg)
  list(LENGTH written n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "labelgen --seed ${seed} --start ${index} wrote ${n} photos, expected 1")
  endif()
  list(APPEND photos ${written})
endforeach()

execute_process(COMMAND ${LABELCHECK} check --format jsonl --no-db --jobs 2 ${photos}
  WORKING_DIRECTORY ${WORK} OUTPUT_FILE ${WORK}/results.jsonl ERROR_FILE ${WORK}/check.log RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "labelcheck check failed (${rc}), see ${WORK}/check.log")
endif()
execute_process(COMMAND ${LABELSCORE} --results ${WORK}/results.jsonl --expected ${WORK}/photos --verbose
                        --min-verdict 100 --min-field 100 --min-gtin 100
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "a case is no longer read right (labelscore exit ${rc}); results in ${WORK}/results.jsonl")
endif()

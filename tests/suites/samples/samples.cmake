# Regression over the committed samples/: `labelcheck check --format jsonl --no-db` on every samples/*.jpg,
# scored by labelscore against samples/*.expected.json.
# Usage: cmake -DLABELCHECK=... -DLABELSCORE=... -DSOURCE_DIR=repo -DWORK=dir
#              -DMIN_VERDICT=pct -DMIN_GTIN=pct [-DMIN_FIELD=pct] -P samples.cmake

foreach(var LABELCHECK LABELSCORE SOURCE_DIR WORK MIN_VERDICT MIN_GTIN)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
file(GLOB photos RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/samples/*.jpg)
list(SORT photos)
list(LENGTH photos n)
if(n LESS 12)
  message(FATAL_ERROR "samples/ holds ${n} photos, the issue asks for at least 12")
endif()
execute_process(COMMAND ${LABELCHECK} check --format jsonl --no-db --jobs 2 ${photos}
  WORKING_DIRECTORY ${SOURCE_DIR} OUTPUT_FILE ${WORK}/results.jsonl ERROR_FILE ${WORK}/check.log
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "labelcheck check exited ${rc} on samples/ (see ${WORK}/check.log)")
endif()
set(extra)
if(DEFINED MIN_FIELD)
  set(extra --min-field ${MIN_FIELD})
endif()
execute_process(COMMAND ${LABELSCORE} --results ${WORK}/results.jsonl --expected ${SOURCE_DIR}/samples --verbose
                        --min-verdict ${MIN_VERDICT} --min-gtin ${MIN_GTIN} ${extra}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "samples regression: labelscore exit ${rc}")
endif()

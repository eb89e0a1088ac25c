# Accuracy over generated label photos (issue 3, "Samples and accuracy"): labelgen writes COUNT photos at a
# fixed SEED, `labelcheck check --format jsonl --no-db --jobs 2` reads them, labelscore compares with the
# ground truth and fails when verdict < MIN_VERDICT %, any mineral field < MIN_FIELD % or barcode GTIN < MIN_GTIN %
# (defaults: the issue's 97, 98 and 97).
# Usage: cmake -DLABELGEN=... -DLABELCHECK=... -DLABELSCORE=... -DWORK=dir -DSEED=n -DCOUNT=k
#              [-DDIFFICULTY=normal] [-DJOBS=2] [-DMAX_SIZE=4000] [-DMIN_VERDICT=97] [-DMIN_FIELD=98]
#              [-DMIN_GTIN=97] -P accuracy.cmake

foreach(var LABELGEN LABELCHECK LABELSCORE WORK SEED COUNT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()
if(NOT DEFINED DIFFICULTY)
  set(DIFFICULTY normal)
endif()
if(NOT DEFINED JOBS)
  set(JOBS 2)
endif()
if(NOT DEFINED MAX_SIZE)
  set(MAX_SIZE 4000)
endif()
foreach(pair "MIN_VERDICT|97" "MIN_FIELD|98" "MIN_GTIN|97")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 var)
  list(GET pair 1 default)
  if(NOT DEFINED ${var})
    set(${var} ${default})
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

string(TIMESTAMP t0 "%s")
execute_process(COMMAND ${LABELGEN} --seed ${SEED} --count ${COUNT} --out photos --difficulty ${DIFFICULTY}
                        --max-size ${MAX_SIZE}
  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "labelgen failed (${rc}): ${err}")
endif()
string(TIMESTAMP t1 "%s")

file(GLOB photos RELATIVE ${WORK} ${WORK}/photos/*.jpg)
list(SORT photos)
list(LENGTH photos n)
if(NOT n EQUAL COUNT)
  message(FATAL_ERROR "labelgen wrote ${n} photos, expected ${COUNT}")
endif()

execute_process(COMMAND ${LABELCHECK} check --format jsonl --no-db --jobs ${JOBS} ${photos}
  WORKING_DIRECTORY ${WORK} OUTPUT_FILE ${WORK}/results.jsonl ERROR_FILE ${WORK}/check.log RESULT_VARIABLE rc)
string(TIMESTAMP t2 "%s")
# 0 = all processed; 3 = some file could not be processed (still scored: such photos count as wrong).
if(NOT rc EQUAL 0 AND NOT rc EQUAL 3)
  message(FATAL_ERROR "labelcheck check failed (${rc}), see ${WORK}/check.log")
endif()
math(EXPR gen_s "${t1} - ${t0}")
math(EXPR check_s "${t2} - ${t1}")
message(STATUS "labelgen ${gen_s} s, labelcheck --jobs ${JOBS} ${check_s} s for ${n} photos")

execute_process(COMMAND ${LABELSCORE} --results ${WORK}/results.jsonl --expected ${WORK}/photos --verbose
                        --min-verdict ${MIN_VERDICT} --min-field ${MIN_FIELD} --min-gtin ${MIN_GTIN}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(WRITE ${WORK}/score.txt "${out}")
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "accuracy below verdict ${MIN_VERDICT} %, field ${MIN_FIELD} %, GTIN ${MIN_GTIN} % "
                      "(labelscore exit ${rc}); details in ${WORK}/score.txt")
endif()

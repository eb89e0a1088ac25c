#!/bin/sh
# The window path under Xvfb: `labelcheck scan --once` opens its window, draws, and exits after the first
# verdict; a real screenshot of the X screen is compared loosely against the expected one.
# usage: window_test.sh LABELCHECK XSHOT VIDEO EXPECTED_PNG WORKDIR
set -u
labelcheck=$1 xshot=$2 video=$3 expected=$4 work=$5
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: xvfb-run is not installed"; exit 77; }
mkdir -p "$work" && cd "$work" || exit 1
rm -f shot.png out.jsonl rc
xvfb-run -a -s "-screen 0 1280x720x24" sh -c '
  "$0" scan --no-db --source "$1" --once --timeout 120 > out.jsonl 2> err.txt & pid=$!
  "$2" grab shot.png "labelcheck scan" 150; grabbed=$?
  wait $pid; echo $? > rc
  exit $grabbed' "$labelcheck" "$video" "$xshot"
grabbed=$?
echo "labelcheck exit: $(cat rc 2>/dev/null), stderr:"; cat err.txt
[ "$grabbed" -eq 0 ] || { echo "FAIL: no screenshot of the window"; exit 1; }
[ "$(cat rc)" = 0 ] || { echo "FAIL: labelcheck scan --once did not exit 0"; exit 1; }
[ "$(wc -l < out.jsonl)" -eq 1 ] || { echo "FAIL: --once must print exactly one result"; cat out.jsonl; exit 1; }
grep -q '"verdict":"incomplete"' out.jsonl || { echo "FAIL: expected the verdict incomplete"; cat out.jsonl; exit 1; }
"$xshot" compare shot.png "$expected" 4 || { echo "FAIL: screenshot differs from $expected (see $work/shot.png)"; exit 1; }

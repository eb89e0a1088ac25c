#!/usr/bin/env bash
# Runs `labelcheck db` (through the driver given as $1) against fixtures; checks exit codes and output.
# Usage: db_cli_test.sh LABELCHECK_DB_DRIVER SOURCE_DIR
set -u
bin=$1
src=$2
fx=$src/tests/fixtures/db
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/t.db
failures=0

# expect CODE DESCRIPTION -- command...; stdout in $work/out, stderr in $work/err
expect() {
  local want=$1 what=$2
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"
    echo "  stdout: $(head -c 600 "$work/out")"
    echo "  stderr: $(head -c 600 "$work/err")"
    failures=$((failures + 1))
  fi
}
contains() { # FILE TEXT DESCRIPTION
  if ! grep -qF -- "$2" "$work/$1"; then
    echo "FAIL: $3: $1 lacks '$2'"
    echo "  $1: $(head -c 600 "$work/$1")"
    failures=$((failures + 1))
  fi
}
lacks() {
  if grep -qF -- "$2" "$work/$1"; then
    echo "FAIL: $3: $1 has '$2'"
    failures=$((failures + 1))
  fi
}

# First use creates the database with the sample products (default path from LABELCHECK_DB).
LABELCHECK_DB=$work/default/lc.db expect 0 "stats on a new default database" -- "$bin" db stats
[ -f "$work/default/lc.db" ] || { echo "FAIL: LABELCHECK_DB file not created"; failures=$((failures + 1)); }
contains out "Sample products" "stats table"
XDG_DATA_HOME=$work/xdg LABELCHECK_DB= expect 0 "stats under XDG_DATA_HOME" -- "$bin" db stats --format json
[ -f "$work/xdg/labelcheck/labelcheck.db" ] || { echo "FAIL: XDG database not created"; failures=$((failures + 1)); }
contains out '"schema_version":' "stats json"

# Imports: totals on stdout, each rejection as FILE:LINE on stderr.
expect 0 "import off" -- "$bin" db --db "$db" import --format off "$fx/off/products.tsv" -q
contains out "read 8, imported 4, updated 1, rejected 3" "off totals"
contains err "products.tsv:5: rejected:" "off rejection line 5"
contains err "products.tsv:6: rejected: sodium_100g 'abc'" "off rejection line 6"
expect 0 "import fdc folder" -- "$bin" db import --format fdc "$fx/fdc" --db "$db"
contains out "rejected 2" "fdc totals"
contains err "food_nutrient.csv:8: rejected:" "fdc nutrient rejection"
expect 0 "import dsld" -- "$bin" db --db "$db" import --format dsld "$fx/dsld/label_single.json" "$fx/dsld/labels_array.json"
contains err "labels_array.json:20: rejected:" "dsld rejection"
expect 2 "import unknown format" -- "$bin" db --db "$db" import --format xml "$fx/csv/products.csv"
expect 3 "import missing file" -- "$bin" db --db "$db" import --format csv "$work/none.csv"

# --strict: the database is unchanged after a bad row.
"$bin" db --db "$db" export --format csv >"$work/before.csv"
expect 3 "strict import rolls back" -- "$bin" db --db "$db" import --format csv --strict "$fx/csv/products.csv"
contains err "rolled back" "strict message"
"$bin" db --db "$db" export --format csv >"$work/after.csv"
cmp -s "$work/before.csv" "$work/after.csv" || { echo "FAIL: strict import changed the database"; failures=$((failures + 1)); }

# lookup: equivalent codes, bad check digit, not found.
expect 0 "lookup UPC-A" -- "$bin" db --db "$db" lookup 850006801237
contains out "EXAMPLE HYDRATE" "lookup table (fdc replaced the off record)"
contains out "sodium" "lookup minerals"
expect 0 "lookup EAN-13 with spaces" -- "$bin" db --db "$db" lookup "0 850006 801237" --format json
contains out '"gtin14":"00850006801237"' "lookup json"
expect 0 "lookup UPC with dashes" -- "$bin" db --db "$db" lookup 7-39930-19531-8 --format csv
contains out "00739930195318,Example Labs" "lookup csv"
expect 0 "lookup EAN-8" -- "$bin" db --db "$db" lookup 96385074
expect 2 "lookup bad check digit" -- "$bin" db --db "$db" lookup 850006801238
contains err "check digit" "bad check digit message"
expect 4 "lookup not found" -- "$bin" db --db "$db" lookup 4006381333948
expect 2 "lookup letters" -- "$bin" db --db "$db" lookup ABC
expect 2 "lookup without code" -- "$bin" db --db "$db" lookup

# search: ranked, FTS syntax harmless, nothing found is 4.
expect 0 "search" -- "$bin" db --db "$db" search electrolyte
contains out "ELECTROLYTE DRINK MIX" "search finds fdc product"
for q in '"' 'NEAR(' '*' '-electrolyte' 'AND OR NOT' "'; DROP TABLE products; --" 'electro*' '"unbalanced'; do
  "$bin" db --db "$db" search "$q" >"$work/out" 2>"$work/err"
  rc=$?
  if [ $rc != 0 ] && [ $rc != 4 ]; then
    echo "FAIL: search '$q' exited $rc: $(cat "$work/err")"
    failures=$((failures + 1))
  fi
done
expect 0 "search with a dash" -- "$bin" db --db "$db" search -- -electrolyte
expect 2 "search without text" -- "$bin" db --db "$db" search
expect 4 "search nothing" -- "$bin" db --db "$db" search zzzzqqq
expect 0 "search json" -- "$bin" db --db "$db" search magnesium --format json
contains out '"source":"' "search json objects"

# list filters.
expect 0 "list electrolyte without magnesium" -- "$bin" db --db "$db" list --electrolyte --missing magnesium --format csv
contains out "00739930195318" "NP magnesium counts as missing"
lacks out "00850006801237" "product with magnesium excluded"
expect 0 "list incomplete" -- "$bin" db --db "$db" list --incomplete
expect 0 "list repeated --missing" -- "$bin" db --db "$db" list --missing calcium --missing MAGNESIUM --format csv
lacks out "00050001126377" "has magnesium"
expect 2 "list bad mineral" -- "$bin" db --db "$db" list --missing iron

# add from flags and JSON, remove.
expect 0 "add from flags" -- "$bin" db --db "$db" add --code 04252614 --brand "Flag Co" --name "Flag Mix" --electrolyte --sodium 100 --sodium-dv 4
contains out "added 00042100005264" "add flags"
expect 0 "lookup UPC-E of added" -- "$bin" db --db "$db" lookup 04252614 --format json
contains out '"electrolyte_claim":true' "added claim"
contains out '"sodium":{"mg":100' "added sodium"
expect 0 "add from JSON" -- "$bin" db --db "$db" add --json '{"gtin14":"04006381333948","name":"Json Drink","minerals":{"potassium":{"mg":50,"daily_value_pct":1}}}'
echo '{"code":"4006381333948","name":"Json Drink 2"}' >"$work/p.json"
expect 0 "add JSON from stdin (update)" -- bash -c "\"$bin\" db --db \"$db\" add --json - < \"$work/p.json\""
contains out "updated 04006381333948" "add stdin"
expect 2 "add bad JSON" -- "$bin" db --db "$db" add --json '{"gtin14":'
expect 2 "add both" -- "$bin" db --db "$db" add --json '{}' --name x
expect 2 "add bad code" -- "$bin" db --db "$db" add --code 123
expect 0 "remove" -- "$bin" db --db "$db" remove 4006381333948
expect 4 "remove again" -- "$bin" db --db "$db" remove 4006381333948

# export round-trip through import csv.
expect 0 "export csv" -- "$bin" db --db "$db" export -o "$work/all.csv"
expect 0 "export jsonl" -- "$bin" db --db "$db" export --format jsonl
lines=$(wc -l <"$work/out")
rows=$(( $(python3 -c "import csv,sys;print(sum(1 for _ in csv.reader(open(sys.argv[1]))))" "$work/all.csv") - 1 ))
[ "$lines" = "$rows" ] || { echo "FAIL: jsonl has $lines lines, csv $rows rows"; failures=$((failures + 1)); }
expect 0 "import export" -- "$bin" db --db "$work/copy.db" import --format csv "$work/all.csv"
"$bin" db --db "$work/copy.db" export -o "$work/copy.csv"
# The copy also holds the seed samples; compare the rows that came from the export.
python3 - "$work/all.csv" "$work/copy.csv" <<'PY' || failures=$((failures + 1))
import csv, sys
a = {r[0]: r for r in csv.reader(open(sys.argv[1]))}
b = {r[0]: r for r in csv.reader(open(sys.argv[2]))}
bad = [k for k in a if a[k] != b.get(k)]
if bad:
    print("FAIL: round-trip differs for", bad[:5])
    sys.exit(1)
PY

# An import killed midway leaves whole products only.
python3 - "$work/big.csv" <<'PY'
import sys
def cd(p):
    s = 0; w = 3
    for c in reversed(p):
        s += int(c) * w; w = 4 - w
    return (10 - s % 10) % 10
with open(sys.argv[1], "w") as f:
    f.write("gtin14,brand,name,form,serving_size,electrolyte_claim,sodium_mg,sodium_dv,potassium_mg,potassium_dv,calcium_mg,calcium_dv,magnesium_mg,magnesium_dv,source,source_id,sample\n")
    for i in range(300000):
        p = "0%012d" % (500000000000 + i)
        f.write(f"{p}{cd(p)},Brand {i % 97},Product {i},powder,1 g,1,{i % 500},1,{i % 300},2,{i % 200},3,{i % 100 + 1},4,csv,{i},0\n")
PY
"$bin" db --db "$work/kill.db" import --format csv --batch-size 1000 "$work/big.csv" >/dev/null 2>&1 &
pid=$!
sleep 1.5
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
sqlite3 "$work/kill.db" "SELECT count(*) FROM products p WHERE p.source = 'csv' AND (SELECT count(*) FROM product_nutrients n WHERE n.product_id = p.id) <> 4" >"$work/out" 2>&1 \
  || echo "note: sqlite3 shell not available; half-product check skipped"
if [ -s "$work/out" ] && [ "$(cat "$work/out")" != "0" ]; then
  echo "FAIL: killed import left half-written products: $(cat "$work/out")"
  failures=$((failures + 1))
fi
# SIGINT: stops cleanly, keeps finished rows, exit 3.
"$bin" db --db "$work/int.db" import --format csv --batch-size 1000 "$work/big.csv" >"$work/out" 2>"$work/err" &
pid=$!
sleep 1.5
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
if [ $rc = 0 ]; then
  echo "note: import finished before SIGINT arrived"
elif [ $rc != 3 ]; then
  echo "FAIL: interrupted import exited $rc"; failures=$((failures + 1))
else
  contains err "interrupted" "SIGINT message"
fi

if [ $failures -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all db command checks passed"

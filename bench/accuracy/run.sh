#!/usr/bin/env bash
# Accuracy and speed benchmark (not a test) of labelcheck against plain `tesseract IMAGE -` + a regex, on a
# labelgen folder (issue 3, "Samples and accuracy").
#
#   bench/accuracy/run.sh BUILD_DIR [WORK_DIR] [SEED] [COUNT] [DIFFICULTY]
#
# BUILD_DIR holds bin/labelcheck, bin/labelgen and bin/labelscore. The script writes WORK_DIR/photos (unless
# it already holds COUNT photos) and prints, for labelcheck and for tesseract+regex: field accuracy, verdict
# accuracy and median seconds per photo; then labelcheck's median seconds per 4000x3000 photo with --jobs 1
# (wall and user+sys CPU) and the speed-up of --jobs 2 on those photos.
set -euo pipefail
declare -a walls cpus

build=${1:?usage: run.sh BUILD_DIR [WORK_DIR] [SEED] [COUNT] [DIFFICULTY]}
work=${2:-$build/bench-accuracy}
seed=${3:-4242}
count=${4:-64}
difficulty=${5:-normal}
build=$(cd "$build" && pwd)
labelcheck=$build/bin/labelcheck
labelgen=$build/bin/labelgen
labelscore=$build/bin/labelscore
for tool in "$labelcheck" "$labelgen" "$labelscore"; do
  [[ -x $tool ]] || { echo "missing $tool (build labelcheck labelgen labelscore)" >&2; exit 2; }
done
command -v tesseract >/dev/null || { echo "tesseract CLI not found (Debian package tesseract-ocr)" >&2; exit 2; }

mkdir -p "$work"
cd "$work"
if [[ $(ls photos/*.jpg 2>/dev/null | wc -l) -ne $count ]]; then
  rm -rf photos
  "$labelgen" --seed "$seed" --count "$count" --out photos --difficulty "$difficulty" >/dev/null
fi
mapfile -t photos < <(ls photos/*.jpg | sort)
echo "photos: ${#photos[@]} (labelgen --seed $seed --count $count --difficulty $difficulty) in $work"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# timed OUT CMD...: runs CMD (stdout to OUT, appended; stderr dropped) and sets $wall and $cpu (user+sys s)
TIMEFORMAT='%R %U %S'
timed() {
  local out=$1 r u s
  shift
  { time "$@" >> "$out" 2>/dev/null; } 2> "$work/.time" || true
  read -r r u s < "$work/.time"
  wall=$r
  cpu=$(echo "$u + $s" | bc -l)
}

# --- labelcheck, one process per photo (per-photo latency, --jobs 1) ---------------------------------------
: > labelcheck.jsonl
: > labelcheck.times
for p in "${photos[@]}"; do
  timed labelcheck.jsonl "$labelcheck" check --format jsonl --no-db --jobs 1 "$p"
  echo "$p $wall $cpu" >> labelcheck.times
done

# --- tesseract CLI + regex ----------------------------------------------------------------------------------
# Regex baseline: mineral rows `(sodium|potassium|calcium|magnesium)\D{0,20}?(\d+(\.\d+)?)\s*(mg|g|mcg)`
# (first match per mineral), claim = /electrolyte/i, panel = "supplement facts" / "nutrition facts",
# verdict from those exactly as the contract's rules.
: > tesseract.jsonl
: > tesseract.times
for p in "${photos[@]}"; do
  : > tesseract.txt
  timed tesseract.txt tesseract "$p" -
  echo "$p $wall $cpu" >> tesseract.times
  FILE="$p" perl -0777 -ne '
    my $t = $_; my %m;
    while ($t =~ /(sodium|potassium|calcium|magnesium)\D{0,20}?(\d+(?:\.\d+)?)\s*(mcg|mg|g)\b/gi) {
      my ($n, $a, $u) = (lc $1, $2, lc $3);
      next if exists $m{$n};
      my $mg = $u eq "g" ? $a * 1000 : $u eq "mcg" ? $a / 1000 : $a;
      $m{$n} = sprintf("{\"amount\":%s,\"unit\":\"%s\",\"mg\":%s,\"daily_value_pct\":null}", $a + 0, $u, $mg + 0);
    }
    my $claim = $t =~ /electrolyte/i ? "true" : "false";
    my $panel = $t =~ /supplement\s+facts/i ? "\"supplement_facts\"" : $t =~ /nutrition\s+facts/i ? "\"nutrition_facts\"" : "null";
    my @names = qw(sodium potassium calcium magnesium);
    my @missing = grep { !exists $m{$_} || $m{$_} =~ /"mg":0,/ } @names;
    my $verdict = $panel eq "null" && !%m ? "unreadable" : $claim eq "false" ? "not_electrolyte" : @missing ? "incomplete" : "complete";
    my $min = join(",", map { "\"$_\":" . ($m{$_} // "null") } @names);
    my $mis = join(",", map { "\"$_\"" } @missing);
    (my $f = $ENV{FILE}) =~ s/(["\\])/\\$1/g;
    print "{\"file\":\"$f\",\"ok\":true,\"error\":null,\"barcode\":null,\"panel\":$panel,\"product\":null,\"electrolyte_claim\":$claim,\"minerals\":{$min},\"missing\":[$mis],\"verdict\":\"$verdict\",\"database\":null}\n";
  ' tesseract.txt >> tesseract.jsonl
done

report() { # name jsonl times
  local name=$1 jsonl=$2 times=$3 s
  s=$("$labelscore" --results "$jsonl" --expected photos --json)
  printf '%-22s fields %6.2f%%  verdict %6.2f%%  gtin %6.2f%%  false-incomplete %3s  median %6.3f s/photo (cpu %6.3f s)\n' \
    "$name" "$(jq .fields.pct <<<"$s")" "$(jq .verdict.pct <<<"$s")" "$(jq .gtin.pct <<<"$s")" \
    "$(jq .false_incomplete <<<"$s")" "$(awk '{print $2}' "$times" | median)" "$(awk '{print $3}' "$times" | median)"
}
echo
report "labelcheck --jobs 1" labelcheck.jsonl labelcheck.times
report "tesseract CLI + regex" tesseract.jsonl tesseract.times
"$labelscore" --results labelcheck.jsonl --expected photos > labelcheck.score || true
"$labelscore" --results tesseract.jsonl --expected photos > tesseract.score || true
echo "(full tables: $work/labelcheck.score, $work/tesseract.score)"

# --- 12-megapixel photos: one core, then --jobs 2 -----------------------------------------------------------
mapfile -t big < <(jq -r 'select(.generator.width == 4000 and .generator.height == 3000
                                  or .generator.width == 3000 and .generator.height == 4000) | .file' photos/manifest.jsonl 2>/dev/null)
if [[ ${#big[@]} -eq 0 ]]; then
  # manifest without width/height keys: fall back to the image header via the file utility
  mapfile -t big < <(for p in "${photos[@]}"; do file "$p" | grep -Eq '(4000x3000|3000x4000)' && echo "$p"; done)
fi
echo
echo "12 MP photos (4000x3000): ${#big[@]}"
if [[ ${#big[@]} -gt 0 ]]; then
  grep -F -f <(printf '%s \n' "${big[@]}") labelcheck.times > big.times || true
  printf 'labelcheck 12 MP, one process per photo, --jobs 1: median %.3f s wall, %.3f s user+sys CPU\n' \
    "$(awk '{print $2}' big.times | median)" "$(awk '{print $3}' big.times | median)"
  for jobs in 1 2; do
    : > "big-jobs$jobs.jsonl"
    timed "big-jobs$jobs.jsonl" "$labelcheck" check --format jsonl --no-db --jobs "$jobs" "${big[@]}"
    walls[$jobs]=$wall
    cpus[$jobs]=$cpu
    printf 'labelcheck 12 MP batch --jobs %d: %.2f s wall, %.2f s CPU for %d photos (%.3f s/photo)\n' \
      "$jobs" "${walls[$jobs]}" "${cpus[$jobs]}" "${#big[@]}" "$(echo "${walls[$jobs]} / ${#big[@]}" | bc -l)"
  done
  printf 'speed-up --jobs 2 over --jobs 1: %.2fx wall (CPU ratio %.2f)\n' \
    "$(echo "${walls[1]} / ${walls[2]}" | bc -l)" "$(echo "${cpus[2]} / ${cpus[1]}" | bc -l)"
fi

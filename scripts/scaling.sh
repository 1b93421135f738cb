#!/usr/bin/env bash
# The CLI on every core (issue 14, items 1, 2 and 5): the thread table (1, 2, 4, 8, 12, 16
# threads) on the ndjson bench's million lines, from a file into /dev/null (the issue's
# table), into a file and from standard input, beside the bare typed parse of the same lines,
# and optionally the criterion benches. In two steps, so that the machine that measures needs
# no toolchain and no network:
#
#   scripts/scaling.sh build DIR              here: the release binaries into DIR
#   scripts/scaling.sh run DIR [--benches] [--out OUT]
#                                             there: the tables, in Markdown, on standard
#                                             output (and OUT/scaling.md; the benches' output in
#                                             OUT/benches.txt)
#
# Environment: M3TER_SCALING_LINES (default 1000000), M3TER_SCALING_RUNS (best of, default 3).
# The CLI takes at most its available parallelism (`--threads`; the script asks the CLI), so a
# thread count above it is not run: the table says so.
set -euo pipefail
# Decimal points, whatever the locale (bash's `time` and awk read and write the numbers).
export LC_ALL=C

usage() {
  sed -n '2,16p' "$0" >&2
  exit 2
}

build() {
  local dir
  dir="$(mkdir -p "$1" && cd "$1" && pwd)" # absolute: the build runs from the repository
  cd "$(dirname "$0")/.."
  cargo build -q --release -p m3ter-validate
  cargo build -q --release -p m3ter-benches --bin parse_floor --bin ndjson_input
  local target
  target="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
  cp "$target/release/m3ter-validate" "$target/release/parse_floor" "$target/release/ndjson_input" "$dir/"
  # The criterion benches, as `cargo bench` builds them: the executables its JSON messages name.
  cargo bench -q -p m3ter-benches --no-run --message-format=json 2>/dev/null |
    grep '"kind":\["bench"\]' |
    sed -n 's/.*"target":{[^}]*"name":"\([a-z_]*\)".*"executable":"\([^"]*\)".*/\1 \2/p' |
    while read -r name executable; do
      cp "$executable" "$dir/bench-$name"
    done
  ls -l "$dir"
}

# The best (lowest) elapsed seconds of M3TER_SCALING_RUNS runs of a command line (given as one
# string, run by bash: it may redirect), or "failed (status N)" when a run exits with more than
# 1 (the CLI exits 1 when it finds invalid lines, as on this input), its standard error on ours.
best_of() {
  local best="" t status
  for _ in $(seq "${M3TER_SCALING_RUNS:-3}"); do
    status=0
    { TIMEFORMAT=%R; time bash -c "$1" >/dev/null 2>"$work/stderr"; } 2>"$work/time" || status=$?
    if [ "$status" -gt 1 ]; then
      echo "failed: $1 (status $status): $(head -c 300 "$work/stderr")" >&2
      echo "failed (status $status)"
      return
    fi
    t="$(cat "$work/time")"
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$t
    fi
  done
  echo "$best"
}

# a / b to two places with "×", or "-" when either is not a time.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b == 0) { print "-"; exit }
    printf "%.2f×", a / b
  }'
}

# `bytes` read in `seconds`, in MB/s, or "-" when the time is not one.
megabytes_per_second() {
  awk -v b="$1" -v t="$2" 'BEGIN {
    if (t !~ /^[0-9.]+$/ || t == 0) { print "-"; exit }
    printf "%.0f", b / t / 1e6
  }'
}

# The threads the CLI takes at most: what it says when asked for more (the standard library's
# available parallelism, which follows CPU affinity and cgroup quotas), else the online CPUs.
cli_threads() {
  local said
  said="$("$1" --ndjson --threads 100000 /dev/null 2>&1 >/dev/null | sed -n 's/.*available parallelism (\([0-9]*\)).*/\1/p')"
  echo "${said:-$(getconf _NPROCESSORS_ONLN)}"
}

run() {
  local dir="$1" benches="$2" out="$3"
  local lines="${M3TER_SCALING_LINES:-1000000}"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  "$dir/ndjson_input" "$lines" >"$work/bench.ndjson"
  local cores bytes cli="$dir/m3ter-validate" input="$work/bench.ndjson" model
  cores="$(cli_threads "$cli")"
  bytes="$(wc -c <"$input")"
  model="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  [ -n "$model" ] || model="$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -1)"
  # One untimed run of each binary: the input in the page cache, the binaries loaded.
  "$cli" --ndjson --format json --threads "$cores" "$input" >/dev/null 2>&1 || true
  "$dir/parse_floor" "$input" >/dev/null
  {
    echo "## The CLI on $cores CPUs"
    echo
    echo "Machine: $model, $cores CPUs available to the CLI ($(getconf _NPROCESSORS_ONLN) online)," \
      "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
      "Linux $(uname -r); $(date -u +%Y-%m-%d)."
    echo "Input: the ndjson bench's first $lines lines ($bytes bytes), \`--ndjson --format json\`," \
      "best of ${M3TER_SCALING_RUNS:-3}, elapsed seconds (\`scripts/scaling.sh\`)."
    echo
    echo "| threads | into /dev/null (s) | speedup | MB/s | |"
    echo "| ---: | ---: | ---: | ---: | --- |"
    local one="" fastest_before="" best_before=""
    for threads in 1 2 4 8 12 16; do
      if [ "$threads" -gt "$cores" ]; then
        echo "| $threads | | | | not run: more than the $cores CPUs the CLI may use |"
        continue
      fi
      local t note=""
      t="$(best_of "'$cli' --ndjson --format json --threads $threads '$input' > /dev/null")"
      [ -z "$one" ] && one=$t
      # Against the fastest smaller count (a failed run compares as nothing).
      if [ -n "$best_before" ] && awk -v a="$t" -v b="$best_before" 'BEGIN { exit !(a ~ /^[0-9.]+$/ && a > b) }'; then
        note="**slower than $fastest_before thread(s)**"
      fi
      if awk -v a="$t" 'BEGIN { exit !(a ~ /^[0-9.]+$/) }' &&
        { [ -z "$best_before" ] || awk -v a="$t" -v b="$best_before" 'BEGIN { exit !(a < b) }'; }; then
        best_before=$t
        fastest_before=$threads
      fi
      echo "| $threads | $t | $(ratio "$one" "$t") | $(megabytes_per_second "$bytes" "$t") | $note |"
    done
    echo
    local file_one file_all stdin_one stdin_all floor
    file_one="$(best_of "'$cli' --ndjson --format json --threads 1 '$input' > '$work/out.json'")"
    file_all="$(best_of "'$cli' --ndjson --format json --threads $cores '$input' > '$work/out.json'")"
    stdin_one="$(best_of "'$cli' --ndjson --format json --threads 1 < '$input' > /dev/null")"
    stdin_all="$(best_of "'$cli' --ndjson --format json --threads $cores < '$input' > /dev/null")"
    floor="$(best_of "'$dir/parse_floor' '$input'")"
    echo "| | 1 thread (s) | $cores threads (s) | speedup |"
    echo "| --- | ---: | ---: | ---: |"
    echo "| a file into a file | $file_one | $file_all | $(ratio "$file_one" "$file_all") |"
    echo "| standard input into /dev/null | $stdin_one | $stdin_all | $(ratio "$stdin_one" "$stdin_all") |"
    echo
    echo "One thread against a bare typed parse of the same lines (\`parse_floor\`, item 2):" \
      "$floor s against $one s, **$(ratio "$floor" "$one")** the floor's throughput."
  } | tee "$work/scaling.md" # each line as it is measured: a run cut short keeps what it had
  if [ -n "$out" ]; then cp "$work/scaling.md" "$out/scaling.md"; fi
  if [ "$benches" = yes ]; then
    local log="$out/benches.txt"
    : >"$log"
    for bench in "$dir"/bench-*; do
      echo "== $bench" >>"$log"
      "$bench" --bench >>"$log" 2>&1 || echo "(failed: $?)" >>"$log"
    done
    echo
    echo "Criterion: $log"
    grep -v '^Benchmarking' "$log" | grep -B1 -A1 -E ' time: ' | grep -v '^--$' || true
  fi
}

case "${1:-}" in
  build)
    [ $# -eq 2 ] || usage
    build "$2"
    ;;
  run)
    [ $# -ge 2 ] || usage
    dir="$2"
    shift 2
    benches=no out=""
    while [ $# -gt 0 ]; do
      case "$1" in
        --benches) benches=yes ;;
        --out)
          out="$2"
          shift
          ;;
        *) usage ;;
      esac
      shift
    done
    if [ "$benches" = yes ] && [ -z "$out" ]; then
      echo "--benches needs --out: the benches' output is written there" >&2
      exit 2
    fi
    if [ -n "$out" ]; then mkdir -p "$out"; fi
    run "$dir" "$benches" "$out"
    ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# Runs one fuzz target on the stable toolchain: fuzz/run.sh TARGET [SECONDS] (default 600).
# Seeds the corpus first (fuzz/seed.sh), uses the target's dictionary, and keeps the whole log
# in fuzz/artifacts/TARGET.log; the last lines (the `DONE cov: ... ft: ...` line) are the figures
# fuzz/README.md records. Crash inputs land in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh json_validate|ndjson_reader|generator [SECONDS]}
seconds=${2:-600}
# The seeds' largest file sets libFuzzer's default -max_len (8642 bytes, the fragment), except
# for ndjson_reader, whose seeds are small: give it room for many lines.
extra=()
case "$target" in
  json_validate) dict=fuzz/dict/json.dict ;;
  ndjson_reader) dict=fuzz/dict/json.dict; extra=(-max_len=8192) ;;
  generator) dict=fuzz/dict/openapi.dict ;;
  *) echo "unknown target: $target" >&2; exit 2 ;;
esac

bash fuzz/seed.sh >/dev/null
mkdir -p fuzz/artifacts
log=fuzz/artifacts/$target.log
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ) cargo fuzz run $target --sanitizer none (${seconds}s)" | tee "$log"
status=0
cargo fuzz run "$target" --sanitizer none "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -dict="$dict" -timeout=10 -print_final_stats=1 "${extra[@]}" >>"$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|stat::number_of_executed_units|^==[0-9]+== ERROR|panicked|Test unit written' "$log" || true
exit "$status"

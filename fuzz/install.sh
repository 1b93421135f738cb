#!/usr/bin/env bash
# Installs what fuzzing needs on a machine with only the stable toolchain: cargo-fuzz from
# crates.io (libFuzzer itself comes with the libfuzzer-sys crate and is built by cc, so a C++
# compiler must be there: g++ is, on these machines). Then prints the commands that work here.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if ! command -v c++ >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1; then
  echo "no C++ compiler: install one (Debian: apt-get install g++) for libFuzzer" >&2
  exit 1
fi
cargo fuzz --version

cat <<'USAGE'

Ready. From the repository root, on stable (no sanitizer: --sanitizer none is required there):

  bash fuzz/seed.sh                                     # seed corpus from examples/, schema/, fixtures
  cargo fuzz build --sanitizer none                     # all three targets
  cargo fuzz run json_validate --sanitizer none fuzz/corpus/json_validate -- \
      -max_total_time=600 -dict=fuzz/dict/json.dict -timeout=10
  cargo fuzz run ndjson_reader --sanitizer none fuzz/corpus/ndjson_reader -- \
      -max_total_time=600 -dict=fuzz/dict/json.dict -timeout=10 -max_len=8192
  cargo fuzz run generator --sanitizer none fuzz/corpus/generator -- \
      -max_total_time=600 -dict=fuzz/dict/openapi.dict -timeout=10

or the same, seeded and logged to fuzz/artifacts/TARGET.log:

  bash fuzz/run.sh json_validate 600

A crash is saved as fuzz/artifacts/TARGET/crash-*; see fuzz/README.md for turning it into a
regression test.
USAGE

#!/usr/bin/env bash
# The CLI's output with and without the models' reader of flat objects (the `flat-reader`
# feature, issue 14) is byte for byte the same: builds m3ter-validate without the feature, keeps
# that binary, and runs `tests/reader_identity.rs` (this build, with the feature) against it on
# the reader tests' inputs. CI runs this script; about a minute once the workspace is built.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
baseline="$target_dir/reader-identity/m3ter-validate-without-flat-reader"

cargo build -q -p m3ter-validate --no-default-features
mkdir -p "$(dirname "$baseline")"
cp "$target_dir/debug/m3ter-validate" "$baseline"

# `cargo clippy --all-targets` leaves out a test target marked `test = false`: lint it here.
cargo clippy -q -p m3ter-validate --test reader_identity -- -D warnings
M3TER_VALIDATE_BASELINE="$baseline" cargo test -q -p m3ter-validate --test reader_identity

#!/usr/bin/env bash
# Compile cost for a depending crate (issue 5): clean release builds of throwaway binary crates,
# one after the other, each from an empty target directory, then the time each adds to
# serde + serde_json. Usage: scripts/compile-cost.sh [work-dir]   (default: a new temporary dir;
# the sub-directories base, regex, validator, core-no-defaults and core-defaults of work-dir are
# replaced). Needs bc and GNU date (Linux).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

# name | extra dependency lines
cases=(
  "base|"
  "regex|regex = \"1.12\""
  "validator|validator = { version = \"0.21\", features = [\"derive\"] }"
  "core-no-defaults|m3ter-models = { path = \"$repo/crates/m3ter-models\", default-features = false }"
  "core-defaults|m3ter-models = { path = \"$repo/crates/m3ter-models\" }"
)

for case in "${cases[@]}"; do
  name="${case%%|*}"
  dep="${case#*|}"
  dir="$work/$name"
  rm -rf "$dir"
  mkdir -p "$dir/src"
  cat >"$dir/Cargo.toml" <<TOML
[package]
name = "cc-$name"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
serde = { version = "1.0.228", features = ["derive"] }
serde_json = "1.0.145"
$dep

[workspace]
TOML
  echo 'fn main() { println!("{}", serde_json::json!({"ok": true})); }' >"$dir/src/main.rs"
  # Fetch first so that the timed build does not include downloads.
  (cd "$dir" && cargo fetch -q)
done

printf '%-18s %10s %10s\n' "case" "build (s)" "added (s)"
base=""
for case in "${cases[@]}"; do
  name="${case%%|*}"
  dir="$work/$name"
  start=$(date +%s.%N)
  (cd "$dir" && CARGO_TARGET_DIR="$dir/target" cargo build -q --release)
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc)
  [ -z "$base" ] && base=$secs
  printf '%-18s %10.1f %10.1f\n' "$name" "$secs" "$(echo "$secs - $base" | bc)"
done

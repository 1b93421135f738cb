#!/usr/bin/env bash
# Builds the seed corpus of every fuzz target in fuzz/corpus/<target>/ from the repository's own
# files: the example requests (each .json file, and each line of examples/requests.ndjson), the
# OpenAPI fragment, the generator fixtures, and the kept crash inputs
# (tests/fixtures/fuzz-regressions/<target>/). Safe to run again: it only adds files.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=fuzz/corpus
mkdir -p "$corpus/json_validate" "$corpus/ndjson_reader" "$corpus/generator"

# copy FILE TARGET: into the target's corpus, named by content so that reruns do not duplicate.
copy() {
  local name
  name=$(sha1sum "$1" | cut -c1-16)
  cp "$1" "$corpus/$2/seed-$name"
}

json_files=$(find examples -name '*.json' | sort)
fragments="schema/m3ter/export-destinations.openapi.json schema/export-destinations.overlay.json $(find tests/fixtures/generator -name '*.json' | sort)"

for file in $json_files; do
  copy "$file" json_validate
  copy "$file" ndjson_reader
done
copy examples/requests.ndjson ndjson_reader

# Each line of the NDJSON example as a document of its own.
lines=$(mktemp -d)
trap 'rm -rf "$lines"' EXIT
split -l 1 -a 3 examples/requests.ndjson "$lines/line-"
for file in "$lines"/line-*; do
  copy "$file" json_validate
done

for file in $fragments; do
  copy "$file" generator
  copy "$file" json_validate
done

# Crash inputs kept as regression tests, if any.
for target in json_validate ndjson_reader generator; do
  dir=tests/fixtures/fuzz-regressions/$target
  if [ -d "$dir" ]; then
    find "$dir" -type f ! -name '*.md' -print0 | while IFS= read -r -d '' file; do
      copy "$file" "$target"
    done
  fi
done

for target in json_validate ndjson_reader generator; do
  echo "$corpus/$target: $(find "$corpus/$target" -type f | wc -l) files"
done

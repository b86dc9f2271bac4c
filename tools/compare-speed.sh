#!/usr/bin/env bash
# compare-speed.sh [N] times film2ld against the reference JSON-LD processor
# on N films (default 300), as the README reports:
#   film2ld:   the films' text documents → canonical N-Quads (export --batch)
#   jsonld.js: film2ld's own JSON-LD of the same films → canonical N-Quads
# Needs node and NODE_PATH pointing at an install of jsonld (see .ci/run).
set -euo pipefail
n=${1:-300}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/film2ld" "$top/cmd/film2ld"
# N films: our own films and the samples, copied round-robin.
sets=("$top/testdata/samples" "$top"/testdata/films/*/)
for i in $(seq 1 "$n"); do
  mkdir -p "$work/films/film$i"
  cp "${sets[$(( (i - 1) % ${#sets[@]} ))]}"/*.txt "$work/films/film$i/"
done
# The reference's input: film2ld's JSON-LD with every fact (not timed).
"$work/film2ld" export --batch -q --keep-rejected -f jsonld -o "$work/jsonld" "$work/films"

ms() { date +%s%N | cut -c1-13; }
# best of three runs each: a shared machine's noise only ever adds time
best() {
  local min=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(ms); "$@" >/dev/null; t1=$(ms)
    if [ -z "$min" ] || [ $((t1 - t0)) -lt "$min" ]; then min=$((t1 - t0)); fi
  done
  echo "$min"
}
ours=$(best "$work/film2ld" export --batch -q -f canonical --merged -o "$work/film2ld.nq" "$work/films")
ref=$(best node "$top/tools/canonize-all.mjs" "$work"/jsonld/*.jsonld)
echo "film2ld:   $ours ms for $n films (text → canonical N-Quads, $(wc -l < "$work/film2ld.nq") quads)"
echo "jsonld.js: $ref ms for $n films (JSON-LD → canonical N-Quads)"
awk -v a="$ours" -v b="$ref" 'BEGIN { printf "ratio:     %.2f× the reference time\n", a / b }'

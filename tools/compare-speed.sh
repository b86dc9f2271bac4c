#!/usr/bin/env bash
# compare-speed.sh [N] times film2ld against the reference JSON-LD processor
# on N films (default 300), as the README's speed table reports:
#   film2ld:   the films' text documents → canonical N-Quads of the merged
#              view (export --batch -f canonical --merged), on 1 core (-j 1)
#              and on every core (-j $(nproc))
#   jsonld.js: film2ld's own JSON-LD of the same films → canonical N-Quads
#              (RDFC-1.0), in one Node process (one core)
# Before it prints a ratio, it checks that both sides wrote the same
# statements (film2ld's per-film blank node prefixes taken off). Each time
# is the best of $RUNS runs (default 3): a shared machine's noise only ever
# adds time.
# Needs node and NODE_PATH pointing at an install of jsonld (see .ci/run).
set -euo pipefail
n=${1:-300}
runs=${RUNS:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# FILM2LD_BIN names a film2ld already built from this tree (the tests pass
# theirs); otherwise the script builds one.
if [ -n "${FILM2LD_BIN:-}" ]; then
  cp "$FILM2LD_BIN" "$work/film2ld"
else
  CGO_ENABLED=0 go build -o "$work/film2ld" "$top/cmd/film2ld"
fi
# N films: our own films and the samples, copied round-robin.
sets=("$top/testdata/samples" "$top"/testdata/films/*/)
for i in $(seq 1 "$n"); do
  mkdir -p "$work/films/film$i"
  cp "${sets[$(( (i - 1) % ${#sets[@]} ))]}"/*.txt "$work/films/film$i/"
done
# The reference's input: film2ld's JSON-LD with every fact (not timed).
"$work/film2ld" export --batch -q --keep-rejected -f jsonld -o "$work/jsonld" "$work/films"

ms() { date +%s%N | cut -c1-13; }
best() {
  local min=""
  for _ in $(seq 1 "$runs"); do
    local t0 t1
    t0=$(ms); "$@" >/dev/null; t1=$(ms)
    if [ -z "$min" ] || [ $((t1 - t0)) -lt "$min" ]; then min=$((t1 - t0)); fi
  done
  echo "$min"
}
cores=$(nproc)
one=$(best "$work/film2ld" export --batch -q -j 1 -f canonical --merged -o "$work/film2ld.nq" "$work/films")
all=$(best "$work/film2ld" export --batch -q -j "$cores" -f canonical --merged -o "$work/film2ld.nq" "$work/films")
ref=$(best node "$top/tools/canonize-all.mjs" "$work/jsonld.nq" "$work"/jsonld/*.jsonld)

# The same statements on both sides, or no ratio.
sed -E 's/_:f[0-9a-f]{12}(n[0-9]+)?-/_:/g' "$work/film2ld.nq" | sort > "$work/a"
sort "$work/jsonld.nq" > "$work/b"
if ! cmp -s "$work/a" "$work/b"; then
  echo "film2ld and jsonld.js wrote different statements; no ratio:" >&2
  diff "$work/a" "$work/b" | head -20 >&2
  exit 1
fi
quads=$(wc -l < "$work/a")
echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
echo "work:      $n films, text → canonical N-Quads, $quads quads, the same on both sides"
echo "film2ld:   $one ms on 1 core (-j 1), $all ms on $cores cores (-j $cores)"
echo "jsonld.js: $ref ms on 1 core (JSON-LD → canonical N-Quads)"
awk -v a="$one" -v c="$all" -v b="$ref" -v k="$cores" 'BEGIN {
  printf "ratio:     %.3f× the reference time per core (-j 1); %.3f× with -j %d\n", a / b, c / b, k }'

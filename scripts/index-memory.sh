#!/usr/bin/env bash
# Peak memory of `acgbot index` over large images (docs/benchmarks.md, "Indexing memory").
#   scripts/index-memory.sh [COUNT] [WIDTH] [HEIGHT]     (default 200 images of 4000 x 3000)
# Indexes a folder of generated JPEG wallpapers with the known-answer models (so the numbers are the
# indexer's image handling, not model activations), at the launcher's default heap and at -Xmx512m, and
# prints the summary line of each run; its "peak RSS" is the process's VmHWM.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-200}" WIDTH="${2:-4000}" HEIGHT="${3:-3000}"
WORK="${TMPDIR:-/tmp}/acgbot-index-memory"
IMAGES="$WORK/images-${COUNT}-${WIDTH}x${HEIGHT}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ ! -d "$IMAGES" ]]; then
  echo "generating $COUNT images of ${WIDTH}x${HEIGHT} in $IMAGES…" >&2
  "$JAVA" -Xmx1g "$ROOT/scripts/LargeImages.java" "$IMAGES" "$COUNT" "$WIDTH" "$HEIGHT"
fi
for heap in default 512m; do
  rm -rf "$WORK/data-$heap"
  if [[ "$heap" == default ]]; then unset ACGBOT_HEAP; else export ACGBOT_HEAP="$heap"; fi
  printf 'heap %-8s ' "$heap"
  "$ROOT/acgbot" index --config "$ROOT/config/known-answer.yaml" --data-dir "$WORK/data-$heap" "$IMAGES" 2>/dev/null \
    | tr '\r' '\n' | grep -E '^(cancelled: )?added ' || echo "(failed; see $ROOT/data/known-answer/logs)"
done

#!/usr/bin/env bash
# Issue 17, throughput: where the reindex time goes. Runs the 448 tagger stand-in (and optionally the 224 image
# tower) at one batch size under each memory configuration, each cell its own JVM, the configurations interleaved
# round after round so the shared machine's load falls on all of them alike; prints the load average next to
# every figure. Needs the stand-ins (`./acgbot bench memory` or `bench inference` builds them into .bench-cache).
#
#   scripts/memory-ab.sh [ROUNDS] [BATCH] [MODEL] [RUNS]     (defaults: 2 4 vit-b16-448-nhwc 3)
#
# Each line: config, load average, RSS after load, peak during the runs, RSS after, ms per image (first run left out).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-2}" BATCH="${2:-4}" MODEL="${3:-vit-b16-448-nhwc}" RUNS="${4:-3}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR="$ROOT/benchmarks/target/acgbot-bench.jar"
DIR="$ROOT/.bench-cache/standins"
case "$MODEL" in
  vit-b16-448-nhwc) IO="input output false 448,448,3" ;;
  vit-b16-224) IO="image embedding false 3,224,224" ;;
  *) echo "unknown model $MODEL" >&2; exit 2 ;;
esac
THREADS="$(nproc)"
# name | environment | arena pattern shrink initializers
CONFIGS=(
  "before: arena+pattern, glibc defaults|-|on on off arena"
  "now: no arena, mmap 128K|MALLOC_MMAP_THRESHOLD_=131072 MALLOC_ARENA_MAX=2|off off off arena"
  "arena (weights outside)+shrink, mmap 128K|MALLOC_MMAP_THRESHOLD_=131072 MALLOC_ARENA_MAX=2|on off on device"
  "arena (weights outside)+shrink, glibc defaults|-|on off on device"
  "arena (weights outside), no shrink, mmap 128K|MALLOC_MMAP_THRESHOLD_=131072 MALLOC_ARENA_MAX=2|on off off device"
)
printf '| round | config | loadavg | after load | peak in runs | after runs | ms/image |\n|---|---|---|---|---|---|---|\n'
for r in $(seq 1 "$ROUNDS"); do
  for c in "${CONFIGS[@]}"; do
    IFS='|' read -r name envs opts <<<"$c"
    read -r arena pattern shrink inits <<<"$opts"
    [[ "$envs" == - ]] && envs=""
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    line="$(env -u MALLOC_MMAP_THRESHOLD_ -u MALLOC_ARENA_MAX $envs "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED \
      -cp "$JAR" dev.acgbot.bench.memory.SessionProbe "$DIR/$MODEL.onnx" $IO "$BATCH" "$arena" "$pattern" "$THREADS" "$RUNS" "$shrink" "$inits" \
      | grep '^PROBE ')"
    read -r _ lrss _ hwm after ms <<<"$line"
    printf '| %s | %s | %s | %d MB | %d MB | %d MB | %s |\n' "$r" "$name" "$load" $((lrss >> 20)) $((hwm >> 20)) $((after >> 20)) "$ms"
  done
done

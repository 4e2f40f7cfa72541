#!/bin/sh
# Runs a gallery benchmark program from this checkout, niced (the machine is shared), e.g.
#   plugins/gallery/scripts/run-bench.sh IndexBench --quick --json /tmp/index-bench.json
#   plugins/gallery/scripts/run-bench.sh DuplicateEval --json /tmp/dup-eval.json
# Needs JDK 21+ (JAVA_HOME) and a prior `./mvnw -pl plugins/gallery -am install -DskipTests`.
set -e
cd "$(dirname "$0")/.."
PROGRAM="$1"; shift
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP_FILE=target/bench.classpath
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ../../mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime >&2
fi
# a private copy of the classes, so rebuilding the module during a long run cannot change them under it
SNAP=$(mktemp -d /tmp/acgbot-bench-classes.XXXXXX)
cp -r target/classes/. "$SNAP"
trap 'rm -rf "$SNAP"' EXIT
nice -n 10 "$JAVA" ${BENCH_JAVA_OPTS:--Xmx6g} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$SNAP:$(cat "$CP_FILE")" "dev.acgbot.gallery.bench.$PROGRAM" "$@"

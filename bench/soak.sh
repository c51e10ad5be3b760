#!/usr/bin/env bash
# Soak run (issue 10): a few technicians start, weigh and complete preparations at a technician's pace for hours,
# on the pool's default settings, so every pooled connection is retired and replaced several times.
# Prints a line every 5 minutes and writes target/soak/<db>/report.txt.
# Usage: bench/soak.sh [h2|postgres] [minutes=120] [technicians=4]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/test-classpath.txt ] || [ "${SOAK_SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.SoakBenchmark "${1:-h2}" "${2:-120}" "${3:-4}"

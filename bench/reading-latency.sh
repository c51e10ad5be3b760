#!/usr/bin/env bash
# Reading latency benchmark (issue 4): simulator line written -> reading in the SSE stream.
# Usage: bench/reading-latency.sh [benches=50] [hz=20] [readings=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.ReadingLatencyBenchmark "${1:-50}" "${2:-20}" "${3:-10000}"

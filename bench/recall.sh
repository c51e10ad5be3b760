#!/usr/bin/env bash
# Recall and history benchmark (issue 15): "which preparations used lot X", and pages of the history, over a large
# history of synthetic preparations; p50, p99 and max of each query.
# Usage: bench/recall.sh [postgres|h2] [steps=1000000] [queries=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.RecallBenchmark "${1:-postgres}" "${2:-1000000}" "${3:-2000}"

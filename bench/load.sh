#!/usr/bin/env bash
# Load benchmark (issue 5): latency runs (open loop 50 and 200 flows/s) and saturation runs (closed loop 1, 8,
# 32, 128 technicians) against PrepBench on H2 or PostgreSQL.
# Usage: bench/load.sh [h2|postgres] [seconds per run=30] [warm-up seconds=10]
#        bench/load.sh cluster [seconds per run=30] [warm-up seconds=10] [instances=3] [benches=200]
#        (issue 17: one instance, then all of them behind nginx, on one PostgreSQL; Debian's nginx-light)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CLASSPATH="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
if [ "${1:-h2}" = cluster ]; then
  java -Xmx2g -cp "$CLASSPATH" prepbench.bench.ClusterLoadBenchmark "${2:-30}" "${3:-10}" "${4:-3}" "${5:-200}"
else
  java -Xmx2g -cp "$CLASSPATH" prepbench.bench.LoadBenchmark "${1:-h2}" "${2:-30}" "${3:-10}"
fi

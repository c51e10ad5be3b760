#!/usr/bin/env bash
# Audit verification benchmark (issue 13): "verify everything" over a trail of real preparations and synthetic
# sealed chains, up to the number of events asked for.
# Usage: bench/audit-verify.sh [h2|postgres] [events=1000000] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.AuditVerifyBenchmark "${1:-h2}" "${2:-1000000}" "${3:-3}"

#!/usr/bin/env bash
# Crash test (issue 5): SIGKILL PrepBench under load, restart it on the same database, check nothing acknowledged
# was lost and nothing partial exists. Usage: bench/crash.sh [h2|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" prepbench.bench.CrashTest "${1:-h2}"

#!/usr/bin/env bash
# Browser timing (issue 5): scan -> preparation visible, and cold page load, in Debian's Chromium.
# Usage: bench/browser-timing.sh [runs=30]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.BrowserTimingBenchmark "${1:-30}"

#!/usr/bin/env bash
# Browser timing (issues 5 and 16): a QR code opened in a new tab, the cold open of a preparation and the dashboard scan
# box, each to the preparation header visible, in Debian's Chromium, against PrepBench and against a trivial floor server
# (same 303, a 200-byte page) in the same run; and the bytes of a cold first load of the dashboard.
# Usage: bench/browser-timing.sh [runs=30]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  prepbench.bench.BrowserTimingBenchmark "${1:-30}"

#!/usr/bin/env bash
# Browser tests under load (issue 11): runs every browser test N times in a row (5 by default) while two busy loops
# keep both cores of this machine busy, and prints one line per run. Needs Debian's Chromium (/usr/bin/chromium).
# Usage: bench/browser-under-load.sh [runs=5]
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 CI=true
( while :; do :; done ) & busy1=$!
( while :; do :; done ) & busy2=$!
trap 'kill $busy1 $busy2 2>/dev/null' EXIT
mkdir -p target
failed=0
for run in $(seq 1 "${1:-5}"); do
  start=$(date +%s)
  mvn -B -Dtest='*BrowserTest' -Dsurefire.failIfNoSpecifiedTests=false test > "target/browser-under-load-$run.log" 2>&1
  rc=$?
  [ $rc -ne 0 ] && failed=1
  echo "run $run: exit $rc, $(( $(date +%s) - start )) s, $(grep -E 'Tests run: [0-9]+, Failures' "target/browser-under-load-$run.log" | tail -1)"
done
exit $failed

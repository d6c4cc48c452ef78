#!/usr/bin/env bash
# The whole test suite, as README's `npm test` and CI's .ci/run call it: installs what the tests
# need when missing (Debian packages, npm dependencies), builds for production, then runs unit and
# integration tests (vitest) and browser tests (Playwright on Debian's Chromium).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PRISMA_HIDE_UPDATE_MESSAGE=1 PRISMA_QUERY_ENGINE_LIBRARY=/dev/null PRISMA_SCHEMA_ENGINE_BINARY=/dev/null

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "test dependencies"
bash e2e/install-test-deps.sh || exit 1

step "npm dependencies"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || exit 1
else
  npm run --silent db:generate >/dev/null || exit 1
fi

step "production build (type-checks every file)"
npm run build || exit 1

mkdir -p .test-reports
rm -f .test-reports/*.json .test-reports/*.rc

# The two suites run side by side: both mostly wait (on sshd hosts, ZooKeeper, the server, the
# browser), so together they take about the time of the longer one. Each line says which suite it
# is from. ARMDECK_TEST_SERIAL=1 runs them one after the other instead.
run_vitest() { npx vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json; }
run_playwright() { PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/playwright.json npx playwright test --reporter=list,json; }
labelled() { sed -u "s/^/[$1] /"; }

if [ "${ARMDECK_TEST_SERIAL:-}" = 1 ]; then
  step "unit and integration tests (vitest)"
  run_vitest
  vitest_rc=$?
  step "browser tests (Playwright, /usr/bin/chromium)"
  run_playwright
  playwright_rc=$?
else
  step "unit and integration tests (vitest) beside browser tests (Playwright, /usr/bin/chromium)"
  ( run_vitest 2>&1; echo $? > .test-reports/vitest.rc ) | labelled vitest &
  vitest_pipe=$!
  ( run_playwright 2>&1; echo $? > .test-reports/playwright.rc ) | labelled playwright &
  playwright_pipe=$!
  wait $vitest_pipe $playwright_pipe
  vitest_rc=$(cat .test-reports/vitest.rc 2>/dev/null || echo 1)
  playwright_rc=$(cat .test-reports/playwright.rc 2>/dev/null || echo 1)
  step "both suites ended"
fi

step "summary"
node e2e/summarize-results.mjs .test-reports/vitest.json .test-reports/playwright.json
summary_rc=$?
[ $vitest_rc -eq 0 ] && [ $playwright_rc -eq 0 ] && [ $summary_rc -eq 0 ]

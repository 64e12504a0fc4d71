#!/usr/bin/env bash
# `npm test`: every check, on a fresh machine as on a developer's. Installs Debian's Chromium, the PostgreSQL 15
# server binaries and ClamAV's daemon when missing; the unit tests start (and stop) a throwaway PostgreSQL themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

need_apt=()
command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/sbin/clamd ] || need_apt+=(clamav-daemon) # the virus scanner's tests start their own clamd
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "==> Installing from Debian: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "Run as root, or install: apt-get install -y ${need_apt[*]}" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p .data/reports
echo "==> Lint"
npx eslint --max-warnings 0 .
echo "==> Typecheck"
npx tsc --noEmit
echo "==> Build"
npx remix vite:build >/dev/null
rm -f .data/reports/*.json

# One throwaway PostgreSQL for both: the database tests, and an end-to-end server that must migrate an empty one.
npx tsx scripts/with-postgres.ts bash -c '
  echo "==> Unit and database tests (PGlite and PostgreSQL)"
  npx vitest run --reporter=default --reporter=json --outputFile.json=.data/reports/vitest.json; unit=$?
  echo "==> End-to-end tests in Chromium, with and without JavaScript, with axe; and on PostgreSQL"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.data/reports/playwright.json npx playwright test --reporter=list,json; e2e=$?
  exit $(( unit || e2e ))
' || true

node scripts/test-summary.js .data/reports/vitest.json .data/reports/playwright.json "$started"

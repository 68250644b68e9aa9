#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here), and the
# codec tests compress with Debian's zstd; the oracle tests need pyspark (scripts/ensure-oracle.sh) and the API fuzz
# schemathesis (scripts/ensure-schemathesis.sh). `npm test` calls this first: it installs what is missing when the
# machine allows it.
set -euo pipefail
# Real Spark (pyspark 3.5 and 4.x, cached under .cache/oracle/) for the differential tests in test/oracle;
# it never fails: without PyPI, Python or Java those tests are skipped and say why.
bash "$(dirname "$0")/ensure-oracle.sh"
# schemathesis (cached under .cache/oracle/) for the API fuzz in test/reliability; never fails either.
bash "$(dirname "$0")/ensure-schemathesis.sh"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && command -v zstd >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
      echo "Chromium or zstd is missing: run 'sudo apt-get install -y chromium zstd' (or set CHROMIUM_PATH)." >&2
      exit 1
    fi
  fi
  echo "Installing Debian's chromium and zstd for the tests …"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium zstd >/dev/null
  exit 0
fi
echo "Chromium is missing at $CHROMIUM and apt-get is not available; set CHROMIUM_PATH to a Chromium binary." >&2
exit 1

#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download does not work here), and the
# codec tests compress with Debian's zstd; the oracle tests need pyspark (scripts/ensure-oracle.sh) and the API
# fuzz schemathesis (scripts/ensure-schemathesis.sh); the index-schema test (test/access/postgresSchema.test.ts)
# starts a throwaway PostgreSQL from Debian's postgresql package. `npm test` calls this first: it installs what
# is missing when the machine allows it.
set -euo pipefail
# Real Spark (pyspark 3.5 and 4.x, cached under .cache/oracle/) for the differential tests in test/oracle;
# it never fails: without PyPI, Python or Java those tests are skipped and say why.
bash "$(dirname "$0")/ensure-oracle.sh"
# schemathesis (cached under .cache/oracle/) for the API fuzz in test/reliability; never fails either.
bash "$(dirname "$0")/ensure-schemathesis.sh"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
required=()
[ -x "$CHROMIUM" ] || required+=(chromium)
command -v zstd >/dev/null 2>&1 || required+=(zstd)
# PostgreSQL is optional here: without it the schema test is skipped and says how to install it.
optional=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 || optional+=(postgresql)
[ ${#required[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ] && exit 0
missing=("${required[@]}" "${optional[@]}")
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
      echo "Missing test tools: run 'sudo apt-get install -y ${missing[*]}' (or set CHROMIUM_PATH)." >&2
      [ ${#required[@]} -eq 0 ] && exit 0
      exit 1
    fi
  fi
  echo "Installing Debian's ${missing[*]} for the tests …"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if [ ${#required[@]} -eq 0 ]; then
  echo "PostgreSQL is missing and apt-get is not available: the index-schema test will be skipped." >&2
  exit 0
fi
echo "Chromium or zstd is missing (Chromium looked for at $CHROMIUM) and apt-get is not available; set CHROMIUM_PATH to a Chromium binary." >&2
exit 1

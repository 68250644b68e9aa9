#!/usr/bin/env bash
# schemathesis (PyPI) for the property-based API fuzz of test/reliability/hostileRequests.test.ts, in its own
# virtual environment under .cache/oracle/venv-schemathesis-<version> (pinned in oracle/versions.env; needs
# Python >= 3.11). Idempotent and never fails the test run: when it cannot install, it records why in
# .cache/oracle/schemathesis-unavailable and the test skips with that message (SPARK_ORACLE_REQUIRED=1 makes
# that a failure).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SPARK_ORACLE_DIR:-$ROOT/.cache/oracle}"
mkdir -p "$DIR"
# shellcheck source=../oracle/versions.env
. "$ROOT/oracle/versions.env"
SPEC="schemathesis==$SCHEMATHESIS"
V="$DIR/venv-schemathesis-$SCHEMATHESIS"
MARKER="$DIR/schemathesis-unavailable"

# A venv's scripts name its interpreter by absolute path: a cache moved or made from another checkout is stale.
if [ -f "$V/.installed" ] && [ "$(cat "$V/.installed")" = "$SPEC" ] && [ -x "$(head -1 "$V/bin/schemathesis" 2>/dev/null | sed 's/^#!//')" ]; then
  rm -f "$MARKER"
  exit 0
fi

unavailable() {
  echo "schemathesis: $1 — the hostile-request fuzz test will be skipped" >&2
  echo "$1" > "$MARKER"
  exit 0
}

PY="${SCHEMATHESIS_PYTHON:-$(command -v python3 || true)}"
[ -n "$PY" ] || unavailable "python3 is not installed"
[ -x "$PY" ] || unavailable "$PY is not an executable Python"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || unavailable "python3 >= 3.11 is needed for $SPEC"
"$PY" -c 'import venv, ensurepip' 2>/dev/null || unavailable "python3 has no venv/ensurepip module (apt-get install python3-venv)"

echo "schemathesis: installing $SPEC into $V …" >&2
rm -rf "$V"
if ! "$PY" -m venv "$V" || ! "$V/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "$SPEC" >"$DIR/pip-schemathesis-$SCHEMATHESIS.log" 2>&1; then
  rm -rf "$V"
  unavailable "pip could not install $SPEC (is PyPI reachable? see .cache/oracle/pip-schemathesis-$SCHEMATHESIS.log)"
fi
echo "$SPEC" > "$V/.installed"
rm -f "$MARKER"
exit 0

#!/usr/bin/env bash
# Test tooling for the real-Spark oracle (test/oracle): one Python virtual environment per pinned pyspark
# release (pyspark's wheel carries Spark itself, History Server included; Java 17 runs it) and one for the
# spark-history-cli client (the MCP client, which needs Python >= 3.12, comes from ensure-oracle-mcp.sh).
# Idempotent and cached under .cache/oracle/ (ignored by git; SPARK_ORACLE_DIR moves it). Never fails the
# test run: when PyPI, Python or Java is missing it records why in .cache/oracle/unavailable and the oracle
# tests skip with that message.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SPARK_ORACLE_DIR:-$ROOT/.cache/oracle}"
mkdir -p "$DIR"
# shellcheck source=../oracle/versions.env
. "$ROOT/oracle/versions.env"
rm -f "$DIR/unavailable"
# The MCP client needs neither pyspark nor Java, so it is set up first, whatever is missing below.
bash "$ROOT/scripts/ensure-oracle-mcp.sh"

unavailable() {
  echo "spark oracle: $1 — the oracle tests will be skipped" >&2
  echo "$1" > "$DIR/unavailable"
  exit 0
}

PY="${SPARK_ORACLE_PYTHON:-$(command -v python3 || true)}"
[ -n "$PY" ] || unavailable "python3 is not installed"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || unavailable "python3 >= 3.10 is needed (pyspark 4)"
"$PY" -c 'import venv, ensurepip' 2>/dev/null || unavailable "python3 has no venv/ensurepip module (apt-get install python3-venv)"
command -v java >/dev/null 2>&1 || unavailable "java (17 or newer) is not installed"

# venv NAME PACKAGE==VERSION: creates $DIR/venv-NAME once (a marker records what was installed);
# returns 1 when it could not.
venv() {
  local name="$1" spec="$2" v="$DIR/venv-$1"
  if [ -f "$v/.installed" ] && [ "$(cat "$v/.installed")" = "$spec" ]; then return 0; fi
  echo "spark oracle: installing $spec into $v …" >&2
  rm -rf "$v"
  if ! "$PY" -m venv "$v" || ! "$v/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "$spec" >"$DIR/pip-$name.log" 2>&1; then
    rm -rf "$v"
    return 1
  fi
  echo "$spec" > "$v/.installed"
}

venv "pyspark-$PYSPARK_35" "pyspark==$PYSPARK_35" || unavailable "pip could not install pyspark==$PYSPARK_35 (is PyPI reachable? see $DIR/pip-pyspark-$PYSPARK_35.log)"
venv "pyspark-$PYSPARK_4" "pyspark==$PYSPARK_4" || unavailable "pip could not install pyspark==$PYSPARK_4 (is PyPI reachable? see $DIR/pip-pyspark-$PYSPARK_4.log)"
# The client is optional: its test skips (saying why) when it did not install.
venv "cli-$SPARK_HISTORY_CLI" "spark-history-cli==$SPARK_HISTORY_CLI" || echo "spark oracle: spark-history-cli==$SPARK_HISTORY_CLI did not install; its test will be skipped" >&2
exit 0

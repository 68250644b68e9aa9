#!/usr/bin/env bash
# The mcp-apache-spark-history-server client (PyPI) for test/oracle/mcpServer.test.ts, in its own virtual
# environment under .cache/oracle/venv-mcp-<version>. It needs Python >= 3.12, newer than Debian's python3,
# so this finds one: $SPARK_ORACLE_MCP_PYTHON, python3.1x on PATH, pyenv's versions, else a uv-managed
# CPython (uv installed from PyPI into a tool venv). Idempotent; never fails: when it cannot install, it
# records why in .cache/oracle/mcp-unavailable and the test skips with that message.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SPARK_ORACLE_DIR:-$ROOT/.cache/oracle}"
mkdir -p "$DIR"
# shellcheck source=../oracle/versions.env
. "$ROOT/oracle/versions.env"
SPEC="mcp-apache-spark-history-server==$SPARK_HISTORY_MCP"
V="$DIR/venv-mcp-$SPARK_HISTORY_MCP"
MARKER="$DIR/mcp-unavailable"

# A venv's scripts name its interpreter by absolute path: a cache moved or made from another checkout is stale.
if [ -f "$V/.installed" ] && [ "$(cat "$V/.installed")" = "$SPEC" ] && [ -x "$(head -1 "$V/bin/spark-mcp" 2>/dev/null | sed 's/^#!//')" ]; then
  rm -f "$MARKER"
  exit 0
fi

unavailable() {
  echo "spark oracle: $1 — the MCP client test will be skipped" >&2
  echo "$1" > "$MARKER"
  exit 0
}

is312() { [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }

find_python() {
  local c
  for c in "${SPARK_ORACLE_MCP_PYTHON:-}" "$(command -v python3 || true)" \
    "$(command -v python3.13 || true)" "$(command -v python3.12 || true)" \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    if is312 "$c"; then echo "$c"; return 0; fi
  done
  # Last resort: uv fetches a standalone CPython 3.12 into the cache.
  local uv="$DIR/venv-uv"
  if [ ! -x "$uv/bin/uv" ]; then
    local py3; py3="$(command -v python3 || true)"
    [ -n "$py3" ] || return 1
    "$py3" -m venv "$uv" >/dev/null 2>&1 && "$uv/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir uv >"$DIR/pip-uv.log" 2>&1 || { rm -rf "$uv"; return 1; }
  fi
  UV_PYTHON_INSTALL_DIR="$DIR/uv-python" "$uv/bin/uv" python install 3.12 >"$DIR/uv-python.log" 2>&1 || return 1
  c="$(UV_PYTHON_INSTALL_DIR="$DIR/uv-python" "$uv/bin/uv" python find 3.12 2>/dev/null)"
  if is312 "$c"; then echo "$c"; return 0; fi
  return 1
}

PY="$(find_python)" || unavailable "no Python >= 3.12 found for $SPEC (none on PATH or in pyenv, and uv from PyPI could not provide one: see .cache/oracle/pip-uv.log and uv-python.log)"
echo "spark oracle: installing $SPEC into $V with $PY …" >&2
rm -rf "$V"
if ! "$PY" -m venv "$V" || ! "$V/bin/pip" install --quiet --disable-pip-version-check --no-cache-dir "$SPEC" >"$DIR/pip-mcp-$SPARK_HISTORY_MCP.log" 2>&1; then
  rm -rf "$V"
  unavailable "pip could not install $SPEC (is PyPI reachable? see .cache/oracle/pip-mcp-$SPARK_HISTORY_MCP.log)"
fi
echo "$SPEC" > "$V/.installed"
rm -f "$MARKER"
exit 0

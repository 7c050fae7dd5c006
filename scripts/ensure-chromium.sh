#!/usr/bin/env bash
# Makes sure a headless Chromium is there for the console's end-to-end tests.
# Uses CHROMIUM_PATH, or Debian's `chromium` package (installed with apt-get when missing,
# as root or through sudo). No browser is downloaded from anywhere else.
set -euo pipefail
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  if [[ -x "$CHROMIUM_PATH" ]]; then exit 0; fi
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is needed for the console tests: install it, or set CHROMIUM_PATH." >&2
  exit 1
fi
as_root=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "Chromium is missing and installing it needs root: run 'apt-get install chromium' as root, or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the console tests (once)…"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
echo "Chromium installed: $(chromium --version 2>/dev/null || echo chromium)"

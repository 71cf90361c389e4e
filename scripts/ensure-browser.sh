#!/usr/bin/env bash
# Makes sure a Chromium that Playwright can drive and fonts with Kazakh letters are on this machine.
# Order: a browser named by PARITY_CHECK_CHROMIUM or playwright.config.toml, then the system's Chromium,
# then Playwright's own download (which needs internet). Debian's packages are used where apt-get works.
set -euo pipefail
py=${PYTHON:-.venv/bin/python}

have_fonts() { fc-list 2>/dev/null | grep -qi dejavu; }
apt_install() {
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "ensure-browser: installing $* with apt-get" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if ! "$py" - <<'PY' 2>/dev/null
from parity_check.gather.browser import load_settings
s = load_settings()
import sys
sys.exit(0 if s.executable else 1)
PY
then
  apt_install chromium fonts-dejavu-core || {
    echo "ensure-browser: no system Chromium and no apt-get; downloading Playwright's Chromium" >&2
    "$py" -m playwright install --with-deps chromium
  }
fi
have_fonts || apt_install fonts-dejavu-core fontconfig || echo "ensure-browser: warning: no DejaVu fonts; Kazakh letters may render as boxes" >&2
"$py" -c "from parity_check.gather.browser import load_settings as l; s=l(); print('ensure-browser: using', s.executable or 'Playwright\'s Chromium', 'from', s.source)"

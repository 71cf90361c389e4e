#!/usr/bin/env bash
# Prints the path of a Python of the version given (default: the lowest one pyproject.toml declares), for
# `make test` to run the offline tests on it. Looks, in order: pythonX.Y on PATH, pyenv's versions folder,
# Debian's python3.X package (apt-get, when the distribution has it), `pyenv install` (needs python.org).
# Fails with a message saying what to install when none of these gives one.
set -euo pipefail
want=${1:-3.10}

works() { "$1" -c "import sys, ssl, venv; sys.exit(sys.version_info[:2] != tuple(map(int, '$want'.split('.'))))" 2>/dev/null; }

if command -v "python$want" >/dev/null 2>&1 && works "python$want"; then
  command -v "python$want"; exit 0
fi
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for candidate in "$root"/versions/"$want".*/bin/python"$want"; do
  if [ -x "$candidate" ] && works "$candidate"; then echo "$candidate"; exit 0; fi
done
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ] \
   && apt-cache policy "python$want" 2>/dev/null | grep -q "Candidate: [0-9]"; then
  echo "ensure-python: installing python$want with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$want" "python$want-venv" >/dev/null
  command -v "python$want"; exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
  echo "ensure-python: building Python $want with pyenv (downloads from python.org)" >&2
  if pyenv install -s "$want" >&2; then
    for candidate in "$root"/versions/"$want".*/bin/python"$want"; do
      if works "$candidate"; then echo "$candidate"; exit 0; fi
    done
  fi
fi
echo "ensure-python: no Python $want found: install python$want (or pyenv and 'pyenv install $want'), or set PYTHON_LOWEST to one" >&2
exit 1

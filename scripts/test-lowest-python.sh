#!/usr/bin/env bash
# The lowest Python pyproject.toml declares, tested as a user would meet it: the offline tests (no browser)
# and a --from-artifacts run of a saved run folder, which must write its reports and exit 0 or 1.
set -euo pipefail
py=${1:?usage: test-lowest-python.sh PYTHON}
cd "$(dirname "$0")/.."
echo "== offline tests on $("$py" --version)" >&2
"$py" -m pytest -q -p no:cacheprovider tests/unit
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
code=0
"$py" -m parity_check --from-artifacts tests/artifacts/content --out "$out/run" --format json,html,sarif,markdown,csv,junit -q || code=$?
if [ "$code" -gt 1 ]; then echo "test-lowest-python: --from-artifacts exited $code on $("$py" --version)" >&2; exit 1; fi
for f in report.json report.html report.sarif summary.md findings.csv report.junit.xml; do
  [ -s "$out/run/$f" ] || { echo "test-lowest-python: $f was not written" >&2; exit 1; }
done
echo "== --from-artifacts on $("$py" --version): exit $code, every report written" >&2

"""After the checks, before the reports: the profile's suppressions, then the baseline comparison. The CLI's
`check`, `report merge` and `report render` all pass their RunResult through here, so the three agree."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..models import RunResult


def finalise_result(result: RunResult, profile: Any = None, baseline_path: Path | str | None = None,
                    today: dt.date | None = None) -> RunResult:
    from ..baseline import apply_baseline, load_baseline
    from ..suppress import suppress_result

    if profile is not None:
        result = suppress_result(result, profile, today)
    if baseline_path:
        result = apply_baseline(result, load_baseline(Path(baseline_path)))
    return result

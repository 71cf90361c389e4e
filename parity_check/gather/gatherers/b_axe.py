"""axe-core in every frame; the AAA contrast rule only where the VI mode is on."""
from ..axe import run_axe
from ..registry import Visit, gatherer


@gatherer("axe")
async def gather_axe(page, visit: Visit) -> dict:
    return await run_axe(page, vi_active=visit.vi_active)

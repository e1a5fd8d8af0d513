"""Opening the board must not pay for Polars: it belongs to importing, not to viewing."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from ssi_tui.ui.app import SsiApp
    from ssi_tui.ui.screens.leaderboard import LeaderboardScreen

    async def main():
        app = SsiApp(Path(sys.argv[1]))
        async with app.run_test() as pilot:
            for _ in range(6000):  # up to a minute on a loaded machine
                await pilot.pause(0.01)
                if isinstance(app.screen, LeaderboardScreen) and app.screen.loads:
                    break
            assert app.screen.loads, "board never loaded"
            await pilot.press("2", "slash", "a", "escape", "t")
            await pilot.pause(0.2)
    asyncio.run(main())
    heavy = [m for m in ("polars", "pyarrow", "pandas", "numpy") if m in sys.modules]
    print("HEAVY:" + ",".join(heavy))
    """
)


def test_viewing_the_board_never_imports_polars(sample_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(sample_db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY:\n" in result.stdout or result.stdout.strip().endswith("HEAVY:")

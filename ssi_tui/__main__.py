"""`python -m ssi_tui` behaves exactly like the `ssi-tui` command."""

from __future__ import annotations

from ssi_tui.entry import main

if __name__ == "__main__":
    main()

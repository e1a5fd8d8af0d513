"""Model tests (a package, so that test_standup.py may share its name with the UI tests)."""

"""`ssi-tui serve`'s web side: a view-only, token-guarded textual-serve for a meeting-room screen.

access.py decides who may connect (token, Host, Origin), limits.py how much one viewer may ask
for, session.py runs and always ends one browser tab's app process, server.py puts them together.
"""

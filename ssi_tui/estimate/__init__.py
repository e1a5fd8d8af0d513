"""Do-it-yourself SSI: pillar scores estimated from activity metrics (issue #9).

measures.py names the activity measures, model.py reads the TOML scoring model, scoring.py
turns one week of activity into pillar scores with a per-measure breakdown, nnls.py and
calibrate.py fit the weights to official scores. No Textual and no Polars in this package.
"""

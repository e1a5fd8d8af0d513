"""Splitting a slow hypothesis property over several pytest tests, so xdist runs them side by
side: one long test would otherwise be the whole suite's tail on two cores."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import seed, settings

SHARDS = 4


def in_shards(
    whole: settings, shards: int = SHARDS
) -> Callable[[Callable[..., None]], Callable[[int], None]]:
    """The decorated property (@given, without @settings) as SHARDS tests with WHOLE's settings,
    each running its share of WHOLE's examples from a seed of its own: as many examples as one
    test (each shard starts from the simplest one, the rest differ), every shard repeatable
    (as the CI profile's derandomize)."""
    share = settings(whole, max_examples=max(1, whole.max_examples // shards))

    def decorate(prop: Callable[..., None]) -> Callable[[int], None]:
        per_shard = share(prop)

        @pytest.mark.parametrize("shard", range(shards))
        def test(shard: int) -> None:
            seed(shard)(per_shard)()

        test.__name__ = prop.__name__
        test.__doc__ = prop.__doc__
        test.__module__ = prop.__module__
        return test

    return decorate

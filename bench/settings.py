"""Evenly's settings plus one bench-only URL, so the benchmark can compare a
real page with a bare view served through the same middleware stack."""

from evenly.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"

"""In-process page cost: each main page against the bare view, through the
same middleware and the test client, for Alex before and after
`seed_history --years N`. Prints one JSON line.

Run by bench/run.py as `python -m bench.inprocess --years N` with
DJANGO_SETTINGS_MODULE=bench.settings and the bench's data directory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import django

PAGES = [
    "/",
    "/couple/",
    "/consent/",
    "/checkins/",
    "/checkins/moments/",
    "/decisions/",
    "/decisions/wins/",
    "/boundaries/",
    "/boundaries/history/",
    "/curious/",
    "/balance/",
    "/account/security/",
]


def median_ms(client, path: str, repeats: int) -> float:  # type: ignore[no-untyped-def]
    client.get(path)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return statistics.median(times) * 1000


def measure(repeats: int) -> dict[str, float]:
    from django.test import Client

    from evenly.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email="alex@demo.evenly"))
    return {path: median_ms(client, path, repeats) for path in ["/bench/bare", *PAGES]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    django.setup()
    from django.core.management import call_command

    before = measure(args.repeats)
    started = time.monotonic()
    call_command("seed_history", years=args.years, stdout=open("/dev/null", "w"))  # noqa: SIM115
    seeded = time.monotonic() - started
    after = measure(args.repeats)
    print(json.dumps({"years": args.years, "seed_seconds": round(seeded, 1), "before": before, "after": after}))


if __name__ == "__main__":
    main()

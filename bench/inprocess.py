"""In-process page cost for Alex: each main page with the demo data against
the same page after `seed_history --years N`, and against a bare view served
through the same middleware. Prints one JSON line.

The demo database is copied and the history is seeded into the copy; then one
worker process serves each copy through the Django test client, both pinned
to the same CPU, and the requests alternate between the two, one by one, so
that a change in machine load falls on both sides alike. Beside the median wall-clock time, each page
reports the Python function calls one request makes (counted by cProfile): a
figure the load on the machine does not move.

Run by bench/run.py as `python -m bench.inprocess --years N` with
DJANGO_SETTINGS_MODULE=bench.settings and the bench's data directory.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

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
BARE = "/bench/bare"
WARM_UP = 3


# ---------------------------------------------------------------- worker


def serve(cpu: int | None) -> None:
    """One line in (`time PATH` or `calls PATH`), one JSON number out, for
    Alex signed in to the database named by EVENLY_SQLITE_PATH."""
    import django

    if cpu is not None:
        os.sched_setaffinity(0, {cpu})

    django.setup()
    from django.test import Client

    from evenly.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email="alex@demo.evenly"))

    def get(path: str) -> None:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)

    for line in sys.stdin:
        command, path = line.split()
        if command == "time":
            started = time.perf_counter()
            get(path)
            answer: float = (time.perf_counter() - started) * 1000
        else:
            profile = cProfile.Profile()
            profile.runcall(get, path)
            answer = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]  # set, not declared
        print(json.dumps(answer), flush=True)


class Worker:
    def __init__(self, database: Path, cpu: int | None) -> None:
        env = {**os.environ, "EVENLY_SQLITE_PATH": str(database)}
        command = [sys.executable, "-m", "bench.inprocess", "--serve"]
        if cpu is not None:
            command += ["--cpu", str(cpu)]
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, command: str, path: str) -> float:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(f"{command} {path}\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker for {path} exited with {self.process.wait()}")
        return float(json.loads(answer))

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(timeout=30)


# ---------------------------------------------------------------- driver


def demo_database() -> Path:
    from django.conf import settings

    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3", "the in-process bench copies a SQLite database"
    return Path(database["NAME"])


def copy_database(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


def seed_history(database: Path, years: int) -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "django", "seed_history", "--years", str(years)],
        env={**os.environ, "EVENLY_SQLITE_PATH": str(database)},
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.monotonic() - started


def measure(demo: Worker, history: Worker, path: str, repeats: int) -> dict[str, float]:
    """Median milliseconds and function calls per request, for the demo and
    the history side, and the median of the history / demo ratio of each
    pair of requests made one after the other. Strictly alternating: each
    request follows one of the other side's, so neither finds the CPU caches
    warmer than the other does."""
    for _ in range(WARM_UP):
        demo.ask("time", path)
        history.ask("time", path)
    pairs = [(demo.ask("time", path), history.ask("time", path)) for _ in range(repeats)]
    return {
        "demo_ms": round(statistics.median(d for d, _ in pairs), 3),
        "history_ms": round(statistics.median(h for _, h in pairs), 3),
        "ratio": round(statistics.median(h / d for d, h in pairs), 3),
        "demo_calls": demo.ask("calls", path),
        "history_calls": history.ask("calls", path),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--serve", action="store_true", help="run as a worker (used by the driver)")
    parser.add_argument("--cpu", type=int, help="the CPU a worker runs on")
    args = parser.parse_args()
    if args.serve:
        serve(args.cpu)
        return

    demo_path = demo_database()
    history_path = demo_path.with_name("history.sqlite3")
    copy_database(demo_path, history_path)
    seeded = seed_history(history_path, args.years)
    # One CPU for both workers: whatever else runs on it slows both alike.
    cpu = max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    demo, history = Worker(demo_path, cpu), Worker(history_path, cpu)
    try:
        pages: dict[str, Any] = {path: measure(demo, history, path, args.repeats) for path in [BARE, *PAGES]}
    finally:
        demo.close()
        history.close()
    result = {"years": args.years, "repeats": args.repeats, "seed_seconds": round(seeded, 1), "pages": pages}
    print(json.dumps(result))


if __name__ == "__main__":
    main()

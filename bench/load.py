"""The people load: N signed-in partners, each opening a main page about once
a second (a page, then a second's pause, then the next), for a fixed time.

`python -m bench.load --port P --sessions FILE --seconds 40` prints one JSON
line: requests, errors, requests per second and latency percentiles (ms).
Only 127.0.0.1 is ever contacted; every loop is bounded by the duration.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time

import httpx

PAGES = ["/", "/consent/", "/checkins/", "/decisions/", "/boundaries/", "/couple/", "/balance/", "/curious/"]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def person(port: int, session: str, offset: int, until: float, latencies: list[float], errors: list[str]) -> None:
    cookies = {"sessionid": session}
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{port}", cookies=cookies, timeout=10, trust_env=False
    ) as client:
        await asyncio.sleep((offset % 100) / 100)  # spread the first taps over a second
        page = offset
        while time.monotonic() < until:
            path = PAGES[page % len(PAGES)]
            page += 1
            started = time.monotonic()
            try:
                response = await client.get(path)
                if response.status_code != 200:
                    errors.append(f"{path} {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(f"{path} {type(error).__name__}")
            latencies.append(time.monotonic() - started)
            await asyncio.sleep(1.0)


async def run(port: int, sessions: list[str], seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(person(port, s, i, until, latencies, errors) for i, s in enumerate(sessions)))
    elapsed = time.monotonic() - started
    return {
        "people": len(sessions),
        "requests": len(latencies),
        "errors": len(errors),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "first_errors": errors[:5],  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--sessions", required=True)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--people", type=int, default=200)
    args = parser.parse_args()
    with open(args.sessions) as handle:
        data = json.load(handle)
    sessions = [s for couple in data["couples"] for s in couple][: args.people]
    print(json.dumps(asyncio.run(run(args.port, sessions, args.seconds))))


if __name__ == "__main__":
    main()

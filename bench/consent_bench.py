"""Consent delivery latency: how fast a signal and a withdrawn yes reach the
other partner's open page.

With 200 connected couples (400 sockets, every person online), one partner
sets a signal (`POST /consent/signal/set/`) or withdraws a yes
(`POST /consent/invitations/<id>/withdraw/`), and the clock runs until the
other partner's socket receives `consent.signal` or `consent.withdrawn`.
Measured on one uvicorn process with the in-memory channel layer, and on two
processes sharing Redis (skipped, with a note, when Redis does not answer).

    python -m bench.consent_bench [--couples 200] [--samples 200] [--output FILE]

Prints a markdown section on stdout (progress goes to stderr); `bench/run.py`
can include it with `consent_markdown()` or by running this module.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import shutil
import signal as os_signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.run import (  # noqa: E402
    CSRF,
    REDIS_URL,
    base_env,
    free_port,
    make_run_layout,
    percentile,
    prepare,
    redis_available,
    redis_version,
    serving,
    two_processes_over_redis,
    uvicorn_command,
)

INVITATION_URL = re.compile(r"/consent/invitations/(\d+)/$")


def log(message: str) -> None:
    print(f"[consent-bench] {message}", file=sys.stderr, flush=True)


WAIT_SECONDS = 3
# Stop a layout early when this share of sockets has dropped: the rest would only time out.
GIVE_UP_DROPPED = 0.1


@dataclass
class Delivery:
    layout: str
    event: str
    sockets: int
    samples: list[float] = field(default_factory=list)
    failures: int = 0
    dropped: int = 0


Queue = asyncio.Queue[tuple[float, dict[str, Any]]]


async def measure(layout: str, ports: list[int], couples: list[list[str]], samples: int) -> list[Delivery]:
    import websockets
    from websockets.asyncio.client import connect

    signal = Delivery(layout, "signal", sockets=2 * len(couples))
    withdrawal = Delivery(layout, "withdrawn yes", sockets=2 * len(couples))
    queues: dict[tuple[int, int], Queue] = {}
    sockets: list[Any] = []
    readers: list[asyncio.Task[None]] = []
    gate = asyncio.Semaphore(20)

    dropped = 0

    async def read(ws: Any, queue: Queue) -> None:
        nonlocal dropped
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in ws:
                queue.put_nowait((time.perf_counter(), json.loads(raw)))
        dropped += 1

    async def open_socket(couple: int, partner: int) -> None:
        # With two processes, the partners of one couple sit on different ones.
        port = ports[(couple + partner) % len(ports)]
        async with gate:
            ws = await connect(
                f"ws://127.0.0.1:{port}/ws/",
                origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
                additional_headers={"Cookie": f"sessionid={couples[couple][partner]}"},
                proxy=None,
                open_timeout=30,
            )
        queue: Queue = asyncio.Queue()
        queues[(couple, partner)] = queue
        sockets.append(ws)
        readers.append(asyncio.create_task(read(ws, queue)))

    await asyncio.gather(*(open_socket(c, p) for c in range(len(couples)) for p in (0, 1)))
    log(f"{layout}: {len(sockets)} partners connected")
    clients = [httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=15) for port in ports]

    async def post(client: httpx.AsyncClient, path: str, session: str, data: dict[str, str]) -> httpx.Response:
        client.cookies.clear()
        headers = {"Cookie": f"sessionid={session}; csrftoken={CSRF}", "X-CSRFToken": CSRF}
        return await client.post(path, headers=headers, data=data)

    async def wait_for(queue: Queue, event: str) -> float:
        while True:
            received_at, message = await asyncio.wait_for(queue.get(), timeout=WAIT_SECONDS)
            if message.get("event") == event:
                return received_at

    def drain(queue: Queue) -> None:
        while not queue.empty():
            queue.get_nowait()

    colours = ["green", "yellow"]
    try:
        for sample in range(samples):
            if dropped > GIVE_UP_DROPPED * len(sockets):
                log(f"{layout}: {dropped} sockets dropped; stopping after {sample} of {samples} samples")
                for result in (signal, withdrawal):
                    result.failures += samples - sample
                break
            couple = sample % len(couples)
            actor = (sample // len(couples)) % 2
            other = queues[(couple, 1 - actor)]
            client = clients[sample % len(clients)]
            session = couples[couple][actor]

            # 1. A signal.
            drain(other)
            pressed_at = time.perf_counter()
            response = await post(client, "/consent/signal/set/", session, {"colour": colours[sample % 2]})
            if response.status_code != 302:
                signal.failures += 1
            else:
                try:
                    signal.samples.append(await wait_for(other, "consent.signal") - pressed_at)
                except TimeoutError:
                    signal.failures += 1

            # 2. A yes, withdrawn. Inviting and answering are set-up, not timed.
            inviter, invitee = couples[couple][1 - actor], session
            start = datetime.now(UTC) + timedelta(hours=1)
            form = {
                "words": f"Bench evening {sample}",
                "note": "",
                "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            }
            created = await post(client, "/consent/invitations/new/", inviter, form)
            found = INVITATION_URL.search(created.headers.get("location", ""))
            if created.status_code != 302 or not found:
                withdrawal.failures += 1
                continue
            invitation = found.group(1)
            answered = await post(client, f"/consent/invitations/{invitation}/answer/", invitee, {"outcome": "yes"})
            if answered.status_code != 302:
                withdrawal.failures += 1
                continue
            inviter_queue = queues[(couple, 1 - actor)]
            with contextlib.suppress(TimeoutError):
                await wait_for(inviter_queue, "consent.answered")
            drain(inviter_queue)
            pressed_at = time.perf_counter()
            response = await post(client, f"/consent/invitations/{invitation}/withdraw/", invitee, {})
            if response.status_code != 302:
                withdrawal.failures += 1
                continue
            try:
                withdrawal.samples.append(await wait_for(inviter_queue, "consent.withdrawn") - pressed_at)
            except TimeoutError:
                withdrawal.failures += 1
    finally:
        # Counted before closing: the sockets closed below are not drops.
        signal.dropped = withdrawal.dropped = dropped
        for client in clients:
            await client.aclose()
        for ws in sockets:
            with contextlib.suppress(Exception):
                await ws.close()
        for reader in readers:
            reader.cancel()
    for result in (signal, withdrawal):
        s = result.samples
        if s:
            log(
                f"{layout} {result.event}: {len(s)} samples, p50 {percentile(s, 50) * 1000:.1f} ms, "
                f"p99 {percentile(s, 99) * 1000:.1f} ms, failures {result.failures}"
            )
    return [signal, withdrawal]


def markdown(results: list[Delivery], redis_note: str | None, couples: int) -> str:
    lines = [
        "## Consent: signal and withdrawal delivery latency",
        "",
        f"Every person in {couples} couples holds an open socket on `/ws/` ({2 * couples} sockets). A signal is timed",
        "from one partner's `POST /consent/signal/set/` until the other partner's socket receives `consent.signal`; a",
        "withdrawn yes from the invitee's `POST /consent/invitations/<id>/withdraw/` until the inviter's socket",
        "receives `consent.withdrawn` (the invitation and its yes are made first, untimed). Requests are",
        "sequential, couple by couple, alternating partners. A sample fails when the event has not arrived",
        f'within {WAIT_SECONDS} s; "dropped" counts sockets the server closed during the run.',
        "Latencies in milliseconds.",
        "",
        "| layout | event | sockets | dropped | samples | failures | p50 | p90 | p99 | max |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        s = r.samples
        if not s:
            lines.append(f"| {r.layout} | {r.event} | {r.sockets} | {r.dropped} | 0 | {r.failures} | – | – | – | – |")
            continue
        cells = [percentile(s, 50), percentile(s, 90), percentile(s, 99), max(s)]
        lines.append(
            f"| {r.layout} | {r.event} | {r.sockets} | {r.dropped} | {len(s)} | {r.failures} | "
            + " | ".join(f"{value * 1000:.1f}" for value in cells)
            + " |"
        )
    if redis_note:
        lines += ["", redis_note]
    return "\n".join(lines) + "\n"


def consent_markdown(*, couples: int = 200, samples: int = 200) -> str:
    """Run the whole consent bench in a throwaway data directory; return markdown."""
    work = Path(tempfile.mkdtemp(prefix="evenly-consent-bench-"))
    try:
        env = base_env(work)
        with contextlib.redirect_stdout(sys.stderr):  # run.py's progress lines stay out of the markdown
            sessions = prepare(work, env, couples)
        results: list[Delivery] = []
        port = free_port()
        with serving("consent-uvicorn", uvicorn_command(port), env, port, work):
            layout = f"{make_run_layout()}, event hub"
            results += asyncio.run(measure(layout, [port], sessions["couples"], samples))

        problem = redis_available()
        if problem:
            redis_note = f"The two-process run with Redis was skipped: Redis at {REDIS_URL} did not answer ({problem})."
            log(redis_note)
        else:
            with two_processes_over_redis("consent-redis", env, work) as ports:
                layout = "2 uvicorn processes, Redis layer"
                results += asyncio.run(measure(layout, ports, sessions["couples"], samples))
            redis_note = (
                f"Redis {redis_version()} on 127.0.0.1. In the two-process run the partners of each couple are "
                "connected to different processes and requests alternate between the two ports, so every event "
                "crosses Redis."
            )
        return markdown(results, redis_note, couples)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    # A terminated bench still stops the servers it started (the `serving` blocks' clean-up).
    os_signal.signal(os_signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--couples", type=int, default=200)
    parser.add_argument("--samples", type=int, default=200, help="signals and withdrawals per layout")
    parser.add_argument("--output", help="also write the markdown to this file")
    args = parser.parse_args()
    text = consent_markdown(couples=args.couples, samples=args.samples)
    print(text)
    if args.output:
        Path(args.output).write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

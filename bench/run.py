"""Measure Evenly on this machine and write BENCHMARKS.md (`make bench`).

Everything runs on 127.0.0.1 against a throwaway data directory, with bounded
loops: a fixed duration for each HTTP run and a fixed number of pause presses.

1. Page throughput: the signed-in home page of a partnered person, against a
   bare view served through the same middleware, in the same run and layout
   (`manage.py serve` as `make run` starts it, a process per core with the
   event hub; serve with one process; gunicorn WSGI, 2 workers; the scale
   layout: gunicorn for pages, uvicorn for the socket, PostgreSQL and Redis),
   then the people load (bench/load.py) on each layout.
2. Pause delivery: from one partner's press (POST /pause/start/) until the
   other partner's open socket receives "pause.started", with 200 connected
   partners, under `make run`'s layout (events through the hub) and the scale
   layout (events through Redis).
3. Signal and withdrawal delivery (bench/consent_bench.py): the same, for a
   partner's signal and a withdrawn yes, with 200 connected couples.
4. The coach benchmark, when bench/coach_bench.py exists.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from evenly.core.management.commands.serve import default_processes

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
WRK = shutil.which("wrk")
CSRF = secrets.token_hex(16)  # a 32-character CSRF secret, sent as cookie and header
REDIS_URL = os.environ.get("EVENLY_BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


# ---------------------------------------------------------------- set-up


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def base_env(data_dir: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("EVENLY_") and k not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(REPO),
        EVENLY_DATA_DIR=str(data_dir),
        EVENLY_LOG_LEVEL="WARNING",
        NO_PROXY="127.0.0.1,localhost",
    )
    return env


def prepare(data_dir: Path, env: dict[str, str], couples: int) -> dict[str, Any]:
    log(f"migrating a fresh database in {data_dir}")
    manage = [PY, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=REPO)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=REPO)
    log(f"seeding the demo couples and {couples} bench couples")
    out = data_dir / "sessions.json"
    subprocess.run(
        [PY, "-m", "bench.fixtures", "--couples", str(couples), "--out", str(out)], env=env, check=True, cwd=REPO
    )
    return dict(json.loads(out.read_text()))


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]


@contextlib.contextmanager
def serving(name: str, command: list[str], env: dict[str, str], port: int, logs: Path) -> Iterator[Server]:
    with open(logs / f"{name}-{port}.log", "wb") as output:
        process = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        try:
            wait_ready(port, process)
        except RuntimeError as error:
            tail = (logs / f"{name}-{port}.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{error}; its log ends with:\n{tail}") from None
        yield Server(name, port, process)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


def wait_ready(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2, trust_env=False).status_code == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"server on port {port} did not become ready")


def uvicorn_command(port: int, *, worker: bool = True, processes: int | None = None) -> list[str]:
    command = [PY, str(REPO / "manage.py"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if processes is not None:
        command += ["--processes", str(processes)]
    return command if worker else [*command, "--no-worker"]


@contextlib.contextmanager
def two_processes_over_redis(name: str, env: dict[str, str], work: Path) -> Iterator[list[int]]:
    """Two uvicorn processes sharing a Redis channel layer under a throwaway
    key prefix (one of them runs the task worker); yields their ports."""
    prefix = f"evenly-{name}-{secrets.token_hex(4)}"
    redis_env = {**env, "REDIS_URL": REDIS_URL, "EVENLY_REDIS_PREFIX": prefix}
    ports = [free_port(), free_port()]
    try:
        with (
            serving(f"{name}-a", uvicorn_command(ports[0], processes=1), redis_env, ports[0], work),
            serving(f"{name}-b", uvicorn_command(ports[1], worker=False, processes=1), redis_env, ports[1], work),
        ):
            yield ports
    finally:
        redis_forget(prefix)


def make_run_layout() -> str:
    """How `make run` serves on this machine, in words."""
    processes = default_processes()
    return f"serve, {processes} processes (make run)" if processes > 1 else "serve, 1 process (make run)"


def postgres_available() -> str | None:
    """None when the bench can create a throwaway PostgreSQL database, else why not."""
    if not shutil.which("createdb"):
        return "createdb is not installed"
    probe = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", "SELECT 1"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else (probe.stderr.strip() or "psql failed")


@contextlib.contextmanager
def scale_layout(env: dict[str, str], work: Path, couples: int) -> Iterator[tuple[int, int, Path]]:
    """The layout for more than one box's worth: gunicorn (2 workers) for pages and
    one uvicorn process for the socket and the task worker, sharing PostgreSQL
    and Redis. Its own throwaway database, key prefix and data folder; yields
    the pages' port, the socket's port and the sessions file."""
    database = f"evenly_bench_{secrets.token_hex(4)}"
    prefix = f"evenly-scale-{secrets.token_hex(4)}"
    folder = work / "scale"
    folder.mkdir()
    scale_env = {
        **base_env(folder),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "REDIS_URL": REDIS_URL,
        "EVENLY_REDIS_PREFIX": prefix,
    }
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    try:
        prepare(folder, scale_env, couples)
        pages, sockets = free_port(), free_port()
        with (
            serving("gunicorn-scale", gunicorn_command(pages), scale_env, pages, work),
            serving("uvicorn-scale", uvicorn_command(sockets, processes=1), scale_env, sockets, work),
        ):
            yield pages, sockets, folder / "sessions.json"
    finally:
        redis_forget(prefix)
        subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", database], check=False)


def gunicorn_command(port: int) -> list[str]:
    gunicorn = str(Path(PY).with_name("gunicorn"))
    return [
        gunicorn,
        "evenly.wsgi:application",
        "--workers",
        "2",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]


# ---------------------------------------------------------------- HTTP throughput


@dataclass
class HttpResult:
    layout: str
    view: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int


def check_page(port: int, path: str, cookie: str, expect: str) -> None:
    response = httpx.get(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie}, trust_env=False, timeout=10)
    if response.status_code != 200 or expect not in response.text:
        raise RuntimeError(f"{path} answered {response.status_code}; expected a 200 page containing {expect!r}")


def measure_http(
    layout: str, view: str, port: int, path: str, cookie: str, seconds: int, connections: int
) -> HttpResult:
    url = f"http://127.0.0.1:{port}{path}"
    if WRK:
        header = f"Cookie: {cookie}" if cookie else ""
        run_wrk(url, header, 2, connections)  # warm-up, discarded
        requests, duration_us, errors, p50, p95, p99 = run_wrk(url, header, seconds, connections)
        rps = requests / (duration_us / 1e6)
    else:
        asyncio.run(python_load(url, cookie, 2, connections))
        latencies, elapsed, errors = asyncio.run(python_load(url, cookie, seconds, connections))
        rps = len(latencies) / elapsed
        p50, p95, p99 = (percentile(latencies, q) * 1e6 for q in (50, 95, 99))
    result = HttpResult(layout, view, rps, p50 / 1000, p95 / 1000, p99 / 1000, errors)
    log(f"{layout:28} {view:12} {rps:8.0f} req/s  p95 {result.p95_ms:6.1f} ms  errors {errors}")
    return result


def run_wrk(url: str, header: str, seconds: int, connections: int) -> tuple[int, int, int, float, float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        output = subprocess.run(
            [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", script.name]
            + (["-H", header] if header else [])
            + [url],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 30,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(row for row in output.splitlines() if row.startswith("BENCH "))
    requests, duration, status, connect, read, timeout, p50, p95, p99 = (int(x) for x in line.split()[1:])
    return requests, duration, status + connect + read + timeout, float(p50), float(p95), float(p99)


async def python_load(url: str, cookie: str, seconds: int, connections: int) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                response = await client.get(url, headers={"Cookie": cookie} if cookie else {})
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append(time.perf_counter() - start)
            else:
                errors += 1

    started = time.perf_counter()
    async with httpx.AsyncClient(trust_env=False, timeout=5) as client:
        await asyncio.gather(*(worker(client) for _ in range(connections)))
    return latencies, time.perf_counter() - started, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


# ---------------------------------------------------------------- pause delivery


@dataclass
class PauseResult:
    layout: str
    sockets: int
    samples: list[float] = field(default_factory=list)
    failures: int = 0


async def pause_delivery(
    layout: str, ports: list[int], couples: list[list[str]], samples: int, press_ports: list[int] | None = None
) -> PauseResult:
    import websockets
    from websockets.asyncio.client import connect

    result = PauseResult(layout, sockets=2 * len(couples))
    queues: dict[tuple[int, int], asyncio.Queue[tuple[float, dict[str, Any]]]] = {}
    sockets: list[Any] = []
    readers: list[asyncio.Task[None]] = []
    gate = asyncio.Semaphore(20)

    async def read(ws: Any, queue: asyncio.Queue[tuple[float, dict[str, Any]]]) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in ws:
                queue.put_nowait((time.perf_counter(), json.loads(raw)))

    async def open_socket(couple: int, partner: int) -> None:
        # Partners of one couple sit on different processes when there are two.
        port = ports[(couple + partner) % len(ports)]
        async with gate:
            ws = await connect(
                f"ws://127.0.0.1:{port}/ws/",
                origin=f"http://127.0.0.1:{port}",  # type: ignore[arg-type]
                additional_headers={"Cookie": f"sessionid={couples[couple][partner]}"},
                proxy=None,
                open_timeout=30,
            )
        queue: asyncio.Queue[tuple[float, dict[str, Any]]] = asyncio.Queue()
        queues[(couple, partner)] = queue
        sockets.append(ws)
        readers.append(asyncio.create_task(read(ws, queue)))

    await asyncio.gather(*(open_socket(c, p) for c in range(len(couples)) for p in (0, 1)))
    log(f"{layout}: {len(sockets)} partners connected")

    clients = [
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=15)
        for port in press_ports or ports
    ]

    async def post(client: httpx.AsyncClient, path: str, session: str) -> httpx.Response:
        client.cookies.clear()
        headers = {"Cookie": f"sessionid={session}; csrftoken={CSRF}", "X-CSRFToken": CSRF}
        return await client.post(path, headers=headers)

    async def wait_for(queue: asyncio.Queue[tuple[float, dict[str, Any]]], event: str) -> float:
        while True:
            received_at, message = await asyncio.wait_for(queue.get(), timeout=10)
            if message.get("event") == event:
                return received_at

    try:
        for sample in range(samples):
            couple = sample % len(couples)
            presser = (sample // len(couples)) % 2
            other = queues[(couple, 1 - presser)]
            while not other.empty():
                other.get_nowait()
            client = clients[sample % len(clients)]  # presses go round-robin to the processes
            session = couples[couple][presser]
            pressed_at = time.perf_counter()
            response = await post(client, "/pause/start/", session)
            if response.status_code != 302 or not response.headers.get("location", "").endswith("/pause/"):
                result.failures += 1
                continue
            try:
                received_at = await wait_for(other, "pause.started")
            except TimeoutError:
                result.failures += 1
                continue
            result.samples.append(received_at - pressed_at)
            # Lift it, and wait until the partner has heard, before the couple is used again.
            await post(client, "/pause/lift/", session)
            with contextlib.suppress(TimeoutError):
                await wait_for(other, "pause.lifted")
    finally:
        for client in clients:
            await client.aclose()
        for ws in sockets:
            with contextlib.suppress(Exception):
                await ws.close()
        for reader in readers:
            reader.cancel()
    s = result.samples
    if s:
        log(f"{layout}: {len(s)} samples, p50 {percentile(s, 50) * 1000:.1f} ms, p99 {percentile(s, 99) * 1000:.1f} ms")
    return result


def redis_available() -> str | None:
    """None when Redis answers, otherwise why not."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2).ping()
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


def redis_forget(prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
    keys = list(client.scan_iter(match=f"{prefix}*", count=500))
    if keys:
        client.delete(*keys)


def redis_version() -> str:
    import redis

    return str(redis.Redis.from_url(REDIS_URL, socket_timeout=2).info("server").get("redis_version", "?"))


# ---------------------------------------------------------------- coach


COACH_BENCH_VENV = REPO / ".venv-coachbench"


def coach_markdown(work: Path) -> str | None:
    script = REPO / "bench" / "coach_bench.py"
    if not script.exists():
        return None
    # The embedding classifier it compares against lives in a separate venv
    # (`make bench` builds .venv-coachbench), so the app never depends on it.
    python = os.environ.get("COACH_BENCH_PYTHON") or str(COACH_BENCH_VENV / "bin" / "python")
    if not Path(python).exists():
        python = PY
    log(f"running bench/coach_bench.py with {python}")
    completed = subprocess.run(
        [python, str(script), "--json", str(work / "coach.json")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"},
    )
    if completed.returncode != 0:
        log(
            f"coach_bench.py failed ({completed.returncode}), so the Coach section is left out:\n"
            + completed.stderr[-2000:]
        )
        return None
    return completed.stdout.strip()


# ---------------------------------------------------------------- report


def code_version() -> str:
    if os.environ.get("EVENLY_BENCH_COMMIT"):
        return os.environ["EVENLY_BENCH_COMMIT"]
    completed = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return completed.stdout.strip() or "unknown"


def ms(value: float) -> str:
    return f"{value:.1f}"


def write_report(
    path: Path,
    *,
    http: list[HttpResult],
    pauses: list[PauseResult],
    redis_note: str | None,
    coach: str | None,
    consent: str | None,
    people: str | None,
    inprocess: str | None,
    seconds: int,
    connections: int,
    started: float,
    load_before: tuple[float, float, float],
) -> None:
    tool = f"`wrk` ({WRK}), 1 thread, {connections} connections" if WRK else f"httpx, {connections} concurrent clients"
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`bench/run.py`). Every figure comes from one run on the machine below;",
        "load generator and servers share its cores, and all traffic stays on 127.0.0.1.",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {os.cpu_count()} cores (nproc), {platform.machine()}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; database: SQLite (WAL) in a fresh temporary data directory, but for",
        "  the scale layout, which has PostgreSQL and Redis of its own (a throwaway database and key prefix)",
        f"- Code: commit {code_version()}",
        f"- Total bench time: {time.monotonic() - started:.0f} s",
        f"- Load average (1 min) before / after: {load_before[0]:.2f} / {os.getloadavg()[0]:.2f} — other work on",
        "  the machine during the run lowers every figure, so compare the ratios rather than the absolute numbers",
        "",
        "## Page throughput: home page vs a bare view",
        "",
        f'Load: {tool}, {seconds} s per row after a 2 s warm-up. "Home" is the signed-in home page of a',
        'partnered person (Alex, session cookie); "bare" is `/bench/bare` (`bench/bare_urls.py`), a view that',
        'returns `ok` through the same middleware stack, with the same session cookie; "bare, signed out" is',
        "the same view without it, which shows what the signed-in session machinery costs on every request.",
        "Latencies in milliseconds.",
        "",
        "| serving layout | view | req/s | p50 | p95 | p99 | errors |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for row in http:
        lines.append(
            f"| {row.layout} | {row.view} | {row.requests_per_second:.0f} | {ms(row.p50_ms)} | {ms(row.p95_ms)} "
            f"| {ms(row.p99_ms)} | {row.errors} |"
        )
    lines += [
        "",
        "### Ratios (home ÷ bare, same layout, same run)",
        "",
        "| serving layout | throughput ratio | p95 latency ratio | bare: signed in ÷ signed out (req/s) |",
        "|---|---:|---:|---:|",
    ]
    layouts = list(dict.fromkeys(row.layout for row in http))
    for layout in layouts:
        rows = {row.view: row for row in http if row.layout == layout}
        home, bare, anonymous = rows["home"], rows["bare"], rows["bare, signed out"]
        lines.append(
            f"| {layout} | {home.requests_per_second / bare.requests_per_second:.2f} "
            f"| {home.p95_ms / bare.p95_ms:.2f} | {bare.requests_per_second / anonymous.requests_per_second:.2f} |"
        )
    first = {row.view: row.requests_per_second for row in http if row.layout == layouts[0]}
    for layout in layouts[1:]:
        other = {row.view: row.requests_per_second for row in http if row.layout == layout}
        home, bare, signed_out = (other[view] / first[view] for view in ("home", "bare", "bare, signed out"))
        lines += [
            "",
            f"Across layouts: {layout} serves the home page at {home:.2f}× the throughput of {layouts[0]} "
            f"(bare view: {bare:.2f}×; signed out: {signed_out:.2f}×).",
        ]
    lines += [
        "",
        "## Pause delivery latency",
        "",
        "From one partner's press (`POST /pause/start/`, timer started just before the request) until the other",
        "partner's open socket on `/ws/` receives `pause.started`. Every person in 100 couples holds an open",
        "socket (200 sockets, session-cookie authenticated). Presses are sequential, each couple in turn, the two",
        "partners alternating; each pause is lifted (`POST /pause/lift/`) and the lift delivered before that couple",
        "is used again. Latencies in milliseconds.",
        "",
        "| layout | sockets | samples | failures | p50 | p90 | p99 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for pause in pauses:
        s = pause.samples
        if not s:
            lines.append(f"| {pause.layout} | {pause.sockets} | 0 | {pause.failures} | – | – | – | – |")
            continue
        lines.append(
            f"| {pause.layout} | {pause.sockets} | {len(s)} | {pause.failures} | {ms(percentile(s, 50) * 1000)} "
            f"| {ms(percentile(s, 90) * 1000)} | {ms(percentile(s, 99) * 1000)} | {ms(max(s) * 1000)} |"
        )
    if redis_note:
        lines += ["", redis_note]
    if inprocess:
        lines += ["", inprocess]  # it brings its own heading
    if people:
        lines += ["", people]  # it brings its own heading
    if consent:
        lines += ["", consent]  # it brings its own heading
    if coach:
        lines += ["", "## Coach", "", coach]
    path.write_text("\n".join(lines) + "\n")
    log(f"wrote {path}")


# ---------------------------------------------------------------- in process


def inprocess_section(env: dict[str, str], years: int) -> str:
    """bench/inprocess.py: each main page against the bare view, and with years of history against without."""
    log(f"in-process page cost, with the demo data and with seed_history --years {years}, interleaved")
    completed = subprocess.run(
        [PY, "-m", "bench.inprocess", "--years", str(years)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    pages = data["pages"]
    bare = pages.pop("/bench/bare")
    ratios = sorted(page["demo_ms"] / bare["demo_ms"] for page in pages.values())
    lines = [
        "## In process: each main page against a bare view, and with years of history",
        "",
        "The Django test client, signed in as Alex, through the whole middleware stack: the demo database, and a",
        f"copy of it given `seed_history --years {years}` ({data['seed_seconds']} s), each served by its own",
        "process, both on one CPU, with the requests alternating between the two:",
        f"{data['repeats']} per page on each side (medians; history / demo is the median over the pairs of",
        "requests made one after the other).",
        "Calls are the Python function calls of one request, counted by cProfile: unlike the",
        "milliseconds, the load on the machine does not move them. Targets: the median page within 10x the",
        "bare view; history slows no page by more than 1.3x.",
        "",
        f"Bare view: {bare['demo_ms']:.2f} ms ({bare['demo_calls']:.0f} calls). "
        f"Median page / bare: **{statistics.median(ratios):.1f}x**.",
        "",
        "| page | demo data | page / bare | with history | history / demo | calls, demo | calls, history "
        "| history / demo |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for path, page in pages.items():
        lines.append(
            f"| `{path}` | {page['demo_ms']:.1f} ms | {page['demo_ms'] / bare['demo_ms']:.1f}x "
            f"| {page['history_ms']:.1f} ms | {page['ratio']:.2f}x "
            f"| {page['demo_calls']:.0f} | {page['history_calls']:.0f} "
            f"| {page['history_calls'] / page['demo_calls']:.2f}x |"
        )
    return "\n".join(lines)


# ---------------------------------------------------------------- people


def people_load(layout: str, port: int, sessions_file: Path, seconds: int, people: int) -> dict[str, Any]:
    """bench/load.py against one server: `people` partners, each opening a main page about once a second."""
    log(f"{layout}: {people} people, one page a second each, for {seconds} s")
    completed = subprocess.run(
        [
            PY,
            "-m",
            "bench.load",
            "--port",
            str(port),
            "--sessions",
            str(sessions_file),
            "--seconds",
            str(seconds),
            "--people",
            str(people),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    return {"layout": layout, **json.loads(completed.stdout.strip().splitlines()[-1])}


def people_section(rows: list[dict[str, Any]], seconds: int) -> str:
    lines = [
        "## People load: partners each opening a main page about once a second",
        "",
        "`bench/load.py`: each of the 100 bench couples' 200 partners opens one of the main pages in turn",
        "(home, consent, check-ins, decisions, boundaries, couple, balance, curious), waits a second, and",
        f"opens the next, for {seconds} s. Target: 0 errors and p95 at most 1 s.",
        "",
        "| layout | people | requests | errors | req/s | p50 | p95 | p99 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['layout']} | {row['people']} | {row['requests']} | {row['errors']} | {row['rps']} "
            f"| {row['p50_ms']:.0f} ms | {row['p95_ms']:.0f} ms | {row['p99_ms']:.0f} ms |"
        )
    peak_rate = PAGES_PER_COUPLE_PER_DAY * PEAK_HOUR_SHARE / 3600
    lines += [
        "",
        "### Capacity model",
        "",
        f"Usage profile: {PAGES_PER_COUPLE_PER_DAY} pages and {EVENTS_PER_COUPLE_PER_DAY} real-time events per couple",
        f"per day (both partners together), {PEAK_HOUR_SHARE:.0%} of a day's use in its busiest hour: "
        f"{peak_rate * 1000:.2f} pages per second per 1,000 couples at the peak. A layout serves as many couples as",
        "its measured page rate carries at that peak; when p95 stayed under 1 s the rate is a lower bound (the",
        "server had room left), otherwise it is the saturated rate. Events are cheap beside pages (see the delivery",
        "figures below) and are left out. On a shared machine, divide by how busy the machine was (load average).",
        "",
        "| layout | measured pages/s | p95 under 1 s | couples per box at the peak |",
        "|---|---:|---|---:|",
    ]
    for row in rows:
        couples = int(row["rps"] / peak_rate) if peak_rate else 0
        bound = "yes (lower bound)" if row["p95_ms"] <= 1000 and row["errors"] == 0 else "no (saturated)"
        lines.append(f"| {row['layout']} | {row['rps']} | {bound} | {couples:,} |")
    return "\n".join(lines)


PAGES_PER_COUPLE_PER_DAY = 60
EVENTS_PER_COUPLE_PER_DAY = 20
PEAK_HOUR_SHARE = 0.15


# ---------------------------------------------------------------- consent


def consent_section(couples: int, samples: int) -> str | None:
    """The consent bench (bench/consent_bench.py): signal and withdrawal delivery."""
    log("running bench/consent_bench.py")
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    try:
        from bench.consent_bench import consent_markdown

        return consent_markdown(couples=couples, samples=samples)
    except Exception as error:  # the rest of the report still stands
        log(f"consent bench failed, so its section is left out: {error!r}")
        return None


SCALE_LAYOUT = "scale: gunicorn 2 workers + uvicorn socket, PostgreSQL, Redis"


def measure_layout(
    http: list[HttpResult],
    people: list[dict[str, Any]],
    layout: str,
    port: int,
    cookie: str,
    args: argparse.Namespace,
    sessions_file: Path,
) -> None:
    """The home page against the bare view, then the people load, on one running layout."""
    check_page(port, "/", cookie, "pause-button")
    check_page(port, "/bench/bare", cookie, "ok")
    views = [("bare, signed out", "/bench/bare", ""), ("bare", "/bench/bare", cookie), ("home", "/", cookie)]
    for view, path, view_cookie in views:
        http.append(measure_http(layout, view, port, path, view_cookie, args.seconds, args.connections))
    people.append(people_load(layout, port, sessions_file, args.people_seconds, args.people))


# ---------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"))
    parser.add_argument("--seconds", type=int, default=10, help="duration of each HTTP run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--couples", type=int, default=100)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--people", type=int, default=200, help="partners in the people load")
    parser.add_argument("--people-seconds", type=int, default=40)
    parser.add_argument("--years", type=int, default=5, help="history for the in-process comparison")
    args = parser.parse_args()
    started = time.monotonic()
    load_before = os.getloadavg()

    work = Path(tempfile.mkdtemp(prefix="evenly-bench-"))
    try:
        env = base_env(work)
        sessions = prepare(work, env, args.couples)
        home_cookie = f"sessionid={sessions['home_user']}"

        http: list[HttpResult] = []
        people: list[dict[str, Any]] = []
        make_run = make_run_layout()
        layouts = [(make_run, uvicorn_command)]
        if default_processes() > 1:
            layouts.append(("serve, 1 process", lambda port: uvicorn_command(port, processes=1)))
        layouts.append(("gunicorn WSGI, 2 workers", gunicorn_command))
        for layout, command in layouts:
            port = free_port()
            with serving(layout.split(",")[0].replace(" ", "-"), command(port), env, port, work):
                measure_layout(http, people, layout, port, home_cookie, args, work / "sessions.json")

        inprocess = inprocess_section(env, args.years)

        pauses: list[PauseResult] = []
        port = free_port()
        with serving("uvicorn-ws", uvicorn_command(port), env, port, work):
            pauses.append(
                asyncio.run(pause_delivery(f"{make_run}, event hub", [port], sessions["couples"], args.samples))
            )

        notes = [
            f"In `{make_run}` the processes share one port and the kernel spreads the sockets over them, so most "
            "events cross between processes through the event hub."
        ]
        problem = redis_available() or postgres_available()
        if problem:
            notes.append(f"The scale layout (PostgreSQL and Redis) was skipped: {problem}.")
            log(notes[-1])
        else:
            with scale_layout(env, work, args.couples) as (pages, sockets, scale_sessions):
                layout = SCALE_LAYOUT
                scale_cookie = f"sessionid={json.loads(scale_sessions.read_text())['home_user']}"
                measure_layout(http, people, layout, pages, scale_cookie, args, scale_sessions)
                couples = json.loads(scale_sessions.read_text())["couples"]
                pauses.append(asyncio.run(pause_delivery(layout, [sockets], couples, args.samples, [pages])))
            notes.append(
                f"Redis {redis_version()} and PostgreSQL on 127.0.0.1. In the scale layout every press is a page "
                "served by gunicorn and every socket is held by the uvicorn process, so every event crosses Redis."
            )
        redis_note = " ".join(notes)

        write_report(
            Path(args.output),
            http=http,
            pauses=pauses,
            redis_note=redis_note,
            consent=consent_section(args.couples * 2, args.samples),
            people=people_section(people, args.people_seconds),
            inprocess=inprocess,
            coach=coach_markdown(work),
            seconds=args.seconds,
            connections=args.connections,
            started=started,
            load_before=load_before,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if any(p.failures for p in pauses):
        log("some pause presses failed; see the failures column")
    return 0


if __name__ == "__main__":
    sys.exit(main())

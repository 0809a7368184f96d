"""Serve the whole app: pages, the real-time socket and the task worker. This
is what `make run` starts.

It runs one server process per core, two at most by default (measured on a
2-core box: see BENCHMARKS.md). Events cross between the processes through
Redis when REDIS_URL is set, and otherwise through a hub this command runs
beside them (evenly/core/eventhub.py). Exactly one process runs the embedded
task worker. One process alone needs neither, and keeps sessions in its own
memory."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand

SINGLE_PROCESS_SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
DEFAULT_MOST_PROCESSES = 2


def default_processes() -> int:
    return max(1, min(DEFAULT_MOST_PROCESSES, os.cpu_count() or 1))


class Command(BaseCommand):
    help = "Serve Evenly (pages, real-time and the task worker) with uvicorn."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--no-worker", action="store_true", help="Don't run the embedded task worker.")
        parser.add_argument(
            "--processes",
            type=int,
            default=None,
            help=f"Server processes (default: one per core, {DEFAULT_MOST_PROCESSES} at most).",
        )

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, processes: int | None, **options: Any) -> None:
        import uvicorn
        from django.conf import settings
        from django.core.management.base import CommandError

        processes = default_processes() if processes is None else processes
        if processes < 1:
            raise CommandError("--processes must be at least 1.")

        hub = None
        if processes == 1 and not settings.REDIS_URL:
            # One process holds every session, so its own memory can keep
            # them: a page reads its session there, not with a query. Writes
            # and sign-outs still go through the database.
            settings.SESSION_ENGINE = SINGLE_PROCESS_SESSION_ENGINE

        # Whatever the server creates (the database, its -wal and -shm, the
        # hub's socket) is the owner's only.
        os.umask(0o077)
        if processes > 1 and not settings.REDIS_URL:
            from evenly.core.eventhub import EventHub, socket_path

            hub = EventHub(socket_path(settings.DATA_DIR))
            hub.start()
            os.environ["EVENLY_EVENT_HUB"] = str(hub.path)  # read by each process's settings
        os.environ["EVENLY_EMBEDDED_WORKER"] = "0" if no_worker else "1"
        self.stdout.write(f"Evenly is ready on http://{host}:{port}  (Ctrl+C to stop)")
        try:
            uvicorn.run(
                "evenly.asgi:application",
                host=host,
                port=port,
                lifespan="on",
                log_level="warning",
                access_log=False,
                proxy_headers=True,
                ws_ping_interval=20,
                workers=processes if processes > 1 else None,
            )
        finally:
            if hub is not None:
                hub.stop()

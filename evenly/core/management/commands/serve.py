"""Serve the whole app: pages, the real-time socket and the task worker. This
is what `make run` starts.

Without Redis it is one process: the in-memory channel layer cannot carry an
event from a page in one process to a socket in another. With REDIS_URL set
(a shared channel layer and cache) `--processes N` runs N of them, and
exactly one of them runs the embedded task worker."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand

SINGLE_PROCESS_SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


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
            help="Server processes (default 1; more than one needs REDIS_URL).",
        )

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, processes: int | None, **options: Any) -> None:
        import uvicorn
        from django.conf import settings
        from django.core.management.base import CommandError

        shared = bool(settings.REDIS_URL)
        # One by default: measured on a 2-core box, a second process over Redis
        # served fewer pages than one (the round trips to Redis cost more than
        # the second core gave). More are for bigger machines, with Redis.
        processes = processes or 1
        if processes > 1 and not shared:
            raise CommandError("More than one process needs REDIS_URL: events must reach sockets in every process.")

        if not shared:
            # One process holds every session, so its own memory can keep
            # them: a page reads its session there, not with a query. Writes
            # and sign-outs still go through the database.
            settings.SESSION_ENGINE = SINGLE_PROCESS_SESSION_ENGINE

        # Whatever the server creates (the database, its -wal and -shm) is the owner's only.
        os.umask(0o077)
        os.environ["EVENLY_EMBEDDED_WORKER"] = "0" if no_worker else "1"
        self.stdout.write(f"Evenly is ready on http://{host}:{port}  (Ctrl+C to stop)")
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

"""Serve the whole app from one process: pages, the real-time socket and the
task worker. This is what `make run` starts."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Evenly (pages, real-time and the task worker) with uvicorn."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--no-worker", action="store_true", help="Don't run the embedded task worker.")

    def handle(self, *args: Any, host: str, port: int, no_worker: bool, **options: Any) -> None:
        import uvicorn

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
        )

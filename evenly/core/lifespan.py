"""ASGI lifespan: starts the embedded task worker when EVENLY_EMBEDDED_WORKER is on.

On a laptop the whole app is one process, with an in-memory channel layer. A
task that sends a real-time event must therefore run inside that process, on
the server's own event loop, which is what this worker loop does. At scale,
run `manage.py db_worker` processes instead, with Redis as the channel layer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import Any

from asgiref.sync import sync_to_async

from evenly.core.env import env_bool

logger = logging.getLogger(__name__)
POLL_SECONDS = 1.0


def _run_ready_tasks() -> None:
    from django.db import close_old_connections
    from django_tasks_db.management.commands.db_worker import Worker

    close_old_connections()
    try:
        Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="embedded",
            excluded_queue_names=[],
        ).run()
    finally:
        close_old_connections()


async def _worker_loop() -> None:
    while True:
        try:
            await sync_to_async(_run_ready_tasks, thread_sensitive=False)()
        except Exception:  # A broken task must never stop the loop.
            logger.exception("Embedded task worker iteration failed")
        await asyncio.sleep(POLL_SECONDS)


def _claim_the_worker() -> Any:
    """An exclusive lock in the data folder: when `manage.py serve` runs several
    processes, only the one holding it runs the embedded worker. The lock is
    released when that process ends, however it ends."""
    import fcntl

    from django.conf import settings

    handle = open(Path(settings.DATA_DIR) / "embedded-worker.lock", "a")  # noqa: SIM115
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


async def lifespan(scope: dict[str, Any], receive: Any, send: Any) -> None:
    worker: asyncio.Task[None] | None = None
    claim = None
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            if env_bool("EVENLY_EMBEDDED_WORKER", False):
                claim = _claim_the_worker()
            if claim is not None:
                worker = asyncio.create_task(_worker_loop())
                logger.info("Embedded task worker started")
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if worker:
                worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker
            if claim is not None:
                claim.close()
            await send({"type": "lifespan.shutdown.complete"})
            return

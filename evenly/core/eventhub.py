"""Real-time events between the processes of one `manage.py serve`, without Redis.

With several server processes on one machine, a page served by one process
must reach a partner's socket held by another. `manage.py serve` then runs a
small hub in its parent process, on a Unix socket that only the owner can
open, and every server process connects to it.

Each process's layer (`HubChannelLayer`) keeps its own sockets' channels and
groups in memory, as Channels' in-memory layer does, and sends every group
message through the hub. The hub passes each message to every process, the
sender included, and each process hands it to its own members of the group:
every socket gets it exactly once, wherever the page that sent it ran.

The hub never reads what it passes on (framed bytes), and events carry ids
only (see `evenly.core.realtime`). If the hub can't be reached, a process
still delivers to its own sockets and logs that it could not reach the rest.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import struct
import tempfile
import threading
from pathlib import Path
from typing import Any

from channels.layers import InMemoryChannelLayer

logger = logging.getLogger(__name__)

LISTEN = b"L"  # a server process: it sends, and hears every message
SEND_ONLY = b"S"  # a one-off sender from another event loop
LISTENING = b"K"  # the hub's answer: from now on this process hears every message
HEADER = struct.Struct("!I")
MAX_FRAME = 64 * 1024  # events are a type and a few ids
MAX_BACKLOG = 4 * 1024 * 1024  # a listener this far behind is dropped and reconnects
RETRY_SECONDS = 0.5
CONNECT_SECONDS = 2.0
LONGEST_SOCKET_PATH = 100  # the kernel allows 107 bytes


def socket_path(data_dir: Path) -> Path:
    """Where the hub listens: in the data folder, or in a private temporary
    folder when the data folder's path is too long for a Unix socket."""
    path = Path(data_dir) / "events.sock"
    if len(os.fsencode(path)) <= LONGEST_SOCKET_PATH:
        return path
    return Path(tempfile.mkdtemp(prefix="evenly-")) / "events.sock"


def frame(payload: bytes) -> bytes:
    if len(payload) > MAX_FRAME:
        raise ValueError(f"An event of {len(payload)} bytes is larger than {MAX_FRAME}.")
    return HEADER.pack(len(payload)) + payload


async def read_frame(reader: asyncio.StreamReader) -> bytes:
    (size,) = HEADER.unpack(await reader.readexactly(HEADER.size))
    if size > MAX_FRAME:
        raise ValueError(f"A frame of {size} bytes is larger than {MAX_FRAME}.")
    return await reader.readexactly(size)


def encode(group: str, message: dict[str, Any]) -> bytes:
    return json.dumps({"group": group, "message": message}, separators=(",", ":")).encode()


def decode(payload: bytes) -> tuple[str, dict[str, Any]]:
    data = json.loads(payload)
    group, message = data["group"], data["message"]
    if not isinstance(group, str) or not isinstance(message, dict):
        raise ValueError("A frame must hold a group name and a message.")
    return group, message


# ---------------------------------------------------------------- the hub


class EventHub:
    """Passes every frame from any process to every listening process. It
    runs on its own thread and event loop, beside the server processes'
    supervisor."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._listeners: set[asyncio.StreamWriter] = set()
        self._connections: set[asyncio.StreamWriter] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="evenly-event-hub", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            raise self._failure

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._close)
        self._thread.join(timeout=5)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._listen())
        except BaseException as error:  # reported to start()
            self._failure = error
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.close()

    async def _listen(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()  # left behind by a server that was killed
        self._server = await asyncio.start_unix_server(self._serve_one, path=str(self.path))
        self.path.chmod(0o600)

    def _close(self) -> None:
        """Close every connection, so each process notices and reconnects to
        whichever hub comes next, then end the loop."""
        if self._server is not None:
            self._server.close()
        for connection in list(self._connections):
            connection.close()
        assert self._loop is not None
        self._loop.call_later(0.05, self._loop.stop)

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            if await reader.readexactly(1) == LISTEN:
                self._listeners.add(writer)
                writer.write(LISTENING)
            while True:
                self._pass_on(frame(await read_frame(reader)))
        except (asyncio.IncompleteReadError, ConnectionError, ValueError):
            pass  # the process went away, or sent something that is not a frame
        finally:
            self._listeners.discard(writer)
            self._connections.discard(writer)
            writer.close()

    def _pass_on(self, data: bytes) -> None:
        for listener in list(self._listeners):
            if listener.transport.get_write_buffer_size() > MAX_BACKLOG:
                logger.warning("A server process stopped reading events; it is dropped and will reconnect.")
                self._listeners.discard(listener)
                listener.close()
                continue
            listener.write(data)


# ---------------------------------------------------------------- each process's layer


class HubChannelLayer(InMemoryChannelLayer):
    """Channels and groups in this process's memory; group messages through the hub."""

    def __init__(self, path: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.path = path
        self._loop: asyncio.AbstractEventLoop | None = None
        self._connection: asyncio.Task[None] | None = None
        self._connected: asyncio.Event | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def group_add(self, group: str, channel: str) -> None:
        await super().group_add(group, channel)
        await self._stay_connected()

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        self.require_valid_group_name(group)
        data = frame(encode(group, message))
        if self._loop is not None and asyncio.get_running_loop() is not self._loop:
            await self._send_once(data)
            return
        await self._stay_connected()
        if self._writer is None:
            logger.warning("The event hub can't be reached: this event reaches this process's sockets only.")
            await super().group_send(group, message)
            return
        self._writer.write(data)
        await self._writer.drain()

    async def reaches_the_other_processes(self) -> bool:
        """For the health check: whether this process is connected to the hub."""
        await self._stay_connected()
        return self._writer is not None

    async def flush(self) -> None:
        if self._connection is not None:
            self._connection.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._connection
        self._connection = self._loop = self._connected = self._writer = None
        await super().flush()

    async def _stay_connected(self) -> None:
        if self._connection is None or self._connection.done():
            self._loop = asyncio.get_running_loop()
            self._connected = asyncio.Event()
            self._connection = self._loop.create_task(self._keep_connected(self._connected))
        if not self._connected.is_set():  # type: ignore[union-attr]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._connected.wait(), CONNECT_SECONDS)  # type: ignore[union-attr]

    async def _keep_connected(self, connected: asyncio.Event) -> None:
        while True:
            writer = None
            try:
                reader, writer = await asyncio.open_unix_connection(self.path)
                writer.write(LISTEN)
                if await reader.readexactly(1) != LISTENING:
                    raise ValueError("The event hub did not answer as a hub does.")
                self._writer = writer
                connected.set()
                while True:
                    group, message = decode(await read_frame(reader))
                    await InMemoryChannelLayer.group_send(self, group, message)
            except (OSError, asyncio.IncompleteReadError, ValueError, KeyError) as error:
                logger.warning("Lost the event hub (%s); reconnecting.", type(error).__name__)
            finally:
                connected.clear()
                self._writer = None
                if writer is not None:
                    writer.close()
            await asyncio.sleep(RETRY_SECONDS)

    async def _send_once(self, data: bytes) -> None:
        """From an event loop other than the one this process's sockets live on."""
        _, writer = await asyncio.open_unix_connection(self.path)
        try:
            writer.write(SEND_ONLY + data)
            await writer.drain()
        finally:
            writer.close()

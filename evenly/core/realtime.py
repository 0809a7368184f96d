"""Real-time events: a type and ids, to an explicit list of people, after commit.

The browser re-fetches whatever changed through an ordinary authorised view,
so an event never needs to carry text, and never may: `publish` refuses any
value that is not an id or a short token.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

EVENT_NAME = re.compile(r"^[a-z]+(\.[a-z_]+)+$")
TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def event_message(event: str, ids: dict[str, int | str]) -> dict[str, object]:
    if not EVENT_NAME.match(event):
        raise ValueError(f"Bad event name {event!r}")
    for name, value in ids.items():
        if isinstance(value, bool) or not (isinstance(value, int) or TOKEN.match(str(value))):
            raise ValueError(f"Event field {name!r} must be an id or a short token")
    return {"type": "evenly.event", "event": event, "ids": ids}


def publish(*, recipients: Iterable[int], event: str, **ids: int | str) -> None:
    """Send `event` to each recipient's open pages once the transaction commits."""
    message = event_message(event, ids)
    recipient_ids = sorted(set(recipients))
    transaction.on_commit(lambda: _send(recipient_ids, message))


def _send(recipient_ids: list[int], message: dict[str, object]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    send = async_to_sync(layer.group_send)
    for user_id in recipient_ids:
        send(user_group(user_id), message)

from __future__ import annotations

import asyncio
import os
import secrets

import pytest

from tests.cast import run_on_its_own_loop

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(not REDIS_URL, reason="needs Redis (set REDIS_URL=redis://...)"),
]


def test_it_delivers_a_group_event_through_redis() -> None:
    from channels_redis.core import RedisChannelLayer

    from evenly.core.realtime import event_message, user_group

    async def round_trip() -> dict[str, object]:
        layer = RedisChannelLayer(hosts=[REDIS_URL], prefix=f"evenly-test-{secrets.token_hex(4)}")
        try:
            channel = await layer.new_channel()
            await layer.group_add(user_group(7), channel)
            await layer.group_send(user_group(7), event_message("pause.started", {"pause": 1}))
            return await asyncio.wait_for(layer.receive(channel), timeout=5)
        finally:
            await layer.flush()
            await layer.close_pools()

    message = run_on_its_own_loop(round_trip())
    assert message == {"type": "evenly.event", "event": "pause.started", "ids": {"pause": 1}}

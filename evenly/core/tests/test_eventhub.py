"""The event hub: events between the processes of one `manage.py serve`
without Redis. Two layers on one hub stand for two server processes."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenly.core.eventhub import MAX_FRAME, EventHub, HubChannelLayer, decode, encode, frame, socket_path
from evenly.core.realtime import event_message, user_group
from tests.cast import run_on_its_own_loop

PAUSE = event_message("pause.started", {"pause": 7})


@pytest.fixture
def hub() -> Iterator[EventHub]:
    with tempfile.TemporaryDirectory() as folder:
        running = EventHub(Path(folder) / "events.sock")
        running.start()
        try:
            yield running
        finally:
            running.stop()


async def _nothing_more(layer: HubChannelLayer, channel: str) -> bool:
    try:
        await asyncio.wait_for(layer.receive(channel), timeout=0.3)
    except TimeoutError:
        return True
    return False


def test_an_event_sent_in_one_process_reaches_a_socket_in_the_other_once(hub: EventHub) -> None:
    async def scene() -> tuple[dict, bool, bool]:
        page_process, socket_process = HubChannelLayer(str(hub.path)), HubChannelLayer(str(hub.path))
        sams_socket = await socket_process.new_channel()
        await socket_process.group_add(user_group(2), sams_socket)
        await page_process.group_send(user_group(2), PAUSE)
        received = await asyncio.wait_for(socket_process.receive(sams_socket), timeout=5)
        once = await _nothing_more(socket_process, sams_socket)
        # Alex's group has nobody in it: the page's own process delivers nothing.
        alexs_socket = await page_process.new_channel()
        await page_process.group_add(user_group(1), alexs_socket)
        untouched = await _nothing_more(page_process, alexs_socket)
        await page_process.flush()
        await socket_process.flush()
        return received, once, untouched

    received, once, untouched = run_on_its_own_loop(scene())
    assert received == PAUSE
    assert once and untouched


def test_an_event_for_a_socket_in_the_sending_process_arrives_once(hub: EventHub) -> None:
    async def scene() -> tuple[list[dict], bool]:
        layer, other = HubChannelLayer(str(hub.path)), HubChannelLayer(str(hub.path))
        await other.new_channel()  # a second process, connected, with nobody in the group
        await other.group_add("user.99", await other.new_channel())
        first, second = await layer.new_channel(), await layer.new_channel()
        await layer.group_add(user_group(2), first)
        await layer.group_add(user_group(2), second)  # Sam on two open pages
        await layer.group_send(user_group(2), PAUSE)
        got = [await asyncio.wait_for(layer.receive(c), timeout=5) for c in (first, second)]
        quiet = await _nothing_more(layer, first) and await _nothing_more(layer, second)
        await layer.flush()
        await other.flush()
        return got, quiet

    got, quiet = run_on_its_own_loop(scene())
    assert got == [PAUSE, PAUSE]
    assert quiet


def test_events_keep_their_order(hub: EventHub) -> None:
    async def scene() -> list[dict]:
        sender, receiver = HubChannelLayer(str(hub.path)), HubChannelLayer(str(hub.path))
        channel = await receiver.new_channel()
        await receiver.group_add(user_group(2), channel)
        for number in range(20):
            await sender.group_send(user_group(2), event_message("moment.added", {"moment": number}))
        got = [await asyncio.wait_for(receiver.receive(channel), timeout=5) for _ in range(20)]
        await sender.flush()
        await receiver.flush()
        return got

    assert [message["ids"]["moment"] for message in run_on_its_own_loop(scene())] == list(range(20))


def test_without_the_hub_a_process_still_reaches_its_own_sockets() -> None:
    async def scene() -> dict:
        layer = HubChannelLayer("/nonexistent/evenly-events.sock")
        channel = await layer.new_channel()
        await layer.group_add(user_group(2), channel)
        await layer.group_send(user_group(2), PAUSE)
        received = await asyncio.wait_for(layer.receive(channel), timeout=5)
        await layer.flush()
        return received

    assert run_on_its_own_loop(scene()) == PAUSE


def test_the_health_check_says_whether_a_process_reaches_the_hub(hub: EventHub) -> None:
    async def scene() -> tuple[bool, bool]:
        connected, cut_off = HubChannelLayer(str(hub.path)), HubChannelLayer("/nonexistent/evenly-events.sock")
        answers = await connected.reaches_the_other_processes(), await cut_off.reaches_the_other_processes()
        await connected.flush()
        await cut_off.flush()
        return answers

    assert run_on_its_own_loop(scene()) == (True, False)


def test_healthz_fails_when_the_hub_cannot_be_reached(client, settings) -> None:  # type: ignore[no-untyped-def]
    from channels.layers import channel_layers

    layers = {"BACKEND": "evenly.core.eventhub.HubChannelLayer", "CONFIG": {"path": "/nonexistent/events.sock"}}
    settings.CHANNEL_LAYERS = {"default": layers}
    channel_layers.backends.clear()
    try:
        response = client.get("/healthz")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 503
    assert response.json()["channel_layer"] == "failing"


def test_a_process_that_loses_the_hub_hears_again_once_it_is_back() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.sock"
        first = EventHub(path)
        first.start()

        async def scene() -> dict:
            sender, receiver = HubChannelLayer(str(path)), HubChannelLayer(str(path))
            channel = await receiver.new_channel()
            await receiver.group_add(user_group(2), channel)
            first.stop()
            await asyncio.sleep(0.1)
            again = EventHub(path)
            again.start()
            try:
                for _ in range(10):  # the receiver reconnects within its retry
                    if await receiver.reaches_the_other_processes():
                        break
                await sender.group_send(user_group(2), PAUSE)
                return await asyncio.wait_for(receiver.receive(channel), timeout=5)
            finally:
                await sender.flush()
                await receiver.flush()
                again.stop()

        assert run_on_its_own_loop(scene()) == PAUSE


def test_the_hub_drops_a_connection_that_sends_no_frame_and_serves_the_rest(hub: EventHub) -> None:
    async def scene() -> dict:
        _, stranger = await asyncio.open_unix_connection(str(hub.path))
        stranger.write(b"L" + b"\xff\xff\xff\xff" + b"not a frame")  # a length far past the limit
        await stranger.drain()
        sender, receiver = HubChannelLayer(str(hub.path)), HubChannelLayer(str(hub.path))
        channel = await receiver.new_channel()
        await receiver.group_add(user_group(2), channel)
        await sender.group_send(user_group(2), PAUSE)
        try:
            return await asyncio.wait_for(receiver.receive(channel), timeout=5)
        finally:
            stranger.close()
            await sender.flush()
            await receiver.flush()

    assert run_on_its_own_loop(scene()) == PAUSE


def test_only_the_owner_can_open_the_hub(hub: EventHub) -> None:
    assert hub.path.stat().st_mode & 0o777 == 0o600


def test_a_data_folder_too_deep_for_a_socket_gets_a_private_temporary_one(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 120)
    path = socket_path(deep)
    assert len(str(path)) <= 107
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert socket_path(Path("/srv/evenly")) == Path("/srv/evenly/events.sock")


def test_an_event_larger_than_a_frame_is_refused() -> None:
    with pytest.raises(ValueError, match="larger"):
        frame(b"x" * (MAX_FRAME + 1))


@given(
    group=st.from_regex(r"\Auser\.[0-9]{1,9}\Z"),
    ids=st.dictionaries(st.from_regex(r"\A[a-z]{1,10}\Z"), st.integers(min_value=0, max_value=2**53)),
)
def test_a_message_survives_the_trip_unchanged(group: str, ids: dict[str, int]) -> None:
    message = event_message("pause.started", ids)
    assert decode(encode(group, message)) == (group, message)

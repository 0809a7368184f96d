import asyncio

import pytest
from asgiref.testing import ApplicationCommunicator

from evenly.asgi import application
from evenly.core.realtime import event_message


@pytest.mark.parametrize(
    "ids",
    [{"note": "I felt hurt when you left"}, {"text": "a" * 41}, {"flag": True}, {"x": "has space"}],
)
def test_events_refuse_anything_but_ids(ids):
    with pytest.raises(ValueError):
        event_message("pause.started", ids)


def test_events_need_a_dotted_name():
    with pytest.raises(ValueError):
        event_message("Pause Started", {})


def _connect(origin: bytes, cookie: bytes = b"", *, host: bytes = b"127.0.0.1:8000", scheme: str = "ws") -> dict:
    headers = [(b"origin", origin), (b"host", host)]
    if cookie:
        headers.append((b"cookie", cookie))
    scope = {
        "type": "websocket",
        "scheme": scheme,
        "path": "/ws/",
        "headers": headers,
        "query_string": b"",
        "subprotocols": [],
    }

    async def handshake() -> dict:
        communicator = ApplicationCommunicator(application, scope)
        await communicator.send_input({"type": "websocket.connect"})
        reply = await communicator.receive_output(timeout=3)
        await communicator.send_input({"type": "websocket.disconnect", "code": 1000})
        await communicator.wait(timeout=1)
        return reply

    return asyncio.run(handshake())


def test_a_socket_without_a_session_is_closed(db):
    reply = _connect(b"http://127.0.0.1:8000")
    assert (reply["type"], reply["code"]) == ("websocket.close", 4401)


def test_a_socket_from_a_foreign_origin_is_refused(db):
    assert _connect(b"https://evil.example")["type"] == "websocket.close"


@pytest.mark.django_db(transaction=True)  # the socket reads the session from another thread
def test_a_signed_in_socket_is_accepted(alex, client_for):
    from django.conf import settings

    session = client_for(alex).cookies[settings.SESSION_COOKIE_NAME].value
    reply = _connect(b"http://127.0.0.1:8000", f"{settings.SESSION_COOKIE_NAME}={session}".encode())
    assert reply["type"] == "websocket.accept"

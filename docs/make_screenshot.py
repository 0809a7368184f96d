"""Retake docs/screenshot-home.png: Alex's home page on a 390px-wide phone.

Runs `manage.py serve` on a throwaway data directory with the demo couples,
signs in through the real form with Playwright and Debian's Chromium
(/usr/bin/chromium), and saves the screenshot. Only 127.0.0.1 is contacted.

    .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "docs" / "screenshot-home.png"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="evenly-shot-") as data_dir:
        env = {k: v for k, v in os.environ.items() if not k.startswith("EVENLY_")}
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        env.update(EVENLY_DATA_DIR=data_dir, EVENLY_LOG_LEVEL="WARNING")
        manage = [sys.executable, str(REPO / "manage.py")]
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"], ["seed_demo"]):
            subprocess.run([*manage, *command], env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
        server = subprocess.Popen(  # noqa: S603
            [*manage, "serve", "--port", str(port), "--no-worker"], env=env, cwd=REPO, start_new_session=True
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    if httpx.get(f"{base}/healthz", trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
                page.goto(f"{base}/accounts/login/")
                page.fill("input[name=login]", "alex@demo.evenly")
                page.fill("input[name=password]", "evenly-demo-2026")
                page.click("form button[type=submit]")
                page.wait_for_url(f"{base}/")
                page.goto(f"{base}/")  # once more, without the one-off "signed in" message
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(OUTPUT), full_page=True)
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=15)
    print(f"Saved {OUTPUT}")


if __name__ == "__main__":
    main()

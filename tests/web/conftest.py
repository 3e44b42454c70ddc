"""The web room under test: the demo's store (built once), accounts of each role, and the app
served by uvicorn on a free loopback port. Browser tests drive Debian's chromium through
Playwright when both are present and are skipped with the reason otherwise.

Fixtures: ``demo_db`` (path of a demo SQLite file), ``room`` (a running server: ``url``,
``db_url``, tokens and passwords by role), ``client`` (httpx against it, not signed in),
``signed_in(role)`` (an httpx client with a session), ``browser`` (a Playwright browser),
``artifacts`` (where screenshots go).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SITROOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PASSWORDS = {"viewer": "viewer-password-1", "analyst": "analyst-password-1",
             "admin": "admin-password-1"}
CASE = "kyrgyzstan-2020"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveRoom:
    url: str
    db_url: str
    tokens: dict[str, str] = field(default_factory=dict)
    server: object = None
    thread: threading.Thread | None = None
    store: object = None

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.store.close()


def start_room(db_url: str, **settings) -> LiveRoom:
    """Serve a new app over ``db_url`` on a free port; return once it answers."""
    import uvicorn

    from sitroom.settings import Settings
    from sitroom.store import open_store
    from sitroom.web.app import create_app

    store = open_store(db_url)
    app = create_app(store, Settings().replace(**settings))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web room did not start")
        time.sleep(0.05)
    return LiveRoom(f"http://127.0.0.1:{port}", db_url, server=server, thread=thread,
                    store=store)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo's store, built once: the real pipeline over the bundled sample corpus."""
    from sitroom.demo import run_demo

    db = tmp_path_factory.mktemp("webdemo") / "demo.sqlite"
    run_demo(db, out=io.StringIO())
    return db


@pytest.fixture(scope="session")
def room(demo_db, tmp_path_factory) -> Iterator[LiveRoom]:
    """The room over a copy of the demo store, with one account of each role and tokens."""
    from sitroom.store import open_store
    from sitroom.web.auth import hash_password, new_secret

    db = tmp_path_factory.mktemp("webroom") / "room.sqlite"
    shutil.copy(demo_db, db)
    db_url = f"sqlite:///{db}"
    now = datetime.now(UTC)
    tokens = {}
    with open_store(db_url) as store:
        for role, password in PASSWORDS.items():
            store.add_user(role, role, hash_password(password), now)
            tokens[role] = new_secret()
            store.add_api_token(tokens[role], role, "tests", now)
    live = start_room(db_url, tip_rate_limit=10_000)
    live.tokens = tokens
    yield live
    live.stop()


@pytest.fixture
def client(room):
    import httpx

    with httpx.Client(base_url=room.url, follow_redirects=False, timeout=20) as c:
        yield c


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def login(c, role: str) -> None:
    """Sign an httpx client in through the real login form."""
    token = csrf_of(c.get("/login").text)
    r = c.post("/login", data={"csrf": token, "name": role, "password": PASSWORDS[role],
                               "next": "/"})
    assert r.status_code == 303, r.text[:300]


@pytest.fixture
def signed_in(room):
    """A factory of httpx clients signed in with a role."""
    import httpx

    made = []

    def make(role: str):
        c = httpx.Client(base_url=room.url, follow_redirects=False, timeout=20)
        made.append(c)
        login(c, role)
        return c

    yield make
    for c in made:
        c.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots land here (SITROOM_TEST_ARTIFACTS, default var/test-artifacts/web)."""
    path = Path(os.environ.get("SITROOM_TEST_ARTIFACTS", "var/test-artifacts")) / "web"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser(room):
    """Debian's chromium driven by Playwright (never a downloaded browser build); started
    after the room, whose demo run needs the main thread's event loop free."""
    def missing(reason: str):
        if os.environ.get("SITROOM_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (SITROOM_REQUIRE_BROWSER=1)", pytrace=False)
        pytest.skip(reason)

    if not Path(CHROMIUM).exists():
        missing(f"no Chromium at {CHROMIUM} (apt-get install chromium; or set SITROOM_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed (pip install -e .[dev])")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()

"""A fake Slack Web API on 127.0.0.1 (port 0), recording every call and answering like Slack.

It also serves response_url posts (/response/<id>), so slash-command and button answers are
recorded too. Tests can script the next answers of a method: an error (`{"ok": false,
"error": "not_in_channel"}`) or a rate limit (HTTP 429 with Retry-After).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class Call:
    method: str  # Web API method ("chat.postMessage"), or "response_url"
    body: dict
    headers: dict
    path: str = ""


@dataclass
class Scripted:
    status: int = 200
    body: dict = field(default_factory=lambda: {"ok": True})
    headers: dict = field(default_factory=dict)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._scripts: dict[str, list[Scripted]] = {}
        self._lock = threading.Condition()
        self._ts = 1_700_000_000.000100
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                    for key in ("blocks", "view"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                if self.path.startswith("/api/"):
                    method = self.path[len("/api/") :].split("?")[0]
                elif self.path.startswith("/response/"):
                    method = "response_url"
                else:
                    self.send_error(404)
                    return
                answer = fake._answer(method, body)
                fake._record(Call(method, body, dict(self.headers), self.path))
                payload = json.dumps(answer.body).encode()
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.url}/response/{name}"

    def start(self) -> FakeSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def script(self, method: str, *answers: Scripted) -> None:
        with self._lock:
            self._scripts.setdefault(method, []).extend(answers)

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()

    def _answer(self, method: str, body: dict) -> Scripted:
        with self._lock:
            queue = self._scripts.get(method)
            if queue:
                return queue.pop(0)
            self._ts += 1
            ts = f"{self._ts:.6f}"
        if method == "auth.test":
            return Scripted(
                body={
                    "ok": True,
                    "url": "https://fake.slack.com/",
                    "team": "Fake",
                    "user": "newsbot",
                    "team_id": "T0FAKE",
                    "user_id": "UBOT",
                    "bot_id": "BBOT",
                }
            )
        if method == "chat.postMessage":
            return Scripted(
                body={
                    "ok": True,
                    "channel": body.get("channel"),
                    "ts": ts,
                    "message": {"text": body.get("text"), "ts": ts},
                }
            )
        if method == "chat.postEphemeral":
            return Scripted(body={"ok": True, "message_ts": ts})
        if method == "views.publish":
            return Scripted(body={"ok": True, "view": {"id": "V1", **(body.get("view") or {})}})
        return Scripted()

    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """The calls of `method` once there are at least `count` (the answer comes after the ack)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len([c for c in self.calls if c.method == method]) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} {method} call(s) within {timeout}s; got {seen}")
                self._lock.wait(remaining)
            return [c for c in self.calls if c.method == method]

    def settle(self, quiet: float = 0.3) -> None:
        """Wait until no call has arrived for `quiet` seconds (to assert that nothing more comes)."""
        last = -1
        while True:
            with self._lock:
                count = len(self.calls)
            if count == last:
                return
            last = count
            time.sleep(quiet)

"""Ack latency and throughput of signed /news requests over HTTP, with 20 concurrent clients,
side by side with a bare Bolt app that only acks (the ceiling for this framework), both served
the same way (the bot's threaded WSGI server) on 127.0.0.1, in the same run.

Slack's Web API and response_url are a local sink that answers {"ok": true}, so the newsbot
app does its full work: ack, search, render, post the answer. The clients and the sink run in
processes of their own, as Slack does, so only the bot's own work shares its interpreter.

    python benchmarks/slack_ack.py [--requests 2000] [--clients 20] [--seeds seeds]
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import statistics
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

from slack_bolt import App
from slack_sdk.signature import SignatureVerifier

from bot.articles import Library
from bot.config import Settings
from bot.slack.app import create_app, wsgi_app
from bot.slack.runtime import http_server

SECRET = "benchmarksecret0123456789abcdef"
TOKEN = "xoxb-0000-0000-benchmark"
QUERIES = [
    "huawei chips",
    "what did the Huawei Cloud CEO say about chips?",
    "huawai chps",
    "nvidia a100",
    "source:aibusiness ascend",
    "zhang ping'an",
    "latest 3",
    "no such thing at all",
]


class Sink(BaseHTTPRequestHandler):
    """Answers every Web API call and response_url post like Slack would."""

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T0", "ts": "1.1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def run_sink(ready) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    server.daemon_threads = True
    server.request_queue_size = 128
    ready.put(server.server_port)
    server.serve_forever()


def serve(application) -> tuple[str, object]:
    server = http_server(application, 0, host="127.0.0.1")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/slack/events", server


def signed_command(text: str, response_url: str, verifier: SignatureVerifier) -> tuple[bytes, dict]:
    body = urlencode(
        {
            "command": "/news",
            "text": text,
            "user_id": "U1",
            "channel_id": "C1",
            "team_id": "T0",
            "response_url": response_url,
            "trigger_id": "1.2.3",
            "api_app_id": "A1",
        }
    )
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body),
    }
    return body.encode(), headers


def drive(url: str, response_url: str, requests: int, clients: int) -> tuple[float, list[float]]:
    verifier = SignatureVerifier(SECRET)

    def one(i: int) -> float:
        body, headers = signed_command(QUERIES[i % len(QUERIES)], response_url, verifier)
        started = time.perf_counter()
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=30) as reply:
            reply.read()
            assert reply.status == 200
        return (time.perf_counter() - started) * 1000

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(min(50, requests))))  # warm up
        started = time.perf_counter()
        latencies = list(pool.map(one, range(requests)))
        elapsed = time.perf_counter() - started
    return requests / elapsed, latencies


def bare_app() -> App:
    app = App(token=TOKEN, signing_secret=SECRET, token_verification_enabled=False)

    @app.command("/news")
    def ack_only(ack) -> None:
        ack()

    return app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="alternate the two apps this many times")
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[1] / "seeds")
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    # Slack's side runs in its own process, as Slack's servers are not in the bot's process.
    ready = multiprocessing.Queue()
    sink_process = multiprocessing.Process(target=run_sink, args=(ready,), daemon=True)
    sink_process.start()
    sink_url = f"http://127.0.0.1:{ready.get(timeout=10)}"

    settings = Settings(
        _env_file=None,
        slack_bot_token=TOKEN,
        slack_signing_secret=SECRET,
        slack_api_url=sink_url + "/api/",
        seeds_dir=args.seeds,
    )
    library = Library.load(args.seeds)
    newsbot = create_app(settings, lambda: library)
    bare = bare_app()
    bare.client.base_url = sink_url + "/api/"

    print(
        f"{args.requests} signed /news requests, {args.clients} concurrent clients, {len(library)} articles, "
        f"{args.rounds} alternating rounds (medians)\n"
    )
    apps = {"bare Bolt (ack only)": bare, "newsbot": newsbot}
    runs: dict[str, list[tuple[float, list[float]]]] = {name: [] for name in apps}
    for _ in range(args.rounds):
        for name, app in apps.items():
            url, server = serve(wsgi_app(app, lambda: library))
            # The clients are Slack: another process, so they do not share the bot's interpreter.
            with multiprocessing.get_context("fork").Pool(1) as pool:
                runs[name].append(pool.apply(drive, (url, sink_url + "/response", args.requests, args.clients)))
            server.shutdown()
            server.server_close()
    print(f"{'app':<22} {'req/s':>8} {'ack p50 ms':>11} {'ack p99 ms':>11}")
    rates = {}
    for name, results in runs.items():
        rates[name] = statistics.median(rate for rate, _ in results)
        p50 = statistics.median(statistics.median(lat) for _, lat in results)
        p99 = statistics.median(sorted(lat)[int(0.99 * (len(lat) - 1))] for _, lat in results)
        print(f"{name:<22} {rates[name]:8.0f} {p50:11.1f} {p99:11.1f}")
    print(f"\nthroughput newsbot / bare: {rates['newsbot'] / rates['bare Bolt (ack only)']:.2f}")
    sink_process.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

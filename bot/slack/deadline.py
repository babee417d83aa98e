"""Slack waits 3 seconds for an ack. A listener that wants to put its answer in the ack
computes it first; this watchdog acks empty for it if the answer is late, and tells the
listener to send the answer through response_url instead.

One background thread for the whole app, waking every `tick`: nothing is spawned per request,
so the common case (an answer in milliseconds) costs a lock and a list append.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Watched:
    def __init__(self, ack: Callable[..., object], deadline: float):
        self._ack = ack
        self._lock = threading.Lock()
        self.deadline = deadline
        self.done = False
        self.late = False

    def expire(self) -> None:
        with self._lock:
            if not self.done:
                self._ack()
                self.done = self.late = True

    def finish(self, **answer) -> bool:
        """Ack with the answer; False if the watchdog already acked (send it another way)."""
        with self._lock:
            if self.late:
                return False
            self._ack(**answer)
            self.done = True
            return True


class AckDeadline:
    def __init__(self, budget: float = 1.5, tick: float = 0.1):
        self.budget, self.tick = budget, tick
        self._watched: list[Watched] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def watch(self, ack: Callable[..., object]) -> Watched:
        watched = Watched(ack, time.monotonic() + self.budget)
        with self._lock:
            self._watched.append(watched)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ack-deadline", daemon=True)
                self._thread.start()
        return watched

    def _run(self) -> None:
        while True:
            time.sleep(self.tick)
            now = time.monotonic()
            with self._lock:
                due = [w for w in self._watched if not w.done and w.deadline <= now]
                self._watched = [w for w in self._watched if not w.done and w.deadline > now]
            for watched in due:
                watched.expire()

"""One thread that makes a recorder's log writes, in the order they were handed over.

The session screen hands over each change and goes straight back to its timers; SQLite
(and a log another process holds busy) is only ever waited for here. The thread is not a
daemon, so a process that is exiting still makes the last write it was given; and it ends
once it has had nothing to do for a moment, so a recorder nobody closed (a session dropped
mid-way) never keeps a process from exiting. The next job starts a new one.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

Job = Callable[[], None]
THREAD_NAME = "warmup-log-writer"
IDLE_SECONDS = 2.0  # how long an idle writer waits for more before it ends


class LogWriter:
    """Runs the jobs given to :meth:`put` one after another on one thread of its own,
    started by the first job; :meth:`finish` gives the last one and lets the thread end."""

    def __init__(self, on_error: Callable[[Exception], None]) -> None:
        self._on_error = on_error
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._done = threading.Condition()
        self._unfinished = 0  # jobs handed over and not yet run
        self._finished = False

    def put(self, job: Job) -> bool:
        """Queue ``job``; False (and not run) once :meth:`finish` has been called."""
        with self._done:
            if self._finished:
                return False
            self._unfinished += 1
            self._jobs.put(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=THREAD_NAME)
                self._thread.start()
        return True

    def finish(self, last: Job) -> None:
        """Run ``last`` after everything queued, then end the thread. With no thread
        started there is nothing queued, so ``last`` runs here and now."""
        with self._done:
            idle = self._thread is None
            if idle:
                self._finished = True
        if idle:
            last()
        elif self.put(last):
            with self._done:
                self._finished = True
                self._jobs.put(None)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job handed over so far has run (and, once finished, the thread
        has ended); True if that happened within ``timeout``."""
        with self._done:
            if not self._done.wait_for(lambda: self._unfinished == 0, timeout):
                return False
            thread = self._thread if self._finished else None
        if thread is not None:
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def _run(self) -> None:
        while (job := self._next()) is not None:
            try:
                job()
            except Exception as error:  # one failed write must not stop the ones after it
                self._on_error(error)
            finally:
                with self._done:
                    self._unfinished -= 1
                    self._done.notify_all()

    def _next(self) -> Job | None:
        """The next job, or None when told to finish or idle for IDLE_SECONDS."""
        try:
            return self._jobs.get(timeout=IDLE_SECONDS)
        except queue.Empty:
            with self._done:  # put() queues under this lock: nothing can slip in now
                if not self._jobs.empty():
                    return self._jobs.get_nowait()
                self._thread = None
                return None

"""One thread that makes a recorder's log writes, in the order they were handed over.

The session screen hands over each change and goes straight back to its timers; SQLite
(and a log another process holds busy) is only ever waited for here. The thread starts with
the first write and lives until the session ends, so no segment start ever waits for a
thread to be created. It is a daemon, so a recorder nobody closed (a session dropped
mid-way) never keeps a process from exiting; a process on its way out still waits, at
exit, for the writes it was given (up to LAST_WRITE_SECONDS).
"""

from __future__ import annotations

import atexit
import queue
import threading
import time
import weakref
from collections.abc import Callable

Job = Callable[[], None]
THREAD_NAME = "warmup-log-writer"
# The last write of a session that meets a busy log is retried for a few seconds
# (recorder.py); an exit, or a reader of the log, waits that long and then some, never
# for ever.
LAST_WRITE_SECONDS = 10.0

# Every writer of this process, so that whoever reads the log next can first wait for the
# writes already handed over (the Today line after a session, history). Weak: a writer
# with work keeps itself alive through its thread; a dropped idle one has nothing to wait for.
_writers: weakref.WeakSet[LogWriter] = weakref.WeakSet()
_writers_lock = threading.Lock()


def wait_for_writes(timeout: float = LAST_WRITE_SECONDS) -> bool:
    """Wait until every log write handed over in this process so far has been made (or
    kept beside a busy log, or given up on); True if that happened within ``timeout``.
    Blocks: call it from a worker thread, never from the event loop."""
    deadline = time.monotonic() + timeout
    with _writers_lock:
        writers = list(_writers)
    return all(writer.wait(max(0.0, deadline - time.monotonic())) for writer in writers)


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
        with _writers_lock:
            _writers.add(self)

    def put(self, job: Job) -> bool:
        """Queue ``job``; False (and not run) once :meth:`finish` has been called."""
        with self._done:
            if self._finished:
                return False
            self._unfinished += 1
            self._jobs.put(job)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=THREAD_NAME,
                                                daemon=True)
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
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception as error:  # one failed write must not stop the ones after it
                self._on_error(error)
            finally:
                with self._done:
                    self._unfinished -= 1
                    self._done.notify_all()


@atexit.register
def _write_before_exit() -> None:
    # Daemon threads would be stopped mid-write when the interpreter ends: let them finish.
    wait_for_writes()

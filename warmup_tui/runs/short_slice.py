"""Asking Linux to hand the CPU back soon after a timed wake-up: a short scheduler slice.

On a busy machine a thread whose sleep ends waits until the task on the CPU has had its
slice, up to a few milliseconds, and a segment's start is that late. Since Linux 6.12 an
ordinary thread may ask for a shorter slice than the default (``sched_setattr``'s
``sched_runtime``, no privilege needed): with it, the thread more often gets the CPU
at once when it wakes. It gains no CPU time over others and costs none. Older kernels
ignore the field; other systems have no such call, and nothing is asked.
"""

from __future__ import annotations

import os
import struct
import sys

SLICE_NS = 100_000  # the shortest slice the kernel grants: 0.1 ms
_SCHED_SETATTR = {"x86_64": 314, "aarch64": 274}  # the system call's number
_RESET_ON_FORK = 0x01  # threads and processes started later get the usual slice
# struct sched_attr as far as SCHED_ATTR_SIZE_VER0: size, policy, flags, nice, priority,
# runtime, deadline, period.
_ATTR = struct.Struct("=IIQiIQQQ")


def ask_for_short_slice(slice_ns: int = SLICE_NS) -> bool:
    """Asks for a ``slice_ns`` slice for the calling thread; whether the kernel took it.

    Only for an ordinary (``SCHED_OTHER``) thread: its nice value is kept.
    """
    number = _SCHED_SETATTR.get(os.uname().machine) if sys.platform == "linux" else None
    if number is None:
        return False
    import ctypes  # here, not above: commands that only import this module skip it

    try:
        if os.sched_getscheduler(0) != os.SCHED_OTHER:
            return False  # run under chrt or as a batch job: not ours to change
        nice = os.getpriority(os.PRIO_PROCESS, 0)
        attr = ctypes.create_string_buffer(
            _ATTR.pack(_ATTR.size, os.SCHED_OTHER, _RESET_ON_FORK, nice, 0, slice_ns, 0, 0),
            _ATTR.size)
        return int(ctypes.CDLL(None, use_errno=True).syscall(number, 0, attr, 0)) == 0
    except (OSError, AttributeError):
        return False

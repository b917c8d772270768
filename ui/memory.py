"""Give the memory large work freed back to the system.

glibc's malloc keeps what Python and torch free in its arenas, one per thread that allocated
(Streamlit runs every session's script in a thread of its own), and after a large block is
freed it raises its mmap threshold and serves blocks of that size from the arenas. So the
server's RSS ratcheted up after large work and stayed there: six deep-network runs once took
it from 454 to 1,008 MB, back to 637 MB only after 15 minutes. ``malloc_trim(0)`` returns
every free page of every arena; a daemon thread calls it every `INTERVAL_S` (~1 ms when there
is nothing to give back). Not more often: pages given back are faulted in again by the next
large computation. (A fixed 1 MB mmap threshold was tried too: it gave every large tensor
fresh pages and made the deep-network and prior computations 2-2.5x slower.) The other half
is in `core`: the largest views allocate their kept results in one block, so their
temporaries do not fragment the heap. Without glibc (macOS, Windows) nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
import time

INTERVAL_S = 10.0

_lock = threading.Lock()
_trimming: dict[str, threading.Thread | None] = {}  # "thread" once set up


def _glibc():
    """The C library if it is glibc (it has ``malloc_trim``), else None."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is None or not hasattr(libc, "malloc_trim"):
            return None
    except OSError:
        return None
    libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    return libc


def supported() -> bool:
    """Whether this process's C library is glibc, whose `malloc_trim` `keep_giving_back` calls."""
    return _glibc() is not None


def _trim_forever(libc) -> None:
    while True:
        time.sleep(INTERVAL_S)
        libc.malloc_trim(0)


def keep_giving_back() -> bool:
    """Start the trimming thread, once per process; whether it could (glibc)."""
    with _lock:
        if "thread" not in _trimming:
            libc = _glibc()
            if libc is None:
                logging.getLogger("lab").info("not glibc: freed memory is left to the allocator")
                _trimming["thread"] = None
            else:
                _trimming["thread"] = thread = threading.Thread(
                    target=_trim_forever, args=(libc,), name="malloc-trim", daemon=True
                )
                thread.start()
        return _trimming["thread"] is not None

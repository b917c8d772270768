"""Give the memory large work freed back to the system.

glibc's malloc keeps what Python and torch free in its arenas, one per thread that allocated
(Streamlit runs every session's script in a thread of its own). Two things made the server's
RSS ratchet up after large work and stay there (six deep-network runs once took it from
454 to 1,008 MB, back to 637 MB only after 15 minutes):

- after a large block is freed, glibc raises its mmap threshold to that size (up to 32 MB)
  and serves such blocks from the arenas, where small blocks kept between them fragment the
  heap: the deep-network run's 2 MB layer copies left ~100 MB behind. A fixed threshold,
  `MMAP_THRESHOLD`, gives every block from 1 MB up a mapping of its own, unmapped when freed;
- the arenas keep free pages: ``malloc_trim(0)`` returns every free page of every arena, and
  a daemon thread calls it every `INTERVAL_S` (~1 ms when there is nothing to give back).

Without glibc (macOS, Windows) nothing is changed: there the allocators return memory
themselves.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
import time

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
MMAP_THRESHOLD = 1 << 20
INTERVAL_S = 2.0

_lock = threading.Lock()
_trimming: dict[str, threading.Thread | None] = {}  # "thread" once set up


def _glibc():
    """The C library if it is glibc (it has ``malloc_trim`` and ``mallopt``), else None."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        if libc is None or not (hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt")):
            return None
    except OSError:
        return None
    libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
    libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return libc


def supported() -> bool:
    """Whether this process's C library is glibc, whose settings `keep_giving_back` makes."""
    return _glibc() is not None


def _trim_forever(libc) -> None:
    while True:
        time.sleep(INTERVAL_S)
        libc.malloc_trim(0)


def keep_giving_back() -> bool:
    """Fix the mmap threshold and start the trimming thread, once per process; whether it
    could (glibc)."""
    with _lock:
        if "thread" not in _trimming:
            libc = _glibc()
            if libc is None:
                logging.getLogger("lab").info("not glibc: freed memory is left to the allocator")
                _trimming["thread"] = None
            else:
                libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
                _trimming["thread"] = thread = threading.Thread(
                    target=_trim_forever, args=(libc,), name="malloc-trim", daemon=True
                )
                thread.start()
        return _trimming["thread"] is not None

"""The one exception type that carries a message for the person at the controls."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input, explained: what is wrong, the offending value, and what would be valid.

    ``str(error)`` is the English message. ``code`` and ``params`` let the UI show the same
    message in another language: the catalog key ``error.<code>`` is a template filled with
    ``params``. Errors without a code are shown in English.
    """

    def __init__(self, message: str, *, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

"""One browser tab's conversation with a Streamlit server, with the protobuf classes that ship
inside the `streamlit` package, as the 1.67 frontend does it:

1. GET the page (a proxy sets its affinity cookie here) and /_stcore/health (the server sets
   the `_streamlit_xsrf` cookie);
2. open the websocket /_stcore/stream with the cookies, an Origin header, and the subprotocols
   ["streamlit", <xsrf cookie>] (the frontend passes its XSRF token in that header);
3. send BackMsg.rerun_script with the query string and the page's url path; later reruns carry
   the page hash the server announced, the widget that changed, and the URL as the server last
   rewrote it (controls are bound to query parameters);
4. read one ForwardMsg per binary frame until script_finished.

The tab keeps no forward-message cache (it sends no cached_message_hashes), so the server
sends every message in full: slightly more work than a browser causes, never less.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

from benchmarks.load.controls import Control, control_of
from benchmarks.load.server import check_loopback, http_get

DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


class ServerError(Exception):
    """The page showed an exception or an error box, or the server refused the page."""


@dataclass
class Run:
    """What one script run put on the page (a fragment run updates only its own part)."""

    charts: dict[tuple[int, ...], str] = field(default_factory=dict)  # delta path -> spec
    controls: list[Control] = field(default_factory=list)
    buttons: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (id, fragment)
    errors: list[str] = field(default_factory=list)

    def chart_digest(self) -> str:
        """One hash over every Plotly spec on the page, in page order."""
        digest = hashlib.sha256()
        for path in sorted(self.charts):
            digest.update(repr(path).encode() + self.charts[path].encode())
        return digest.hexdigest()[:16]


class Tab:
    """A browser tab on ``base_url/page?query``; ``open`` loads the page, ``move`` moves a
    control, both return when the server reports the run finished."""

    def __init__(self, base_url: str, page: str, query: str = "") -> None:
        check_loopback(base_url)
        self.base_url = base_url.rstrip("/")
        self.page = page
        self.query = query  # as the address bar shows it; the server rewrites it
        self.page_hash = ""
        self.run = Run()
        self._cookies: dict[str, str] = {}
        self._ws: ClientConnection | None = None

    async def open(self, timeout: float) -> Run:
        await asyncio.to_thread(self._load_cookies)
        ws_url = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self._ws = await connect(
            ws_url,
            origin=self.base_url,
            subprotocols=["streamlit", self._cookies.get("_streamlit_xsrf", "")],
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self._cookies.items())},
            proxy=None,  # loopback only, whatever the environment says
            compression=None,
            max_size=None,
            open_timeout=timeout,
        )
        self.page_hash = ""
        self.run = Run()
        await self._send_rerun([], fragment_id="")
        return await self._until_finished(timeout)

    async def move(self, control: Control, step: int, timeout: float) -> Run:
        """Move ``control`` to its position after ``step`` moves, as a hand on it would."""
        if control.url_key:  # the frontend rewrites the address bar before it reruns
            self.query = with_param(self.query, control.url_key, control.url_values(step))
        await self._send_rerun([control.state(step)], control.fragment_id)
        return await self._until_finished(timeout)

    async def press(self, key: str, timeout: float) -> Run:
        """Press the button with user key ``key`` (a trigger: true for this run only)."""
        widget_id, fragment_id = self.run.buttons[key]
        await self._send_rerun([WidgetState(id=widget_id, trigger_value=True)], fragment_id)
        return await self._until_finished(timeout)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    def _load_cookies(self) -> None:
        path = "/" + self.page + (f"?{self.query}" if self.query else "")
        for target in (path, "/_stcore/health"):
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self._cookies.items())}
            status, response_headers, _ = http_get(self.base_url, target, headers)
            if status != 200:
                raise ServerError(f"GET {target}: HTTP {status}")
            jar = SimpleCookie()
            for header in response_headers.get_all("set-cookie") or []:
                jar.load(header)
            self._cookies.update({name: morsel.value for name, morsel in jar.items()})

    async def _send_rerun(self, states: list[WidgetState], fragment_id: str) -> None:
        msg = BackMsg()
        rerun = msg.rerun_script
        rerun.query_string = self.query
        rerun.widget_states.widgets.extend(states)
        rerun.fragment_id = fragment_id
        if self.page_hash:
            rerun.page_script_hash = self.page_hash
        else:  # first run: the server finds the page from its url path
            rerun.page_name = self.page
        info = rerun.context_info
        info.timezone, info.locale, info.color_scheme = "UTC", "en-US", "light"
        info.url = self.url()
        await self._ws.send(msg.SerializeToString())

    def url(self) -> str:
        return f"{self.base_url}/{self.page}" + (f"?{self.query}" if self.query else "")

    async def _until_finished(self, timeout: float) -> Run:
        async with asyncio.timeout(timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self._ws.recv())
                if self._read(msg):
                    return self.run

    def _read(self, msg: ForwardMsg) -> bool:
        """Apply one message to the tab; True when it ends the run."""
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            fragment_run = bool(msg.metadata.run.fragment_ids)
            self.run = Run(charts={} if not fragment_run else dict(self.run.charts))
        elif kind == "navigation" and msg.navigation.page_script_hash:
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.run.errors.append(f"page not found: {self.page!r}")
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            self.run.errors.append(msg.session_event.script_compilation_exception.message)
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._read_element(msg)
        return kind == "script_finished" and msg.script_finished in DONE

    def _read_element(self, msg: ForwardMsg) -> None:
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "plotly_chart":
            self.run.charts[tuple(msg.metadata.delta_path)] = element.plotly_chart.spec
        elif kind == "exception":
            self.run.errors.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "button":
            key = element.button.id.split("-", maxsplit=2)[-1]
            self.run.buttons[key] = (element.button.id, msg.delta.fragment_id)
        elif kind == "alert" and element.alert.format == Alert.ERROR:
            # Pages show InputError this way, and app.py a bug it caught: neither should
            # appear while a control is only moved within its own bounds.
            self.run.errors.append(f"st.error: {element.alert.body[:200]}")
        else:
            control = control_of(element, msg.delta.fragment_id)
            if control is not None:
                self.run.controls.append(control)


def with_param(query: str, key: str, values: tuple[str, ...] | None) -> str:
    """``query`` with ``key`` set to ``values`` (repeated for a range), or dropped if None."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != key]
    pairs += [(key, v) for v in values or ()]
    return urlencode(pairs)

"""Deep Learning Probability Lab: page config, navigation and the shared sidebar."""

import contextlib
import logging
import os

# One server process runs every session on a few cores: torch's intra-op threads only contend
# there (idle OpenMP threads slowed small ops ~40x after a large Cholesky; a basins-of-
# attraction run took 0.5-6 s with two threads under load, 0.3-0.6 s with one). Set through
# the environment, before any page imports torch, so the home page does not pay for torch.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import streamlit as st

from ui.display import apply_presentation_css
from ui.i18n import t
from ui.memory import keep_giving_back
from ui.registry import HOME, PAGES
from ui.share import share_block
from ui.state import remember_link, restore_link, show_url_notices
from ui.widgets import sidebar_controls

keep_giving_back()  # what large work frees goes back to the system, not the server's RSS

st.set_page_config(
    page_title="Deep Learning Probability Lab",
    page_icon=":material/bubble_chart:",
    layout="wide",
    initial_sidebar_state="expanded",
)


@contextlib.contextmanager
def guarded(where: str):
    """Anything but bad input (which pages show themselves as `InputError`) is a bug: log it
    for the maintainers; the audience sees a plain sentence, never a traceback."""
    try:
        yield
    except Exception:
        logging.getLogger("lab").exception("unexpected error in %s", where)
        st.error(t("app.unexpected"), icon="🚧")


# The language control must exist before the navigation is labelled in that language.
with guarded("the sidebar"):
    sidebar_controls()


def _page(info, *, default: bool = False, visibility: str = "visible"):
    return st.Page(
        f"pages/{info.script}",
        title=t(info.title_key),
        icon=info.icon,
        # Streamlit serves the default page only at the root, and its own path would be
        # "Page not found": a hidden twin of the home page serves that path (`/overview`).
        url_path="" if default else info.url_path,
        default=default,
        visibility=visibility,
    )


home_pages = [_page(HOME, default=True), _page(HOME, visibility="hidden")]
sections: dict[str, list] = {t(HOME.section): home_pages}
for info in PAGES:
    sections.setdefault(t(info.section), []).append(_page(info))

page = st.navigation(sections)
share_slot = st.sidebar.container()
apply_presentation_css()
notices = st.container()
restore_link(page.url_path)
with guarded(f"page /{page.url_path}"):
    page.run()
remember_link(page.url_path)
with notices:
    show_url_notices()
# After the page ran, every control has written its value into the URL the link is made of.
with share_slot, guarded("the share block"):
    share_block(page.url_path)

"""requirements.txt deploys unchanged with PyTorch's CPU build: on Streamlit Community Cloud
(uv, pip as the fallback), with `make` and in the Dockerfile.

What could not be checked offline: that download.pytorch.org serves the page; the README's
deploy section says how uv resolved this file against a local copy of that page."""

from pathlib import Path

import torch
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CPU_PAGE = "https://download.pytorch.org/whl/cpu/torch/"


def _lines(name: str) -> list[str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return [line.split(" #")[0].strip() for line in text.splitlines() if line.strip()]


def _requirements() -> dict[str, Requirement]:
    reqs = [Requirement(line) for line in _lines("requirements.txt") if line[0] not in "#-"]
    return {req.name: req for req in reqs}


def test_torch_is_pinned_to_the_cpu_build_and_nothing_else_matches():
    spec = _requirements()["torch"].specifier
    assert Version("2.13.0+cpu") in spec
    # PyPI's Linux wheels carry no local label and are the CUDA build: none may satisfy the pin
    for other in ("2.13.0", "2.13.0+cu126", "2.14.1"):
        assert Version(other) not in spec, other


def test_the_cpu_wheels_are_found_through_find_links_only():
    """An index line would make uv take every package that index mirrors (numpy, pillow,
    sympy) from it alone; a find-links page is one more place for torch's wheels."""
    options = [line for line in _lines("requirements.txt") if line.startswith("-")]
    assert options == [f"--find-links {CPU_PAGE}"]


def test_every_requirement_is_pinned_exactly():
    for name, req in _requirements().items():
        assert len(req.specifier) == 1 and next(iter(req.specifier)).operator == "==", name


def test_the_dockerfile_and_make_install_the_same_file():
    docker = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    installs = [line for line in docker.splitlines() if "pip install" in line]
    assert installs == ["RUN pip install -r requirements.txt"]
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    # offline, pip's default five backed-off retries per package took 497 s instead of 27 s
    assert "pip install --quiet --retries 1 -r requirements-dev.txt" in make
    assert _lines("requirements-dev.txt")[0] == "-r requirements.txt"


def test_this_environment_runs_the_cpu_build():
    assert torch.__version__ == "2.13.0+cpu"
    assert torch.version.cuda is None

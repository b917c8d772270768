"""Copy the browser tests' page screenshots into docs/pages/ for the README's gallery.

`make screenshots` runs the browser tests (which save 1920x1080 screenshots of every page in
test-artifacts/) and then this script, which scales them to 960 px wide in 256 colours to keep
the repository small.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "test-artifacts"
TARGET = ROOT / "docs" / "pages"
WIDTH = 960


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    for prefix in ("en", "present"):
        for shot in sorted(SOURCE.glob(f"{prefix}-*.png")):
            with Image.open(shot) as image:
                height = round(image.height * WIDTH / image.width)
                small = image.convert("RGB").resize((WIDTH, height), Image.Resampling.LANCZOS)
                small.quantize(256).save(TARGET / shot.name, optimize=True)
            print(TARGET.relative_to(ROOT) / shot.name)


if __name__ == "__main__":
    main()

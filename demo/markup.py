"""The plain-text markup of the demo data files, turned into rich text and StreamField data."""

import tomllib
import uuid
from pathlib import Path

from django.utils.html import escape

from clinic.models import lines

from .images import DIAGRAMS


DATA_DIR = Path(__file__).resolve().parent / "content"


def load_data(name):
    with open(DATA_DIR / f"{name}.toml", "rb") as data_file:
        return tomllib.load(data_file)


def text_to_html(text):
    """Paragraphs separated by blank lines, "- " lines as a bulleted list; everything escaped."""
    html = []
    for chunk in (text or "").strip().split("\n\n"):
        paragraph, items = [], []
        for line in lines(chunk):
            if line.startswith("- "):
                items.append(f"<li>{escape(line[2:])}</li>")
            else:
                paragraph.append(escape(line))
        if paragraph:
            html.append(f"<p>{' '.join(paragraph)}</p>")
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)


def text_to_blocks(text, images=None, figures=None):
    """
    The same markup as raw StreamField data, where a "## " line starts a section and a line
    "!figure <image key>: <caption>" places one of the demo diagrams. `figures` gives a
    diagram's alt text and labels in another language: {key: {"alt": ..., "labels": [...]}}.
    """
    blocks, buffer = [], []

    def flush():
        if any(line.strip() for line in buffer):
            blocks.append({"type": "paragraph", "value": text_to_html("\n".join(buffer))})
        buffer.clear()

    for line in (text or "").strip().splitlines():
        if line.startswith("## "):
            flush()
            blocks.append({"type": "heading", "value": {"text": line[3:].strip(), "level": "h2"}})
        elif line.startswith("!figure "):
            flush()
            key, _, caption = line.removeprefix("!figure ").partition(":")
            key = key.strip()
            image = images[key]
            words = (figures or {}).get(key, {})
            blocks.append(
                {
                    "type": "figure",
                    "value": {
                        "image": {
                            "image": image.pk,
                            "alt_text": words.get("alt", image.description),
                            "decorative": False,
                        },
                        "labels": list_items(words.get("labels", DIAGRAMS[key].get("labels", []))),
                        "caption": caption.strip(),
                    },
                }
            )
        else:
            buffer.append(line)
    flush()
    return blocks


def list_items(values):
    """A ListBlock's items with ids, as the admin saves them: translations find each item by it."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def lines_text(values):
    return "\n".join(values or [])

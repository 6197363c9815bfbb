"""The plain-text markup of the demo data files, turned into rich text and StreamField data."""

import re
import tomllib
import uuid
from pathlib import Path

from django.utils.html import escape

from wagtail.models import Page

from clinic.models import lines

from .images import DIAGRAMS


DATA_DIR = Path(__file__).resolve().parent / "content"


def load_data(name):
    with open(DATA_DIR / f"{name}.toml", "rb") as data_file:
        return tomllib.load(data_file)


def load_items(kind):
    """
    The pages of one kind ("procedures", "conditions", "spanish/procedures"), one data file
    each, by file name.
    """
    return list(load_items_by_name(kind).values())


def load_items_by_name(kind):
    """{file name without .toml: data} for the pages of one kind, by file name."""
    items = {}
    for path in sorted((DATA_DIR / kind).glob("*.toml")):
        with open(path, "rb") as data_file:
            items[path.stem] = tomllib.load(data_file)
    return items


# [words](/a/path/on/the/english/site/)
LINK = re.compile(r"\[([^\]]+)\]\((/[^)\s]*)\)")


def page_link(match):
    """
    A link to the page at that address as an editor's page link, which follows the page when
    it moves and leads to its translation on translated pages; a plain address until it exists.
    """
    words, path = match.groups()
    page = Page.objects.filter(url_path=f"/home{path}", locale__language_code="en").first()
    if page is None:
        return f'<a href="{path}">{words}</a>'
    return f'<a linktype="page" id="{page.pk}">{words}</a>'


def inline_html(text):
    """A line escaped, with its [words](/path/) links to pages of the site."""
    return LINK.sub(page_link, escape(text))


def text_to_html(text):
    """Paragraphs separated by blank lines, "- " lines as a bulleted list; everything escaped."""
    html = []
    for chunk in (text or "").strip().split("\n\n"):
        paragraph, items = [], []
        for line in lines(chunk):
            if line.startswith("- "):
                items.append(f"<li>{inline_html(line[2:])}</li>")
            else:
                paragraph.append(inline_html(line))
        if paragraph:
            html.append(f"<p>{' '.join(paragraph)}</p>")
        if items:
            html.append(f"<ul>{''.join(items)}</ul>")
    return "".join(html)


def text_to_blocks(text, images=None, figures=None, forms=None):
    """
    The same markup as raw StreamField data, where a "## " line starts a section and a line
    "!figure <image key>: <caption>" places one of the demo diagrams. `figures` gives a
    diagram's alt text and labels in another language: {key: {"alt": ..., "labels": [...]}}.
    "!questions <heading>" starts questions, each a "? <question>" line and its answer below;
    "!insurance_plans <heading>" lists the accepted plans; "!patient_forms <heading>" lists
    `forms` (the form blocks' values).
    """
    blocks, buffer = [], []
    questions = None  # the questions block being filled in, if any

    def flush():
        text = "\n".join(buffer)
        buffer.clear()
        if not text.strip():
            return
        if questions is not None and questions["questions"]:
            questions["questions"][-1]["value"]["answer"] = text_to_html(text)
        else:
            blocks.append({"type": "paragraph", "value": text_to_html(text)})

    for line in (text or "").strip().splitlines():
        if line.startswith("? ") and questions is not None:
            flush()
            questions["questions"].append(
                list_items([{"question": line[2:].strip(), "answer": ""}])[0]
            )
            continue
        if line.startswith(("## ", "!")):
            flush()
            questions = None
        if line.startswith("## "):
            blocks.append({"type": "heading", "value": {"text": line[3:].strip(), "level": "h2"}})
        elif line.startswith("!questions "):
            questions = {"heading": line.removeprefix("!questions ").strip(), "questions": []}
            blocks.append({"type": "questions", "value": questions})
        elif line.startswith("!insurance_plans "):
            heading = line.removeprefix("!insurance_plans ").strip()
            blocks.append({"type": "insurance_plans", "value": {"heading": heading}})
        elif line.startswith("!patient_forms "):
            heading = line.removeprefix("!patient_forms ").strip()
            value = {"heading": heading, "forms": list_items(forms or [])}
            blocks.append({"type": "patient_forms", "value": value})
        elif line.startswith("!figure "):
            blocks.append(figure_block(line, images, figures))
        else:
            buffer.append(line)
    flush()
    return blocks


def figure_block(line, images, figures):
    key, _, caption = line.removeprefix("!figure ").partition(":")
    key = key.strip()
    image = images[key]
    words = (figures or {}).get(key, {})
    return {
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


def list_items(values):
    """A ListBlock's items with ids, as the admin saves them: translations find each item by it."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def lines_text(values):
    return "\n".join(values or [])

"""
schema.org nodes that describe one page, for its JSON-LD, built from its fields and from what
its get_context() fetched. Page models call these from get_schema_org(); the graph around them
(the website, the clinic, the breadcrumbs) is put together in clinic.seo.meta.
"""

import html
import re

from django.utils import translation
from django.utils.html import strip_tags

from clinic.i18n import COUNTRY


LOGO = "img/logo.png"
# Headings of a procedure's body sections that say how it is done and what follows; their text
# is handed to search engines as schema.org properties. (How to prepare is a field of its own.)
SECTION_PROPERTIES = {"during": "howPerformed", "after": "followup"}


def language_tag():
    """The active language as schema.org's inLanguage wants it: "en-US", "es-US"."""
    return f"{translation.get_language()}-{COUNTRY}"


def clinic_id(meta):
    return {"@id": f"{meta.root}/#clinic"}


def web_page_node(meta, page=None, schema_type="WebPage", **extra):
    node = {
        "@type": schema_type,
        "@id": f"{meta.url}#webpage",
        "url": meta.url,
        "name": meta.title,
        "inLanguage": language_tag(),
        "isPartOf": {"@id": f"{meta.root}/#website"},
    }
    if meta.description:
        node["description"] = meta.description
    if meta.image_is_own:
        node["primaryImageOfPage"] = meta.image_object()
    if page is not None and page.last_published_at:
        node["dateModified"] = page.last_published_at
    if meta.breadcrumbs:
        node["breadcrumb"] = {"@id": f"{meta.url}#breadcrumb"}
    node.update(extra)
    return node


def medical_entity(meta, page, schema_type, fragment):
    """What a clinical page is about (a MedicalProcedure, a MedicalCondition), with its other names."""
    entity = {
        "@type": schema_type,
        "@id": f"{meta.url}#{fragment}",
        "name": page.title,
        "url": meta.url,
        "description": meta.description,
    }
    if page.other_names:
        entity["alternateName"] = page.other_names
    return entity


def medical_web_page_node(meta, page, entity, about=()):
    """A clinical page: about `entity` (and `about`), with its medical review when recorded."""
    node = web_page_node(
        meta,
        page,
        schema_type="MedicalWebPage",
        mainEntity={"@id": entity["@id"]},
        about=[{"@id": entity["@id"]}, *about],
    )
    if page.last_reviewed:
        node["lastReviewed"] = page.last_reviewed
    reviewer = page.reviewed_by
    if reviewer is not None and reviewer.live:
        node["reviewedBy"] = person_node(meta, reviewer)
    return node


def breadcrumb_node(meta):
    return {
        "@type": "BreadcrumbList",
        "@id": f"{meta.url}#breadcrumb",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": meta.absolute(url)}
            for position, (name, url) in enumerate(meta.breadcrumbs, start=1)
        ],
    }


def person_node(meta, physician):
    """A reference to a physician's profile, e.g. as an author or reviewer."""
    return {"@type": "Person", "name": physician.display_name, "url": meta.page_url(physician)}


def page_links(meta, pages, schema_type):
    return [
        {"@type": schema_type, "name": page.title, "url": meta.page_url(page)} for page in pages
    ]


def plain_text(html_text):
    """Rich text as one line of plain text; list items and paragraphs end as sentences."""
    text = re.sub(r"</(p|li|h\d)>", ". ", html_text)
    text = html.unescape(strip_tags(text))
    text = re.sub(r"\.(\s*\.)+", ".", " ".join(text.split()))
    return re.sub(r"([!?:;])\.", r"\1", text).strip()


def faq_node(meta, body):
    """
    An FAQPage of the questions blocks in a page's body, or None. Google accepts FAQ markup only
    where each answer is on the page: these are, in the page's HTML, inside a disclosure. One
    node per page, whatever the number of blocks.
    """
    questions = []
    for block in body or ():
        if block.block_type != "questions":
            continue
        for item in block.value["questions"]:
            answer = plain_text(str(item["answer"]))
            if item["question"] and answer:
                questions.append(
                    {
                        "@type": "Question",
                        "name": item["question"],
                        "acceptedAnswer": {"@type": "Answer", "text": answer},
                    }
                )
    if not questions:
        return None
    return {
        "@type": "FAQPage",
        "@id": f"{meta.url}#faq",
        "url": meta.url,
        "name": meta.title,
        "inLanguage": language_tag(),
        "isPartOf": {"@id": f"{meta.url}#webpage"},
        "mainEntity": questions,
    }


def body_sections(body):
    """{“howPerformed”: text, ...}: plain text under the body's headings that start with those words."""
    sections, current = {}, None
    for block in body or ():
        if block.block_type == "heading":
            first = block.value["text"].split(maxsplit=1)[0].lower() if block.value["text"] else ""
            current = first if first in SECTION_PROPERTIES else None
        elif current and block.block_type == "paragraph":
            text = plain_text(str(block.value))
            sections[current] = f"{sections.get(current, '')} {text}".strip()
    return {SECTION_PROPERTIES[key]: text for key, text in sections.items()}

"""RSS and Atom feeds of the clinic's news."""

import datetime
from xml.etree import ElementTree

import feedparser
import pytest

from clinic.models import ClinicSettings
from news.factories import NewsPostPageFactory
from news.models import NewsIndexPage, NewsPostPage
from tests.pages import ROOT, get_page


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "version"), [("feed/", "rss20"), ("atom/", "atom10")])
def test_news_feeds_parse_and_list_the_newest_twenty_posts(client, path, version):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for n in range(22):
        NewsPostPageFactory(
            parent=index,
            title=f"Clinic update {n}",
            summary=f"Summary of update {n}.",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
    response = client.get(f"/news/{path}")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert feed.feed.title.endswith(ClinicSettings.objects.get().clinic_name)
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Clinic update 21"  # newest first
    assert feed.entries[19].title == "Clinic update 2"
    for entry in feed.entries:
        assert entry.link.startswith(ROOT + "/news/")
        assert entry.summary.startswith("Summary of update")
        assert client.get(entry.link.removeprefix(ROOT)).status_code == 200


def test_pages_announce_the_feeds(client):
    soup = get_page(client, "/procedures/")
    feeds = soup.find_all("link", rel="alternate", type=True)  # not the hreflang alternates
    links = {link["type"]: link["href"] for link in feeds}
    assert links == {"application/rss+xml": "/news/feed/", "application/atom+xml": "/news/atom/"}
    demo = feedparser.parse(client.get("/news/feed/").content)
    assert {entry.title for entry in demo.entries} == set(
        NewsPostPage.objects.live()
        .filter(locale__language_code="en")
        .values_list("title", flat=True)
    )


ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize(
    ("path", "summary_tag"),
    [("feed/", "channel/item/description"), ("atom/", f"{ATOM}entry/{ATOM}summary")],
)
def test_a_summary_is_text_in_the_feeds_never_markup(client, path, summary_tag):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    summary = "Fish & chips <script>alert(1)</script> <b>bold</b>"
    NewsPostPageFactory(
        parent=index, title="Markup test", summary=summary, date=datetime.date(2030, 1, 1)
    )
    response = client.get(f"/news/{path}")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    # What a feed reader renders as HTML: the summary's characters, shown as text.
    html = root.find(summary_tag).text
    assert "<script" not in html and "<b>" not in html
    assert html == "Fish &amp; chips &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;"

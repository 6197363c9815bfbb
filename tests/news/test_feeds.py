"""RSS and Atom feeds of the clinic's news."""

import datetime

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
        NewsPostPage.objects.live().values_list("title", flat=True)
    )

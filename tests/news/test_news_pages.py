"""The news index and news posts, and news an editor schedules."""

import datetime
from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from clinic.caching import content_version
from news.factories import NewsPostPageFactory
from news.models import NewsCategory, NewsIndexPage, NewsPostPage
from physicians.models import PhysicianPage
from procedures.models import ProcedurePage
from tests.accounts import sign_in
from tests.admin_screens import add_url
from tests.pages import soup, texts


pytestmark = pytest.mark.django_db


def test_news_is_newest_first_ten_to_a_page(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for day in range(8):  # with the 3 demo posts: 11 posts, two pages
        NewsPostPageFactory(parent=index, date=datetime.date(2025, 1, 1 + day))
    first = soup(client.get("/news/"))
    dates = [time["datetime"] for time in first.select(".news-list time")]
    assert len(dates) == 10 and dates == sorted(dates, reverse=True)
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    second = soup(client.get("/news/?page=2"))
    assert texts(second.select(".news-list .card__title")) == ["Doctor profile: Dr. Howard Jackson"]
    assert client.get("/news/?page=3").status_code == 404
    assert client.get("/news/?page=abc").status_code == 404


def test_news_post_shows_its_date_author_and_related_pages(client):
    post = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    post.author = PhysicianPage.objects.get(slug="howard-jackson", locale__language_code="en")
    post.related_procedures.set([ProcedurePage.objects.get(slug="medial-branch-block")])
    post.save_revision().publish()
    page = soup(client.get(post.url))
    assert page.select_one(".news-meta time")["datetime"] == "2016-05-10"
    assert page.select_one(".byline a")["href"] == "/physicians/howard-jackson/"
    assert "Dr. Howard Jackson" in texts(page.select(".aside a"))
    assert "Medial branch block" in texts(page.select(".aside a"))


def test_an_editor_schedules_a_news_post_and_cron_publishes_it_on_time(client, editor, monkeypatch):
    sign_in(client, editor)
    go_live = timezone.localtime() + datetime.timedelta(hours=2)
    data = nested_form_data(
        {
            "title": "Open on Saturdays",
            "slug": "open-on-saturdays",
            "date": go_live.date().isoformat(),
            "author": "",
            "summary": "From next month we open on Saturday mornings.",
            "image": "",
            "body": streamfield([]),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "Publish",
        }
    )
    client.post(add_url(NewsIndexPage.objects.get(locale__language_code="en"), NewsPostPage), data)
    post = NewsPostPage.objects.get(slug="open-on-saturdays")
    assert not post.live
    assert client.get(post.url).status_code == 404

    call_command("publish_scheduled", stdout=StringIO())
    post.refresh_from_db()
    assert not post.live  # not yet

    later = timezone.now() + datetime.timedelta(hours=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", stdout=StringIO())
    post.refresh_from_db()
    assert post.live
    monkeypatch.undo()
    assert client.get(post.url).status_code == 200


def test_a_spanish_post_gives_its_date_and_topics_in_spanish(client):
    """The byline of a Spanish post: a Spanish date, and each topic by its Spanish name."""
    english = NewsPostPage.objects.get(slug="non-surgical-relief-for-spine-pain")
    spanish = english.get_translation(Locale.objects.get(language_code="es"))
    treatments = NewsCategory.objects.get(slug="treatments")
    assert treatments.name_es
    meta = soup(client.get(spanish.url)).select_one(".news-meta")
    with translation.override("es"):
        assert meta.time.get_text() == date_format(english.date)  # "10 de mayo de 2016"
    assert meta.get_text(" ", strip=True).endswith(f"· {treatments.name_es}")
    # A topic with no Spanish name yet shows its English one, marked as English.
    NewsCategory.objects.filter(slug="treatments").update(name_es="")
    content_version.bump()
    meta = soup(client.get(spanish.url)).select_one(".news-meta")
    assert meta.select_one("[lang=en]").get_text() == "Treatments"
    assert "(en inglés)" in meta.get_text()

"""RSS and Atom feeds of the clinic's news (/news/feed/ and /news/atom/), newest 20 posts."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext

from clinic.navigation import get_clinic_settings


FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed
    route = "feed/"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, index_page):
        clinic_settings = get_clinic_settings(index_page.get_site())
        return gettext("%(news)s from %(clinic)s") % {
            "news": index_page.title,
            "clinic": clinic_settings.clinic_name,
        }

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return self.link(index_page) + self.route

    def description(self, index_page):
        return index_page.intro or gettext("The latest %(news)s of the clinic.") % {
            "news": index_page.title.lower()
        }

    subtitle = description  # Atom's name for it

    def items(self, index_page):
        return (
            index_page.live_children()
            .public()
            .defer_streamfields()
            .select_related("author")
            .prefetch_related("categories")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        # Feeds carry a description as HTML (RSS's <description>, Atom's type="html"), and the
        # summary is plain text: escaped once here, "<b>" reaches a reader as the text "<b>".
        return escape(post.summary)

    def item_link(self, post):
        return post.get_full_url(self.request)

    def item_pubdate(self, post):
        # The post date is a day; publish it at midnight in the clinic's time zone.
        return timezone.make_aware(datetime.datetime.combine(post.date, datetime.time()))

    def item_updateddate(self, post):
        return post.last_published_at

    def item_author_name(self, post):
        author = post.author
        return author.display_name if author and author.live else None

    def item_author_link(self, post):
        author = post.author
        return author.get_full_url(self.request) if author and author.live else None

    def item_categories(self, post):
        return [category.name for category in post.categories.all()]


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    route = "atom/"

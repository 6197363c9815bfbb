"""
The rest of the demo clinic in Spanish: the pages under About, the physicians' profiles and the
news posts, one file each in content/spanish/about/, spanish/physicians/ and spanish/news/, named
after the English page's slug. Like the other Spanish pages (demo.spanish), each becomes a
wagtail-localize translation of its English page, string for string.

The physicians are real people: their names and degrees stay as they are, and their Spanish
pages say only what the English ones say.
"""

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPostPage
from physicians.models import PhysicianIndexPage, PhysicianPage

from .markup import load_items_by_name, text_to_blocks


class MoreSpanishPagesMixin:
    """For DemoContentLoader: the Spanish About subpages, physicians and news posts."""

    def more_spanish_translations(self, home, figures):
        """
        [(English page, a function making its unsaved Spanish page)...] for the pages with a
        Spanish file, under sections that exist (their Spanish parents are made before them).
        """

        def about_page(item):
            return StandardPage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                body=text_to_blocks(item["body"], self.images, figures),
            )

        def physician_page(item):
            return PhysicianPage(
                title=item["title"],
                slug=item["slug"],
                family_name=item["family_name"],
                credentials=item["credentials"],
                summary=item["summary"],
            )

        def news_post(item):
            return NewsPostPage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                body=text_to_blocks(item["body"], self.images),
            )

        parents = [
            (StandardPage.objects.filter(slug="about"), "spanish/about", about_page),
            (PhysicianIndexPage.objects.all(), "spanish/physicians", physician_page),
            (NewsIndexPage.objects.all(), "spanish/news", news_post),
        ]
        pairs = []
        for parents_found, kind, build in parents:
            parent = parents_found.filter(locale=home.locale).child_of(home).first()
            if parent is None:
                continue
            for english_slug, item in load_items_by_name(kind).items():
                english = parent.get_children().filter(slug=english_slug).first()
                if english is not None:
                    pairs.append((english.specific, lambda item=item, build=build: build(item)))
        return pairs

"""Reading the clinic's news in Chromium: from the list to a post and its author; the cards' images."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP


pytestmark = pytest.mark.django_db(transaction=True)  # the live server sees committed data


def test_from_the_news_to_a_post_and_its_author(page, site_url, post_by_fictional_physician):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()
    expect(page.locator("h1")).to_have_text("News")
    page.get_by_role("link", name=post_by_fictional_physician.title).click()
    expect(page.locator("h1")).to_have_text(post_by_fictional_physician.title)
    page.locator(".byline").get_by_role("link").click()
    expect(page.locator("h1")).to_have_text(post_by_fictional_physician.author.display_name)


def test_news_card_images_span_their_card(browser, site_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(site_url + "/news/")
        cards = page.locator(".news-card:has(img)")
        assert cards.count() >= 1
        for index in range(cards.count()):
            card = cards.nth(index)
            card_box = card.bounding_box()
            image_box = card.locator("img").bounding_box()
            # Edge to edge inside the card's 1 px border: no white strip beside the image.
            assert abs(image_box["width"] - (card_box["width"] - 2)) <= 1, (card_box, image_box)
            assert abs(image_box["x"] - (card_box["x"] + 1)) <= 1, (card_box, image_box)
    finally:
        context.close()

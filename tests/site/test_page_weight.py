"""Pages stay light for patients on a slow phone connection: at most 30 KB of HTML, 8 KB sent."""

import gzip

import pytest

from tests.pages import ALL_PAGES, expected_status


pytestmark = pytest.mark.django_db

MOST_HTML = 30 * 1024
MOST_SENT = 8 * 1024
# The procedure lists name every procedure twice (by body region, and A to Z) and carry the
# words of the compare tray; the Spanish one also links every procedure not yet translated at
# its longer English address (/procedures/...), its title marked lang="en" and its link saying
# "(en inglés)" (WCAG 3.1.2). A few KB more of HTML, under 8 KB sent. The
# demo's notice that it is a demonstration (0.2 KB, never on a real clinic's site) counts too.
# A comparison of four procedures lists each one's rare but serious risks twice (the table on
# a wide screen, one procedure after another on a phone): 2 KB more.
LONGER_HTML = {
    "/procedures/": 32 * 1024,
    "/es/procedimientos/": 41 * 1024 + 512,
    ALL_PAGES["procedure comparison"]: 32 * 1024,
}


@pytest.mark.parametrize("page_type", ALL_PAGES)
def test_page_is_light(client, page_type):
    url = ALL_PAGES[page_type]
    plain = client.get(url)
    assert plain.status_code == expected_status(url)
    most = LONGER_HTML.get(url, MOST_HTML)
    assert len(plain.content) <= most, f"{url}: {len(plain.content):,} bytes of HTML"

    sent = client.get(url, headers={"accept-encoding": "gzip"})
    assert sent["Content-Encoding"] == "gzip"
    assert gzip.decompress(sent.content).rstrip().endswith(b"</html>")
    assert len(sent.content) <= MOST_SENT, f"{url}: {len(sent.content):,} bytes sent"

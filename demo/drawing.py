"""Drawing tools for the demo images (Pillow), and the clinic's own mark, logo and sharing card."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


INK = (28, 39, 51)
MUTED = (75, 89, 103)
BACKGROUND = (251, 250, 247)
BONE = (238, 230, 214)
BONE_EDGE = (150, 135, 110)
CERVICAL = (11, 95, 107)
THORACIC = (10, 90, 134)
LUMBAR = (168, 96, 18)
SACRUM = (120, 80, 150)
HIGHLIGHT = (196, 40, 40)
NERVE = (222, 170, 20)

FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
]


def font(size):
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def canvas(width, height):
    image = Image.new("RGB", (width, height), BACKGROUND)
    return image, ImageDraw.Draw(image)


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def marker(draw, anchor, at, number, colour=INK, radius=48):
    """
    A numbered marker joined by a leader line to `anchor` (a point on the drawing). What the
    number points to is written under the image as text (the figure's labels), where it can be
    read at any size and by a screen reader.
    """
    draw.line([anchor, at], fill=MUTED, width=4)
    draw.ellipse([anchor[0] - 8, anchor[1] - 8, anchor[0] + 8, anchor[1] + 8], fill=colour)
    x, y = at
    draw.ellipse(
        [x - radius, y - radius, x + radius, y + radius], fill=colour, outline="white", width=4
    )
    draw.text((x, y), str(number), fill="white", font=font(round(radius * 1.3)), anchor="mm")


def clinic_mark(draw, cx, cy, radius):
    """The clinic's mark, as in static/img/favicon.svg: a spine of three bars on a teal disc."""
    unit = radius / 19
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=CERVICAL)
    width = max(2, round(3 * unit))
    draw.line([(cx, cy - 12 * unit), (cx, cy + 12 * unit)], fill="white", width=width)
    for dy, half in ((-7, 7), (0, 8), (7, 7)):
        y = cy + dy * unit
        draw.line([(cx - half * unit, y), (cx + half * unit, y)], fill="white", width=width)


def logo(size=512):
    """The clinic's logo for search engines (static/img/logo.png is this, at 512 px)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    clinic_mark(ImageDraw.Draw(image), size / 2, size / 2, size / 2 - 2)
    return png(image)


def sharing_card(name="Interventional Pain Management Clinic"):
    """1200 × 630: what a shared link shows when the page has no image of its own."""
    image, draw = canvas(1200, 630)
    draw.rectangle([0, 0, 1200, 24], fill=CERVICAL)
    clinic_mark(draw, 180, 315, 110)
    words, rows, line = name.split(), [], ""
    for word in words:
        if len(line) + len(word) > 20 and line:
            rows.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    rows.append(line)
    y = 315 - len(rows) * 36
    for text in rows:
        draw.text((340, y), text, fill=INK, font=font(60))
        y += 72
    draw.text((340, y + 20), "Finding and treating the source of pain", fill=MUTED, font=font(34))
    return png(image)

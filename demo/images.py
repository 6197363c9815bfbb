"""
Diagrams for the demo content, drawn by code so that no image is copied from anywhere.
Each function returns PNG bytes; DIAGRAMS describes them for the loader (title, alt text, and
the labels of their numbered markers, which pages show as text under the image).
"""

import math

from .drawing import (
    BONE,
    BONE_EDGE,
    CERVICAL,
    HIGHLIGHT,
    INK,
    LUMBAR,
    MUTED,
    NERVE,
    SACRUM,
    THORACIC,
    canvas,
    marker,
    png,
    sharing_card,
)


def spine_regions():
    """The spine from the side: cervical, thoracic and lumbar regions, sacrum and coccyx."""
    image, draw = canvas(1200, 1000)
    top, bottom = 60, 820
    regions = [(CERVICAL, 7, 0.75), (THORACIC, 12, 1.0), (LUMBAR, 5, 1.4)]
    unit = (bottom - top) / sum(count * scale for _, count, scale in regions)

    def x_at(y):
        # The S-curves, front of the body to the left: the neck and lower back curve towards
        # the front, the chest towards the back.
        return 560 - 55 * math.sin(3 * math.pi * (y - top) / (bottom - top))

    y = top
    centres = {}
    for colour, count, scale in regions:
        first_y = y
        for _ in range(count):
            height = unit * scale
            x, width = x_at(y + height / 2), 60 + 70 * scale
            draw.rounded_rectangle(
                [x - width / 2, y + 3, x + width / 2, y + height - 3],
                radius=10,
                fill=colour,
                outline=INK,
                width=2,
            )
            y += height
        middle = (first_y + y) / 2
        centres[colour] = (x_at(middle), middle)
    # Sacrum and coccyx: a wedge that slopes backwards (to the right).
    sx = x_at(y)
    draw.polygon(
        [(sx - 80, y + 4), (sx + 80, y + 4), (sx + 110, y + 120), (sx + 40, y + 120)],
        fill=SACRUM,
        outline=INK,
    )
    draw.polygon(
        [(sx + 60, y + 124), (sx + 105, y + 124), (sx + 95, y + 160)], fill=SACRUM, outline=INK
    )
    marker(draw, centres[CERVICAL], (920, 140), 1, CERVICAL)
    marker(draw, centres[THORACIC], (920, 380), 2, THORACIC)
    marker(draw, centres[LUMBAR], (920, 620), 3, LUMBAR)
    marker(draw, (sx + 40, y + 60), (920, 860), 4, SACRUM)
    return png(image)


def vertebra_from_behind(draw, cx, cy):
    """One lumbar vertebra seen from behind, simplified to the parts patients hear about."""
    shade = (226, 214, 192)
    draw.rounded_rectangle(
        [cx - 110, cy - 60, cx + 110, cy + 60], radius=26, fill=shade, outline=BONE_EDGE, width=2
    )
    draw.rounded_rectangle(
        [cx - 240, cy - 22, cx + 240, cy + 22], radius=20, fill=BONE, outline=BONE_EDGE, width=3
    )
    draw.rounded_rectangle(
        [cx - 95, cy - 45, cx + 95, cy + 55], radius=22, fill=BONE, outline=BONE_EDGE, width=3
    )
    for side in (-1, 1):
        x = cx + side * 120
        # Upper and lower articular processes: the two halves of the facet joints.
        draw.rounded_rectangle(
            [x - 30, cy - 110, x + 30, cy - 5], radius=22, fill=BONE, outline=BONE_EDGE, width=3
        )
        draw.rounded_rectangle(
            [x - 30, cy + 5, x + 30, cy + 110], radius=22, fill=BONE, outline=BONE_EDGE, width=3
        )
    draw.polygon(
        [(cx - 26, cy + 30), (cx + 26, cy + 30), (cx, cy + 140)], fill=BONE, outline=BONE_EDGE
    )


def facet_joints():
    """Two lumbar vertebrae from behind, with their facet joints and medial branch nerves."""
    image, draw = canvas(1200, 860)
    cx, upper, lower = 520, 300, 520
    vertebra_from_behind(draw, cx, lower)
    vertebra_from_behind(draw, cx, upper)
    joint_y = upper + 110  # where the upper vertebra's lower processes meet the lower one's
    for side in (-1, 1):
        jx = cx + side * 120
        draw.ellipse([jx - 44, joint_y - 34, jx + 44, joint_y + 34], outline=HIGHLIGHT, width=10)
        # The medial branch nerve runs from beside the spine, round the base of the joint.
        nerve = [
            (cx + side * 330, joint_y - 40),
            (cx + side * 260, joint_y + 20),
            (cx + side * 200, joint_y + 70),
            (cx + side * 150, joint_y + 95),
            (cx + side * 100, joint_y + 90),
        ]
        draw.line(nerve, fill=NERVE, width=10, joint="curve")
    marker(draw, (cx + 160, joint_y - 10), (1060, 150), 1, HIGHLIGHT)
    marker(draw, (cx + 250, joint_y + 28), (1060, 430), 2, (140, 100, 0))
    marker(draw, (cx + 200, lower), (1060, 700), 3, MUTED)
    return png(image)


def sacroiliac_joints():
    """The pelvis from behind, with the sacrum and the two sacroiliac joints."""
    image, draw = canvas(1240, 860)
    cx, top = 560, 330
    # The lowest lumbar vertebrae above the sacrum.
    for cy in (120, 230):
        draw.rounded_rectangle(
            [cx - 110, cy - 45, cx + 110, cy + 45], radius=20, fill=BONE, outline=BONE_EDGE, width=3
        )
    # Hip bones (ilia): broad wings either side.
    for side in (-1, 1):
        draw.polygon(
            [
                (cx + side * 100, top),
                (cx + side * 420, top - 60),
                (cx + side * 470, top + 160),
                (cx + side * 330, top + 420),
                (cx + side * 150, top + 470),
                (cx + side * 110, top + 240),
            ],
            fill=BONE,
            outline=BONE_EDGE,
        )
    # Sacrum: the triangle between them.
    draw.polygon(
        [(cx - 150, top), (cx + 150, top), (cx + 30, top + 420), (cx - 30, top + 420)],
        fill=SACRUM,
        outline=INK,
    )
    # The sacroiliac joints: where the sacrum meets each hip bone.
    for side in (-1, 1):
        draw.line(
            [(cx + side * 140, top + 20), (cx + side * 88, top + 250)], fill=HIGHLIGHT, width=16
        )
    marker(draw, (cx + 118, top + 130), (1160, 150), 1, HIGHLIGHT)
    marker(draw, (cx + 380, top + 120), (1160, 430), 2, MUTED)
    marker(draw, (cx, top + 240), (1160, 700), 3, SACRUM)
    return png(image)


DIAGRAMS = {
    "sharing-card": {
        "title": "Sharing image: the clinic's name",
        "description": "The clinic's logo and name.",
        "draw": sharing_card,
    },
    "spine-regions": {
        "title": "Diagram: the regions of the spine",
        "description": (
            "Diagram of the spine from the side. From top to bottom: the cervical spine in the "
            "neck with 7 vertebrae, the thoracic spine in the upper and middle back with 12, the "
            "lumbar spine in the lower back with 5, then the sacrum and the coccyx."
        ),
        "draw": spine_regions,
        "labels": [
            "Cervical spine: the neck, 7 vertebrae",
            "Thoracic spine: the upper and middle back, 12 vertebrae",
            "Lumbar spine: the lower back, 5 vertebrae",
            "Sacrum and coccyx: join the spine to the pelvis",
        ],
    },
    "facet-joints": {
        "title": "Diagram: facet joints and medial branch nerves",
        "description": (
            "Diagram of two vertebrae seen from behind. A facet joint on each side links them, "
            "and a medial branch nerve curves past each joint, carrying its pain signals."
        ),
        "draw": facet_joints,
        "labels": [
            "Facet joint: one on each side, where two vertebrae meet",
            "Medial branch nerve: carries pain signals from the joint",
            "Vertebra: one of the bones of the spine",
        ],
    },
    "sacroiliac-joints": {
        "title": "Diagram: the sacroiliac joints",
        "description": (
            "Diagram of the pelvis seen from behind. The sacrum, at the base of the spine, sits "
            "between the two hip bones; the sacroiliac joints are where they meet, one on each side."
        ),
        "draw": sacroiliac_joints,
        "labels": [
            "Sacroiliac joint: one on each side",
            "Hip bone (ilium)",
            "Sacrum: the base of the spine",
        ],
    },
}

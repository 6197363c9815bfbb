"""
Renditions for public pages, or None when one cannot be made: the original file is missing or
unreadable, or the media disk is full (OSError, ENOSPC) while the rendition is written. Wagtail
makes renditions on demand, while the page renders; a page then shows without the picture
rather than a 500. Each image's failure is logged once per process (and kind of failure).
"""

import logging
import threading


logger = logging.getLogger(__name__)

_reported = set()  # (image id, error type, errno) this process has logged
_reported_lock = threading.Lock()


def report(image, error):
    failure = (image.pk, type(error).__name__, error.errno)
    with _reported_lock:
        if failure in _reported:
            return
        _reported.add(failure)
    logger.error("Image %s is shown nowhere: its rendition cannot be made (%s)", image.pk, error)


def rendition_or_none(image, spec):
    """image.get_rendition(spec), or None."""
    try:
        return image.get_rendition(spec)
    except OSError as error:  # Wagtail's SourceImageIOError included
        report(image, error)
        return None


def renditions_or_none(image, specs):
    """image.get_renditions(*specs) (a dict by spec), or None."""
    try:
        return image.get_renditions(*specs)
    except OSError as error:
        report(image, error)
        return None

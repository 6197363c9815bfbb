"""
Uploaded files served by Django itself (SERVE_MEDIA_FILES: development, tests, `make serve`, a
single server without a bucket). Only image renditions, the pictures pages show, are public
here. A document is downloaded through Wagtail's document view (/documents/<id>/<name>), which
checks its collection's and its page's privacy first; an original image, as uploaded, is for
staff signed in to the admin. Anything else, or a name no disk could hold, is a 404.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404
from django.views.static import serve


PUBLIC_FOLDERS = ("images/",)
STAFF_FOLDERS = ("original_images/",)


def serve_media(request, path):
    public = path.startswith(PUBLIC_FOLDERS)
    staff = path.startswith(STAFF_FOLDERS) and request.user.has_perm("wagtailadmin.access_admin")
    if not (public or staff):
        raise Http404("Not a public file")
    if any(len(part.encode()) > 255 for part in path.split("/")):  # longer than a file name can be
        raise Http404("No such file")
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, SuspiciousFileOperation) as error:  # a name no file has, or "../"
        raise Http404("No such file") from error
    if staff:
        response["Cache-Control"] = "private, no-store"
    return response

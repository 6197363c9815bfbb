"""
Document downloads whose address outlives the file. A document's address ends in its file
name, so replacing the file (a new version of a patient form) changes it; the old address,
printed in a letter or bookmarked, then leads to the new file instead of a “not found”.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve


def serve(request, document_id, document_filename):
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename == document_filename:
        return wagtail_serve(request, document_id, document_filename)
    if document.collection.get_view_restrictions().exists():
        # A private document's new name is not given to someone who may not see it.
        raise Http404("This document does not match the given filename.")
    # Temporary: the file may be replaced again.
    return redirect(document.url)

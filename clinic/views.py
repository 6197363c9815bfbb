import logging

from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from wagtail.models import Site

from .navigation import get_clinic_settings


logger = logging.getLogger(__name__)


@requires_csrf_token
def server_error(request):
    """The site's own 500 page, with the clinic's phone number when it can still be found."""
    clinic_settings = None
    try:
        site = Site.find_for_request(request)
        if site:
            clinic_settings = get_clinic_settings(site)
    except Exception:  # the error may be the database itself
        logger.warning("Could not load the clinic's details for the error page", exc_info=True)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"clinic_settings": clinic_settings}))

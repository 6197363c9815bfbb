import logging

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import requires_csrf_token

from wagtail.models import Page, Site

from . import search as site_search
from .navigation import get_clinic_settings, get_navigation
from .search import MAX_QUERY_LENGTH, RESULT_TYPES, RESULT_TYPES_BY_KEY, clean_query


logger = logging.getLogger(__name__)


def robots_txt(request):
    """Crawlers: everything public, but not the admin, search results or filtered lists."""
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    rules = ["User-agent: *", "Disallow: /admin/", f"Disallow: {reverse('search')}"]
    if site:
        directory = get_navigation(site)["sections"].get("physicianindexpage")
        if directory:
            rules.append(f"Disallow: {directory['url']}?")  # Find a Physician with filters
    rules += ["", f"Sitemap: {root}{reverse('sitemap')}", ""]
    return HttpResponse("\n".join(rules), content_type="text/plain; charset=utf-8")


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


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this website",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": "Your search is too long. Please use fewer words (at most %(limit_value)d letters)."
        },
    )
    type = forms.ChoiceField(
        required=False,
        choices=[("", "All results")] + [(t.key, t.plural) for t in RESULT_TYPES],
        error_messages={
            "invalid_choice": "We do not have that kind of result. Showing all results."
        },
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1000)


RESULTS_PER_PAGE = 10


def search_view(request):
    """/search/?q=…: results grouped by type, with a filter per type and pagination."""
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "query": "",
        "page_title": "Search",
        "noindex": True,  # results pages are for people, not search engines
        "meta_description": "Search the clinic's pages on procedures, conditions, physicians and news.",
        "breadcrumb_trail": [{"title": "Home", "url": "/"}],
        "breadcrumb_current": "Search",
    }
    status = 200
    if not form.is_valid():
        status = 400
        context["errors"] = [error for errors in form.errors.values() for error in errors]
        return TemplateResponse(request, "clinic/search.html", context, status=status)

    query = clean_query(form.cleaned_data["q"])
    context["query"] = query
    if query:
        outcome = site_search.search(query)
        chosen = form.cleaned_data["type"]
        hits = [hit for hit in outcome.hits if not chosen or hit.result_type.key == chosen]
        paginator = Paginator(hits, RESULTS_PER_PAGE)
        results_page = paginator.get_page(form.cleaned_data["page"] or 1)
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[hit.pk for hit in results_page]).specific()
        }
        results = []
        for hit in results_page:
            page = specific[hit.pk]
            page.result_type = hit.result_type
            results.append(page)
        context.update(
            {
                "outcome": outcome,
                "results": results,
                "results_page": results_page,
                "paginator": paginator,
                "chosen_type": chosen,
                "type_counts": [
                    (RESULT_TYPES_BY_KEY[key], count)
                    for key, count in outcome.counts().items()
                    if count
                ],
                "page_title": f"Search results for “{query}”",
            }
        )
    return TemplateResponse(request, "clinic/search.html", context, status=status)


def suggest_view(request):
    """/search/suggest/?q=…: page titles and addresses for the search box, as JSON."""
    query = clean_query(request.GET.get("q", ""))
    if len(query) > 100:
        return JsonResponse({"error": "Please type fewer letters (at most 100)."}, status=400)
    results = site_search.suggest(query) if len(query) >= 2 else []
    response = JsonResponse({"query": query, "results": results})
    response["Cache-Control"] = "public, max-age=300"
    return response

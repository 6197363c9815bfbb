"""/search/ and /search/suggest/: the search page and the search box's suggestions."""

from django import forms
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from . import query as site_search
from .limits import SEARCHES, SUGGESTIONS, SearchTooSlow, time_limit
from .query import MAX_QUERY_LENGTH, clean_query, result_type_for, result_types
from .ranking import MAX_WORDS


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search this website"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Your search is too long. Please use fewer words (at most %(limit_value)d letters)."
            )
        },
    )
    type = forms.ChoiceField(
        required=False,
        choices=lambda: [("", _("All results"))] + [(t.key, t.plural) for t in result_types()],
        error_messages={
            "invalid_choice": _("We do not have that kind of result. Showing all results.")
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
        "page_title": _("Search"),
        "noindex": True,  # results pages are for people, not search engines
        "meta_description": _(
            "Search the clinic's pages on procedures, conditions, physicians and news."
        ),
        "breadcrumb_trail": [],
        "breadcrumb_current": _("Search"),
        "max_words": MAX_WORDS,
    }
    status = 200
    if not form.is_valid():
        status = 400
        context["errors"] = [error for errors in form.errors.values() for error in errors]
        return TemplateResponse(request, "site_search/search.html", context, status=status)

    query = clean_query(form.cleaned_data["q"])
    context["query"] = query
    if query and SEARCHES.exceeded(request):
        context["errors"] = [
            _("You have searched many times in a short while. Please wait a minute and try again.")
        ]
        response = TemplateResponse(request, "site_search/search.html", context, status=429)
        response["Retry-After"] = "60"
        return response
    if query:
        try:
            with time_limit():
                outcome = site_search.search(query)
        except SearchTooSlow:
            context["errors"] = [
                _("This search took too long. Please try again with fewer or shorter words.")
            ]
            return TemplateResponse(request, "site_search/search.html", context, status=400)
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
                    (result_type_for(key), count)
                    for key, count in outcome.counts().items()
                    if count
                ],
                "page_title": gettext("Search results for “%(query)s”") % {"query": query},
            }
        )
    return TemplateResponse(request, "site_search/search.html", context, status=status)


def suggest_view(request):
    """/search/suggest/?q=…: page titles and addresses for the search box, as JSON."""
    query = clean_query(request.GET.get("q", ""))
    if len(query) > 100:
        return JsonResponse({"error": _("Please type fewer letters (at most 100).")}, status=400)
    if len(query) < 2:
        results = []
    elif SUGGESTIONS.exceeded(request):
        response = JsonResponse(
            {"error": _("Too many requests. Please wait a minute.")}, status=429
        )
        response["Retry-After"] = "60"
        return response
    else:
        try:
            with time_limit():
                results = site_search.suggest(query)
        except SearchTooSlow:
            results = []  # the search page itself still works, and says why
    response = JsonResponse({"query": query, "results": results})
    response["Cache-Control"] = "public, max-age=300"
    return response

from first_visit.before_a_visit import BeforeAVisit


def before_a_visit(request):
    """The pages for new patients and the insurance plans, for the templates that show them."""
    return {"before_a_visit": BeforeAVisit(request)}

"""(being written)"""

from django.http import HttpRequest, HttpResponse


def budget_list(request: HttpRequest) -> HttpResponse:
    raise NotImplementedError

"""The search results page (*Cari*): the navbar's search box lands here, results grouped by kind."""

from __future__ import annotations

from django.shortcuts import render

from sakip import access, search


def cari(request):
    """Everything the user may read that matches ``q``, grouped by kind, each hit linking to its page."""
    query = request.GET.get("q", "").strip()[:200]
    groups = search.search(request.user, access.scope_for(request.user), query) if query else []
    context = {"q": query, "groups": groups, "limit": search.LIMIT, "words": search.words(query)}
    return render(request, "sakip/cari.html", context)

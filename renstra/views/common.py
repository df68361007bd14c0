"""Helpers the Renstra screens share: the version a request names, rows rendered once, a refused change."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django_htmx.http import retarget

from renstra.models import (
    Level,
    RenstraVersi,
)
from sakip import access
from sakip.access import Perm
from sakip.jinja2 import rows_html


def get_versi(request, pk: int, perm: Perm = Perm.VIEW) -> RenstraVersi:
    return access.get_for_user(
        request.user, RenstraVersi.objects.select_related("renstra__opd__pemda", "renstra__periode"), perm, pk=pk
    )


def render_rows(template: str, **context):
    context.setdefault("level_labels", {k: str(v) for k, v in Level.choices})
    return rows_html(template, **context)


def locked_response(request, versi: RenstraVersi, error: Exception):
    """A change to a ditetapkan version: refused with its message."""
    if request.htmx:
        response = render(request, "renstra/_message.html", {"message": str(error), "level": "danger"}, status=409)
        return retarget(response, "#modal-body")
    messages.error(request, str(error))
    return redirect(versi)

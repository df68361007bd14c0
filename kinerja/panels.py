"""kinerja's panels on the home page (registered in :class:`kinerja.apps.KinerjaConfig`)."""

from __future__ import annotations

from django.template.loader import render_to_string

from kinerja.realisasi.verifikasi import antrean


def antrean_verifikasi(request, scope) -> str:
    """How many realisasi wait for the operator's verification. Evaluators and the pimpinan have them in their
    inbox (:func:`kinerja.inbox.verifikasi_menunggu`, per OPD and year): the count is not said twice."""
    if not scope.everything:
        return ""
    return render_to_string("kinerja/_panel_antrean.html", {"antrean": antrean(request.user).count()}, request)

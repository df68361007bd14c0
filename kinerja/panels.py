"""kinerja's panels on the home page (registered in :class:`kinerja.apps.KinerjaConfig`)."""

from __future__ import annotations

from django.template.loader import render_to_string

from kinerja.realisasi.verifikasi import antrean
from sakip.models import Peran


def antrean_verifikasi(request, scope) -> str:
    """How many realisasi wait for this evaluator's or leader's verification."""
    if not (scope.roles & {Peran.Jenis.EVALUATOR, Peran.Jenis.PIMPINAN} or scope.everything):
        return ""
    return render_to_string("kinerja/_panel_antrean.html", {"antrean": antrean(request.user).count()}, request)

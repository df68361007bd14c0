"""kinerja's panels on the home page (registered in :class:`kinerja.apps.KinerjaConfig`)."""

from __future__ import annotations

from kinerja.realisasi.verifikasi import antrean
from sakip.models import Peran


def antrean_verifikasi(request, scope) -> dict:
    """How many realisasi wait for this evaluator's or leader's verification."""
    if scope.roles & {Peran.Jenis.EVALUATOR, Peran.Jenis.PIMPINAN} or scope.everything:
        return {"antrean": antrean(request.user).count()}
    return {}

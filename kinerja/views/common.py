"""What the kinerja pages share: the PK and its PDF file name (PK and rencana aksi pages); the OPD and year from
the URL, the page context with its year selector, the xlsx download (realisasi, dashboard and settings pages)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse

from kinerja.models import PerjanjianKinerja
from kinerja.realisasi.verifikasi import can_verify, sees_pemda
from sakip import access
from sakip.access import Perm
from sakip.lib import http


def get_pk(request, pk: int, perm: Perm = Perm.VIEW) -> PerjanjianKinerja:
    return access.get_for_user(
        request.user, PerjanjianKinerja.objects.select_related("opd__pemda", "jabatan__atasan", "dasar"), perm, pk=pk
    )


def pdf_filename(pk: PerjanjianKinerja, kind: str) -> str:
    name = f"{kind}_{pk.tahun}_{pk.opd.singkatan or pk.opd.kode}_{pk.jabatan.nama}_v{pk.versi}"
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) + ".pdf"


def valid_tahun(tahun: int) -> int:
    if not 2000 <= tahun <= 2100:
        raise Http404
    return tahun


def xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = http.download(content, f"{name}.xlsx", http.XLSX)
    return response


def year_links(request, tahun: int) -> list[tuple[int, str]]:
    """The same page for the years around this one (the year selector)."""
    match = request.resolver_match
    return [
        (y, reverse(f"{match.namespace}:{match.url_name}", kwargs={**match.kwargs, "tahun": y}))
        for y in range(tahun - 3, tahun + 2)
    ]


def realisasi_context(request, opd, tahun: int, **extra) -> dict:
    scope = access.scope_for(request.user)
    links = extra.pop("year_links", None)  # given by a page shown from another URL (a form's errors)
    return {
        "opd": opd,
        "tahun": tahun,
        "year_links": links if links is not None else year_links(request, tahun),
        "can_edit": scope.can(Perm.EDIT, opd_id=opd.pk),
        "can_verify": can_verify(request.user, opd.pk),
        "can_see_pemda": sees_pemda(request.user),
        **extra,
    }

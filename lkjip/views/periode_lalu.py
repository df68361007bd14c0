"""T-C.23 and T-C.24: the previous period's performance and funding, typed (or copied from Sakip's data)
as a grid of rows × years, all saved or none."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lkjip import services
from lkjip.forms import read_periode_lalu
from lkjip.models import BarisPeriodeLalu, Jenis
from lkjip.views.common import dokumen_url, get_dokumen
from sakip import access
from sakip.access import Perm
from sakip.lib.values import format_value, parse_id


@require_http_methods(["GET", "POST"])
def periode_lalu_update(request, pk: int, tabel: str):
    dokumen = get_dokumen(request, pk)
    if dokumen.jenis != Jenis.RENSTRA or tabel not in BarisPeriodeLalu.Tabel.values:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    years = services.tahun_periode_lalu(dokumen)
    errors = []
    existing = None
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        start = parse_id(request.POST.get("tahun_awal", ""))
        if start is not None and 1900 <= start <= 2100:
            years = list(range(start, start + 5))
        rows = read_periode_lalu(request.POST, years)
        errors = services.save_periode_lalu(dokumen, tabel, rows, years)
        if not errors:
            messages.success(request, _("%(n)s baris disimpan.") % {"n": len(rows)})
            return redirect(dokumen_url(dokumen))
        messages.error(request, _("Tidak ada yang disimpan: perbaiki isian yang ditandai."))
        existing = rows
    elif editable and request.GET.get("dari") == "data":
        existing = services.load_periode_lalu(dokumen, tabel) or None
        if existing:
            messages.info(request, _("Diisi dari data Renstra periode lalu di Sakip: periksa, lengkapi, lalu simpan."))
        else:
            messages.warning(
                request,
                _("Sakip tidak menyimpan Renstra perangkat daerah ini untuk tahun %(a)s–%(b)s.")
                % {"a": years[0], "b": years[-1]},
            )
    if existing is None:
        existing = _saved_rows(dokumen, tabel)
    return render(
        request,
        "lkjip/periode_lalu.html",
        {
            "dokumen": dokumen,
            "tabel": tabel,
            "label": BarisPeriodeLalu.Tabel(tabel).label,
            "years": years,
            "grid": _grid(existing, years, errors),
            "editable": editable,
            "errors": errors,
            "back": dokumen_url(dokumen),
            "polaritas": BarisPeriodeLalu.Polaritas.choices,
        },
    )


def _saved_rows(dokumen, tabel: str) -> list[dict]:
    """The saved rows, as the planner typed them."""
    return [
        {
            "uraian": b.uraian,
            "satuan": b.satuan,
            "polaritas": b.polaritas,
            "target_nspk": b.target_nspk,
            "target_ikk": b.target_ikk,
            "target_lain": b.target_lain,
            "tahun": {
                v.tahun: (
                    format_value(v.rencana_nilai, v.rencana_teks),
                    format_value(v.realisasi_nilai, v.realisasi_teks),
                )
                for v in b.nilai.all()
            },
        }
        for b in BarisPeriodeLalu.objects.filter(dokumen=dokumen, tabel=tabel).prefetch_related("nilai")
    ]


def _grid(existing: list[dict], years: list[int], errors) -> list[dict]:
    """The rows and three blank ones, each year's cells with their error messages."""
    blank = {"uraian": "", "satuan": "", "polaritas": BarisPeriodeLalu.Polaritas.POSITIF, "tahun": {}}
    rows = existing + [dict(blank) for _i in range(3)]
    marks = {(e.baris, e.tahun, e.bagian): e.pesan for e in errors}
    grid = []
    for i, row in enumerate(rows, start=1):
        cells = []
        for y in years:
            rencana, realisasi = row.get("tahun", {}).get(y, ("", ""))
            cells.append(
                {
                    "tahun": y,
                    "rencana": rencana,
                    "realisasi": realisasi,
                    "galat_rencana": marks.get((i, y, "rencana"), ""),
                    "galat_realisasi": marks.get((i, y, "realisasi"), ""),
                }
            )
        grid.append({"i": i, "row": row, "cells": cells})
    return grid

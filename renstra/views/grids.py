"""The target and pagu grids: every year of every indicator or program in one editable table."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from renstra import services
from renstra.models import (
    Level,
    RenstraVersi,
)
from renstra.views.common import get_versi, render_rows
from sakip import access
from sakip.access import Perm
from sakip.lib import grid


def _grid_post(request, versi: RenstraVersi, saver, id_field: str):
    if not access.can(request.user, Perm.EDIT, versi):
        raise PermissionDenied
    try:
        cells = grid.read_cells(request.body, id_field)
    except grid.GridInvalid as error:
        return error.response()
    try:
        result = saver(versi, cells)
    except services.VersiTerkunci as error:
        return JsonResponse({"error": str(error)}, status=409)
    return result.response()


@require_http_methods(["GET", "POST"])
def target_grid(request, pk: int):
    versi = get_versi(request, pk)
    if request.method == "POST":
        return _grid_post(request, versi, services.save_target_cells, "indikator")
    plan = services.load_plan(versi, with_targets=True)
    rows = []
    for node in plan.flat():
        for ind in node.indikator:
            targets = {tahun: t.shown for tahun, t in ind.targets.items()}
            rows.append(
                {
                    "node": node,
                    "ind": ind,
                    "awal": ind.kondisi_awal,
                    "akhir": ind.kondisi_akhir,
                    "years": [(y, targets.get(y, "")) for y in plan.years],
                }
            )
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    labels = {"kosong": _("Belum ada indikator. Tambahkan indikator di pohon rencana.")}
    rows_html = render_rows("renstra/target_rows.html", rows=rows, years=plan.years, can_edit=can_edit, t=labels)
    return render(
        request,
        "renstra/target_grid.html",
        {"versi": versi, "rows_html": rows_html, "years": plan.years, "can_edit": can_edit},
    )


@require_http_methods(["GET", "POST"])
def pagu_grid(request, pk: int):
    versi = get_versi(request, pk)
    if request.method == "POST":
        return _grid_post(request, versi, services.save_pagu_cells, "elemen")
    plan = services.load_plan(versi)
    rows = [n for n in plan.flat() if n.elemen.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)]
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    labels = {"kosong": _("Belum ada program, kegiatan atau sub kegiatan.")}
    rows_html = render_rows("renstra/pagu_rows.html", rows=rows, years=plan.years, can_edit=can_edit, t=labels)
    return render(
        request,
        "renstra/pagu_grid.html",
        {"versi": versi, "plan": plan, "rows_html": rows_html, "years": plan.years, "can_edit": can_edit},
    )

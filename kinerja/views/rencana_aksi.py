"""Rencana Aksi pages of a PK: the quarterly grid, the steps (aksi) of a row, the PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja import exporters, pihak, services
from kinerja.forms import AksiFormSet, RencanaAksiForm
from kinerja.models import RencanaAksi
from kinerja.views.common import get_pk, pdf_filename
from sakip import access
from sakip.access import Perm
from sakip.lib import grid, http


@require_http_methods(["GET", "POST"])
def ra_grid(request, pk: int):
    pk = get_pk(request, pk)
    can_edit = access.can(request.user, Perm.EDIT, pk)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        try:
            cells = grid.read_cells(request.body, "rencana")
        except grid.GridInvalid as error:
            return error.response()
        return services.save_ra_cells(pk, cells, actor=request.user).response()
    rows = services.rencana_aksi_rows(pk)
    for ra in rows:
        ra.masalah = services.check_rencana_aksi(ra)
    context = {
        "pk": pk,
        "rows": rows,
        "can_edit": can_edit,
        "missing": services.rencana_aksi_missing(pk),
        "revisi": list(pk.revisi_rencana_aksi.all()),
    }
    return render(request, "kinerja/ra_grid.html", context)


@require_POST
def ra_create(request, pk: int):
    """Create the rows of the PK's indicators that have none yet (a GET never writes)."""
    pk = get_pk(request, pk, Perm.EDIT)
    before = len(services.rencana_aksi_rows(pk))
    created = len(services.prepare_rencana_aksi(pk)) - before
    if created:
        messages.success(request, _("%(n)d baris rencana aksi dibuat.") % {"n": created})
    return redirect("kinerja:rencana_aksi_grid", pk=pk.pk)


@require_http_methods(["GET", "POST"])
def ra_aksi(request, pk: int, ra: int):
    pk = get_pk(request, pk, Perm.EDIT)
    ra = get_object_or_404(RencanaAksi, pk=ra, pk_doc=pk)
    form = RencanaAksiForm(request.POST or None, instance=ra, prefix="ra")
    formset = AksiFormSet(request.POST or None, instance=ra, prefix="aksi")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            revisi = services.save_aksi(ra, form, formset, actor=request.user)
        except services.PKError as error:
            form.add_error("penanggung_jawab", str(error))
        else:
            if revisi:
                messages.success(request, _("Rencana aksi disimpan sebagai revisi ke-%(n)s.") % {"n": revisi.nomor})
            else:
                messages.success(request, _("Rencana aksi disimpan."))
            return redirect("kinerja:rencana_aksi_grid", pk=pk.pk)
    return render(request, "kinerja/ra_aksi.html", {"pk": pk, "ra": ra, "form": form, "formset": formset})


def ra_pdf(request, pk: int):
    pk = pihak.pihak_terkini(get_pk(request, pk))  # a draft's signer as they are now
    rows = list(
        RencanaAksi.objects.filter(pk_doc=pk).select_related("indikator", "penanggung_jawab").prefetch_related("aksi")
    )
    response = http.download(
        exporters.rencana_aksi_pdf(pk, rows), pdf_filename(pk, "RencanaAksi"), http.PDF, inline=True
    )
    return response

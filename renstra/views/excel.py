"""The plan as .xlsx, and a Renstra imported from a T-C.27 workbook (upload → preview → confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from renstra import exporters
from renstra.forms import (
    RenstraImportForm,
)
from renstra.importers import tc27
from renstra.models import (
    Periode,
)
from renstra.views.common import get_versi
from sakip import access
from sakip.access import Perm
from sakip.lib import http
from sakip.lib.uploads import keep_upload, sha256_of, upload_path
from sakip.models import PerangkatDaerah


def versi_export(request, pk: int):
    """The plan's tables as .xlsx: all of them, or one (?tabel=tc27, target, pagu ...)."""
    versi = get_versi(request, pk)
    table = request.GET.get("tabel", "")
    tables = [table] if table in exporters.TABLES else None
    renstra = versi.renstra
    name = "_".join(
        part.replace(" ", "-")
        for part in (
            "Renstra",
            renstra.opd.singkatan or renstra.opd.kode,
            f"{renstra.periode.tahun_awal}-{renstra.periode.tahun_akhir}",
            f"v{versi.nomor}",
            table if tables else "",
        )
        if part
    )
    response = http.download(exporters.export_workbook(versi, tables), f"{name}.xlsx", http.XLSX)
    return response


@require_http_methods(["GET", "POST"])
def renstra_import(request, opd: int):
    """Upload → preview (tree, counts, totals, every problem with its row and column) → confirm."""
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.EDIT, pk=opd)
    form = RenstraImportForm(request.POST or None, request.FILES or None, opd=opd)
    context = {"opd": opd, "form": form}
    if request.method == "POST" and request.POST.get("token"):
        return _confirm_import(request, opd)
    if request.method == "POST" and form.is_valid():
        periode, upload = form.cleaned_data["periode"], form.cleaned_data["berkas"]
        report = tc27.read_renstra(upload, periode.years, size=upload.size)
        token = keep_upload(upload) if not report.errors else ""
        context.update({"report": report, "periode": periode, "token": token, "upload_name": upload.name})
        request.session[f"import:{token}"] = (
            {"opd": opd.pk, "periode": periode.pk, "berkas": upload.name} if token else None
        )
    template = "renstra/_import_preview.html" if request.htmx and "report" in context else "renstra/import.html"
    return render(request, template, context)


def _confirm_import(request, opd):
    token = request.POST["token"]
    claim = request.session.pop(f"import:{token}", None)
    path = upload_path(token)
    if not claim or claim["opd"] != opd.pk or path is None or not path.exists():
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa; unggah berkasnya lagi."))
        return redirect("renstra:renstra_import", opd=opd.pk)
    periode = get_object_or_404(Periode, pk=claim["periode"], pemda_id=opd.pemda_id)
    try:
        with open(path, "rb") as handle:
            report = tc27.read_renstra(handle, periode.years)
        versi = tc27.save_renstra(report, opd, periode, berkas=claim.get("berkas", ""), sha256=sha256_of(path))
    except tc27.ImportRefused as error:
        messages.error(request, str(error))
        return redirect("renstra:renstra_import", opd=opd.pk)
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request, _("Renstra diimpor sebagai %(v)s: %(n)d elemen.") % {"v": versi.label, "n": versi.elemen.count()}
    )
    return redirect(versi)

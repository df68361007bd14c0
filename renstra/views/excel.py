"""The plan as .xlsx, and a Renstra imported from a T-C.27 workbook (upload → preview → confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import reswap, retarget

from renstra import exporters
from renstra.forms import (
    RenstraImportForm,
)
from renstra.importers import berlaku, tc27
from renstra.models import (
    Periode,
    Renstra,
    RenstraVersi,
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
    drafts = RenstraVersi.objects.filter(renstra__opd=opd, status=RenstraVersi.Status.DRAFT).select_related(
        "renstra__periode"
    )
    context = {"opd": opd, "form": form, "drafts": drafts}
    if request.method == "POST" and request.POST.get("token"):
        return _confirm_import(request, opd)
    if request.method == "POST" and form.is_valid():
        periode, upload = form.cleaned_data["periode"], form.cleaned_data["berkas"]
        report = tc27.read_renstra(upload, periode.years, size=upload.size)
        token = keep_upload(upload) if not report.errors else ""
        draf = berlaku.draf_of(opd, periode)
        context.update(
            {
                "report": report,
                "periode": periode,
                "token": token,
                "upload_name": upload.name,
                "draf": draf,
                "rencana": berlaku.rencana(report, Renstra.objects.filter(opd=opd, periode=periode).first()),
            }
        )
        request.session[f"import:{token}"] = (
            {"opd": opd.pk, "periode": periode.pk, "berkas": upload.name, "draf": draf.pk if draf else None}
            if token
            else None
        )
    if request.htmx and "report" in context:
        # The preview, and the form again without the errors of an earlier try (out of band).
        fresh = RenstraImportForm(opd=opd, initial={"periode": context["periode"]})
        form_html = render_to_string(
            "renstra/_import_form.html", {**context, "form": fresh, "oob": True}, request=request
        )
        response = render(request, "renstra/_import_preview.html", context)
        response.content += form_html.encode()
        return response
    if request.htmx:  # the form's errors, at its fields: the form replaces itself, the preview stays
        return reswap(retarget(render(request, "renstra/_import_form.html", context), "#import-form"), "outerHTML")
    return render(request, "renstra/import.html", context)


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
        ganti = claim.get("draf") if request.POST.get("ganti_draf") else None
        versi = berlaku.simpan(
            report, opd, periode, berkas=claim.get("berkas", ""), sha256=sha256_of(path), ganti_draf=ganti
        )
    except tc27.ImportRefused as error:
        messages.error(request, str(error))
        return redirect("renstra:renstra_import", opd=opd.pk)
    finally:
        path.unlink(missing_ok=True)
    text = _("Renstra diimpor sebagai %(v)s: %(n)d elemen.") % {"v": versi.label, "n": versi.elemen.count()}
    if versi.dasar_id:
        url = reverse("renstra:versi_compare", args=[versi.pk]) + f"?dengan={versi.dasar_id}"
        text = format_html('{} <a href="{}">{}</a>', text, url, _("Bandingkan dengan versi berlaku"))
    messages.success(request, text)
    return redirect(versi)

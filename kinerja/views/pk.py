"""Perjanjian Kinerja pages: list, draft from the plan, edit, the workflow, the PDF and its QR check;
the workflow rules are in ``kinerja.services``."""

from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from kinerja import exporters, pihak, services
from kinerja.forms import PerubahanForm, SusunPKForm
from kinerja.models import PerjanjianKinerja, PKAnggaran, PKIndikator
from kinerja.views.common import get_pk, pdf_filename
from sakip import access
from sakip.access import Perm
from sakip.lib import client, http
from sakip.lib.periode import long_date
from sakip.lib.values import parse_id
from sakip.models import PerangkatDaerah


def pk_list(request):
    pks = PerjanjianKinerja.objects.for_user(request.user).select_related("opd", "jabatan")
    tahun = parse_id(request.GET.get("tahun", ""))
    if tahun is not None:
        pks = pks.filter(tahun=tahun)
    scope = access.scope_for(request.user)
    editable = PerangkatDaerah.objects.filter(pk__in=scope.editable_opd_ids)
    years = sorted(set(PerjanjianKinerja.objects.for_user(request.user).values_list("tahun", flat=True)), reverse=True)
    return render(
        request, "kinerja/pk_list.html", {"pks": pks, "editable_opds": editable, "years": years, "tahun": tahun}
    )


@require_http_methods(["GET", "POST"])
def pk_create(request, opd: int):
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.EDIT, pk=opd)
    form = SusunPKForm(request.POST or None, opd=opd)
    if request.method == "POST" and form.is_valid():
        try:
            pk = services.susun_dari_renstra(form.cleaned_data["jabatan"], form.cleaned_data["tahun"])
        except services.PKSudahAda as error:
            if not error.pk.is_signed:  # the draft exists: open it (its parties are read afresh there)
                messages.info(request, _("PK ini sudah ada sebagai draf; lanjutkan di sini atau hapus drafnya."))
                return redirect(error.pk)
            form.add_error("tahun", str(error))
        except services.PKError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draf PK disusun dari Renstra. Periksa target dan anggarannya."))
            return redirect(pk)
    return render(
        request,
        "sakip/object_form.html",
        {"form": form, "title": _("Susun Perjanjian Kinerja dari Renstra: %(opd)s") % {"opd": opd.nama}},
    )


def pk_detail(request, pk: int):
    return _detail(request, get_pk(request, pk))


def _detail(request, pk: PerjanjianKinerja, galat: tuple[str, int, str, dict] | None = None, **extra):
    """The PK page; ``galat`` (jenis, row, message, the values typed) marks the field of a refused row edit;
    ``extra``: more of the page's context (a refused return's message, ``kembalikan_galat``)."""
    pk = pihak.pihak_terkini(pk)
    can_edit = access.can(request.user, Perm.EDIT, pk)
    versions = list(PerjanjianKinerja.objects.filter(jabatan=pk.jabatan, tahun=pk.tahun).order_by("versi"))
    rows: dict[str, list] = {
        "indikator": list(pk.indikator.select_related("sumber")),
        "anggaran": list(pk.anggaran.all()),
    }
    if galat is not None:
        jenis, row_id, pesan, typed = galat
        for row in rows[jenis]:
            if row.pk == row_id:
                row.galat, row.isian = pesan, typed  # shown at the row's field by the template
    context = {
        "pk": pk,
        **rows,
        "can_edit": can_edit and pk.is_editable,
        "can_submit": can_edit and pk.is_editable,
        "can_delete": access.can_discard_draft(request.user, pk) and pk.is_editable,
        "can_sign": pk.status == PerjanjianKinerja.Status.DIAJUKAN and services.can_sign(request.user, pk),
        "can_revise": can_edit and pk.is_signed and versions[-1] == pk,
        "problems": _problems(request, pk) if pk.is_editable else [],
        "versions": versions,
        "diff": services.perbedaan(pk.dasar, pk) if pk.dasar_id else None,
        "perubahan_form": PerubahanForm(),
        **extra,
    }
    return render(request, "kinerja/pk_detail.html", context)


def _problems(request, pk: PerjanjianKinerja) -> list[dict]:
    """What must be fixed before submitting, each party problem with links to where it is fixed for the admin
    pemda (whose data the parties are); the others are told who fixes it."""
    can_manage = access.can(request.user, Perm.MANAGE, pk.opd)
    pegawai = (_("Pegawai dan penugasan"), reverse("sakip:pegawai_list"))
    pihak = dict(masalah_pihak_links(pk, pegawai))
    kinds = {pesan: jenis for jenis, pesan in services.masalah_pihak(pk)}
    problems = []
    for teks in services.check(pk):
        jenis = kinds.get(teks)
        tautan = pihak.get(jenis, []) if can_manage else []
        problems.append({"teks": teks, "tautan": tautan, "admin": bool(jenis) and not can_manage})
    return problems


def masalah_pihak_links(pk: PerjanjianKinerja, pegawai: tuple[str, str]) -> list[tuple[str, list]]:
    """Where each kind of party problem is fixed (see :func:`kinerja.services.masalah_pihak`)."""
    jabatan = pk.jabatan
    links = [("pertama", [pegawai, (_("Jabatan %(j)s") % {"j": jabatan.nama}, _jabatan_url(jabatan))])]
    links.append(("kepala-daerah", [(_("Profil pemda"), reverse("sakip:pemda_update"))]))
    atasan = jabatan.atasan if jabatan.atasan_id else None
    if atasan is not None:
        links.append(("atasan", [pegawai, (_("Jabatan %(j)s") % {"j": atasan.nama}, _jabatan_url(atasan))]))
    return links


def _jabatan_url(jabatan) -> str:
    return reverse("sakip:jabatan_update", args=[jabatan.opd_id, jabatan.pk])


def _refused(request, pk, error):
    messages.error(request, str(error))
    return redirect(pk)


@require_POST
def pk_row_update(request, pk: int, row: int):
    pk = get_pk(request, pk, Perm.EDIT)
    jenis = "anggaran" if request.POST.get("jenis") == "anggaran" else "indikator"
    try:
        if jenis == "anggaran":
            saved = services.update_anggaran(
                get_object_or_404(PKAnggaran, pk=row, pk_doc=pk),
                request.POST.get("anggaran", ""),
                request.POST.get("keterangan", ""),
                token=request.POST.get("token"),
            )
        else:
            saved = services.update_target(
                get_object_or_404(PKIndikator, pk=row, pk_doc=pk),
                request.POST.get("target", ""),
                request.POST.get("alasan", ""),
                token=request.POST.get("token"),
            )
    except services.BarisBerubah as error:
        messages.warning(request, str(error))
        return redirect(pk)
    except services.IsianTidakSah as error:
        # Shown at the field, with what was typed; nothing was saved (the page as it is now, plus the message).
        typed = {name: request.POST.get(name, "") for name in ("target", "alasan", "anggaran", "keterangan")}
        galat = (jenis, parse_id(row) or 0, str(error), {**typed, "field": error.field})
        return _detail(request, get_pk(request, pk.pk), galat)
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("Perubahan disimpan."))
    if saved.catatan:  # rounded to whole rupiah, or a value worth a second look
        messages.warning(request, _("Periksa: %(catatan)s") % {"catatan": saved.catatan})
    return redirect(pk)


@require_POST
def pk_row_delete(request, pk: int, row: int):
    pk = get_pk(request, pk, Perm.EDIT)
    model = PKAnggaran if request.POST.get("jenis") == "anggaran" else PKIndikator
    try:
        services.delete_baris(get_object_or_404(model, pk=row, pk_doc=pk))
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("Baris dihapus."))
    return redirect(pk)


@require_http_methods(["GET", "POST"])
def pk_delete(request, pk: int):
    """Delete a draft PK after asking; a signed PK (or one waiting for signature) is refused."""
    pk = get_pk(request, pk)
    if not access.can_discard_draft(request.user, pk):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.delete_draf(pk)
        except services.PKError as error:
            return _refused(request, pk, error)
        messages.success(request, _("Draf PK dihapus."))
        return redirect("kinerja:pk_list")
    blockers = []
    if pk.is_signed:
        blockers.append(_("PK ini sudah ditandatangani; yang ditandatangani tidak dapat dihapus."))
    elif not pk.is_editable:
        blockers.append(_("PK ini sedang diajukan; kembalikan dulu ke draf untuk menghapusnya."))
    return render(
        request,
        "kinerja/pk_confirm_delete.html",
        {
            "object": pk,
            "blockers": blockers,
            "goes_with": {
                _("Indikator kinerja"): pk.indikator.count(),
                _("Baris anggaran"): pk.anggaran.count(),
                _("Rencana aksi"): pk.rencana_aksi.count(),
            },
            "cancel_url": pk.get_absolute_url(),
        },
        status=409 if blockers else 200,
    )


@require_POST
def pk_ajukan(request, pk: int):
    pk = get_pk(request, pk, Perm.EDIT)
    try:
        services.ajukan(pk, actor=request.user)
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("PK diajukan untuk ditandatangani."))
    return redirect(pk)


@require_POST
def pk_kembalikan(request, pk: int):
    pk = get_pk(request, pk)
    if not (services.can_sign(request.user, pk) or access.can(request.user, Perm.EDIT, pk)):
        raise PermissionDenied
    try:
        services.kembalikan(pk, actor=request.user, catatan=request.POST.get("catatan", ""))
    except services.IsianTidakSah as error:  # said at the note's field
        return _detail(request, pk, kembalikan_galat=str(error))
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("PK dikembalikan ke draf dengan catatan."))
    return redirect(pk)


@require_http_methods(["GET", "POST"])
def pk_tandatangani(request, pk: int):
    """Signing is irreversible: the PK page's button opens this page, which shows what is signed and asks."""
    pk = get_pk(request, pk)
    if not services.can_sign(request.user, pk):
        raise PermissionDenied
    if request.method == "GET":
        if pk.status != PerjanjianKinerja.Status.DIAJUKAN:
            messages.info(request, _("PK ini tidak sedang menunggu tanda tangan."))
            return redirect(pk)
        pihak.pihak_terkini(pk)
        context = {"pk": pk, "indikator": pk.indikator.all(), "tanggal": pk.tanggal or timezone.localdate()}
        return render(request, "kinerja/pk_confirm_sign.html", context)
    try:
        services.tandatangani(pk, actor=request.user, situs=http.site_url(request))
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("PK ditandatangani. PDF-nya tersimpan dan tidak akan berubah."))
    return redirect(pk)


@require_POST
def pk_perubahan(request, pk: int):
    pk = get_pk(request, pk, Perm.EDIT)
    try:
        baru = services.create_perubahan(pk, alasan=request.POST.get("alasan", ""))
    except services.PerubahanSudahAda as error:
        if error.draf.dasar_id == pk.pk:  # the same button pressed again: show the draft it made
            messages.info(request, _("Draf PK perubahan (versi %(v)s) sudah dibuat.") % {"v": error.draf.versi})
            return redirect(error.draf)
        return _refused(request, pk, error)
    except services.PKError as error:
        return _refused(request, pk, error)
    messages.success(request, _("Draf PK perubahan (versi %(v)s) dibuat.") % {"v": baru.versi})
    return redirect(baru)


def pk_pdf(request, pk: int):
    """The signed PK is the stored file; a draft is rendered now, with a DRAFT watermark."""
    pk = get_pk(request, pk)
    if not pk.is_signed:
        pihak.pihak_terkini(pk)
    if pk.is_signed:
        return FileResponse(pk.pdf.open("rb"), content_type="application/pdf", filename=pdf_filename(pk, "PK"))
    response = http.download(exporters.pk_pdf(pk), pdf_filename(pk, "PK-draft"), http.PDF, inline=True)
    return response


# The public check of a printed PK: a code is 16 hex digits (services.tandatangani); a client may try this many
# codes a minute, so that guessing one is hopeless.
KODE_VERIFIKASI = re.compile(r"[0-9a-f]{8,32}")
VERIFIKASI_PER_MENIT = 30


@login_not_required
@require_safe
def verifikasi(request, kode: str):
    """What a printed PK's QR code opens, for anyone: whether the document is a signed original, and the few
    facts printed on it to compare (title, parties, date, SHA-256). Nothing else, and no link into Sakip."""
    if not client.allow(request, "pk-verifikasi", VERIFIKASI_PER_MENIT):
        response = render(request, "kinerja/verifikasi_batas.html", status=429)
        response["Retry-After"] = "60"
        return response
    pk = None
    if KODE_VERIFIKASI.fullmatch(kode):
        pk = (
            PerjanjianKinerja.objects.select_related("opd__pemda")
            .filter(kode_verifikasi=kode, status=PerjanjianKinerja.Status.DITANDATANGANI)
            .exclude(pdf_sha256="")
            .first()
        )
    if pk is None:  # unknown, malformed, or the code of a PK that is not signed: the same answer
        return render(request, "kinerja/verifikasi_tidak_ditemukan.html", status=404)
    context = {
        "judul": f"{pk.get_jenis_display()} Tahun {pk.tahun}",
        "instansi": f"{pk.opd.nama} {pk.opd.pemda.nama}",
        "pihak": [
            (_("Pihak pertama"), pk.pertama_nama, pk.pertama_jabatan),
            (_("Pihak kedua"), pk.kedua_nama, pk.kedua_jabatan),
        ],
        "tanggal": long_date(pk.tanggal) if pk.tanggal else "",
        "sha256": pk.pdf_sha256,
    }
    return render(request, "kinerja/verifikasi.html", context)

"""Document pages: the Renstra and LKjIP with their narratives, previews, finals and Excel tables."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import modelformset_factory
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lkjip import narasi, services
from lkjip import render as printer
from lkjip.models import BarisPeriodeLalu, Cetakan, Dokumen, Final, Jenis, Pembanding
from renstra.models import Indikator, Level, RenstraVersi
from sakip import access
from sakip.access import Perm
from sakip.lib.tabel import workbook
from sakip.lib.values import format_value
from sakip.models import PerangkatDaerah


def _opd(request, opd_id: int, perm: Perm = Perm.VIEW) -> PerangkatDaerah:
    return access.get_for_user(request.user, PerangkatDaerah.objects.select_related("pemda"), perm, pk=opd_id)


def _versi(request, versi_id: int) -> RenstraVersi:
    versi = get_object_or_404(
        RenstraVersi.objects.select_related("renstra__opd__pemda", "renstra__periode"), pk=versi_id
    )
    _opd(request, versi.renstra.opd_id)  # 404 outside the user's scope
    return versi


def _dokumen(request, pk: int, perm: Perm = Perm.VIEW) -> Dokumen:
    return access.get_for_user(
        request.user,
        Dokumen.objects.select_related("opd__pemda", "versi__renstra__periode", "versi__dasar"),
        perm,
        pk=pk,
    )


def _url(dokumen: Dokumen) -> str:
    if dokumen.jenis == Jenis.LKJIP:
        return reverse("lkjip:lkjip", args=[dokumen.opd_id, dokumen.tahun])
    return reverse("lkjip:renstra", args=[dokumen.versi_id])


def index(request):
    """Every OPD in scope with its Renstra versions and LKjIP years."""
    opds = list(PerangkatDaerah.objects.for_user(request.user).select_related("pemda").order_by("kode"))
    versions = (
        RenstraVersi.objects.filter(renstra__opd__in=opds)
        .select_related("renstra__periode")
        .order_by("renstra__periode__tahun_awal", "nomor")
    )
    by_opd: dict[int, list] = {}
    for v in versions:
        by_opd.setdefault(v.renstra.opd_id, []).append(v)
    finals = {}
    for f in Final.objects.filter(dokumen__opd__in=opds).select_related("dokumen").order_by("nomor"):
        finals[(f.dokumen.jenis, f.dokumen.versi_id or f.dokumen.tahun, f.dokumen.opd_id)] = f
    rows = []
    this_year = timezone.localdate().year
    for opd in opds:
        years = sorted(
            {y for v in by_opd.get(opd.pk, []) if v.status == v.Status.DITETAPKAN for y in v.years if y <= this_year},
            reverse=True,
        )
        rows.append(
            {
                "opd": opd,
                "versions": [(v, finals.get(("renstra", v.pk, opd.pk))) for v in by_opd.get(opd.pk, [])],
                "years": [(y, finals.get(("lkjip", y, opd.pk))) for y in years],
            }
        )
    return render(request, "lkjip/index.html", {"rows": rows})


def _page(request, dokumen: Dokumen, title: str):
    isi = printer.bangun(dokumen)
    state = services.keadaan(dokumen, isi)
    editable = access.can(request.user, Perm.EDIT, dokumen)
    return render(
        request,
        "lkjip/dokumen.html",
        {
            "dokumen": dokumen,
            "title": title,
            "isi": isi,
            "state": state,
            "editable": editable,
            "tables": isi.tables,
            "self_url": _url(dokumen),
        },
    )


def lkjip_page(request, opd: int, tahun: int):
    opd = _opd(request, opd)
    if RenstraVersi.objects.berlaku(opd, tahun) is None:
        raise Http404(_("Belum ada Renstra yang berlaku untuk tahun ini."))
    dokumen = services.lkjip(opd, tahun)
    return _page(request, dokumen, _("LKjIP %(t)s · %(opd)s") % {"t": tahun, "opd": opd.nama})


def renstra_page(request, versi: int):
    versi = _versi(request, versi)
    dokumen = services.renstra(versi)
    title = _("Dokumen Renstra %(p)s · %(opd)s · %(v)s") % {
        "p": versi.renstra.periode,
        "opd": versi.renstra.opd.nama,
        "v": versi.label,
    }
    return _page(request, dokumen, title)


def _ensure(request, jenis: str, key: int, opd: int | None, perm: Perm) -> Dokumen:
    """The document behind a page, created on the first action that needs it."""
    if jenis == Jenis.LKJIP:
        owner = _opd(request, opd, perm)
        if RenstraVersi.objects.berlaku(owner, key) is None:
            raise Http404
        return services.lkjip(owner, key, create=True)
    versi = _versi(request, key)
    access.require(request.user, perm, versi.renstra.opd)
    return services.renstra(versi, create=True)


@require_POST
def pratinjau(request, jenis: str, key: int, opd: int | None = None):
    """Render the current data (or reuse the rendering of the same data); any reader may ask."""
    dokumen = _ensure(request, jenis, key, opd, Perm.VIEW)
    cetakan = printer.minta_cetak(dokumen, actor=request.user)
    if request.htmx:
        return render(request, "lkjip/_cetakan.html", {"cetakan": _fresh(cetakan), "dokumen": dokumen})
    return redirect(_url(dokumen) + "#pratinjau")


def _fresh(cetakan: Cetakan) -> Cetakan:
    cetakan.refresh_from_db()
    return cetakan


def cetakan_status(request, pk: int):
    cetakan = get_object_or_404(Cetakan.objects.select_related("dokumen"), pk=pk)
    dokumen = _dokumen(request, cetakan.dokumen_id)
    return render(request, "lkjip/_cetakan.html", {"cetakan": cetakan, "dokumen": dokumen})


def cetakan_pdf(request, pk: int):
    cetakan = get_object_or_404(Cetakan.objects.select_related("dokumen"), pk=pk, status=Cetakan.Status.SELESAI)
    _dokumen(request, cetakan.dokumen_id)
    return FileResponse(cetakan.pdf.open("rb"), content_type="application/pdf", filename=_name(cetakan.pdf.name))


def final_pdf(request, pk: int):
    final = get_object_or_404(Final.objects.select_related("dokumen"), pk=pk)
    _dokumen(request, final.dokumen_id)
    response = FileResponse(final.pdf.open("rb"), content_type="application/pdf", filename=_name(final.pdf.name))
    response["X-Content-SHA256"] = final.sha256
    return response


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


@require_POST
def finalkan(request, pk: int):
    dokumen = _dokumen(request, pk, Perm.EDIT)
    try:
        final = printer.finalkan(dokumen, actor=request.user, catatan=request.POST.get("catatan", "")[:300])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Dokumen difinalkan sebagai versi %(n)s (SHA-256 %(sha)s…).")
            % {"n": final.nomor, "sha": final.sha256[:16]},
        )
    return redirect(_url(dokumen))


def xlsx(request, jenis: str, key: int, opd: int | None = None):
    """Every generated table of the document as one workbook (a sheet per table), or one table (?tabel=)."""
    if jenis == Jenis.LKJIP:
        owner = _opd(request, opd)
        if RenstraVersi.objects.berlaku(owner, key) is None:
            raise Http404
        dokumen = services.lkjip(owner, key)
    else:
        dokumen = services.renstra(_versi(request, key))
    isi = printer.bangun(dokumen)
    chosen = isi.tables
    wanted = request.GET.get("tabel")
    if wanted:
        chosen = [t for t in chosen if t.kunci == wanted]
        if not chosen:
            raise Http404
    content = workbook(chosen, f"{isi.opd.nama} · {isi.pemda.nama} · {isi.judul.title()} {isi.subjudul.title()}")
    name = f"{isi.nama_file}{'-' + wanted if wanted else ''}.xlsx"
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_http_methods(["GET", "POST"])
def narasi_edit(request, pk: int, kunci: str):
    dokumen = _dokumen(request, pk)
    sections = {b.kunci: b for b in narasi.bagian(dokumen, printer.sasaran_nodes(dokumen))}
    section = sections.get(kunci)
    if section is None:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    current = dokumen.narasi.filter(kunci=kunci).first()
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        narasi.simpan(dokumen, kunci, request.POST.get("isi", ""), actor=request.user)
        messages.success(request, _("Narasi \u201c%(b)s\u201d disimpan.") % {"b": section.judul})
        if "lanjut" in request.POST:
            keys = list(sections)
            following = keys[keys.index(kunci) + 1] if keys.index(kunci) + 1 < len(keys) else None
            if following:
                return redirect("lkjip:narasi", pk=dokumen.pk, kunci=following)
        return redirect(_url(dokumen) + "#narasi")
    return render(
        request,
        "lkjip/narasi_form.html",
        {"dokumen": dokumen, "section": section, "narasi": current, "editable": editable, "back": _url(dokumen)},
    )


@require_POST
def narasi_mulai(request, jenis: str, key: int, kunci: str, opd: int | None = None):
    """The first edit of a document that has no row yet."""
    dokumen = _ensure(request, jenis, key, opd, Perm.EDIT)
    return redirect("lkjip:narasi", pk=dokumen.pk, kunci=kunci)


# --- T-C.23 / T-C.24 and benchmarks ---------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def periode_lalu(request, pk: int, tabel: str):
    dokumen = _dokumen(request, pk)
    if dokumen.jenis != Jenis.RENSTRA or tabel not in BarisPeriodeLalu.Tabel.values:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    years = services.tahun_periode_lalu(dokumen)
    errors = []
    existing = None
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        if request.POST.get("tahun_awal", "").isdigit():
            start = int(request.POST["tahun_awal"])
            years = list(range(start, start + 5))
        rows = _posted_rows(request.POST, years)
        errors = services.simpan_periode_lalu(dokumen, tabel, rows, years)
        if not errors:
            messages.success(request, _("%(n)s baris disimpan.") % {"n": len(rows)})
            return redirect(_url(dokumen))
        messages.error(request, _("Tidak ada yang disimpan: perbaiki isian yang ditandai."))
        existing = rows
    elif editable and request.GET.get("dari") == "data":
        existing = services.dari_data(dokumen, tabel) or None
        if existing:
            messages.info(request, _("Diisi dari data Renstra periode lalu di Sakip: periksa, lengkapi, lalu simpan."))
        else:
            messages.warning(
                request,
                _("Sakip tidak menyimpan Renstra perangkat daerah ini untuk tahun %(a)s–%(b)s.")
                % {"a": years[0], "b": years[-1]},
            )
    if existing is None:  # what is saved
        existing = [
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
    blank = {"uraian": "", "satuan": "", "polaritas": "positif", "tahun": {}}
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
    return render(
        request,
        "lkjip/periode_lalu.html",
        {
            "dokumen": dokumen,
            "tabel": tabel,
            "label": BarisPeriodeLalu.Tabel(tabel).label,
            "years": years,
            "grid": grid,
            "editable": editable,
            "errors": errors,
            "back": _url(dokumen),
            "polaritas": BarisPeriodeLalu.Polaritas.choices,
        },
    )


def _posted_rows(post, years: list[int]) -> list[dict]:
    rows = []
    i = 1
    while f"r{i}-uraian" in post:
        uraian = post.get(f"r{i}-uraian", "").strip()
        if uraian:
            rows.append(
                {
                    "uraian": uraian[:500],
                    "satuan": post.get(f"r{i}-satuan", "").strip()[:60],
                    "polaritas": post.get(f"r{i}-polaritas", "positif"),
                    "target_nspk": post.get(f"r{i}-nspk", "").strip()[:60],
                    "target_ikk": post.get(f"r{i}-ikk", "").strip()[:60],
                    "target_lain": post.get(f"r{i}-lain", "").strip()[:60],
                    "tahun": {
                        y: (post.get(f"r{i}-{y}-rencana", ""), post.get(f"r{i}-{y}-realisasi", "")) for y in years
                    },
                }
            )
        i += 1
    return rows


PembandingFormSet = modelformset_factory(
    Pembanding, fields=["indikator", "pembanding", "tahun", "nilai", "sumber"], extra=3, can_delete=True
)


@require_http_methods(["GET", "POST"])
def pembanding(request, pk: int):
    dokumen = _dokumen(request, pk)
    if dokumen.jenis != Jenis.LKJIP:
        raise Http404
    editable = access.can(request.user, Perm.EDIT, dokumen)
    versi = RenstraVersi.objects.berlaku(dokumen.opd, dokumen.tahun)
    indicators = Indikator.objects.filter(elemen__versi=versi).filter(is_iku=True)
    if not indicators.exists():
        indicators = Indikator.objects.filter(elemen__versi=versi, elemen__level=Level.SASARAN)
    queryset = Pembanding.objects.filter(dokumen=dokumen)
    formset = PembandingFormSet(request.POST or None, queryset=queryset)
    for form in formset.forms:
        form.fields["indikator"].queryset = indicators
        form.fields["tahun"].initial = dokumen.tahun
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, dokumen)
        if formset.is_valid():
            with transaction.atomic():
                for obj in formset.save(commit=False):
                    obj.dokumen = dokumen
                    obj.save()
                for obj in formset.deleted_objects:
                    obj.delete()
            messages.success(request, _("Data pembanding disimpan."))
            return redirect(_url(dokumen))
    return render(
        request,
        "lkjip/pembanding.html",
        {"dokumen": dokumen, "formset": formset, "editable": editable, "back": _url(dokumen)},
    )

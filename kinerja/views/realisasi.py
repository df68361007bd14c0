"""Realisasi entry pages: the indicator and budget grids, belanja, one quarter's detail with its evidence,
the workbook (template download and upload)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kinerja import exporters, importers
from kinerja.capaian import kelas_kategori
from kinerja.forms import BelanjaFormSet, BuktiForm, CatatanRealisasiForm, KembalikanForm
from kinerja.models import BelanjaOPD, BuktiDukung, Realisasi
from kinerja.realisasi.anggaran import anggaran, jumlah_anggaran, save_anggaran, save_belanja
from kinerja.realisasi.dasbor import sort_belanja
from kinerja.realisasi.jendela import TRIWULAN, Terkunci, status_jendela, tahun_awal
from kinerja.realisasi.lembar import add_bukti, delete_bukti, lembar, save_catatan, save_realisasi
from kinerja.realisasi.verifikasi import dibuka_untuk_perbaikan, sees_pemda
from kinerja.views.common import realisasi_context, valid_tahun, xlsx_response
from renstra.models import Indikator, Level, RenstraVersi
from renstra.services import load_plan
from sakip import access, audit
from sakip.access import Perm
from sakip.jinja2 import rows_html
from sakip.lib import grid
from sakip.lib.periode import roman
from sakip.lib.uploads import keep_upload, upload_path
from sakip.lib.workbook import MAX_BYTES
from sakip.models import PerangkatDaerah
from sakip.services import active_opd
from sakip.views.generic import get_opd


def index(request):
    """Where realisasi starts: the active OPD's dashboard of this year (or of the latest year with data when this
    year has none yet), or the pemda's for those who see all."""
    tahun = timezone.localdate().year
    scope = access.scope_for(request.user)
    if sees_pemda(request.user) and len(scope.readable_opd_ids) != 1 and not request.session.get("active_opd"):
        return redirect("realisasi:pemda_dashboard", tahun=tahun)  # the overview, unless an OPD was chosen
    opd = active_opd(request) or PerangkatDaerah.objects.for_user(request.user).order_by("kode").first()
    if opd is None:
        raise PermissionDenied
    return redirect("realisasi:opd_dashboard", opd=opd.pk, tahun=tahun_awal(opd, tahun))


@require_http_methods(["GET", "POST"])
def indikator_grid(request, opd: int, tahun: int):
    opd, tahun = get_opd(request, opd), valid_tahun(tahun)
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, opd)
        try:
            cells = grid.read_cells(request.body, "indikator")
        except grid.GridInvalid as error:
            return error.response()
        return save_realisasi(opd, tahun, cells, actor=request.user).response()
    sheet = lembar(opd, tahun)
    rows = rows_html(
        "kinerja/realisasi_rows.html",
        rows=sheet.rows,
        tutup=sheet.tw_tutup,
        can_edit=access.can(request.user, Perm.EDIT, opd),
        level_labels=dict(Level.choices),
        status=dict(Realisasi.Status.choices),
        kelas=kelas_kategori,
        # one URL with placeholders, filled per row: reverse() 6,000 times is slow
        detail_url=reverse("realisasi:realisasi_detail", args=[0, tahun, 9]),
        t={"ditutup": _("Triwulan ditutup"), "kosong": _("Renstra ini belum punya indikator.")},
    )
    context = realisasi_context(request, opd, tahun, sheet=sheet, rows_html=rows)
    return render(request, "kinerja/realisasi/indikator_grid.html", context)


@require_http_methods(["GET", "POST"])
def anggaran_grid(request, opd: int, tahun: int):
    opd, tahun = get_opd(request, opd), valid_tahun(tahun)
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, opd)
        try:
            cells = grid.read_cells(request.body, "elemen")
        except grid.GridInvalid as error:
            return error.response()
        return save_anggaran(opd, tahun, cells).response()
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    rows, total = [], None
    if versi:
        plan = load_plan(versi)
        budget = anggaran(plan, tahun)
        rows = [(node, budget[node.elemen.pk]) for node in plan.flat() if node.has_pagu]
        total = jumlah_anggaran(plan, budget)
    tutup = [q for q, open_ in status_jendela(opd, tahun).items() if not open_]
    context = realisasi_context(request, opd, tahun, versi=versi, rows=rows, total=total, tutup=tutup)
    return render(request, "kinerja/realisasi/anggaran_grid.html", context)


@require_http_methods(["GET", "POST"])
def belanja(request, opd: int, tahun: int):
    opd, tahun = get_opd(request, opd), valid_tahun(tahun)
    queryset = BelanjaOPD.objects.filter(opd=opd, tahun=tahun)
    can_edit = access.can(request.user, Perm.EDIT, opd)
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, opd)
    formset = BelanjaFormSet(request.POST or None, queryset=queryset, prefix="belanja")
    if request.method == "POST" and formset.is_valid():
        try:
            save_belanja(opd, tahun, formset)
        except audit.Berubah as error:
            next(f for f in formset.forms if f.instance.pk == error.pk).berubah(error)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Anggaran dan realisasi per jenis belanja disimpan."))
            return redirect("realisasi:belanja_update", opd=opd.pk, tahun=tahun)
    context = realisasi_context(request, opd, tahun, formset=formset, rows=sort_belanja(queryset), can_edit=can_edit)
    return render(request, "kinerja/realisasi/belanja.html", context)


def _indikator(request, ind: int, perm: Perm = Perm.VIEW) -> Indikator:
    return access.get_for_user(
        request.user, Indikator.objects.select_related("elemen__versi__renstra__opd__pemda"), perm, pk=ind
    )


@require_http_methods(["GET", "POST"])
def realisasi_detail(request, ind: int, tahun: int, tw: int):
    """One indicator's quarter: the value, the story (kendala, solusi), evidence and verification."""
    ind, tahun = _indikator(request, ind), valid_tahun(tahun)
    if tw not in TRIWULAN:
        raise Http404
    opd = ind.elemen.versi.renstra.opd
    item = Realisasi.objects.filter(indikator=ind, tahun=tahun, triwulan=tw).prefetch_related("bukti").first()
    form = CatatanRealisasiForm(instance=item, prefix="catatan")
    bukti_form = BuktiForm()
    if request.method == "POST":
        access.require(request.user, Perm.EDIT, opd)
        action = request.POST.get("action")
        try:
            if action == "catatan":
                form = CatatanRealisasiForm(request.POST, instance=item, prefix="catatan")
                if form.is_valid():
                    data = form.cleaned_data
                    save_catatan(
                        opd, ind, tahun, tw, kendala=data["kendala"], solusi=data["solusi"], actor=request.user
                    )
                    messages.success(request, _("Catatan disimpan."))
                    return redirect(request.path)
            elif action == "bukti":
                bukti_form = BuktiForm(request.POST, request.FILES)
                if bukti_form.is_valid():
                    add_bukti(opd, ind, tahun, tw, bukti_form.cleaned_data["berkas"], actor=request.user)
                    messages.success(request, _("Bukti dukung diunggah."))
                    return redirect(request.path)
        except Terkunci as error:  # checked by the service with the OPD locked
            messages.error(request, str(error))
            return redirect(request.path)
    return render_detail(request, ind, tahun, tw, item=item, form=form, bukti_form=bukti_form)


def render_detail(request, ind, tahun: int, tw: int, *, item=None, status: int = 200, **forms):
    """The page of one indicator's quarter, with the forms given (bound ones show their errors at the fields)."""
    opd = ind.elemen.versi.renstra.opd
    if item is None:
        item = Realisasi.objects.filter(indikator=ind, tahun=tahun, triwulan=tw).prefetch_related("bukti").first()
    if item is not None:
        item.indikator = ind
    context = realisasi_context(
        request,
        opd,
        tahun,
        ind=ind,
        tw=tw,
        roman=roman(tw),
        item=item,
        form=forms.get("form") or CatatanRealisasiForm(instance=item, prefix="catatan"),
        bukti_form=forms.get("bukti_form") or BuktiForm(),
        terbuka=status_jendela(opd, tahun).get(tw),
        dibuka_perbaikan=bool(item and item.status == Realisasi.Status.DIKEMBALIKAN)
        and dibuka_untuk_perbaikan(opd, tahun, tw),
        kembalikan_form=forms.get("kembalikan_form") or KembalikanForm(),
        year_links=[
            (y, reverse("realisasi:realisasi_detail", args=[ind.pk, y, tw])) for y in range(tahun - 3, tahun + 2)
        ],
    )
    context["can_edit"] = access.can(request.user, Perm.EDIT, opd)
    return render(request, "kinerja/realisasi/detail.html", context, status=status)


def bukti_download(request, pk: int):
    """Evidence is served only to those who may read its indicator (never straight from MEDIA_URL)."""
    bukti = get_object_or_404(
        BuktiDukung.objects.select_related("realisasi__indikator__elemen__versi__renstra"),
        pk=pk,
        realisasi__in=Realisasi.objects.for_user(request.user),
    )
    try:
        handle = bukti.berkas.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=bukti.nama)


@require_POST
def bukti_delete(request, pk: int):
    bukti = get_object_or_404(
        BuktiDukung.objects.select_related("realisasi__indikator__elemen__versi__renstra__opd"),
        pk=pk,
        realisasi__in=Realisasi.objects.for_user(request.user),
    )
    r = bukti.realisasi
    opd = r.indikator.elemen.versi.renstra.opd
    access.require(request.user, Perm.EDIT, opd)
    try:
        delete_bukti(bukti)
    except Terkunci as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Bukti dukung dihapus."))
    return redirect("realisasi:realisasi_detail", ind=r.indikator_id, tahun=r.tahun, tw=r.triwulan)


def template_xlsx(request, opd: int, tahun: int):
    opd, tahun = get_opd(request, opd), valid_tahun(tahun)
    return xlsx_response(exporters.template(opd, tahun), f"realisasi-{opd.singkatan or opd.pk}-{tahun}")


@require_http_methods(["GET", "POST"])
def workbook_import(request, opd: int, tahun: int):
    """Upload the filled template → preview (counts, every wrong cell) → confirm; all or nothing."""
    opd, tahun = get_opd(request, opd, Perm.EDIT), valid_tahun(tahun)
    context = realisasi_context(request, opd, tahun)
    if request.method == "POST" and request.POST.get("token"):
        token = request.POST["token"]
        claim = request.session.pop(f"realisasi:{token}", None)
        path = upload_path(token)
        if not claim or claim[:2] != [opd.pk, tahun] or path is None or not path.exists():
            messages.error(request, _("Pratinjau sudah kedaluwarsa; unggah berkasnya lagi."))
            return redirect("realisasi:workbook_import", opd=opd.pk, tahun=tahun)
        try:
            with open(path, "rb") as handle:
                report = importers.import_workbook(
                    opd, tahun, handle, actor=request.user, save=True, berkas=(claim[2:] or [""])[0]
                )
        finally:
            path.unlink(missing_ok=True)
        if report.errors:
            context["report"] = report
            messages.error(request, _("Tidak ada yang disimpan: ada sel yang salah."))
        else:
            messages.success(
                request,
                _("Realisasi disimpan: %(i)d sel indikator, %(a)d sel anggaran.")
                % {"i": report.indikator, "a": report.anggaran},
            )
            return redirect("realisasi:indikator_grid", opd=opd.pk, tahun=tahun)
    elif request.method == "POST":
        upload = request.FILES.get("berkas")
        if upload is None or not upload.name.lower().endswith(".xlsx"):
            messages.error(request, _("Pilih berkas .xlsx hasil unduhan templat."))
            return redirect(request.path)
        if upload.size > MAX_BYTES:
            messages.error(request, _("Berkas terlalu besar (maksimum 20 MB)."))
            return redirect(request.path)
        report = importers.import_workbook(opd, tahun, upload, actor=request.user, save=False, size=upload.size)
        context.update({"report": report, "upload_name": upload.name})
        if not report.errors:
            upload.seek(0)
            token = keep_upload(upload)
            request.session[f"realisasi:{token}"] = [opd.pk, tahun, upload.name]
            context["token"] = token
    return render(request, "kinerja/realisasi/workbook_import.html", context)

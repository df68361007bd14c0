"""The evaluation pages: the list and the form that opens one, the LKE (evidence, grades per level, the score and
its simulator), the stage buttons, the LHE, attachments and the recommendations' follow-up."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from evaluasi import bukti, services, skor
from evaluasi.forms import BukaEvaluasiForm, JawabanForm, LampiranForm, RekomendasiForm, TindakLanjutForm
from evaluasi.models import Evaluasi, Kriteria, Lampiran, Rekomendasi, Tingkat
from sakip import access
from sakip.access import Perm
from sakip.lib import http


def get_evaluasi(request, pk: int) -> Evaluasi:
    evaluasi = access.get_for_user(
        request.user, Evaluasi.objects.select_related("opd__pemda", "templat"), Perm.VIEW, pk=pk
    )
    return cast(Evaluasi, evaluasi)


def index(request):
    """The evaluations in the user's scope, newest year first, and (for evaluators) the form that opens one."""
    scope = access.scope_for(request.user)
    daftar = Evaluasi.objects.for_user(request.user).select_related("opd", "templat").order_by("-tahun", "opd__kode")
    form = BukaEvaluasiForm(user=request.user, scope=scope) if scope.evaluated_opd_ids or scope.everything else None
    return render(request, "evaluasi/index.html", {"daftar": daftar, "form": form})


@require_http_methods(["GET", "POST"])
def evaluasi_create(request):
    scope = access.scope_for(request.user)
    if not scope.evaluated_opd_ids and not scope.everything:
        raise PermissionDenied
    form = BukaEvaluasiForm(request.POST or None, user=request.user, scope=scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            evaluasi = services.open_evaluasi(
                data["opd"], data["tahun"], data["templat"], form.tim(), mulai=data["mulai"], selesai=data["selesai"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Evaluasi dibuka. Perangkat daerah dapat mengisi penilaian mandiri."))
            return redirect(evaluasi)
    return render(request, "evaluasi/create.html", {"form": form}, status=400 if request.method == "POST" else 200)


def _rows(lke: services.Lke, temuan: dict, tampil_evaluator: bool, tingkat: str | None) -> list:
    """The LKE as komponen → sub → kriteria with what this user may see of each criterion's answers, and the
    current level's form values: its own answer, else the level below's grade (a reviewer starts from it), else
    Sakip's suggestion."""
    tingkat_tampil = [Tingkat.MANDIRI, *(reversed(services.TINGKAT_EVALUATOR) if tampil_evaluator else [])]
    urutan: list[str] = [Tingkat.MANDIRI, *reversed(services.TINGKAT_EVALUATOR)]
    for k in lke.komponen:
        for s in k.daftar_sub:
            for c in s.daftar_kriteria:
                c.temuan = temuan.get(c.sumber)
                c.jawaban_tampil = [lke.jawaban[(c.pk, t)] for t in tingkat_tampil if (c.pk, t) in lke.jawaban]
                c.daftar_lampiran = lke.lampiran.get(c.pk, [])
                sendiri = lke.jawaban.get((c.pk, tingkat)) if tingkat else None
                c.token = services.token_of(sendiri)
                c.form_catatan = sendiri.catatan if sendiri else ""
                c.form_alasan = sendiri.alasan_beda if sendiri else ""
                if sendiri:
                    c.form_grade = sendiri.grade
                else:
                    bawah = urutan[: urutan.index(tingkat)] if tingkat else []
                    lower = next(
                        (lke.jawaban[(c.pk, t)].grade for t in reversed(bawah) if (c.pk, t) in lke.jawaban), ""
                    )
                    c.form_grade = lower or (c.temuan.saran if c.temuan else "")
    return lke.komponen


def evaluasi_detail(request, pk: int):
    """The LKE: per criterion the evidence Sakip found, its suggested grade, every level's grade the user may see,
    the form of the current level; the scores, predikat and simulator."""
    evaluasi = get_evaluasi(request, pk)
    lke = services.load(evaluasi)
    temuan = bukti.kumpulkan(evaluasi)
    tampil = access.sees_evaluator_notes(request.user, evaluasi)
    tingkat = services.TINGKAT_STATUS.get(evaluasi.status)
    bisa_nilai = tingkat is not None and access.may_grade(request.user, evaluasi, tingkat)
    bisa_lanjut = evaluasi.status in services.LANJUT_OLEH and access.may_grade(
        request.user, evaluasi, services.LANJUT_OLEH[evaluasi.status]
    )
    hasil = services.nilai(lke) if tampil else None
    hasil_mandiri = services.nilai(lke, lke.grades(Tingkat.MANDIRI))
    grades = lke.grades() if tampil else lke.grades(Tingkat.MANDIRI)
    usulan, naik = skor.simulasi(lke.struktur(), grades, lke.templat.skala, inklusif=lke.templat.inklusif)
    context = {
        "evaluasi": evaluasi,
        "lke": lke,
        "komponen": _rows(lke, temuan, tampil, tingkat if bisa_nilai else None),
        "tampil_evaluator": tampil,
        "tingkat": tingkat,
        "tingkat_label": Tingkat(tingkat).label if tingkat else "",
        "bisa_nilai": bisa_nilai,
        "bisa_lanjut": bisa_lanjut,
        "bisa_rilis": not evaluasi.dirilis_pada and access.may_grade(request.user, evaluasi, Tingkat.KETUA),
        "bisa_final": evaluasi.status == evaluasi.Status.REVIU_PENGENDALI
        and access.may_grade(request.user, evaluasi, Tingkat.PENGENDALI),
        "is_evaluator": access.can(request.user, Perm.EVALUATE, evaluasi),
        "is_opd": access.can(request.user, Perm.EDIT, evaluasi),
        "hasil": hasil,
        "hasil_mandiri": hasil_mandiri,
        "grade_choices": lke.templat.grade_choices(),
        "usulan": [(lke.kriteria[u.kunci], u) for u in usulan[:8]],
        "naik": [(lke.kriteria[u.kunci], u) for u in naik],
        "predikat_berikut": _berikut(hasil or hasil_mandiri),
        "tim": evaluasi.tim.order_by("peran"),
        "rekomendasi": evaluasi.rekomendasi.select_related("unit_kerja"),
        "rekomendasi_form": RekomendasiForm(evaluasi=evaluasi)
        if access.can(request.user, Perm.EVALUATE, evaluasi)
        else None,
        "tindak_lanjut_form": TindakLanjutForm(),
        "lampiran_form": LampiranForm(),
        "today": timezone.localdate(),
    }
    return render(request, "evaluasi/detail.html", context)


def _berikut(hasil: skor.Hasil) -> str:
    kode = [k for _b, k, _a in skor.PREDIKAT]
    return (
        kode[kode.index(hasil.predikat) - 1] if hasil.predikat in kode[1:] else ("C" if hasil.predikat == "D" else "")
    )


@require_POST
def jawaban_save(request, pk: int, kriteria: int):
    evaluasi = get_evaluasi(request, pk)
    crit = get_object_or_404(
        Kriteria.objects.select_related("sub__komponen"), pk=kriteria, sub__komponen__templat=evaluasi.templat_id
    )
    form = JawabanForm(request.POST, templat=evaluasi.templat)
    anchor = f"{evaluasi.get_absolute_url()}#k-{crit.pk}"
    if not form.is_valid():
        messages.error(request, _("Nilai %(k)s tidak terbaca.") % {"k": crit.kode})
        return redirect(anchor)
    temuan = bukti.kumpulkan(evaluasi).get(crit.sumber) if crit.sumber else None
    data = form.cleaned_data
    try:
        services.save_jawaban(
            evaluasi,
            crit,
            actor=request.user,
            grade=data["grade"],
            catatan=data["catatan"],
            saran=temuan.saran if temuan else "",
            alasan_beda=data["alasan_beda"],
            token=data["token"],
        )
    except services.Konflik as error:
        messages.error(
            request, _("%(k)s tidak disimpan: %(e)s Simpan lagi untuk menimpa.") % {"k": crit.kode, "e": error}
        )
    except ValidationError as error:
        messages.error(request, f"{crit.kode}: " + " ".join(error.messages))
    else:
        messages.success(request, _("Nilai %(k)s disimpan.") % {"k": crit.kode})
    return redirect(anchor)


def simulasi(request, pk: int):
    """The simulator (HTMX): the scores and predikat if the chosen criteria had the chosen grades."""
    evaluasi = get_evaluasi(request, pk)
    lke = services.load(evaluasi)
    tampil = access.sees_evaluator_notes(request.user, evaluasi)
    grades = lke.grades() if tampil else lke.grades(Tingkat.MANDIRI)
    sebelum = services.nilai(lke, grades)
    valid = dict(skor.SKALA[lke.templat.skala])
    pairs = list(zip(request.GET.getlist("kriteria"), request.GET.getlist("grade"), strict=False))
    pairs += [(key[1:], value) for key, value in request.GET.items() if key.startswith("k")]
    for key, value in pairs:
        if key.isdigit() and int(key) in lke.kriteria and value in valid:
            grades[int(key)] = value
    sesudah = services.nilai(lke, grades)
    return render(request, "evaluasi/_simulasi.html", {"lke": lke, "sebelum": sebelum, "sesudah": sesudah})


def _act(request, pk: int, action, done: str):
    evaluasi = get_evaluasi(request, pk)
    try:
        action(evaluasi, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(evaluasi)


@require_POST
def evaluasi_lanjutkan(request, pk: int):
    return _act(request, pk, services.lanjutkan, _("Evaluasi diteruskan ke tahap berikutnya."))


@require_POST
def evaluasi_rilis(request, pk: int):
    return _act(request, pk, services.rilis, _("Nilai dan catatan evaluator dirilis ke perangkat daerah."))


@require_POST
def evaluasi_finalkan(request, pk: int):
    return _act(request, pk, services.finalkan, _("Evaluasi final. LHE disimpan dengan SHA-256-nya."))


def lhe_pdf(request, pk: int):
    """The LHE: the stored final, else a draft from the current grades (evaluators only before release)."""
    evaluasi = get_evaluasi(request, pk)
    name = f"LHE-{evaluasi.opd.singkatan or evaluasi.opd.kode}-{evaluasi.tahun}.pdf".replace("/", "-")
    if evaluasi.is_final and evaluasi.lhe_pdf:
        return FileResponse(evaluasi.lhe_pdf.open("rb"), filename=name, content_type=http.PDF)
    if not access.sees_evaluator_notes(request.user, evaluasi):
        raise PermissionDenied
    return http.download(services.render_lhe(evaluasi), name, http.PDF, inline=True)


@require_POST
def lampiran_create(request, pk: int, kriteria: int):
    evaluasi = get_evaluasi(request, pk)
    crit = get_object_or_404(Kriteria, pk=kriteria, sub__komponen__templat=evaluasi.templat_id)
    form = LampiranForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    else:
        try:
            services.add_lampiran(evaluasi, crit, form.cleaned_data["berkas"], actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Lampiran diunggah."))
    return redirect(f"{evaluasi.get_absolute_url()}#k-{crit.pk}")


def lampiran_download(request, pk: int):
    lampiran = get_object_or_404(Lampiran, pk=pk, evaluasi__in=Evaluasi.objects.for_user(request.user))
    try:
        handle = lampiran.berkas.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=lampiran.nama)


@require_POST
def rekomendasi_create(request, pk: int):
    evaluasi = get_evaluasi(request, pk)
    form = RekomendasiForm(request.POST, evaluasi=evaluasi)
    if form.is_valid():
        try:
            services.create_rekomendasi(evaluasi, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Rekomendasi ditambahkan."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(f"{evaluasi.get_absolute_url()}#rekomendasi")


def _rekomendasi(request, pk: int) -> Rekomendasi:
    return get_object_or_404(
        Rekomendasi.objects.select_related("evaluasi__opd"), pk=pk, evaluasi__in=Evaluasi.objects.for_user(request.user)
    )


@require_POST
def rekomendasi_lapor(request, pk: int):
    rek = _rekomendasi(request, pk)
    form = TindakLanjutForm(request.POST)
    if form.is_valid():
        try:
            services.lapor_tindak_lanjut(rek, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tindak lanjut dilaporkan."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(f"{rek.evaluasi.get_absolute_url()}#rekomendasi")


@require_POST
def rekomendasi_terima(request, pk: int):
    rek = _rekomendasi(request, pk)
    try:
        services.terima_tindak_lanjut(rek, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Tindak lanjut diterima."))
    return redirect(f"{rek.evaluasi.get_absolute_url()}#rekomendasi")

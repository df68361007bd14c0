"""Every write of the Evaluasi AKIP: templates (copy, adapt, frozen once used), opening an evaluation with its team,
grading at each level, moving it along, finalising it (the LHE frozen with its SHA-256), attachments and the
recommendations' follow-up. Each in one transaction with the evaluation's row locked, audited by auditlog (every
write goes through ``save()``). The LKE loaded for a page and its scores are here too (:func:`load`, :func:`nilai`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluasi import skor
from evaluasi.models import (
    AnggotaTim,
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    Lampiran,
    PeranTim,
    Rekomendasi,
    StatusEvaluasi,
    SubKomponen,
    Templat,
    Tingkat,
)
from sakip import access, documents
from sakip.lib.pdf import render_pdf
from sakip.lib.uploads import sha256_of
from sakip.models import User

#: the level graded in each status (the self-assessment, then the evaluator, then the reviews)
TINGKAT_STATUS: dict[str, str] = {
    StatusEvaluasi.MANDIRI: Tingkat.MANDIRI,
    StatusEvaluasi.EVALUASI: Tingkat.ANGGOTA,
    StatusEvaluasi.REVIU_KETUA: Tingkat.KETUA,
    StatusEvaluasi.REVIU_PENGENDALI: Tingkat.PENGENDALI,
}
URUTAN_STATUS = list(StatusEvaluasi.values)
#: the levels whose grade counts, highest first (the self-assessment never does)
TINGKAT_EVALUATOR = [Tingkat.PENGENDALI, Tingkat.KETUA, Tingkat.ANGGOTA]


class Konflik(Exception):
    """The answer changed since the page was loaded: who changed it, when, and to what."""


def lock(evaluasi: Evaluasi) -> Evaluasi:
    """Lock the evaluation's row to the end of the transaction and return it fresh."""
    return Evaluasi.objects.select_for_update().select_related("opd__pemda", "templat").get(pk=evaluasi.pk)


# --- The LKE in memory -------------------------------------------------------------------------------


@dataclass
class Lke:
    """A template's tree with an evaluation's answers and attachments, loaded in a fixed number of queries."""

    templat: Templat
    komponen: list[Komponen]
    kriteria: dict[int, Kriteria]
    jawaban: dict[tuple[int, str], Jawaban] = field(default_factory=dict)
    lampiran: dict[int, list[Lampiran]] = field(default_factory=lambda: defaultdict(list))

    def struktur(self) -> list[skor.Komponen]:
        return [
            skor.Komponen(
                k.kode,
                k.bobot,
                [skor.Sub(s.kode, s.bobot, [(c.pk, c.bobot) for c in s.daftar_kriteria]) for s in k.daftar_sub],
            )
            for k in self.komponen
        ]

    def grade(self, kriteria_id: int, tingkat: str | None = None) -> str | None:
        """The grade at ``tingkat``, or (None) the one that counts: the highest evaluator level's."""
        if tingkat is not None:
            j = self.jawaban.get((kriteria_id, tingkat))
            return j.grade if j else None
        for t in TINGKAT_EVALUATOR:
            if (kriteria_id, t) in self.jawaban:
                return self.jawaban[(kriteria_id, t)].grade
        return None

    def grades(self, tingkat: str | None = None) -> dict[int, str | None]:
        return {k: self.grade(k, tingkat) for k in self.kriteria}


def load_templat(templat: Templat) -> Lke:
    komponen = list(templat.komponen.order_by("urutan", "pk"))
    subs = list(SubKomponen.objects.filter(komponen__templat=templat).order_by("urutan", "pk"))
    kriteria = list(Kriteria.objects.filter(sub__komponen__templat=templat).order_by("nomor"))
    by_sub: dict[int, list[Kriteria]] = defaultdict(list)
    sub_by_id = {s.pk: s for s in subs}
    for c in kriteria:
        c.sub = sub_by_id[c.sub_id]
        by_sub[c.sub_id].append(c)
    by_komponen: dict[int, list[SubKomponen]] = defaultdict(list)
    for s in subs:
        s.daftar_kriteria = by_sub[s.pk]
        by_komponen[s.komponen_id].append(s)
    for k in komponen:
        k.daftar_sub = by_komponen[k.pk]
        for s in k.daftar_sub:
            s.komponen = k
    return Lke(templat, komponen, {c.pk: c for c in kriteria})


def load(evaluasi: Evaluasi) -> Lke:
    lke = load_templat(evaluasi.templat)
    for j in Jawaban.objects.filter(evaluasi=evaluasi):
        lke.jawaban[(j.kriteria_id, j.tingkat)] = j
    for lamp in Lampiran.objects.filter(evaluasi=evaluasi).order_by("pk"):
        lke.lampiran[lamp.kriteria_id].append(lamp)
    return lke


def nilai(lke: Lke, grades: dict[int, str | None] | None = None) -> skor.Hasil:
    """The scores of ``grades`` (by default the grades that count) on the LKE's template."""
    grades = lke.grades() if grades is None else grades
    values = {k: skor.nilai_grade(lke.templat.skala, g) for k, g in grades.items()}
    return skor.hitung(lke.struktur(), values, inklusif=lke.templat.inklusif)


# --- Templates -----------------------------------------------------------------------------------------


@transaction.atomic
def copy_templat(templat: Templat, pemda_id: int, nama: str = "") -> Templat:
    """A pemda's own copy of a template, to adapt (88/2021 Pasal 6)."""
    baru = Templat.objects.create(
        pemda_id=pemda_id,
        nama=nama or _("%(nama)s (salinan)") % {"nama": templat.nama},
        skala=templat.skala,
        aturan_batas=templat.aturan_batas,
        asal=templat,
        keterangan=templat.keterangan,
    )
    for k in templat.komponen.order_by("urutan", "pk").prefetch_related("sub__kriteria"):
        k2 = Komponen.objects.create(templat=baru, kode=k.kode, nama=k.nama, bobot=k.bobot, urutan=k.urutan)
        for s in k.sub.all():
            s2 = SubKomponen.objects.create(komponen=k2, kode=s.kode, nama=s.nama, bobot=s.bobot, urutan=s.urutan)
            for c in s.kriteria.all():
                Kriteria.objects.create(
                    sub=s2,
                    nomor=c.nomor,
                    uraian=c.uraian,
                    bobot=c.bobot,
                    bukti_diharapkan=c.bukti_diharapkan,
                    langkah_kerja=c.langkah_kerja,
                    sumber=c.sumber,
                )
    return baru


def _editable(templat: Templat, pemda_id: int) -> Templat:
    """The template itself when the pemda may change it in place, else a new copy (official, or frozen)."""
    locked = Templat.objects.select_for_update().get(pk=templat.pk)
    if locked.pemda_id == pemda_id and not locked.dipakai():
        return locked
    return copy_templat(locked, pemda_id, locked.nama if locked.pemda_id == pemda_id else "")


@transaction.atomic
def update_kriteria(kriteria: Kriteria, pemda_id: int, **data) -> Kriteria:
    """Change a criterion; a template in use (or official) is not changed: the change goes into a new copy,
    whose criterion is returned."""
    templat = _editable(kriteria.sub.komponen.templat, pemda_id)
    target = Kriteria.objects.get(sub__komponen__templat=templat, sub__kode=kriteria.sub.kode, nomor=kriteria.nomor)
    for name, value in data.items():
        setattr(target, name, value)
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def update_templat(templat: Templat, pemda_id: int, **data) -> Templat:
    """Change a template's name, scale or predikat boundary rule; frozen ones are copied first."""
    target = _editable(templat, pemda_id)
    for name, value in data.items():
        setattr(target, name, value)
    target.full_clean()
    target.save()
    return target


# --- Evaluations ---------------------------------------------------------------------------------------


@transaction.atomic
def open_evaluasi(
    opd, tahun: int, templat: Templat, tim: list[tuple[User, str]], *, mulai=None, selesai=None, demo=False
):
    """Open the evaluation of ``opd`` for ``tahun`` with its team [(user, PeranTim)]: at least a ketua tim
    and a pengendali teknis, every member an evaluator of the OPD."""
    if templat.pemda_id not in (None, opd.pemda_id):
        raise ValidationError({"templat": _("Templat ini milik pemda lain.")})
    peran = [p for _u, p in tim]
    if PeranTim.KETUA not in peran or PeranTim.PENGENDALI not in peran:
        raise ValidationError(_("Tim evaluasi harus punya ketua tim dan pengendali teknis."))
    for user, _p in tim:
        if not access.scope_for(user).can(access.Perm.EVALUATE, opd_id=opd.pk):
            raise ValidationError(_("%(u)s bukan evaluator perangkat daerah ini.") % {"u": user.get_full_name()})
    if Evaluasi.objects.filter(opd=opd, tahun=tahun).exists():
        raise ValidationError(_("Perangkat daerah ini sudah punya evaluasi untuk tahun %(t)s.") % {"t": tahun})
    evaluasi = Evaluasi.objects.create(opd=opd, tahun=tahun, templat=templat, mulai=mulai, selesai=selesai, demo=demo)
    seen = set()
    for user, p in tim:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        AnggotaTim.objects.create(evaluasi=evaluasi, user=user, peran=p)
    return evaluasi


def token_of(jawaban: Jawaban | None) -> str:
    """What a form carries to detect a change made since the page was loaded."""
    return jawaban.updated_at.isoformat() if jawaban else ""


@transaction.atomic
def save_jawaban(
    evaluasi: Evaluasi,
    kriteria: Kriteria,
    *,
    actor,
    grade: str,
    catatan: str = "",
    saran: str = "",
    alasan_beda: str = "",
    token: str | None = None,
) -> Jawaban:
    """Grade ``kriteria`` at the level of the evaluation's current stage. A grade that differs from Sakip's
    suggestion needs a reason (evaluator levels); a grade changed by someone else since ``token`` is a
    :class:`Konflik`; a final evaluation, or the wrong person for the level, is refused."""
    evaluasi = lock(evaluasi)
    tingkat = TINGKAT_STATUS.get(evaluasi.status)
    if tingkat is None:
        raise ValidationError(_("Evaluasi sudah final: nilai tidak dapat diubah."))
    if not access.may_grade(actor, evaluasi, tingkat):
        raise PermissionDenied
    if kriteria.sub.komponen.templat_id != evaluasi.templat_id:
        raise ValidationError(_("Kriteria bukan dari templat evaluasi ini."))
    if grade not in dict(skor.SKALA[evaluasi.templat.skala]):
        raise ValidationError({"grade": _("Nilai tidak ada pada skala templat.")})
    if tingkat != Tingkat.MANDIRI and saran and grade != saran and not alasan_beda.strip():
        raise ValidationError(
            {"alasan_beda": _("Nilai berbeda dari saran Sakip (%(s)s): tuliskan alasannya.") % {"s": saran}}
        )
    jawaban = Jawaban.objects.filter(evaluasi=evaluasi, kriteria=kriteria, tingkat=tingkat).first()
    if token is not None and token != token_of(jawaban):
        if jawaban is None:
            raise Konflik(_("Jawaban ini sudah dihapus orang lain."))
        raise Konflik(
            _("Diubah oleh %(nama)s pada %(jam)s menjadi %(grade)s.")
            % {
                "nama": jawaban.oleh_nama,
                "jam": date_format(timezone.localtime(jawaban.updated_at), "H.i"),
                "grade": jawaban.grade,
            }
        )
    jawaban = jawaban or Jawaban(evaluasi=evaluasi, kriteria=kriteria, tingkat=tingkat)
    jawaban.grade, jawaban.catatan, jawaban.oleh = grade, catatan, actor
    jawaban.saran = saran if tingkat != Tingkat.MANDIRI else ""
    jawaban.alasan_beda = alasan_beda if saran and grade != saran else ""
    jawaban.save()
    return jawaban


#: who moves an evaluation from each stage to the next
LANJUT_OLEH: dict[str, str] = {
    StatusEvaluasi.MANDIRI: Tingkat.MANDIRI,
    StatusEvaluasi.EVALUASI: Tingkat.ANGGOTA,
    StatusEvaluasi.REVIU_KETUA: Tingkat.KETUA,
}


@transaction.atomic
def lanjutkan(evaluasi: Evaluasi, *, actor) -> Evaluasi:
    """Send the evaluation to its next stage (self-assessment → evaluator → ketua tim → pengendali teknis); the
    reviewers start from the grades of the level below, which they keep or change."""
    evaluasi = lock(evaluasi)
    tingkat = LANJUT_OLEH.get(evaluasi.status)
    if tingkat is None:
        raise ValidationError(_("Tahap ini diselesaikan dengan Finalkan."))
    if not access.may_grade(actor, evaluasi, tingkat):
        raise PermissionDenied
    if tingkat != Tingkat.MANDIRI:
        lke = load(evaluasi)
        kosong = [c.kode for c in lke.kriteria.values() if lke.grade(c.pk) is None]
        if kosong:
            raise ValidationError(
                _("%(n)s kriteria belum dinilai, mis. %(k)s.") % {"n": len(kosong), "k": ", ".join(kosong[:5])}
            )
    evaluasi.status = URUTAN_STATUS[URUTAN_STATUS.index(evaluasi.status) + 1]
    evaluasi.save(update_fields=["status", "updated_at"])
    return evaluasi


@transaction.atomic
def rilis(evaluasi: Evaluasi, *, actor) -> Evaluasi:
    """Release the evaluators' grades and notes to the OPD (also done when final)."""
    evaluasi = lock(evaluasi)
    if not access.may_grade(actor, evaluasi, Tingkat.KETUA):
        raise PermissionDenied
    if evaluasi.dirilis_pada is None:
        evaluasi.dirilis_pada = timezone.now()
        evaluasi.save(update_fields=["dirilis_pada", "updated_at"])
    return evaluasi


def render_lhe(evaluasi: Evaluasi, lke: Lke | None = None) -> bytes:
    """The Laporan Hasil Evaluasi as PDF, through the one PDF path."""
    lke = lke or load(evaluasi)
    hasil = nilai(lke)
    temuan = []
    for k in lke.komponen:
        catatan = []
        for c in (c for s in k.daftar_sub for c in s.daftar_kriteria):
            teks = next((j.catatan for t in TINGKAT_EVALUATOR if (j := lke.jawaban.get((c.pk, t))) and j.catatan), "")
            if teks:
                catatan.append((c.kode, teks))
        temuan.append((k, catatan))
    context = {
        "evaluasi": evaluasi,
        "lke": lke,
        "hasil": hasil,
        "temuan": temuan,
        "rekomendasi": list(evaluasi.rekomendasi.select_related("unit_kerja").order_by("komponen", "pk")),
        "bands": skor.pita(),
        "inklusif": lke.templat.inklusif,
        "tanggal": timezone.localdate(evaluasi.difinalkan_pada) if evaluasi.difinalkan_pada else timezone.localdate(),
        "draft": not evaluasi.is_final,
    }
    return render_pdf("evaluasi/lhe_pdf.html", context, paper=evaluasi.opd.pemda.ukuran_kertas)


@transaction.atomic
def finalkan(evaluasi: Evaluasi, *, actor) -> Evaluasi:
    """The pengendali teknis closes the evaluation: the grades lock, the score and predikat are stored, the
    evaluators' notes are released and the LHE is printed once and kept with its SHA-256."""
    evaluasi = lock(evaluasi)
    if evaluasi.status != StatusEvaluasi.REVIU_PENGENDALI:
        raise ValidationError(_("Hanya evaluasi pada tahap reviu pengendali teknis yang dapat difinalkan."))
    if not access.may_grade(actor, evaluasi, Tingkat.PENGENDALI):
        raise PermissionDenied
    lke = load(evaluasi)
    hasil = nilai(lke)
    now = timezone.now()
    evaluasi.status = StatusEvaluasi.FINAL
    evaluasi.nilai_akhir = skor.bulat(hasil.total)
    evaluasi.predikat = hasil.predikat
    evaluasi.dirilis_pada = evaluasi.dirilis_pada or now
    evaluasi.difinalkan_pada, evaluasi.difinalkan_oleh = now, actor
    pdf = render_lhe(evaluasi, lke)
    evaluasi.lhe_sha256 = hashlib.sha256(pdf).hexdigest()
    evaluasi.lhe_pdf.save(f"lhe-{evaluasi.opd.kode}-{evaluasi.tahun}.pdf", ContentFile(pdf), save=False)
    evaluasi.save()
    return evaluasi


@transaction.atomic
def add_lampiran(evaluasi: Evaluasi, kriteria: Kriteria, berkas, *, actor) -> Lampiran:
    """Attach a file to a criterion (what Sakip does not hold); refused once final."""
    evaluasi = lock(evaluasi)
    if evaluasi.is_final:
        raise ValidationError(_("Evaluasi sudah final."))
    if not (access.may_grade(actor, evaluasi, Tingkat.MANDIRI) or access.may_grade(actor, evaluasi, Tingkat.ANGGOTA)):
        raise PermissionDenied
    return Lampiran.objects.create(
        evaluasi=evaluasi,
        kriteria=kriteria,
        berkas=berkas,
        nama=berkas.name[:200],
        ukuran=berkas.size,
        sha256=sha256_of(berkas),
    )


# --- Recommendations and follow-up ---------------------------------------------------------------------


@transaction.atomic
def create_rekomendasi(
    evaluasi: Evaluasi, *, actor, uraian: str, tenggat, komponen: str = "", unit_kerja=None
) -> Rekomendasi:
    evaluasi = lock(evaluasi)
    if not access.may_grade(actor, evaluasi, Tingkat.ANGGOTA) and not access.can(actor, access.Perm.EVALUATE, evaluasi):
        raise PermissionDenied
    if unit_kerja is not None and unit_kerja.opd_id != evaluasi.opd_id:
        raise ValidationError({"unit_kerja": _("Unit kerja harus dari perangkat daerah yang dievaluasi.")})
    return Rekomendasi.objects.create(
        evaluasi=evaluasi, uraian=uraian, tenggat=tenggat, komponen=komponen, unit_kerja=unit_kerja
    )


def _lock_rekomendasi(rekomendasi: Rekomendasi) -> Rekomendasi:
    lock(rekomendasi.evaluasi)
    return Rekomendasi.objects.select_related("evaluasi__opd").get(pk=rekomendasi.pk)


@transaction.atomic
def lapor_tindak_lanjut(
    rekomendasi: Rekomendasi, *, actor, tindak_lanjut: str, progres: int, bukti=None
) -> Rekomendasi:
    """The OPD reports its follow-up (progress and evidence); an accepted one is closed."""
    rek = _lock_rekomendasi(rekomendasi)
    if not access.can(actor, access.Perm.EDIT, rek.evaluasi):
        raise PermissionDenied
    if rek.status == Rekomendasi.Status.DITERIMA:
        raise ValidationError(_("Tindak lanjut ini sudah diterima."))
    rek.tindak_lanjut, rek.progres, rek.dilaporkan_oleh = tindak_lanjut, progres, actor
    rek.status = Rekomendasi.Status.DILAPORKAN
    if bukti is not None:
        rek.bukti = bukti
    rek.full_clean(exclude=["bukti"])
    rek.save()
    return rek


@transaction.atomic
def terima_tindak_lanjut(rekomendasi: Rekomendasi, *, actor) -> Rekomendasi:
    """The Inspektorat accepts a reported follow-up."""
    rek = _lock_rekomendasi(rekomendasi)
    if not access.can(actor, access.Perm.EVALUATE, rek.evaluasi):
        raise PermissionDenied
    if rek.status != Rekomendasi.Status.DILAPORKAN:
        raise ValidationError(_("Belum ada tindak lanjut yang dilaporkan."))
    rek.status, rek.diterima_oleh, rek.diterima_pada = Rekomendasi.Status.DITERIMA, actor, timezone.now()
    rek.save()
    return rek


def print_lhe(opd, tahun: int, *, preview: bool = False) -> tuple[bytes, str]:
    """``render_document lhe``: the stored final LHE of the OPD's evaluation of ``tahun``, else (or with
    ``preview``) one printed from the current grades."""
    evaluasi = Evaluasi.objects.select_related("opd__pemda", "templat").filter(opd=opd, tahun=tahun).first()
    if evaluasi is None:
        raise documents.Lewati(_("belum ada evaluasi AKIP tahun %(t)s") % {"t": tahun})
    if evaluasi.lhe_pdf and not preview:
        with evaluasi.lhe_pdf.open("rb") as handle:
            return handle.read(), f"LHE {evaluasi} (final, SHA-256 {evaluasi.lhe_sha256})"
    return render_lhe(evaluasi), f"LHE {evaluasi} ({evaluasi.get_status_display()}, dari data terkini)"

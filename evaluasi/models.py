"""Evaluasi AKIP (PermenPAN-RB 88/2021): the LKE template as data, the evaluation of an OPD per year with every
level's grades, attachments, the LHE and its recommendations with their follow-up (tindak lanjut).

A :class:`Templat` without pemda is official (the 88/2021 LKE, shipped by a data migration) and every pemda may
use it or copy it to adapt it (Pasal 6); a template an evaluation uses is frozen, a change makes a new one
(:func:`evaluasi.services.update_kriteria`). An :class:`Evaluasi` keeps one :class:`Jawaban` per criterion and
level: the OPD's self-assessment, the evaluator's grade, the ketua tim's and the pengendali teknis' review.
"""

from __future__ import annotations

from decimal import Decimal

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from evaluasi import skor
from sakip import access
from sakip.lib.numbers import format_number
from sakip.models import ActorNamesModel, OpdScopedModel, ScopedQuerySet, TimeStampedModel


class Skala(models.TextChoices):
    """The answer scale of a template's criteria (regulations §6.2)."""

    AA_E = "aa-e", _("AA, A, BB, B, CC, C, D, E")
    Y_T = "y-t", _("Y/T")
    A_D = "a-d", _("A, B, C, D")


class AturanBatas(models.TextChoices):
    """Whether a predikat band's lower bound belongs to it (88/2021 prints "> 70 – 80": exclusive)."""

    EKSKLUSIF = "eksklusif", _("Batas bawah tidak termasuk (> 70 – 80 = BB)")
    INKLUSIF = "inklusif", _("Batas bawah termasuk (≥ 70 – < 80 = BB)")


class TemplatQuerySet(models.QuerySet):
    def for_pemda(self, pemda_id: int | None):
        """The official templates and the pemda's own."""
        return self.filter(Q(pemda__isnull=True) | Q(pemda_id=pemda_id))

    def for_user(self, user):
        if access.scope_for(user).everything:
            return self
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.for_pemda(getattr(user, "pemda_id", None))


class Templat(TimeStampedModel):
    """An LKE template: official (no pemda) or a pemda's adaptation; frozen once an evaluation uses it."""

    pemda = models.ForeignKey(
        "sakip.Pemda",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="templat_lke",
        verbose_name=_("pemda"),
        help_text=_("Kosong: templat resmi, dipakai semua pemda."),
    )
    nama = models.CharField(_("nama"), max_length=200)
    skala = models.CharField(_("skala jawaban"), max_length=8, choices=Skala.choices, default=Skala.AA_E)
    aturan_batas = models.CharField(
        _("batas predikat"), max_length=10, choices=AturanBatas.choices, default=AturanBatas.EKSKLUSIF
    )
    asal = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="salinan", verbose_name=_("disalin dari")
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    objects = TemplatQuerySet.as_manager()

    class Meta:
        verbose_name = _("templat LKE")
        verbose_name_plural = _("templat LKE")
        ordering = ["pemda_id", "pk"]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("evaluasi:templat_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}

    @property
    def opd_id(self) -> None:  # access: a template belongs to a pemda, not to an OPD
        return None

    @property
    def resmi(self) -> bool:
        return self.pemda_id is None

    @property
    def inklusif(self) -> bool:
        return self.aturan_batas == AturanBatas.INKLUSIF

    def dipakai(self) -> bool:
        """Frozen: an evaluation uses it."""
        return self.evaluasi.exists()

    def grade_choices(self) -> list[tuple[str, str]]:
        return [(g, f"{g} ({format_number(v, 0)})") for g, v in skor.SKALA[self.skala]]


class Komponen(models.Model):
    """A komponen of a template (Perencanaan, Pengukuran, Pelaporan, Evaluasi Internal) with its weight."""

    templat = models.ForeignKey(Templat, on_delete=models.CASCADE, related_name="komponen", verbose_name=_("templat"))
    kode = models.CharField(_("kode"), max_length=10)
    nama = models.CharField(_("nama"), max_length=300)
    bobot = models.DecimalField(_("bobot"), max_digits=6, decimal_places=2)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("komponen")
        verbose_name_plural = _("komponen")
        ordering = ["templat", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["templat", "kode"],
                name="evaluasi_komponen_unique_kode",
                violation_error_message=_("Kode komponen sudah dipakai di templat ini."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode}. {self.nama}"

    def get_additional_data(self) -> dict:
        return self.templat.get_additional_data()


class SubKomponen(models.Model):
    """A sub-komponen (keberadaan, kualitas, pemanfaatan …) with its weight within the total."""

    komponen = models.ForeignKey(Komponen, on_delete=models.CASCADE, related_name="sub", verbose_name=_("komponen"))
    kode = models.CharField(_("kode"), max_length=10)
    nama = models.TextField(_("nama"))
    bobot = models.DecimalField(_("bobot"), max_digits=6, decimal_places=2)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("sub-komponen")
        verbose_name_plural = _("sub-komponen")
        ordering = ["komponen", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def get_additional_data(self) -> dict:
        return self.komponen.get_additional_data()


class Kriteria(models.Model):
    """One criterion of the LKE: what is asked, the evidence expected, the evaluator's working steps, and the rule
    by which Sakip finds evidence for it in its own data (``sumber``, a key of :data:`evaluasi.bukti.ATURAN`)."""

    sub = models.ForeignKey(
        SubKomponen, on_delete=models.CASCADE, related_name="kriteria", verbose_name=_("sub-komponen")
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.TextField(_("kriteria"))
    bobot = models.DecimalField(_("bobot dalam sub-komponen"), max_digits=6, decimal_places=2, default=Decimal(1))
    bukti_diharapkan = models.TextField(_("bukti yang diharapkan"), blank=True)
    langkah_kerja = models.TextField(_("langkah kerja evaluator"), blank=True)
    sumber = models.CharField(_("bukti dari data Sakip"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("kriteria")
        verbose_name_plural = _("kriteria")
        ordering = ["sub", "nomor"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"

    @property
    def kode(self) -> str:
        return f"{self.sub.kode}.{self.nomor}"

    def get_additional_data(self) -> dict:
        return self.sub.get_additional_data()


class StatusEvaluasi(models.TextChoices):
    """Where an evaluation stands, in the order of the work."""

    MANDIRI = "mandiri", _("Penilaian mandiri OPD")
    EVALUASI = "evaluasi", _("Dinilai evaluator")
    REVIU_KETUA = "reviu_ketua", _("Reviu ketua tim")
    REVIU_PENGENDALI = "reviu_pt", _("Reviu pengendali teknis")
    FINAL = "final", _("Final")


class EvaluasiQuerySet(ScopedQuerySet):
    def annotate_peran(self, user):
        """Each evaluation with ``peran_saya``: the user's role in its team (None when not in it)."""
        mine = AnggotaTim.objects.filter(evaluasi=OuterRef("pk"), user=user).values("peran")[:1]
        return self.annotate(peran_saya=Subquery(mine))


class Evaluasi(ActorNamesModel, OpdScopedModel):
    """The evaluation of one OPD's SAKIP implementation for one year (the performance year evaluated)."""

    Status = StatusEvaluasi

    opd = models.ForeignKey(
        "sakip.PerangkatDaerah", on_delete=models.CASCADE, related_name="evaluasi", verbose_name=_("perangkat daerah")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun kinerja yang dievaluasi"))
    templat = models.ForeignKey(Templat, on_delete=models.PROTECT, related_name="evaluasi", verbose_name=_("templat"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.MANDIRI)
    mulai = models.DateField(_("mulai"), null=True, blank=True)
    selesai = models.DateField(_("batas selesai"), null=True, blank=True)
    demo = models.BooleanField(_("data demo"), default=False)
    dirilis_pada = models.DateTimeField(_("catatan evaluator dirilis pada"), null=True, blank=True)
    inspektur_nama = models.CharField(_("nama inspektur"), max_length=200, blank=True)
    inspektur_nip = models.CharField(_("NIP inspektur"), max_length=18, blank=True)
    nilai_akhir = models.DecimalField(_("nilai akhir"), max_digits=5, decimal_places=2, null=True, blank=True)
    predikat = models.CharField(_("predikat"), max_length=2, blank=True)
    lhe_pdf = models.FileField(_("LHE final"), upload_to="evaluasi/lhe/", blank=True)
    lhe_sha256 = models.CharField(_("SHA-256 LHE"), max_length=64, blank=True)
    difinalkan_pada = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("difinalkan oleh"),
    )
    difinalkan_oleh_nama = models.CharField(_("difinalkan oleh (nama)"), max_length=200, blank=True)

    objects = EvaluasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluasi AKIP")
        verbose_name_plural = _("evaluasi AKIP")
        ordering = ["-tahun", "opd__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun"],
                name="evaluasi_evaluasi_unique_opd_tahun",
                violation_error_message=_("Perangkat daerah ini sudah punya evaluasi untuk tahun itu."),
            )
        ]

    def __str__(self) -> str:
        return _("Evaluasi AKIP %(opd)s tahun %(tahun)s") % {
            "opd": self.opd.singkatan or self.opd.nama,
            "tahun": self.tahun,
        }

    def get_absolute_url(self) -> str:
        return reverse("evaluasi:evaluasi_detail", args=[self.pk])

    @property
    def is_final(self) -> bool:
        return self.status == StatusEvaluasi.FINAL


class PeranTim(models.TextChoices):
    ANGGOTA = "anggota", _("Anggota tim")
    KETUA = "ketua", _("Ketua tim")
    PENGENDALI = "pengendali", _("Pengendali teknis")


class AnggotaTim(ActorNamesModel, models.Model):
    """A member of an evaluation's team and their role in it."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="tim", verbose_name=_("evaluasi"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("pengguna")
    )
    user_nama = models.CharField(_("nama"), max_length=200, blank=True)
    peran = models.CharField(_("peran dalam tim"), max_length=12, choices=PeranTim.choices)

    class Meta:
        verbose_name = _("anggota tim evaluasi")
        verbose_name_plural = _("tim evaluasi")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "user"],
                name="evaluasi_anggotatim_unique",
                violation_error_message=_("Pengguna ini sudah ada di tim."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_nama} ({self.get_peran_display()})"

    def get_additional_data(self) -> dict:
        return self.evaluasi.get_additional_data()


class Tingkat(models.TextChoices):
    """The levels a criterion is graded at, in order; the highest present is the grade that counts."""

    MANDIRI = "mandiri", _("Penilaian mandiri")
    ANGGOTA = "anggota", _("Evaluator")
    KETUA = "ketua", _("Ketua tim")
    PENGENDALI = "pengendali", _("Pengendali teknis")


class Jawaban(ActorNamesModel, TimeStampedModel):
    """One level's grade and note for one criterion of an evaluation; every level is kept."""

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban", verbose_name=_("evaluasi"))
    kriteria = models.ForeignKey(Kriteria, on_delete=models.CASCADE, related_name="jawaban", verbose_name=_("kriteria"))
    tingkat = models.CharField(_("tingkat"), max_length=12, choices=Tingkat.choices)
    grade = models.CharField(_("nilai"), max_length=2)
    catatan = models.TextField(_("catatan"), blank=True)
    saran = models.CharField(_("nilai yang disarankan Sakip"), max_length=2, blank=True)
    alasan_beda = models.TextField(_("alasan berbeda dari saran"), blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("oleh")
    )
    oleh_nama = models.CharField(_("oleh (nama)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("jawaban LKE")
        verbose_name_plural = _("jawaban LKE")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluasi", "kriteria", "tingkat"],
                name="evaluasi_jawaban_unique_tingkat",
                violation_error_message=_("Kriteria ini sudah dinilai pada tingkat ini."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kriteria.kode} {self.get_tingkat_display()}: {self.grade}"

    def get_additional_data(self) -> dict:
        return self.evaluasi.get_additional_data()


class Lampiran(TimeStampedModel):
    """A file attached to a criterion for what Sakip does not hold (SOP, minutes, decisions)."""

    evaluasi = models.ForeignKey(
        Evaluasi, on_delete=models.CASCADE, related_name="lampiran", verbose_name=_("evaluasi")
    )
    kriteria = models.ForeignKey(
        Kriteria, on_delete=models.CASCADE, related_name="lampiran", verbose_name=_("kriteria")
    )
    berkas = models.FileField(_("berkas"), upload_to="evaluasi/lampiran/%Y/")
    nama = models.CharField(_("nama berkas"), max_length=200)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("lampiran LKE")
        verbose_name_plural = _("lampiran LKE")

    def __str__(self) -> str:
        return self.nama

    def get_additional_data(self) -> dict:
        return self.evaluasi.get_additional_data()


class StatusRekomendasi(models.TextChoices):
    TERBUKA = "terbuka", _("Belum ditindaklanjuti")
    DILAPORKAN = "dilaporkan", _("Tindak lanjut dilaporkan")
    DITERIMA = "diterima", _("Tindak lanjut diterima")


class Rekomendasi(ActorNamesModel, TimeStampedModel):
    """A recommendation of the LHE, with its target date, responsible unit and follow-up."""

    Status = StatusRekomendasi

    evaluasi = models.ForeignKey(
        Evaluasi, on_delete=models.CASCADE, related_name="rekomendasi", verbose_name=_("evaluasi")
    )
    komponen = models.CharField(_("komponen"), max_length=10, blank=True)
    uraian = models.TextField(_("rekomendasi"))
    tenggat = models.DateField(_("target selesai"))
    unit_kerja = models.ForeignKey(
        "sakip.UnitKerja",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit penanggung jawab"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.TERBUKA)
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    progres = models.PositiveSmallIntegerField(
        _("progres (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    bukti = models.FileField(_("bukti tindak lanjut"), upload_to="evaluasi/tindak-lanjut/%Y/", blank=True)
    dilaporkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dilaporkan oleh"),
    )
    dilaporkan_oleh_nama = models.CharField(_("dilaporkan oleh (nama)"), max_length=200, blank=True)
    diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diterima oleh"),
    )
    diterima_oleh_nama = models.CharField(_("diterima oleh (nama)"), max_length=200, blank=True)
    diterima_pada = models.DateTimeField(_("diterima pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")
        ordering = ["evaluasi", "komponen", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progres__lte=100),
                name="evaluasi_rekomendasi_progres_max",
                violation_error_message=_("Progres paling banyak 100%."),
            )
        ]

    def __str__(self) -> str:
        return self.uraian[:80]

    def get_additional_data(self) -> dict:
        return self.evaluasi.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.evaluasi.opd_id


for _model in (Templat, Komponen, SubKomponen, Kriteria, Evaluasi, AnggotaTim, Jawaban, Lampiran, Rekomendasi):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])

"""The medium-term plan: RPJMD periods, an OPD's Renstra in versions, its tree, indicators, targets, pagu.

The tree is one table (``Elemen``) with a level and a parent: tujuan → sasaran → program → kegiatan →
sub kegiatan. Pagu lives on sub kegiatan only; every total above is computed (``renstra.services``).
"""

from __future__ import annotations

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip import access
from sakip.lib.values import format_value
from sakip.models import ActorNamesModel, Pemda, PerangkatDaerah, ScopedQuerySet, TimeStampedModel, UnitKerja

# --- RPJMD --------------------------------------------------------------------------------------


class PeriodeQuerySet(models.QuerySet):
    """RPJMD periods a user may see: every one of their pemda."""

    def for_user(self, user):
        scope = access.scope_for(user)
        if scope.everything:
            return self
        if not scope.roles:
            return self.none()
        return self.filter(pemda_id=user.pemda_id)


class Periode(TimeStampedModel):
    """An RPJMD period of a pemda (e.g. 2021–2026): visi, misi, and what OPD plans support."""

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="periode", verbose_name=_("pemda"))
    nama = models.CharField(_("nama"), max_length=150, help_text=_("Mis. RPJMD 2021–2026."))
    tahun_awal = models.PositiveSmallIntegerField(_("tahun awal"))
    tahun_akhir = models.PositiveSmallIntegerField(_("tahun akhir"))
    visi = models.TextField(_("visi"), blank=True)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=250, blank=True, help_text=_("Mis. Perda 2/2021."))

    objects = PeriodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("periode RPJMD")
        verbose_name_plural = _("periode RPJMD")
        ordering = ["-tahun_awal"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun_akhir__gt=models.F("tahun_awal")) & Q(tahun_akhir__lte=models.F("tahun_awal") + 10),
                name="renstra_periode_tahun_akhir_after_awal",
                violation_error_message=_("Tahun akhir harus setelah tahun awal, paling lama 10 tahun."),
            ),
            models.UniqueConstraint(
                fields=["pemda", "tahun_awal"],
                name="renstra_periode_unique_pemda_tahun_awal",
                violation_error_message=_("Pemda ini sudah punya periode yang mulai pada tahun itu."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("renstra:periode_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}

    @property
    def years(self) -> list[int]:
        return list(range(self.tahun_awal, self.tahun_akhir + 1))


class PeriodeChild(TimeStampedModel):
    """What hangs from an RPJMD period (misi, tujuan, sasaran): audited under the period's pemda."""

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return {"pemda": self.periode_pemda_id}

    @property
    def pemda_id(self) -> int:
        return self.periode_pemda_id


class Misi(PeriodeChild):
    """A numbered misi of the kepala daerah."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="misi", verbose_name=_("periode"))
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.TextField(_("uraian"))

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["periode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomor"],
                name="renstra_misi_unique_periode_nomor",
                violation_error_message=_("Nomor misi ini sudah dipakai."),
            )
        ]

    def __str__(self) -> str:
        return f"Misi {self.nomor}: {self.uraian}"

    @property
    def periode_pemda_id(self) -> int:
        return self.periode.pemda_id


class TujuanRPJMD(PeriodeChild):
    """A tujuan of the RPJMD, under a misi."""

    periode = models.ForeignKey(
        Periode, on_delete=models.CASCADE, related_name="tujuan_rpjmd", verbose_name=_("periode")
    )
    misi = models.ForeignKey(
        Misi, on_delete=models.SET_NULL, null=True, blank=True, related_name="tujuan", verbose_name=_("misi")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("uraian"))
    indikator = models.TextField(_("indikator"), blank=True, help_text=_("Satu indikator per baris."))

    class Meta:
        verbose_name = _("tujuan RPJMD")
        verbose_name_plural = _("tujuan RPJMD")
        ordering = ["periode", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def periode_pemda_id(self) -> int:
        return self.periode.pemda_id


class SasaranRPJMD(PeriodeChild):
    """A sasaran of the RPJMD, under a tujuan; OPD tujuan and sasaran point to it (table T-C.28)."""

    tujuan = models.ForeignKey(
        TujuanRPJMD, on_delete=models.CASCADE, related_name="sasaran", verbose_name=_("tujuan RPJMD")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("uraian"))
    indikator = models.TextField(_("indikator"), blank=True, help_text=_("Satu indikator per baris."))

    class Meta:
        verbose_name = _("sasaran RPJMD")
        verbose_name_plural = _("sasaran RPJMD")
        ordering = ["tujuan", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def periode_pemda_id(self) -> int:
        return self.tujuan.periode.pemda_id


# --- Nomenclature master ------------------------------------------------------------------------


class Level(models.TextChoices):
    """The levels of the plan tree, from the top."""

    TUJUAN = "tujuan", _("Tujuan")
    SASARAN = "sasaran", _("Sasaran")
    PROGRAM = "program", _("Program")
    KEGIATAN = "kegiatan", _("Kegiatan")
    SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")


#: the level a child of each level has; None is the plan itself
CHILD_LEVELS = {
    None: (Level.TUJUAN, Level.PROGRAM),
    Level.TUJUAN: (Level.SASARAN,),
    Level.SASARAN: (Level.PROGRAM,),
    Level.PROGRAM: (Level.KEGIATAN,),
    Level.KEGIATAN: (Level.SUB_KEGIATAN,),
    Level.SUB_KEGIATAN: (),
}
CODED_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


class NomenklaturQuerySet(models.QuerySet):
    def official(self):
        """The Kepmendagri list, kept by the operator."""
        return self.filter(pemda__isnull=True)

    def for_pemda(self, pemda_id: int | None):
        """What a pemda's plans may use: the official list and the pemda's own local entries."""
        return self.filter(Q(pemda__isnull=True) | Q(pemda_id=pemda_id))

    def for_user(self, user):
        """Operators see every entry; everyone else the official list and their own pemda's entries."""
        if access.scope_for(user).everything:
            return self
        return self.for_pemda(getattr(user, "pemda_id", None))


class Nomenklatur(models.Model):
    """The list of urusan, bidang, program, kegiatan and sub kegiatan.

    An entry without pemda is the official Kepmendagri list: shared by every pemda, changed only by the
    operator (``manage.py load_nomenklatur``, the import page as superuser, ``/operator/``). An entry with a
    pemda is that pemda's local addition: seen only within it, and changed only by its admin
    (``access.can(user, Perm.MANAGE, item)`` decides both, from ``pemda_id``).
    """

    class Versi(models.TextChoices):
        V2021 = "050-5889/2021", _("Kepmendagri 050-5889/2021")
        V2023 = "900.1.15.5-1317/2023", _("Kepmendagri 900.1.15.5-1317/2023")

    class Tingkat(models.TextChoices):
        URUSAN = "urusan", _("Urusan")
        BIDANG = "bidang", _("Bidang urusan")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")

    pemda = models.ForeignKey(
        Pemda,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="nomenklatur_lokal",
        verbose_name=_("pemda (kosong: daftar resmi)"),
    )
    versi = models.CharField(_("versi"), max_length=30, choices=Versi.choices)
    tingkat = models.CharField(_("tingkat"), max_length=15, choices=Tingkat.choices)
    kode = models.CharField(_("kode"), max_length=30)
    nama = models.TextField(_("nomenklatur"))
    kinerja = models.TextField(_("kinerja"), blank=True)
    indikator = models.TextField(_("indikator"), blank=True)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)

    objects = NomenklaturQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomenklatur")
        verbose_name_plural = _("nomenklatur")
        ordering = ["versi", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["versi", "kode"],
                condition=Q(pemda__isnull=True),
                name="renstra_nomenklatur_unique_versi_kode",
                violation_error_message=_("Kode ini sudah ada dalam versi nomenklatur tersebut."),
            ),
            models.UniqueConstraint(
                fields=["pemda", "versi", "kode"],
                condition=Q(pemda__isnull=False),
                name="renstra_nomenklatur_unique_pemda_versi_kode",
                violation_error_message=_("Kode ini sudah ada dalam nomenklatur lokal pemda ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def is_official(self) -> bool:
        return self.pemda_id is None

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}


# --- Renstra and its versions --------------------------------------------------------------------


class RenstraQuerySet(ScopedQuerySet):
    """Renstra a user may see (``for_user``), by their OPD."""


class Renstra(TimeStampedModel):
    """The Renstra of one OPD for one RPJMD period; its content lives in versions."""

    opd = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("perangkat daerah")
    )
    periode = models.ForeignKey(Periode, on_delete=models.PROTECT, related_name="renstra", verbose_name=_("periode"))

    objects = RenstraQuerySet.as_manager()

    class Meta:
        verbose_name = _("renstra")
        verbose_name_plural = _("renstra")
        ordering = ["-periode__tahun_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "periode"],
                name="renstra_renstra_unique_opd_periode",
                violation_error_message=_("Perangkat daerah ini sudah punya Renstra untuk periode itu."),
            )
        ]

    def __str__(self) -> str:
        return f"Renstra {self.opd.singkatan or self.opd.nama} {self.periode.tahun_awal}–{self.periode.tahun_akhir}"

    def get_absolute_url(self) -> str:
        return reverse("renstra:renstra_detail", args=[self.pk])

    def versi_berlaku(self, tahun: int | None = None) -> RenstraVersi | None:
        """This Renstra's version in force in ``tahun`` (by default this year, or the period's nearest
        year when the period is past or to come), by the one rule of :meth:`VersiQuerySet.berlaku_pada`."""
        if tahun is None:
            tahun = min(max(timezone.localdate().year, self.periode.tahun_awal), self.periode.tahun_akhir)
        return self.versi.berlaku_pada(tahun).first()

    def get_additional_data(self) -> dict:
        return {"pemda": self.periode.pemda_id, "opd": self.opd_id}


class VersiQuerySet(ScopedQuerySet):
    """Renstra versions a user may see, and the ones in force."""

    opd_lookup = "renstra__opd"

    def ditetapkan(self):
        return self.filter(status=RenstraVersi.Status.DITETAPKAN)

    def berlaku_pada(self, tahun: int):
        """The versions that may be in force in ``tahun``, ordered so that the one in force comes first
        for each OPD: ditetapkan, of a period that covers the year, applying from that year or before,
        the latest start and then the latest perubahan winning. The one rule used everywhere."""
        return (
            self.ditetapkan()
            .filter(
                renstra__periode__tahun_awal__lte=tahun,
                renstra__periode__tahun_akhir__gte=tahun,
                berlaku_mulai__lte=tahun,
            )
            .order_by("-berlaku_mulai", "-nomor")
        )

    def tahun_tercakup(self, opd) -> list[int]:
        """The years for which an OPD has a Renstra version in force, newest first (what a PK can be made for)."""
        years: set[int] = set()
        for mulai, awal, akhir in (
            self.ditetapkan()
            .filter(renstra__opd=opd)
            .values_list("berlaku_mulai", "renstra__periode__tahun_awal", "renstra__periode__tahun_akhir")
        ):
            years.update(range(max(mulai or awal, awal), akhir + 1))
        return sorted(years, reverse=True)

    def berlaku(self, opd, tahun: int) -> RenstraVersi | None:
        """The Renstra version in force for an OPD in a year, or None."""
        return (
            self.berlaku_pada(tahun)
            .filter(renstra__opd=opd)
            .select_related("renstra__periode", "renstra__opd__pemda")
            .first()
        )


class StatusVersi(models.TextChoices):
    """The status of a Renstra version (``RenstraVersi.Status``); at module level so that Meta can name it."""

    DRAFT = "draft", _("Draf")
    DITETAPKAN = "ditetapkan", _("Ditetapkan")


class RenstraVersi(ActorNamesModel, TimeStampedModel):
    """One version of a Renstra: the murni, then each perubahan/penyesuaian. Ditetapkan is read-only."""

    class Jenis(models.TextChoices):
        MURNI = "murni", _("Murni")
        PERUBAHAN = "perubahan", _("Perubahan")
        PENYESUAIAN = "penyesuaian", _("Penyesuaian")

    Status = StatusVersi

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="versi", verbose_name=_("renstra"))
    nomor = models.PositiveSmallIntegerField(_("versi ke"))
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices, default=Jenis.MURNI)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    dasar_hukum_nomor = models.CharField(
        _("nomor dasar hukum"),
        max_length=200,
        blank=True,
        help_text=_("Mis. Peraturan Bupati Balangan Nomor 47 Tahun 2023."),
    )
    dasar_hukum_tanggal = models.DateField(_("tanggal dasar hukum"), null=True, blank=True)
    alasan = models.TextField(_("alasan perubahan"), blank=True)
    berlaku_mulai = models.PositiveSmallIntegerField(
        _("berlaku mulai tahun"), null=True, blank=True, help_text=_("Tahun pertama versi ini dipakai (PK, LKjIP).")
    )
    dasar = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="turunan", verbose_name=_("disalin dari")
    )
    ditetapkan_pada = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditetapkan oleh"),
    )
    ditetapkan_oleh_nama = models.CharField(_("ditetapkan oleh (nama)"), max_length=200, blank=True)

    objects = VersiQuerySet.as_manager()

    class Meta:
        verbose_name = _("versi renstra")
        verbose_name_plural = _("versi renstra")
        ordering = ["renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["renstra", "nomor"],
                name="renstra_renstraversi_unique_renstra_nomor",
                violation_error_message=_("Nomor versi ini sudah dipakai."),
            ),
            models.CheckConstraint(
                condition=Q(status=StatusVersi.DRAFT) | Q(berlaku_mulai__isnull=False),
                name="renstra_renstraversi_ditetapkan_has_berlaku_mulai",
                violation_error_message=_("Versi yang ditetapkan harus punya tahun mulai berlaku."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.renstra} — {self.get_jenis_display()} (versi {self.nomor})"

    def get_absolute_url(self) -> str:
        return reverse("renstra:versi_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.renstra.opd.pemda_id, "opd": self.renstra.opd_id}

    @property
    def opd_id(self) -> int:
        return self.renstra.opd_id

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def years(self) -> list[int]:
        return self.renstra.periode.years

    @property
    def label(self) -> str:
        return f"{self.get_jenis_display()} (versi {self.nomor})"


# --- The plan tree ------------------------------------------------------------------------------


class ElemenQuerySet(ScopedQuerySet):
    """Plan elements a user may see, by the OPD of their Renstra."""

    opd_lookup = "versi__renstra__opd"


class Elemen(TimeStampedModel):
    """One node of the plan tree: a tujuan, sasaran, program, kegiatan or sub kegiatan."""

    Level = Level  # so that templates can name the levels (``e.Level.SUB_KEGIATAN``)

    versi = models.ForeignKey(RenstraVersi, on_delete=models.CASCADE, related_name="elemen", verbose_name=_("versi"))
    level = models.CharField(_("tingkat"), max_length=15, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("induk")
    )
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    kode = models.CharField(_("kode"), max_length=40, blank=True)
    nama = models.TextField(_("uraian"))
    nomenklatur = models.ForeignKey(
        Nomenklatur, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("nomenklatur")
    )
    unit_kerja = models.ForeignKey(
        UnitKerja,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit kerja penanggung jawab"),
    )
    unit_kerja_teks = models.CharField(
        _("penanggung jawab (tertulis)"), max_length=250, blank=True, help_text=_("Sebagaimana tertulis di dokumen.")
    )
    lokasi = models.CharField(_("lokasi"), max_length=200, blank=True)
    rp_tercetak = models.JSONField(
        _("Rp tercetak di sumber"),
        default=dict,
        blank=True,
        help_text=_('Jumlah Rp per tahun dan kondisi akhir ("akhir") sebagaimana tercetak di berkas asal.'),
    )
    misi = models.ForeignKey(
        Misi, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("misi")
    )
    sasaran_rpjmd = models.ForeignKey(
        SasaranRPJMD,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sasaran RPJMD"),
    )
    asal = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="salinan", verbose_name=_("asal")
    )

    objects = ElemenQuerySet.as_manager()

    class Meta:
        verbose_name = _("elemen renstra")
        verbose_name_plural = _("elemen renstra")
        ordering = ["urutan", "pk"]
        indexes = [models.Index(fields=["versi", "level"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(level=Level.TUJUAN) | Q(parent__isnull=True),
                name="renstra_elemen_tujuan_is_root",
                violation_error_message=_("Tujuan berada langsung di bawah Renstra."),
            ),
            models.CheckConstraint(
                condition=Q(level__in=[Level.TUJUAN, Level.PROGRAM]) | Q(parent__isnull=False),
                name="renstra_elemen_needs_parent",
                violation_error_message=_("Hanya tujuan dan program penunjang yang boleh tanpa induk."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()

    def get_additional_data(self) -> dict:
        renstra = self.versi.renstra
        return {"pemda": renstra.opd.pemda_id, "opd": renstra.opd_id}

    @property
    def opd_id(self) -> int:
        return self.versi.renstra.opd_id

    def clean(self) -> None:
        parent_level = self.parent.level if self.parent_id else None
        if self.level and self.level not in CHILD_LEVELS[parent_level]:
            where = self.parent.get_level_display().lower() if self.parent_id else _("Renstra")
            raise ValidationError(
                {
                    "level": _("%(level)s tidak dapat berada di bawah %(where)s.")
                    % {"level": self.get_level_display(), "where": where}
                }
            )
        if self.parent_id and self.versi_id and self.parent.versi_id != self.versi_id:
            raise ValidationError({"parent": _("Induk harus dari versi yang sama.")})


class StrategiQuerySet(ScopedQuerySet):
    """Strategi a user may see, by the OPD of their Renstra."""

    opd_lookup = "sasaran__versi__renstra__opd"


class ArahKebijakanQuerySet(ScopedQuerySet):
    """Arah kebijakan a user may see, by the OPD of their Renstra."""

    opd_lookup = "strategi__sasaran__versi__renstra__opd"


class Strategi(TimeStampedModel):
    """A strategi under a sasaran (table T-C.26)."""

    sasaran = models.ForeignKey(Elemen, on_delete=models.CASCADE, related_name="strategi", verbose_name=_("sasaran"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("strategi"))

    objects = StrategiQuerySet.as_manager()

    class Meta:
        verbose_name = _("strategi")
        verbose_name_plural = _("strategi")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    def get_additional_data(self) -> dict:
        return self.sasaran.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.sasaran.opd_id


class ArahKebijakan(TimeStampedModel):
    """An arah kebijakan under a strategi (table T-C.26)."""

    strategi = models.ForeignKey(
        Strategi, on_delete=models.CASCADE, related_name="kebijakan", verbose_name=_("strategi")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("arah kebijakan"))

    objects = ArahKebijakanQuerySet.as_manager()

    class Meta:
        verbose_name = _("arah kebijakan")
        verbose_name_plural = _("arah kebijakan")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    def get_additional_data(self) -> dict:
        return self.strategi.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.strategi.opd_id


class IndikatorQuerySet(ScopedQuerySet):
    """Indicators a user may see, by the OPD of their Renstra."""

    opd_lookup = "elemen__versi__renstra__opd"


class Indikator(TimeStampedModel):
    """An indicator of one plan element, with its baseline, yearly targets and end-of-period target."""

    class Polaritas(models.TextChoices):
        POSITIF = "positif", _("Makin tinggi makin baik")
        NEGATIF = "negatif", _("Makin rendah makin baik")

    class Tipe(models.TextChoices):
        ANGKA = "angka", _("Angka")
        PERSEN = "persen", _("Persentase")
        KUALITATIF = "kualitatif", _("Kualitatif (predikat)")

    class Frekuensi(models.TextChoices):
        TRIWULANAN = "triwulanan", _("Triwulanan (TW I–IV)")
        SEMESTERAN = "semesteran", _("Semesteran (TW II dan IV)")
        TAHUNAN = "tahunan", _("Tahunan (TW IV)")

    class Agregasi(models.TextChoices):
        KUMULATIF = "kumulatif", _("Kumulatif (dijumlah)")
        NILAI_AKHIR = "nilai_akhir", _("Nilai terakhir")
        RATA_RATA = "rata_rata", _("Rata-rata")

    elemen = models.ForeignKey(Elemen, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("elemen"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("indikator"))
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    polaritas = models.CharField(_("polaritas"), max_length=8, choices=Polaritas.choices, default=Polaritas.POSITIF)
    tipe = models.CharField(_("jenis target"), max_length=10, choices=Tipe.choices, default=Tipe.ANGKA)
    agregasi = models.CharField(
        _("cara menggabung triwulan/tahun"), max_length=12, choices=Agregasi.choices, default=Agregasi.NILAI_AKHIR
    )
    frekuensi = models.CharField(
        _("diukur"),
        max_length=10,
        choices=Frekuensi.choices,
        default=Frekuensi.TRIWULANAN,
        help_text=_("Triwulan yang wajib diisi realisasinya; survei tahunan cukup di TW IV."),
    )
    definisi = models.TextField(_("definisi operasional / formula"), blank=True)
    sumber_data = models.CharField(_("sumber data"), max_length=250, blank=True)
    is_iku = models.BooleanField(_("IKU"), default=False)
    kondisi_awal_nilai = models.DecimalField(_("kondisi awal"), max_digits=20, decimal_places=4, null=True, blank=True)
    kondisi_awal_teks = models.CharField(_("kondisi awal (teks)"), max_length=60, blank=True)
    kondisi_akhir_nilai = models.DecimalField(
        _("kondisi akhir"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    kondisi_akhir_teks = models.CharField(_("kondisi akhir (teks)"), max_length=60, blank=True)
    asal = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="salinan", verbose_name=_("asal")
    )

    objects = IndikatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def triwulan_wajib(self) -> tuple[int, ...]:
        """The quarters in which a realisasi is expected (a yearly survey only in TW IV)."""
        return {self.Frekuensi.TAHUNAN: (4,), self.Frekuensi.SEMESTERAN: (2, 4)}.get(self.frekuensi, (1, 2, 3, 4))

    def get_additional_data(self) -> dict:
        return self.elemen.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.elemen.opd_id

    @property
    def kondisi_awal(self) -> str:
        return format_value(self.kondisi_awal_nilai, self.kondisi_awal_teks)

    @property
    def kondisi_akhir(self) -> str:
        return format_value(self.kondisi_akhir_nilai, self.kondisi_akhir_teks)


class Target(TimeStampedModel):
    """The value an indicator should reach in one year; qualitative targets keep their text."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target", verbose_name=_("indikator")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nilai = models.DecimalField(_("target"), max_digits=20, decimal_places=4, null=True, blank=True)
    teks = models.CharField(_("target (teks)"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("target")
        ordering = ["tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"],
                name="renstra_target_unique_indikator_tahun",
                violation_error_message=_("Indikator ini sudah punya target untuk tahun itu."),
            ),
            models.CheckConstraint(
                condition=Q(nilai__isnull=False) | ~Q(teks=""),
                name="renstra_target_not_empty",
                violation_error_message=_("Target kosong tidak disimpan."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}: {self.shown}"

    def get_additional_data(self) -> dict:
        return self.indikator.get_additional_data()

    @property
    def shown(self) -> str:
        return format_value(self.nilai, self.teks)


class Pagu(TimeStampedModel):
    """The pagu indikatif of one sub kegiatan in one year, in Rupiah."""

    elemen = models.ForeignKey(Elemen, on_delete=models.CASCADE, related_name="pagu", verbose_name=_("sub kegiatan"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jumlah = models.DecimalField(_("pagu"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("pagu")
        verbose_name_plural = _("pagu")
        ordering = ["tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["elemen", "tahun"],
                name="renstra_pagu_unique_elemen_tahun",
                violation_error_message=_("Sub kegiatan ini sudah punya pagu untuk tahun itu."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0),
                name="renstra_pagu_nonnegative",
                violation_error_message=_("Pagu tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.elemen} {self.tahun}"

    def get_additional_data(self) -> dict:
        return self.elemen.get_additional_data()


AUDITED = (Periode, Misi, TujuanRPJMD, SasaranRPJMD, Nomenklatur, Renstra, RenstraVersi, Elemen, Strategi)
for _model in (*AUDITED, ArahKebijakan, Indikator, Target, Pagu):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])

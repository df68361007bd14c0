"""Documents generated from the data: the Renstra (per version) and the LKjIP (per OPD and year).

A :class:`Dokumen` holds what only people can write (the narratives, the previous period's service
figures of T-C.23/T-C.24, the benchmark rows of the LKjIP); everything else is read from the plan, the
PK and the realisasi when the document is rendered. A :class:`Cetakan` is one rendering, cached by the
fingerprint of the data it was drawn from; a :class:`Final` is a rendering frozen for good.
"""

from __future__ import annotations

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from renstra.models import Indikator
from sakip.models import ActorNamesModel, OpdScopedModel, ScopedQuerySet, TimeStampedModel


class Jenis(models.TextChoices):
    RENSTRA = "renstra", _("Renstra")
    LKJIP = "lkjip", _("LKjIP")


class DokumenQuerySet(ScopedQuerySet):
    pass


class Dokumen(OpdScopedModel):
    """A document of an OPD: the Renstra of a version or the LKjIP of a year, with its narratives."""

    Jenis = Jenis  # so that templates can name the kinds (``dokumen.Jenis.LKJIP``)

    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    opd = models.ForeignKey(
        "sakip.PerangkatDaerah", on_delete=models.CASCADE, related_name="dokumen", verbose_name=_("perangkat daerah")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    versi = models.ForeignKey(
        "renstra.RenstraVersi",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="dokumen",
        verbose_name=_("versi Renstra"),
    )
    tanggal = models.DateField(
        _("tanggal dokumen"),
        null=True,
        blank=True,
        help_text=_(
            "Tanggal penandatanganan. Kosong: LKjIP paling lambat 31 Maret tahun berikutnya, Renstra tanggal "
            "penetapannya, selain itu hari dicetak; difinalkan, tanggal itu disimpan."
        ),
    )
    tempat = models.CharField(
        _("tempat"), max_length=100, blank=True, help_text=_("Tempat penandatanganan; kosong: ibu kota pemda.")
    )
    nomor = models.CharField(_("nomor dokumen"), max_length=100, blank=True, help_text=_("Dicetak di sampul."))
    sertakan_perbandingan = models.BooleanField(
        _("sertakan perbandingan murni–perubahan"),
        default=True,
        help_text=_("Untuk Renstra perubahan: tabel perbandingan dengan versi sebelumnya."),
    )

    objects = DokumenQuerySet.as_manager()

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun"],
                condition=Q(jenis=Jenis.LKJIP),
                name="lkjip_dokumen_unique_opd_tahun",
                violation_error_message=_("LKjIP tahun ini sudah ada."),
            ),
            models.UniqueConstraint(
                fields=["versi"],
                condition=Q(jenis=Jenis.RENSTRA),
                name="lkjip_dokumen_unique_versi",
                violation_error_message=_("Dokumen Renstra versi ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=(Q(jenis=Jenis.LKJIP, tahun__isnull=False, versi__isnull=True))
                | Q(jenis=Jenis.RENSTRA, versi__isnull=False),
                name="lkjip_dokumen_kunci_matches_jenis",
                violation_error_message=_("LKjIP perlu tahun; Renstra perlu versi."),
            ),
        ]

    def __str__(self) -> str:
        if self.jenis == Jenis.LKJIP:
            return f"LKjIP {self.tahun} {self.opd}"
        versi = self.versi  # "…, Perubahan versi 2": no brackets, so "(final 1)" after it never nests
        return f"Renstra {self.opd} {versi.renstra.periode}, {versi.get_jenis_display()} versi {versi.nomor}"

    @property
    def judul(self) -> str:
        return str(self)


class NarasiQuerySet(ScopedQuerySet):
    opd_lookup = "dokumen__opd"


class Narasi(ActorNamesModel, TimeStampedModel):
    """One narrative section of a document, stored as sanitised HTML (see :mod:`lkjip.narasi`)."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="narasi", verbose_name=_("dokumen"))
    kunci = models.CharField(_("bagian"), max_length=60)
    isi = models.TextField(_("isi"), blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diubah oleh"),
    )
    diubah_oleh_nama = models.CharField(_("diubah oleh (nama)"), max_length=200, blank=True)

    objects = NarasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("narasi")
        verbose_name_plural = _("narasi")
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "kunci"],
                name="lkjip_narasi_unique_dokumen_kunci",
                violation_error_message=_("Bagian ini sudah ada."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.dokumen} · {self.kunci}"

    @property
    def opd_id(self) -> int:
        return self.dokumen.opd_id

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class BarisPeriodeLalu(TimeStampedModel):
    """A row of T-C.23 (an indicator of the previous period) or T-C.24 (a budget line), typed or copied."""

    class Tabel(models.TextChoices):
        KINERJA = "tc23", _("T-C.23 Pencapaian Kinerja Pelayanan")
        PENDANAAN = "tc24", _("T-C.24 Anggaran dan Realisasi Pendanaan")

    Polaritas = Indikator.Polaritas  # the plan's polarity, one definition

    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.CASCADE, related_name="periode_lalu", verbose_name=_("dokumen")
    )
    tabel = models.CharField(_("tabel"), max_length=4, choices=Tabel.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.CharField(_("indikator / uraian"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    polaritas = models.CharField(_("polaritas"), max_length=8, choices=Polaritas.choices, default=Polaritas.POSITIF)
    target_nspk = models.CharField(_("target NSPK"), max_length=60, blank=True)
    target_ikk = models.CharField(_("target IKK"), max_length=60, blank=True)
    target_lain = models.CharField(_("target indikator lainnya"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("baris periode lalu")
        verbose_name_plural = _("baris periode lalu")
        ordering = ["tabel", "urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class NilaiPeriodeLalu(models.Model):
    """One year of a :class:`BarisPeriodeLalu`: target and realisasi (T-C.23) or anggaran and realisasi (T-C.24)."""

    baris = models.ForeignKey(BarisPeriodeLalu, on_delete=models.CASCADE, related_name="nilai", verbose_name=_("baris"))
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    rencana_nilai = models.DecimalField(_("rencana"), max_digits=20, decimal_places=4, null=True, blank=True)
    rencana_teks = models.CharField(_("rencana (teks)"), max_length=60, blank=True)
    realisasi_nilai = models.DecimalField(_("realisasi"), max_digits=20, decimal_places=4, null=True, blank=True)
    realisasi_teks = models.CharField(_("realisasi (teks)"), max_length=60, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["baris", "tahun"],
                name="lkjip_nilaiperiodelalu_unique_baris_tahun",
                violation_error_message=_("Tahun ganda."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.baris} {self.tahun}"

    def get_additional_data(self) -> dict:
        dokumen = self.baris.dokumen
        return {"pemda": dokumen.opd.pemda_id, "opd": dokumen.opd_id}


class AngkaTercetak(TimeStampedModel):
    """A figure as a source document printed it (a "Jumlah", a total) for a cell of a generated table: kept
    to show where the data computes something else, never to replace what it computes."""

    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.CASCADE, related_name="angka_tercetak", verbose_name=_("dokumen")
    )
    tabel = models.CharField(_("tabel"), max_length=20, help_text=_("Nomor tabel, mis. 3.6."))
    baris = models.CharField(_("baris"), max_length=200, help_text=_("Nomor baris atau teks salah satu selnya."))
    kolom = models.PositiveSmallIntegerField(_("kolom"), help_text=_("Nomor kolom sebagaimana dicetak: 1, 2, …"))
    nilai = models.CharField(_("nilai tercetak"), max_length=60)
    sumber = models.CharField(_("sumber"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("angka tercetak")
        verbose_name_plural = _("angka tercetak")
        ordering = ["tabel", "pk"]

    def __str__(self) -> str:
        return f"{self.tabel} {self.baris} ({self.kolom}): {self.nilai}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class Permasalahan(TimeStampedModel):
    """A row of the Renstra's Tabel 3.1 *Pemetaan Permasalahan*: masalah pokok → masalah → akar masalah.

    Rows sharing a masalah pokok (a masalah) print it once, over all of them.
    """

    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.CASCADE, related_name="permasalahan", verbose_name=_("dokumen")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    masalah_pokok = models.CharField(_("masalah pokok"), max_length=500)
    masalah = models.CharField(_("masalah"), max_length=500)
    akar_masalah = models.CharField(_("akar masalah"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("permasalahan")
        verbose_name_plural = _("permasalahan")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.akar_masalah or self.masalah

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class TenagaNonAsn(TimeStampedModel):
    """Staff who are not ASN (tenaga harian lepas, PTT) counted by their task, as the Renstra lists them
    in Bab II *Sumber Daya* (they are engaged by decree, not held as pegawai)."""

    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.CASCADE, related_name="tenaga_non_asn", verbose_name=_("dokumen")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    tugas = models.CharField(_("tugas"), max_length=200)
    jumlah = models.PositiveIntegerField(_("jumlah orang"))

    class Meta:
        verbose_name = _("tenaga non-ASN")
        verbose_name_plural = _("tenaga non-ASN")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.tugas}: {self.jumlah}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class Pembanding(TimeStampedModel):
    """A benchmark the planner enters for the LKjIP: the national figure, a province, another region."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="pembanding", verbose_name=_("dokumen"))
    indikator = models.ForeignKey(
        "renstra.Indikator", on_delete=models.CASCADE, related_name="+", verbose_name=_("indikator")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    pembanding = models.CharField(_("pembanding"), max_length=200, help_text=_("Mis. Nasional, Kota Blitar."))
    nilai = models.CharField(_("nilai"), max_length=60)
    tahun = models.PositiveSmallIntegerField(_("tahun data"))
    sumber = models.CharField(_("sumber"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pembanding")
        verbose_name_plural = _("pembanding")
        ordering = ["indikator_id", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.pembanding}: {self.nilai}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


class Cetakan(ActorNamesModel, TimeStampedModel):
    """One rendering of a document, keyed by the fingerprint of its data: reused until the data changes."""

    class Status(models.TextChoices):
        ANTRE = "antre", _("Menunggu giliran")
        PROSES = "proses", _("Sedang dicetak")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="cetakan", verbose_name=_("dokumen"))
    sidik = models.CharField(_("sidik data"), max_length=64)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.ANTRE)
    progres = models.PositiveSmallIntegerField(_("progres"), default=0)
    tahap = models.CharField(_("tahap"), max_length=120, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="dokumen/pratinjau/", blank=True)
    halaman = models.PositiveIntegerField(_("halaman"), null=True, blank=True)
    galat = models.TextField(_("galat"), blank=True)
    detik = models.FloatField(_("lama cetak (detik)"), null=True, blank=True)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diminta oleh"),
    )
    diminta_oleh_nama = models.CharField(_("diminta oleh (nama)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("cetakan")
        verbose_name_plural = _("cetakan")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["dokumen", "sidik"])]

    def __str__(self) -> str:
        return _("Cetakan %(dokumen)s") % {"dokumen": self.dokumen}

    @property
    def opd_id(self) -> int:
        return self.dokumen.opd_id


class Final(ActorNamesModel, TimeStampedModel):
    """A finalised document: the PDF as it was, its SHA-256 and the data it was drawn from. Never changed."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.PROTECT, related_name="final", verbose_name=_("dokumen"))
    nomor = models.PositiveSmallIntegerField(_("versi ke"))
    pdf = models.FileField(_("PDF"), upload_to="dokumen/final/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sidik = models.CharField(_("sidik data"), max_length=64)
    snapshot = models.JSONField(_("data saat difinalkan"))
    halaman = models.PositiveIntegerField(_("halaman"), null=True)
    catatan = models.CharField(_("catatan"), max_length=300, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("difinalkan oleh"),
    )
    difinalkan_oleh_nama = models.CharField(_("difinalkan oleh (nama)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("dokumen final")
        verbose_name_plural = _("dokumen final")
        ordering = ["-nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "nomor"],
                name="lkjip_final_unique_dokumen_nomor",
                violation_error_message=_("Nomor versi ganda."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.dokumen} · final {self.nomor}"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.pop("force", False):
            raise ValidationError(_("Dokumen final tidak dapat diubah; finalkan versi baru."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Dokumen final tidak dapat dihapus."))

    def get_additional_data(self) -> dict:
        return {"pemda": self.dokumen.opd.pemda_id, "opd": self.dokumen.opd_id}


for _model in (
    Dokumen,
    Narasi,
    BarisPeriodeLalu,
    NilaiPeriodeLalu,
    AngkaTercetak,
    Permasalahan,
    TenagaNonAsn,
    Pembanding,
    Final,
):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at", "snapshot"])

"""Perjanjian Kinerja (PK) per position and year, and its Rencana Aksi by triwulan.

A PK copies what it agrees on (targets, anggaran, the parties' names) at the moment it is drafted and
submitted, so that a signed PK keeps saying what was signed even when the plan or the officials change.
Once signed it is frozen; a change is a new version (PK Perubahan).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinerja.capaian import Kategori, Kebijakan, MetodeSasaran, RumusNegatif
from renstra.models import Indikator
from sakip.lib.periode import Triwulan, roman
from sakip.lib.values import format_value
from sakip.models import (
    ActorNamesModel,
    Jabatan,
    Pegawai,
    Pemda,
    PerangkatDaerah,
    ScopedQuerySet,
    TimeStampedModel,
)

STATEMENT_DEFAULT = {
    "pembuka": (
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:"
    ),
    "janji_pertama": (
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
        "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
        "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
    ),
    "janji_kedua": (
        "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
        "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
        "dan sanksi."
    ),
}


class NaskahPK(TimeStampedModel):
    """The statement text of a pemda's PK (often set by Perkada); the canonical text is the default."""

    pemda = models.OneToOneField(Pemda, on_delete=models.CASCADE, related_name="naskah_pk", verbose_name=_("pemda"))
    pembuka = models.TextField(_("kalimat pembuka"), default=STATEMENT_DEFAULT["pembuka"])
    janji_pertama = models.TextField(_("janji pihak pertama"), default=STATEMENT_DEFAULT["janji_pertama"])
    janji_kedua = models.TextField(_("janji pihak kedua"), default=STATEMENT_DEFAULT["janji_kedua"])

    class Meta:
        verbose_name = _("naskah perjanjian kinerja")
        verbose_name_plural = _("naskah perjanjian kinerja")

    def __str__(self) -> str:
        return f"Naskah PK {self.pemda}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}


class PKQuerySet(ScopedQuerySet):
    """PKs the user may read (``for_user``), and the latest signed version."""

    def latest_signed(self):
        return self.filter(status=PerjanjianKinerja.Status.DITANDATANGANI).order_by("-versi").first()


class StatusPK(models.TextChoices):
    """Where a PK stands: drafted, submitted to the signer, signed (then immutable)."""

    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DITANDATANGANI = "ditandatangani", _("Ditandatangani")


class PerjanjianKinerja(ActorNamesModel, TimeStampedModel):
    """The PK of one position (pihak pertama) for one year, in versions (awal, then perubahan)."""

    Status = StatusPK  # at module level so that Meta's constraints can name it

    class Jenis(models.TextChoices):
        AWAL = "awal", _("Perjanjian Kinerja")
        PERUBAHAN = "perubahan", _("Perjanjian Kinerja Perubahan")

    opd = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="perjanjian_kinerja", verbose_name=_("perangkat daerah")
    )
    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.PROTECT, related_name="perjanjian_kinerja", verbose_name=_("jabatan pihak pertama")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    versi = models.PositiveSmallIntegerField(_("versi"), default=1)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.AWAL)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.DRAFT)
    dasar = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perubahan",
        verbose_name=_("versi sebelumnya"),
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    renstra_versi = models.ForeignKey(
        "renstra.RenstraVersi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sumber Renstra"),
    )
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    # The parties as they were: copied when drafted and again when submitted, frozen when signed.
    pertama_nama = models.CharField(_("nama pihak pertama"), max_length=200, blank=True)
    pertama_nip = models.CharField(_("NIP pihak pertama"), max_length=18, blank=True)
    pertama_pangkat = models.CharField(_("pangkat pihak pertama"), max_length=120, blank=True)
    pertama_jabatan = models.CharField(_("jabatan pihak pertama"), max_length=300, blank=True)
    pertama_plt = models.BooleanField(_("pihak pertama Plt/Plh"), default=False)
    kedua_nama = models.CharField(_("nama pihak kedua"), max_length=200, blank=True)
    kedua_nip = models.CharField(_("NIP pihak kedua"), max_length=18, blank=True)
    kedua_pangkat = models.CharField(_("pangkat pihak kedua"), max_length=120, blank=True)
    kedua_jabatan = models.CharField(_("jabatan pihak kedua"), max_length=300, blank=True)
    pembuka = models.TextField(_("kalimat pembuka"), blank=True)
    janji_pertama = models.TextField(_("janji pihak pertama"), blank=True)
    janji_kedua = models.TextField(_("janji pihak kedua"), blank=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diajukan oleh"),
    )
    diajukan_oleh_nama = models.CharField(_("diajukan oleh (nama)"), max_length=200, blank=True)
    diajukan_pada = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditandatangani oleh"),
    )
    ditandatangani_oleh_nama = models.CharField(_("ditandatangani oleh (nama)"), max_length=200, blank=True)
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    catatan_pengembalian = models.TextField(_("catatan pengembalian"), blank=True)
    kode_verifikasi = models.CharField(_("kode verifikasi"), max_length=32, blank=True, db_index=True)
    pdf = models.FileField(_("PDF bertanda tangan"), upload_to="pk/", blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 PDF"), max_length=64, blank=True)

    objects = PKQuerySet.as_manager()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["-tahun", "jabatan__urutan", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "tahun", "versi"],
                name="kinerja_perjanjiankinerja_unique_jabatan_tahun_versi",
                violation_error_message=_("Jabatan ini sudah punya PK versi itu untuk tahun tersebut."),
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusPK.DITANDATANGANI) | ~Q(pdf_sha256=""),
                name="kinerja_perjanjiankinerja_signed_has_checksum",
                violation_error_message=_("PK yang ditandatangani harus menyimpan PDF dan checksum-nya."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun} — {self.jabatan} (versi {self.versi})"

    def get_absolute_url(self) -> str:
        return reverse("kinerja:pk_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.opd.pemda_id, "opd": self.opd_id}

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.DITANDATANGANI

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def jumlah_anggaran(self) -> Decimal:
        return sum((a.anggaran for a in self.anggaran.all()), Decimal("0"))


class PKChild(TimeStampedModel):
    """A line of a PK (indicator, funding, rencana aksi): audited and scoped with the PK it belongs to."""

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return self.pk_doc.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.pk_doc.opd_id


class PKIndikator(PKChild):
    """A line of the performance table: the sasaran, its indicator and this year's target (with satuan)."""

    pk_doc = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("PK")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    sasaran = models.TextField(_("sasaran"))
    uraian = models.TextField(_("indikator kinerja"))
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    target_nilai = models.DecimalField(_("target"), max_digits=20, decimal_places=4, null=True, blank=True)
    target_teks = models.CharField(_("target (teks)"), max_length=60, blank=True)
    agregasi = models.CharField(
        _("cara menggabung triwulan"),
        max_length=12,
        choices=Indikator.Agregasi.choices,
        default=Indikator.Agregasi.NILAI_AKHIR,
    )
    sumber = models.ForeignKey(
        "renstra.Indikator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indikator Renstra"),
    )
    renstra_nilai = models.DecimalField(_("target Renstra"), max_digits=20, decimal_places=4, null=True, blank=True)
    renstra_teks = models.CharField(_("target Renstra (teks)"), max_length=60, blank=True)
    alasan_beda = models.TextField(_("alasan target berbeda dari Renstra"), blank=True)

    class Meta:
        verbose_name = _("indikator PK")
        verbose_name_plural = _("indikator PK")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def target(self) -> str:
        return format_value(self.target_nilai, self.target_teks)

    @property
    def target_with_unit(self) -> str:
        """ "86 Indeks", "90%", "BB (75,3)": as the lampiran prints it."""
        if self.target_teks or not self.satuan:
            return self.target
        return f"{self.target}%" if self.satuan.strip() == "%" else f"{self.target} {self.satuan}"

    @property
    def target_renstra(self) -> str:
        return format_value(self.renstra_nilai, self.renstra_teks)

    @property
    def berbeda(self) -> bool:
        """Whether the target was changed from the Renstra's (such a line needs a reason)."""
        if self.sumber_id is None:
            return False
        return (self.target_nilai, self.target_teks) != (self.renstra_nilai, self.renstra_teks)


class PKAnggaran(PKChild):
    """A line of the funding table: a program, kegiatan or sub kegiatan with its anggaran."""

    pk_doc = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="anggaran", verbose_name=_("PK")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    level = models.CharField(_("tingkat"), max_length=15)
    kode = models.CharField(_("kode"), max_length=40, blank=True)
    nama = models.TextField(_("program/kegiatan/sub kegiatan"))
    anggaran = models.DecimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=2, default=Decimal("0"))
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    sumber = models.ForeignKey(
        "renstra.Elemen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("elemen Renstra"),
    )

    class Meta:
        verbose_name = _("anggaran PK")
        verbose_name_plural = _("anggaran PK")
        ordering = ["urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(anggaran__gte=0),
                name="kinerja_pkanggaran_nonnegative",
                violation_error_message=_("Anggaran tidak boleh negatif."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()


# --- Rencana Aksi --------------------------------------------------------------------------------


class RencanaAksi(PKChild):
    """The quarterly plan of one PK indicator: targets TW I–IV, budget per quarter, who is responsible."""

    pk_doc = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="rencana_aksi", verbose_name=_("PK")
    )
    indikator = models.OneToOneField(
        PKIndikator, on_delete=models.CASCADE, related_name="rencana_aksi", verbose_name=_("indikator")
    )
    tw1 = models.DecimalField(_("TW I"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw2 = models.DecimalField(_("TW II"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw3 = models.DecimalField(_("TW III"), max_digits=20, decimal_places=4, null=True, blank=True)
    tw4 = models.DecimalField(_("TW IV"), max_digits=20, decimal_places=4, null=True, blank=True)
    target_kegiatan = models.CharField(
        _("target kegiatan"), max_length=60, blank=True, help_text=_("Target kegiatan/sub kegiatan, mis. 225 peserta.")
    )
    catatan = models.TextField(
        _("catatan"), blank=True, help_text=_("Yang belum jelas; ditampilkan sebagai peringatan.")
    )
    program = models.TextField(_("program/kegiatan/sub kegiatan terkait"), blank=True)
    anggaran = models.DecimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=2, default=Decimal("0"))
    anggaran_tw1 = models.DecimalField(_("anggaran TW I"), max_digits=18, decimal_places=2, default=Decimal("0"))
    anggaran_tw2 = models.DecimalField(_("anggaran TW II"), max_digits=18, decimal_places=2, default=Decimal("0"))
    anggaran_tw3 = models.DecimalField(_("anggaran TW III"), max_digits=18, decimal_places=2, default=Decimal("0"))
    anggaran_tw4 = models.DecimalField(_("anggaran TW IV"), max_digits=18, decimal_places=2, default=Decimal("0"))
    penanggung_jawab = models.ForeignKey(
        Pegawai, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("penanggung jawab")
    )

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["indikator__urutan", "pk"]

    def __str__(self) -> str:
        return f"Rencana aksi: {self.indikator}"

    @property
    def triwulan(self) -> list[Decimal | None]:
        return [self.tw1, self.tw2, self.tw3, self.tw4]

    @property
    def anggaran_triwulan(self) -> list[Decimal]:
        return [self.anggaran_tw1, self.anggaran_tw2, self.anggaran_tw3, self.anggaran_tw4]


class Aksi(TimeStampedModel):
    """One step of a rencana aksi with the months (1–12) in which it runs."""

    rencana = models.ForeignKey(
        RencanaAksi, on_delete=models.CASCADE, related_name="aksi", verbose_name=_("rencana aksi")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("aksi"))
    bulan = models.JSONField(_("bulan pelaksanaan"), default=list, help_text=_("Nomor bulan 1–12."))

    class Meta:
        verbose_name = _("aksi")
        verbose_name_plural = _("aksi")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    def get_additional_data(self) -> dict:
        return self.rencana.get_additional_data()


class RevisiRencanaAksi(ActorNamesModel, PKChild):
    """One saved change of the rencana aksi of a signed PK: who, when, and every value before and after.

    PermenPAN-RB 53/2014 lets the rencana aksi be revised during the year; the signed PK itself never changes.
    Each save of a signed PK's rencana aksi is numbered here (revisi ke-1, 2, …) and shown on its page.
    """

    pk_doc = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="revisi_rencana_aksi", verbose_name=_("PK")
    )
    nomor = models.PositiveSmallIntegerField(_("revisi ke"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diubah oleh"),
    )
    oleh_nama = models.CharField(_("diubah oleh (nama)"), max_length=200, blank=True)
    perubahan = models.JSONField(
        _("perubahan"), default=list, help_text=_("Daftar {indikator, kolom, sebelum, sesudah}.")
    )

    class Meta:
        verbose_name = _("revisi rencana aksi")
        verbose_name_plural = _("revisi rencana aksi")
        ordering = ["-nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["pk_doc", "nomor"],
                name="kinerja_revisirencanaaksi_unique_nomor",
                violation_error_message=_("Nomor revisi ini sudah ada."),
            )
        ]

    def __str__(self) -> str:
        return f"Revisi rencana aksi {self.nomor}"


for _model in (NaskahPK, PerjanjianKinerja, PKIndikator, PKAnggaran, RencanaAksi, Aksi, RevisiRencanaAksi):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])


# --- Realisasi ------------------------------------------------------------------------------------


class PengaturanCapaian(TimeStampedModel):
    """A pemda's choices for computing capaian (see ``kinerja.capaian.Kebijakan``)."""

    Rumus = RumusNegatif

    pemda = models.OneToOneField(
        Pemda, on_delete=models.CASCADE, related_name="pengaturan_capaian", verbose_name=_("pemda")
    )
    rumus_negatif = models.CharField(
        _("rumus indikator makin rendah makin baik"), max_length=12, choices=Rumus.choices, default=Rumus.DUA_T_MINUS_R
    )
    batas_atas = models.DecimalField(
        _("batas atas capaian (%)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Kosong: tidak dibatasi."),
    )
    sangat_tinggi = models.DecimalField(_("sangat tinggi mulai"), max_digits=5, decimal_places=2, default=Decimal(91))
    tinggi = models.DecimalField(_("tinggi mulai"), max_digits=5, decimal_places=2, default=Decimal(76))
    sedang = models.DecimalField(_("sedang mulai"), max_digits=5, decimal_places=2, default=Decimal(66))
    rendah = models.DecimalField(_("rendah mulai"), max_digits=5, decimal_places=2, default=Decimal(51))

    MetodeSasaran = MetodeSasaran

    metode_sasaran = models.CharField(
        _("capaian sasaran"), max_length=10, choices=MetodeSasaran.choices, default=MetodeSasaran.RATA_RATA
    )

    class Meta:
        verbose_name = _("pengaturan capaian")
        verbose_name_plural = _("pengaturan capaian")

    def __str__(self) -> str:
        return f"Pengaturan capaian {self.pemda}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}

    def kebijakan(self) -> Kebijakan:
        skala = (
            (self.sangat_tinggi, Kategori.SANGAT_TINGGI.value),
            (self.tinggi, Kategori.TINGGI.value),
            (self.sedang, Kategori.SEDANG.value),
            (self.rendah, Kategori.RENDAH.value),
            (Decimal(0), Kategori.SANGAT_RENDAH.value),
        )
        return Kebijakan(
            rumus_negatif=self.rumus_negatif,
            batas_atas=self.batas_atas,
            skala=skala,
            metode_sasaran=self.metode_sasaran,
        )


class JendelaRealisasi(TimeStampedModel):
    """Whether realisasi of a triwulan can be entered: open (the admin pemda's switch) and, when dated, from
    ``dibuka_pada`` to ``ditutup_pada`` inclusive; past its closing date a window counts as closed."""

    pemda = models.ForeignKey(
        Pemda, on_delete=models.CASCADE, related_name="jendela_realisasi", verbose_name=_("pemda")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=[(t.value, t.roman) for t in Triwulan])
    terbuka = models.BooleanField(_("terbuka"), default=True)
    dibuka_untuk = models.ManyToManyField(
        PerangkatDaerah,
        blank=True,
        related_name="+",
        verbose_name=_("dibuka kembali untuk"),
        help_text=_("Perangkat daerah yang boleh mengisi meski ditutup."),
    )
    dibuka_pada = models.DateField(_("dibuka pada"), null=True, blank=True, help_text=_("Kosong: segera."))
    ditutup_pada = models.DateField(
        _("ditutup pada"), null=True, blank=True, help_text=_("Hari terakhir pengisian. Kosong: sampai ditutup.")
    )

    class Meta:
        verbose_name = _("jendela realisasi")
        verbose_name_plural = _("jendela realisasi")
        ordering = ["-tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tahun", "triwulan"],
                name="kinerja_jendelarealisasi_unique_pemda_tahun_triwulan",
                violation_error_message=_("Jendela ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(dibuka_pada=None) | Q(ditutup_pada=None) | Q(ditutup_pada__gte=F("dibuka_pada")),
                name="kinerja_jendelarealisasi_ditutup_after_dibuka",
                violation_error_message=_("Tanggal tutup tidak boleh sebelum tanggal buka."),
            ),
        ]

    def __str__(self) -> str:
        return f"Triwulan {self.get_triwulan_display()} {self.tahun}"

    def terbuka_pada(self, hari: datetime.date) -> bool:
        """Open for entry on ``hari``: switched open and within its dates (reopening for an OPD aside)."""
        return (
            self.terbuka
            and (self.dibuka_pada is None or self.dibuka_pada <= hari)
            and (self.ditutup_pada is None or hari <= self.ditutup_pada)
        )

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}


class RealisasiQuerySet(ScopedQuerySet):
    """Realisasi the user may read: scoped by the OPD of the indicator's Renstra."""

    opd_lookup = "indikator__elemen__versi__renstra__opd"


class Realisasi(ActorNamesModel, TimeStampedModel):
    """What an indicator reached in one triwulan, with the story behind it and its verification."""

    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu verifikasi")
        DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="realisasi", verbose_name=_("indikator")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    nilai = models.DecimalField(_("realisasi"), max_digits=20, decimal_places=4, null=True, blank=True)
    teks = models.CharField(_("realisasi (teks)"), max_length=60, blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    solusi = models.TextField(_("solusi"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.MENUNGGU)
    komentar = models.TextField(_("komentar verifikator"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )
    dicatat_oleh_nama = models.CharField(_("dicatat oleh (nama)"), max_length=200, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diverifikasi oleh"),
    )
    diverifikasi_oleh_nama = models.CharField(_("diverifikasi oleh (nama)"), max_length=200, blank=True)
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    objects = RealisasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"],
                name="kinerja_realisasi_unique_indikator_tahun_triwulan",
                violation_error_message=_("Realisasi triwulan ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="kinerja_realisasi_triwulan_range",
                violation_error_message=_("Triwulan harus 1 sampai 4."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} TW {self.triwulan}: {self.shown}"

    def get_additional_data(self) -> dict:
        return self.indikator.get_additional_data()

    @property
    def opd_id(self) -> int:
        return self.indikator.opd_id

    @property
    def shown(self) -> str:
        return format_value(self.nilai, self.teks)

    @property
    def triwulan_roman(self) -> str:
        return roman(self.triwulan)


class BuktiDukung(TimeStampedModel):
    """Evidence of a realisasi: a PDF, image or spreadsheet, served only to those who may read it."""

    realisasi = models.ForeignKey(
        Realisasi, on_delete=models.CASCADE, related_name="bukti", verbose_name=_("realisasi")
    )
    berkas = models.FileField(_("berkas"), upload_to="bukti/%Y/")
    nama = models.CharField(_("nama berkas"), max_length=200)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")

    def __str__(self) -> str:
        return self.nama

    def get_additional_data(self) -> dict:
        return self.realisasi.get_additional_data()


class AnggaranSubKegiatan(TimeStampedModel):
    """The year's budget of a sub kegiatan: the DPA, and the DPPA after the budget change (both kept)."""

    class Jenis(models.TextChoices):
        DPA = "dpa", "DPA"
        DPPA = "dppa", "DPPA"

    elemen = models.ForeignKey(
        "renstra.Elemen", on_delete=models.CASCADE, related_name="anggaran_apbd", verbose_name=_("sub kegiatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("dokumen"), max_length=4, choices=Jenis.choices)
    jumlah = models.DecimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("anggaran sub kegiatan")
        verbose_name_plural = _("anggaran sub kegiatan")
        constraints = [
            models.UniqueConstraint(
                fields=["elemen", "tahun", "jenis"],
                name="kinerja_anggaransubkegiatan_unique_elemen_tahun_jenis",
                violation_error_message=_("Anggaran sub kegiatan ini sudah ada untuk tahun dan dokumen tersebut."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0),
                name="kinerja_anggaransubkegiatan_nonnegative",
                violation_error_message=_("Anggaran tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun} {self.elemen}"

    def get_additional_data(self) -> dict:
        return self.elemen.get_additional_data()


class RealisasiAnggaran(TimeStampedModel):
    """What a sub kegiatan spent in one triwulan."""

    elemen = models.ForeignKey(
        "renstra.Elemen", on_delete=models.CASCADE, related_name="realisasi_anggaran", verbose_name=_("sub kegiatan")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"), choices=Triwulan.choices)
    jumlah = models.DecimalField(_("realisasi (Rp)"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("realisasi anggaran")
        verbose_name_plural = _("realisasi anggaran")
        constraints = [
            models.UniqueConstraint(
                fields=["elemen", "tahun", "triwulan"],
                name="kinerja_realisasianggaran_unique_elemen_tahun_triwulan",
                violation_error_message=_("Realisasi anggaran triwulan ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah__gte=0),
                name="kinerja_realisasianggaran_nonnegative",
                violation_error_message=_("Realisasi tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.elemen} {self.tahun} TW {self.triwulan}"

    def get_additional_data(self) -> dict:
        return self.elemen.get_additional_data()


class BelanjaOPD(TimeStampedModel):
    """An OPD's budget and spending by jenis belanja in a year (seed 001 Tabel 3.6)."""

    class Jenis(models.TextChoices):
        PEGAWAI = "pegawai", _("Belanja pegawai")
        BARANG_JASA = "barang_jasa", _("Belanja barang dan jasa")
        HIBAH = "hibah", _("Belanja hibah")
        BANTUAN_SOSIAL = "bansos", _("Belanja bantuan sosial")
        MODAL_PERALATAN = "modal_peralatan", _("Belanja modal peralatan dan mesin")
        MODAL_GEDUNG = "modal_gedung", _("Belanja modal gedung dan bangunan")
        MODAL_LAINNYA = "modal_lainnya", _("Belanja modal lainnya")

    opd = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="belanja", verbose_name=_("perangkat daerah")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    jenis = models.CharField(_("jenis belanja"), max_length=20, choices=Jenis.choices)
    anggaran = models.DecimalField(_("anggaran (Rp)"), max_digits=18, decimal_places=2, default=Decimal(0))
    realisasi = models.DecimalField(_("realisasi (Rp)"), max_digits=18, decimal_places=2, default=Decimal(0))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("belanja perangkat daerah")
        verbose_name_plural = _("belanja perangkat daerah")
        ordering = ["opd", "tahun", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "tahun", "jenis"],
                name="kinerja_belanjaopd_unique_opd_tahun_jenis",
                violation_error_message=_("Jenis belanja ini sudah ada untuk tahun tersebut."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tahun}"

    @property
    def persen(self) -> Decimal:
        """Realisasi as % of anggaran; no budget reads 0, as seed 001 Tabel 3.6 prints it."""
        return self.realisasi / self.anggaran * 100 if self.anggaran else Decimal(0)

    def get_additional_data(self) -> dict:
        return {"pemda": self.opd.pemda_id, "opd": self.opd_id}


class Pengingat(ActorNamesModel):
    """A reminder sent by e-mail (``send_reminders``): one per item, threshold and recipient, never twice."""

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("penerima")
    )
    penerima_nama = models.CharField(_("penerima (nama)"), max_length=200, blank=True)
    kunci = models.CharField(_("butir"), max_length=120, help_text=_("Mis. jendela:12:2026-12-08."))
    ambang = models.CharField(_("ambang"), max_length=20, help_text=_("Mis. h-7, h-1, dikembalikan."))
    subjek = models.CharField(_("subjek"), max_length=200)
    tautan = models.CharField(_("tautan"), max_length=300)
    dikirim_pada = models.DateTimeField(_("dikirim pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
        constraints = [
            models.UniqueConstraint(
                fields=["penerima", "kunci", "ambang"],
                name="kinerja_pengingat_unique_penerima_kunci_ambang",
                violation_error_message=_("Pengingat ini sudah dikirim."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.subjek} → {self.penerima_nama}"


auditlog.register(JendelaRealisasi, exclude_fields=["created_at", "updated_at"], m2m_fields={"dibuka_untuk"})
for _model in (
    PengaturanCapaian,
    Realisasi,
    BuktiDukung,
    AnggaranSubKegiatan,
    RealisasiAnggaran,
    BelanjaOPD,
):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])

"""The pohon kinerja (PermenPAN-RB 89/2021): how an OPD's outcome cascades down to operational conditions.

A :class:`PohonKinerja` belongs to an OPD and a Renstra period and is in force from ``tahun_berlaku``
(a revision for a later year is a copy with a later year). Its :class:`Simpul` nodes each state a
condition (kinerja) with indicators, a level, the owner position level (and optionally the jabatan),
and the critical success factor they answer. A node may be linked to the Renstra elements that realise
it (:class:`Terjemahan`, many to many as the seed's "trik menerjemahkan" allows) and marked as shared
with or delivered by another OPD of the pemda (:class:`Lintas`).
"""

from __future__ import annotations

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from renstra.models import Level as RenstraLevel
from sakip import access
from sakip.models import Jenjang, OpdScopedModel, ScopedQuerySet, TimeStampedModel


class Tingkat(models.TextChoices):
    """The levels of the tree, from the OPD's outcome down (89/2021 step 5, seed 002's translation table)."""

    OUTCOME = "outcome", _("Outcome / tujuan OPD")
    STRATEGIS = "strategis", _("Kinerja strategis")
    INTERMEDIATE = "intermediate", _("Kinerja taktikal intermediate")
    IMMEDIATE = "immediate", _("Kinerja taktikal immediate")
    OPERASIONAL = "operasional", _("Kinerja operasional")


RANK = {t: i for i, t in enumerate(Tingkat.values)}

#: the planning component each level becomes (seed 002: "Tujuan SKPD", "sasaran SKPD", "Sasaran Program" …)
KOMPONEN = {
    Tingkat.OUTCOME: RenstraLevel.TUJUAN,
    Tingkat.STRATEGIS: RenstraLevel.SASARAN,
    Tingkat.INTERMEDIATE: RenstraLevel.PROGRAM,
    Tingkat.IMMEDIATE: RenstraLevel.KEGIATAN,
    Tingkat.OPERASIONAL: RenstraLevel.SUB_KEGIATAN,
}
KOMPONEN_LABEL = {
    Tingkat.OUTCOME: _("Tujuan OPD"),
    Tingkat.STRATEGIS: _("Sasaran OPD"),
    Tingkat.INTERMEDIATE: _("Sasaran program"),
    Tingkat.IMMEDIATE: _("Sasaran kegiatan"),
    Tingkat.OPERASIONAL: _("Sasaran sub kegiatan"),
}
#: the owner a new node of each level gets unless the planner chooses another (regulations §7.2)
JENJANG_BAKU = {
    Tingkat.OUTCOME: Jenjang.JPT_PRATAMA,
    Tingkat.STRATEGIS: Jenjang.JPT_PRATAMA,
    Tingkat.INTERMEDIATE: Jenjang.ADMINISTRATOR,
    Tingkat.IMMEDIATE: Jenjang.PENGAWAS,
    Tingkat.OPERASIONAL: Jenjang.FUNGSIONAL,
}
#: "Rujukan tahapan" of the stage-4 table: the outcome is stage 1, the CSF conditions stage 2, the rest stage 3
TAHAP = {
    Tingkat.OUTCOME: 1,
    Tingkat.STRATEGIS: 2,
    Tingkat.INTERMEDIATE: 3,
    Tingkat.IMMEDIATE: 3,
    Tingkat.OPERASIONAL: 3,
}


class PohonQuerySet(ScopedQuerySet):
    def berlaku(self, opd, tahun: int) -> PohonKinerja | None:
        """The tree in force for ``tahun``: of the period containing it, the latest revision not after it."""
        return (
            self.filter(
                opd=opd, periode__tahun_awal__lte=tahun, periode__tahun_akhir__gte=tahun, tahun_berlaku__lte=tahun
            )
            .select_related("opd__pemda", "periode", "versi")
            .order_by("-tahun_berlaku")
            .first()
        )


class PohonKinerja(OpdScopedModel):
    """The pohon kinerja of an OPD for a Renstra period, in force from a year (PermenPAN-RB 89/2021)."""

    opd = models.ForeignKey(
        "sakip.PerangkatDaerah",
        on_delete=models.CASCADE,
        related_name="pohon_kinerja",
        verbose_name=_("perangkat daerah"),
    )
    periode = models.ForeignKey(
        "renstra.Periode", on_delete=models.PROTECT, related_name="pohon_kinerja", verbose_name=_("periode")
    )
    tahun_berlaku = models.PositiveSmallIntegerField(
        _("berlaku mulai tahun"), help_text=_("Revisi pohon untuk tahun berikutnya dibuat sebagai salinan.")
    )
    versi = models.ForeignKey(
        "renstra.RenstraVersi",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pohon_kinerja",
        verbose_name=_("versi Renstra yang diterjemahkan"),
    )
    asal = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisi", verbose_name=_("revisi dari")
    )
    # Stage 1: what the outcome is derived from
    mandat = models.TextField(_("mandat / tugas dan fungsi"), blank=True)
    permasalahan = models.TextField(_("permasalahan yang dihadapi"), blank=True)
    ekspektasi = models.TextField(_("ekspektasi masyarakat dan pemangku kepentingan"), blank=True)
    catatan = models.TextField(_("catatan"), blank=True)

    objects = PohonQuerySet.as_manager()

    class Meta:
        verbose_name = _("pohon kinerja")
        verbose_name_plural = _("pohon kinerja")
        ordering = ["opd", "periode__tahun_awal", "tahun_berlaku"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "periode", "tahun_berlaku"],
                name="pohon_one_per_year",
                violation_error_message=_(
                    "Perangkat daerah ini sudah punya pohon kinerja yang berlaku mulai tahun itu."
                ),
            )
        ]

    def __str__(self) -> str:
        return _("Pohon kinerja %(opd)s %(awal)s–%(akhir)s (berlaku %(tahun)s)") % {
            "opd": self.opd.nama,
            "awal": self.periode.tahun_awal,
            "akhir": self.periode.tahun_akhir,
            "tahun": self.tahun_berlaku,
        }

    def get_absolute_url(self) -> str:
        return reverse("pohon:pohon_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.periode_id and self.tahun_berlaku:
            p = self.periode
            if not p.tahun_awal <= self.tahun_berlaku <= p.tahun_akhir:
                errors["tahun_berlaku"] = _("Tahun harus dalam periode %(a)s–%(b)s.") % {
                    "a": p.tahun_awal,
                    "b": p.tahun_akhir,
                }
        if self.periode_id and self.opd_id and self.periode.pemda_id != self.opd.pemda_id:
            errors["periode"] = _("Periode harus milik pemda perangkat daerah ini.")
        if self.versi_id and (
            self.versi.renstra.opd_id != self.opd_id or self.versi.renstra.periode_id != self.periode_id
        ):
            errors["versi"] = _("Versi Renstra harus milik perangkat daerah dan periode yang sama.")
        if errors:
            raise ValidationError(errors)


class SimpulQuerySet(ScopedQuerySet):
    opd_lookup = "pohon__opd"


class Simpul(TimeStampedModel):
    """One box of the tree: a condition (kinerja) to achieve, its indicators and who owns it."""

    pohon = models.ForeignKey(PohonKinerja, on_delete=models.CASCADE, related_name="simpul", verbose_name=_("pohon"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("induk")
    )
    tingkat = models.CharField(_("tingkat"), max_length=15, choices=Tingkat.choices)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    kinerja = models.TextField(_("kinerja / kondisi"))
    faktor_kunci = models.TextField(
        _("faktor kunci keberhasilan (masalah)"),
        blank=True,
        help_text=_("Tahap 2: masalah yang dijawab kondisi ini, mis. \u201cSengketa batas wilayah desa\u201d."),
    )
    jenjang = models.CharField(_("pemilik (jenjang PK)"), max_length=15, choices=Jenjang.choices, blank=True)
    jabatan = models.ForeignKey(
        "sakip.Jabatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="simpul_kinerja",
        verbose_name=_("jabatan pemilik"),
    )
    catatan = models.TextField(_("catatan"), blank=True)
    elemen = models.ManyToManyField(
        "renstra.Elemen",
        through="Terjemahan",
        related_name="simpul_kinerja",
        blank=True,
        verbose_name=_("komponen rencana"),
    )
    asal = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="salinan", verbose_name=_("asal")
    )

    objects = SimpulQuerySet.as_manager()

    class Meta:
        verbose_name = _("simpul pohon kinerja")
        verbose_name_plural = _("simpul pohon kinerja")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.kinerja

    @property
    def opd_id(self) -> int:
        return self.pohon.opd_id

    def get_additional_data(self) -> dict:
        return {"pemda": self.pohon.opd.pemda_id, "opd": self.pohon.opd_id}

    def clean(self) -> None:
        errors = {}
        if self.parent_id:
            parent = self.parent
            if parent.pohon_id != self.pohon_id:
                errors["parent"] = _("Induk harus dari pohon yang sama.")
            elif self.tingkat and RANK[self.tingkat] <= RANK[parent.tingkat]:
                errors["tingkat"] = _(
                    "%(tingkat)s tidak dapat berada di bawah %(induk)s: pilih tingkat yang lebih rendah."
                ) % {
                    "tingkat": Tingkat(self.tingkat).label,
                    "induk": Tingkat(parent.tingkat).label.lower(),
                }
            node, seen = parent, set()
            while node is not None and not errors:
                if node.pk == self.pk or node.pk in seen:
                    errors["parent"] = _("Cabang tidak dapat dipindahkan ke bawah dirinya sendiri.")
                seen.add(node.pk)
                node = node.parent
        if self.jabatan_id and self.pohon_id and self.jabatan.opd_id != self.pohon.opd_id:
            errors["jabatan"] = _("Jabatan harus dari perangkat daerah pemilik pohon.")
        elif self.jabatan_id and self.jenjang and self.jabatan.jenjang != self.jenjang:
            errors["jabatan"] = _("Jenjang jabatan ini %(j)s, bukan %(p)s.") % {
                "j": self.jabatan.get_jenjang_display(),
                "p": Jenjang(self.jenjang).label,
            }
        if errors:
            raise ValidationError(errors)


class IndikatorSimpulQuerySet(ScopedQuerySet):
    opd_lookup = "simpul__pohon__opd"


class IndikatorSimpul(TimeStampedModel):
    """An indicator of a node, optionally the Renstra indicator that measures it."""

    simpul = models.ForeignKey(Simpul, on_delete=models.CASCADE, related_name="indikator", verbose_name=_("simpul"))
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    uraian = models.TextField(_("indikator"))
    satuan = models.CharField(_("satuan"), max_length=60, blank=True)
    indikator_renstra = models.ForeignKey(
        "renstra.Indikator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indikator_pohon",
        verbose_name=_("indikator Renstra"),
    )

    objects = IndikatorSimpulQuerySet.as_manager()

    class Meta:
        verbose_name = _("indikator simpul")
        verbose_name_plural = _("indikator simpul")
        ordering = ["urutan", "pk"]

    def __str__(self) -> str:
        return self.uraian

    @property
    def opd_id(self) -> int:
        return self.simpul.pohon.opd_id

    def get_additional_data(self) -> dict:
        return self.simpul.get_additional_data()


class Terjemahan(TimeStampedModel):
    """A node realised by a Renstra element (a tujuan, sasaran, program, kegiatan or sub kegiatan)."""

    simpul = models.ForeignKey(Simpul, on_delete=models.CASCADE, related_name="terjemahan", verbose_name=_("simpul"))
    elemen = models.ForeignKey(
        "renstra.Elemen", on_delete=models.CASCADE, related_name="terjemahan_pohon", verbose_name=_("elemen Renstra")
    )

    class Meta:
        verbose_name = _("terjemahan ke rencana")
        verbose_name_plural = _("terjemahan ke rencana")
        constraints = [
            models.UniqueConstraint(
                fields=["simpul", "elemen"],
                name="pohon_terjemahan_unique",
                violation_error_message=_("Simpul ini sudah ditautkan ke elemen itu."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.simpul} → {self.elemen}"

    @property
    def opd_id(self) -> int:
        return self.simpul.pohon.opd_id

    def get_additional_data(self) -> dict:
        return self.simpul.get_additional_data()

    def clean(self) -> None:
        if self.simpul_id and self.elemen_id:
            pohon = self.simpul.pohon
            if self.elemen.versi.renstra.opd_id != pohon.opd_id:
                raise ValidationError({"elemen": _("Elemen harus dari Renstra perangkat daerah yang sama.")})


class LintasQuerySet(ScopedQuerySet):
    opd_lookup = "simpul__pohon__opd"

    def masuk(self, user):
        """Links to an OPD the user may read, from other OPDs' trees: what those OPDs count on it for."""
        scope = access.scope_for(user)
        qs = self if scope.everything else self.filter(mitra__in=scope.readable_opd_ids)
        return qs.select_related("simpul__pohon__opd", "simpul__pohon__periode", "mitra").prefetch_related(
            "simpul__indikator"
        )


class Lintas(TimeStampedModel):
    """Crosscutting: a node shared with, or delivered by, another OPD of the same pemda."""

    class Sifat(models.TextChoices):
        BERSAMA = "bersama", _("Dicapai bersama")
        OLEH = "oleh", _("Dilaksanakan oleh OPD lain")

    simpul = models.ForeignKey(Simpul, on_delete=models.CASCADE, related_name="lintas", verbose_name=_("simpul"))
    mitra = models.ForeignKey(
        "sakip.PerangkatDaerah",
        on_delete=models.CASCADE,
        related_name="lintas_masuk",
        verbose_name=_("perangkat daerah mitra"),
    )
    sifat = models.CharField(_("sifat"), max_length=10, choices=Sifat.choices, default=Sifat.BERSAMA)
    catatan = models.CharField(_("peran mitra"), max_length=250, blank=True)

    objects = LintasQuerySet.as_manager()

    class Meta:
        verbose_name = _("keterkaitan lintas OPD")
        verbose_name_plural = _("keterkaitan lintas OPD")
        constraints = [
            models.UniqueConstraint(
                fields=["simpul", "mitra"],
                name="pohon_lintas_unique",
                violation_error_message=_("Simpul ini sudah ditautkan ke perangkat daerah itu."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.simpul} ↔ {self.mitra}"

    @property
    def opd_id(self) -> int:  # the owner of the tree decides; the partner only reads
        return self.simpul.pohon.opd_id

    def get_additional_data(self) -> dict:
        return self.simpul.get_additional_data()

    def clean(self) -> None:
        if self.simpul_id and self.mitra_id:
            pohon = self.simpul.pohon
            if self.mitra_id == pohon.opd_id:
                raise ValidationError({"mitra": _("Pilih perangkat daerah lain, bukan pemilik pohon ini.")})
            if self.mitra.pemda_id != pohon.opd.pemda_id:
                raise ValidationError({"mitra": _("Mitra harus perangkat daerah dari pemda yang sama.")})


for _model in (PohonKinerja, Simpul, IndikatorSimpul, Terjemahan, Lintas):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])

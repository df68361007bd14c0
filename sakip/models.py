"""The core: pemda, perangkat daerah, their structure and positions, people, users, roles, audit."""

from __future__ import annotations

import datetime
import re

from auditlog.models import AbstractLogEntry
from auditlog.registry import auditlog
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip.kepegawaian import PANGKAT, Golongan, Pendidikan, StatusPegawai
from sakip.lib.nip import format_nip, normalize_nip, validate_nip
from sakip.lib.numbers import CARA_PEMBULATAN, PILIHAN_DESIMAL, SETENGAH_NAIK, format_number
from sakip.lib.pdf import DOCUMENT_PAPERS, paper_choices
from sakip.lib.periode import long_date
from sakip.lib.uploads import validate_logo


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        abstract = True


def user_fields(model) -> list[models.ForeignKey]:
    """The model's references to users (``ForeignKey`` to ``AUTH_USER_MODEL``)."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model is not None and f.related_model._meta.label == settings.AUTH_USER_MODEL
    ]


class ActorNamesModel(models.Model):
    """Domain data that says who did something keeps that person's name, not only a reference to their login.

    Every reference to a user is ``on_delete=SET_NULL`` with a ``<field>_nama`` copy of the name (its full
    name, else the username), written here whenever the reference is set, so the pages and PDFs that show it
    still answer, with the name, after the user is deleted. A reference cleared on purpose (a new PK version,
    a changed value to verify again) clears its ``_nama`` in the service that clears it; deleting the user
    (``SET_NULL``, an update that bypasses ``save()``) keeps it.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        written = self.copy_actor_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            touched = {f.name for f in user_fields(type(self)) if {f.name, f.attname} & set(update_fields)}
            kwargs["update_fields"] = {*update_fields, *(n for n in written if n.removesuffix("_nama") in touched)}
        super().save(*args, **kwargs)

    def copy_actor_names(self) -> list[str]:
        """Write ``<field>_nama`` for every reference that names a user; returns the fields written."""
        written = []
        for field in user_fields(type(self)):
            name_field = f"{field.name}_nama"
            user = field.get_cached_value(self, default=None) if field.is_cached(self) else None
            user_id = getattr(self, field.attname)
            if user is None and user_id is not None and not getattr(self, name_field):
                user = field.related_model._default_manager.filter(pk=user_id).first()
            if user is not None:
                setattr(self, name_field, user.get_full_name()[: self._meta.get_field(name_field).max_length])
                written.append(name_field)
        return written


class ScopedQuerySet(models.QuerySet):
    """Lists go through ``for_user``: the one place where what a user may see is decided."""

    #: the lookup from this model to the OPD it belongs to ("" for PerangkatDaerah itself)
    opd_lookup = "opd"

    def for_user(self, user):
        from sakip import access  # access reads these models: the one import kept lazy to break the cycle

        scope = access.scope_for(user)
        if scope.everything:
            return self
        field = f"{self.opd_lookup}__in" if self.opd_lookup else "pk__in"
        return self.filter(**{field: scope.readable_opd_ids})


# --- Pemda and its agencies ---------------------------------------------------------------------


class Pemda(TimeStampedModel):
    """A pemerintah daerah (provinsi, kabupaten or kota); every other object belongs to exactly one."""

    class Jenis(models.TextChoices):
        PROVINSI = "provinsi", _("Provinsi")
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    kode = models.SlugField(_("kode"), max_length=40, unique=True, help_text=_("Singkat, tanpa spasi, mis. balangan."))
    nama = models.CharField(_("nama"), max_length=200, help_text=_("Mis. Kabupaten Balangan."))
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices, default=Jenis.KABUPATEN)
    provinsi = models.CharField(_("provinsi"), max_length=100, blank=True)
    kepala_daerah_jabatan = models.CharField(
        _("jabatan kepala daerah"),
        max_length=150,
        help_text=_("Sebagaimana tertulis di dokumen, mis. Bupati Balangan."),
    )
    kepala_daerah_nama = models.CharField(_("nama kepala daerah"), max_length=200, blank=True)
    ibukota = models.CharField(
        _("ibukota"), max_length=100, help_text=_("Tempat yang ditulis pada tanggal dokumen, mis. Paringin.")
    )
    logo = models.ImageField(_("logo"), upload_to="logo/pemda/", blank=True, validators=[validate_logo])
    ukuran_kertas = models.CharField(
        _("ukuran kertas dokumen"),
        max_length=2,
        choices=paper_choices(DOCUMENT_PAPERS),
        default="A4",
    )
    desimal_persen = models.PositiveSmallIntegerField(_("desimal persentase"), default=2, choices=PILIHAN_DESIMAL)
    pembulatan = models.CharField(_("pembulatan"), max_length=14, choices=CARA_PEMBULATAN, default=SETENGAH_NAIK)
    zona_waktu = models.CharField(
        _("zona waktu"),
        max_length=20,
        choices=[
            ("Asia/Jakarta", _("WIB (UTC+7)")),
            ("Asia/Makassar", _("WITA (UTC+8)")),
            ("Asia/Jayapura", _("WIT (UTC+9)")),
        ],
        default="Asia/Jakarta",
        help_text=_("Tanggal dan jam di halaman dan dokumen pengguna pemda ini ditampilkan menurut zona ini."),
    )

    class Meta:
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    def get_additional_data(self) -> dict:
        return {"pemda": self.pk}

    @property
    def pemda_id(self) -> int:
        """So that a pemda is its own owner in ``sakip.access``."""
        return self.pk


class PerangkatDaerahQuerySet(ScopedQuerySet):
    opd_lookup = ""


class PerangkatDaerah(TimeStampedModel):
    """An agency (OPD) of a pemda, with what a letterhead (kop) needs."""

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="opd", verbose_name=_("pemda"))
    kode = models.CharField(
        _("kode"), max_length=40, help_text=_("Kode unik di pemda ini, mis. kode SKPD 8.01.0.00.0.00.01.0000.")
    )
    nama = models.CharField(_("nama"), max_length=200, help_text=_("Mis. Badan Kesatuan Bangsa dan Politik."))
    singkatan = models.CharField(_("singkatan"), max_length=50, blank=True)
    alamat = models.TextField(_("alamat"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logo/opd/", blank=True, validators=[validate_logo])
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = PerangkatDaerahQuerySet.as_manager()

    class Meta:
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")
        ordering = ["pemda__nama", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "kode"],
                name="sakip_opd_unique_kode",
                violation_error_message=_("Kode ini sudah dipakai perangkat daerah lain di pemda yang sama."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("sakip:opd_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id, "opd": self.pk}

    @property
    def nama_lengkap(self) -> str:
        """The name with its pemda, as letterheads and titles print it."""
        return f"{self.nama} {self.pemda.nama}"

    @property
    def opd_id(self) -> int:
        return self.pk


class OpdScopedModel(TimeStampedModel):
    """Objects that belong to one OPD; their scope, audit data and pemda follow from it."""

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        return {"pemda": self.opd.pemda_id, "opd": self.opd_id}


class UnitKerjaQuerySet(ScopedQuerySet):
    pass


class UnitKerja(OpdScopedModel):
    """A unit inside an OPD (Sekretariat, Bidang, Subbagian, ...), as a tree."""

    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        BIDANG = "bidang", _("Bidang")
        SUBBAGIAN = "subbagian", _("Subbagian")
        SUBBIDANG = "subbidang", _("Subbidang")
        SEKSI = "seksi", _("Seksi")
        UPTD = "uptd", _("UPTD")
        KELOMPOK_JF = "kelompok_jf", _("Kelompok Jabatan Fungsional")

    opd = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="unit_kerja", verbose_name=_("perangkat daerah")
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("induk")
    )
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = UnitKerjaQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["opd", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd", "nama"],
                name="sakip_unitkerja_unique_nama",
                violation_error_message=_("Perangkat daerah ini sudah punya unit kerja dengan nama itu."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        if self.parent_id and self.opd_id and self.parent.opd_id != self.opd_id:
            raise ValidationError({"parent": _("Unit induk harus dari perangkat daerah yang sama.")})
        node, seen = self.parent, set()
        while node is not None and self.pk:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError({"parent": _("Unit kerja tidak boleh menjadi induk dari dirinya sendiri.")})
            seen.add(node.pk)
            node = node.parent


# --- Positions and people -----------------------------------------------------------------------


class Jenjang(models.TextChoices):
    """Jenjang jabatan, from the head of an OPD down; PKs cascade along it."""

    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


JENJANG_RANK = {
    Jenjang.JPT_PRATAMA: 1,
    Jenjang.ADMINISTRATOR: 2,
    Jenjang.PENGAWAS: 3,
    Jenjang.FUNGSIONAL: 4,
    Jenjang.PELAKSANA: 4,
}


class JabatanQuerySet(ScopedQuerySet):
    pass


class Jabatan(OpdScopedModel):
    """A position in an OPD; ``atasan`` is the position above it (none for the head: the kepala daerah)."""

    opd = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="jabatan", verbose_name=_("perangkat daerah")
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, on_delete=models.PROTECT, null=True, blank=True, related_name="jabatan", verbose_name=_("unit kerja")
    )
    nama = models.CharField(_("nama jabatan"), max_length=250)
    jenjang = models.CharField(_("jenjang"), max_length=15, choices=Jenjang.choices)
    atasan = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bawahan",
        verbose_name=_("atasan"),
        help_text=_("Kosongkan untuk kepala perangkat daerah (atasannya kepala daerah)."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = JabatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["opd", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["opd"],
                condition=Q(atasan__isnull=True),
                name="sakip_jabatan_one_head",
                violation_error_message=_(
                    "Perangkat daerah ini sudah punya kepala (jabatan tanpa atasan); pilih atasan untuk jabatan ini."
                ),
            ),
            models.UniqueConstraint(
                fields=["opd", "nama"],
                name="sakip_jabatan_unique_nama",
                violation_error_message=_("Perangkat daerah ini sudah punya jabatan dengan nama itu."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def is_kepala(self) -> bool:
        return self.atasan_id is None

    def clean(self) -> None:
        errors = {}
        if self.unit_kerja_id and self.opd_id and self.unit_kerja.opd_id != self.opd_id:
            errors["unit_kerja"] = _("Unit kerja harus dari perangkat daerah yang sama.")
        if self.atasan_id is None:
            if self.jenjang and self.jenjang != Jenjang.JPT_PRATAMA:
                errors["atasan"] = _("Hanya jabatan JPT Pratama (kepala perangkat daerah) yang boleh tanpa atasan.")
        else:
            atasan = self.atasan
            if self.opd_id and atasan.opd_id != self.opd_id:
                errors["atasan"] = _("Atasan harus jabatan di perangkat daerah yang sama.")
            elif self.jenjang and JENJANG_RANK[atasan.jenjang] >= JENJANG_RANK[self.jenjang]:
                errors["atasan"] = _("Jenjang atasan (%(atasan)s) harus lebih tinggi dari jenjang jabatan ini.") % {
                    "atasan": atasan.get_jenjang_display()
                }
            else:
                node, seen = atasan, set()
                while node is not None:
                    if node.pk == self.pk or node.pk in seen:
                        errors["atasan"] = _("Rantai atasan tidak boleh berputar kembali ke jabatan ini.")
                        break
                    seen.add(node.pk)
                    node = node.atasan
        if errors:
            raise ValidationError(errors)

    def pemangku_pada(self, tanggal: datetime.date | None = None) -> Penugasan | None:
        """Who held this position on that date: the definitive holder, else a Plt/Plh."""
        tanggal = tanggal or timezone.localdate()
        return self.penugasan.aktif_pada(tanggal).pemangku_dulu().select_related("pegawai").first()


class PegawaiQuerySet(ScopedQuerySet):
    def for_user(self, user):
        from sakip import access  # access reads these models: the one import kept lazy to break the cycle

        scope = access.scope_for(user)
        if scope.everything:
            return self
        # The pemda's admins see all its people; others see who holds a position in an OPD they read.
        return self.filter(
            Q(pemda_id__in=scope.managed_pemda_ids) | Q(penugasan__jabatan__opd_id__in=scope.readable_opd_ids)
        ).distinct()

    def in_opd(self, opd_id: int, tahun: int):
        """Who held a position in the OPD at some time in the year (penanggung jawab of its rencana aksi)."""
        first, last = datetime.date(tahun, 1, 1), datetime.date(tahun, 12, 31)
        return self.filter(
            pk__in=Penugasan.objects.filter(jabatan__opd_id=opd_id, mulai__lte=last)
            .filter(Q(selesai__isnull=True) | Q(selesai__gte=first))
            .values("pegawai_id")
        )


class Pegawai(TimeStampedModel):
    """A civil servant (ASN) of a pemda, who may hold positions over time (penugasan)."""

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="pegawai", verbose_name=_("pemda"))
    nama = models.CharField(_("nama"), max_length=200, help_text=_("Lengkap dengan gelar, mis. Ir. SETIYANA, MM."))
    nip = models.CharField(
        _("NIP"), max_length=18, blank=True, validators=[validate_nip], help_text=_("18 angka; spasi boleh.")
    )
    golongan = models.CharField(_("golongan"), max_length=5, choices=Golongan.choices, blank=True)
    pendidikan = models.CharField(_("pendidikan terakhir"), max_length=4, choices=Pendidikan.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=4, choices=StatusPegawai.choices, default=StatusPegawai.PNS, blank=True
    )
    opd = models.ForeignKey(
        "PerangkatDaerah",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pegawai",
        verbose_name=_("perangkat daerah tempat bertugas"),
        help_text=_("Dihitung dalam tabel pegawai Renstra (Bab II) perangkat daerah ini."),
    )

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "nip"],
                condition=~Q(nip=""),
                name="sakip_pegawai_unique_nip",
                violation_error_message=_("Sudah ada pegawai dengan NIP ini."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs):
        self.nip = normalize_nip(self.nip)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("sakip:pegawai_detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}

    def clean(self) -> None:
        self.nip = normalize_nip(self.nip)

    @property
    def nip_display(self) -> str:
        return format_nip(self.nip)

    @property
    def pangkat(self) -> str:
        return PANGKAT.get(self.golongan, "")

    @property
    def pangkat_golongan(self) -> str:
        """As signature blocks print it: "Pembina Utama Muda / IV/c"."""
        return " / ".join(part for part in (self.pangkat, self.golongan) if part)


class PenugasanQuerySet(ScopedQuerySet):
    opd_lookup = "jabatan__opd"

    def aktif_pada(self, tanggal: datetime.date):
        return self.filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal), mulai__lte=tanggal)

    def pemangku_dulu(self):
        """The holder of a position first: the definitive one, then the latest Plt/Plh."""
        return self.order_by(models.Case(models.When(jenis=Penugasan.Jenis.DEFINITIF, then=0), default=1), "-mulai")


class Penugasan(TimeStampedModel):
    """Who held which position from when to when, including acting officials (Plt, Plh)."""

    class Jenis(models.TextChoices):
        DEFINITIF = "definitif", _("Definitif")
        PLT = "plt", _("Pelaksana Tugas (Plt.)")
        PLH = "plh", _("Pelaksana Harian (Plh.)")

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="penugasan", verbose_name=_("pegawai"))
    jabatan = models.ForeignKey(Jabatan, on_delete=models.PROTECT, related_name="penugasan", verbose_name=_("jabatan"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.DEFINITIF)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"), null=True, blank=True, help_text=_("Kosongkan bila masih menjabat."))
    nomor_sk = models.CharField(_("nomor SK"), max_length=150, blank=True)

    objects = PenugasanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan")
        verbose_name_plural = _("penugasan")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=models.F("mulai")),
                name="sakip_penugasan_selesai_after_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        if not (self.jabatan_id and self.pegawai_id):
            return str(_("Penugasan baru"))
        prefix = {self.Jenis.PLT: "Plt. ", self.Jenis.PLH: "Plh. "}.get(self.jenis, "")
        return f"{prefix}{self.jabatan} — {self.pegawai}"

    def get_additional_data(self) -> dict:
        return {"pemda": self.pegawai.pemda_id, "opd": self.jabatan.opd_id}

    @property
    def opd_id(self) -> int:
        return self.jabatan.opd_id

    def clean(self) -> None:
        if not (self.jabatan_id and self.pegawai_id and self.mulai):
            return
        if self.jabatan.opd.pemda_id != self.pegawai.pemda_id:
            raise ValidationError({"jabatan": _("Jabatan harus dari pemda yang sama dengan pegawai.")})
        end = self.selesai or datetime.date.max
        overlapping = Penugasan.objects.exclude(pk=self.pk).filter(
            Q(selesai__isnull=True) | Q(selesai__gte=self.mulai), mulai__lte=end
        )
        if self.jenis == self.Jenis.DEFINITIF:
            other = overlapping.filter(jabatan_id=self.jabatan_id, jenis=self.Jenis.DEFINITIF).first()
            if other:
                raise ValidationError(
                    {
                        "mulai": _("Pada periode ini jabatan tersebut sudah dipegang %(nama)s (mulai %(mulai)s).")
                        % {"nama": other.pegawai, "mulai": long_date(other.mulai)}
                    }
                )
            other = overlapping.filter(pegawai_id=self.pegawai_id, jenis=self.Jenis.DEFINITIF).first()
            if other:
                raise ValidationError(
                    {
                        "mulai": _("Pada periode ini pegawai tersebut sudah menjabat definitif sebagai %(jabatan)s.")
                        % {"jabatan": other.jabatan}
                    }
                )


# --- Users and roles ----------------------------------------------------------------------------


class UserQuerySet(models.QuerySet):
    def for_user(self, user):
        from sakip import access  # access reads these models: the one import kept lazy to break the cycle

        scope = access.scope_for(user)
        if scope.everything:
            return self
        return self.filter(pemda_id__in=scope.managed_pemda_ids)


class SakipUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    """A login of one pemda; what it may do comes from its roles (Peran)."""

    nama = models.CharField(_("nama"), max_length=200, blank=True)
    pemda = models.ForeignKey(
        Pemda, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("pemda")
    )
    pegawai = models.OneToOneField(
        Pegawai,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        verbose_name=_("pegawai"),
        help_text=_("Wajib untuk peran Pimpinan: jabatan yang dipegang pegawai ini yang ia tandatangani."),
    )

    objects = SakipUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name()

    def get_full_name(self) -> str:
        return self.nama or self.username

    def get_short_name(self) -> str:
        return self.nama.split(",")[0] if self.nama else self.username

    def get_additional_data(self) -> dict:
        return {"pemda": self.pemda_id}


class JenisPeran(models.TextChoices):
    """The roles: the admin and pimpinan act for the whole pemda, a perencana for one OPD."""

    ADMIN_PEMDA = "admin_pemda", _("Admin pemda")
    PERENCANA = "perencana", _("Perencana")
    PIMPINAN = "pimpinan", _("Pimpinan")
    EVALUATOR = "evaluator", _("Evaluator")


class Peran(models.Model):
    """One role of a user, for one OPD where the role is per OPD."""

    Jenis = JenisPeran  # at module level so that Meta's constraints can name it

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="peran", verbose_name=_("pengguna"))
    jenis = models.CharField(_("peran"), max_length=12, choices=Jenis.choices)
    opd = models.ForeignKey(
        PerangkatDaerah,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="peran",
        verbose_name=_("perangkat daerah"),
        help_text=_("Wajib untuk Perencana; untuk Evaluator kosong berarti semua perangkat daerah."),
    )

    class Meta:
        verbose_name = _("peran")
        verbose_name_plural = _("peran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "jenis", "opd"],
                name="sakip_peran_unique",
                violation_error_message=_("Pengguna sudah punya peran ini."),
            ),
            models.UniqueConstraint(
                fields=["user", "jenis"],
                condition=Q(opd__isnull=True),
                name="sakip_peran_unique_pemda_wide",
                violation_error_message=_("Pengguna sudah punya peran ini."),
            ),
            models.CheckConstraint(
                condition=~Q(jenis=JenisPeran.PERENCANA) | Q(opd__isnull=False),
                name="sakip_peran_perencana_has_opd",
                violation_error_message=_("Peran Perencana harus untuk satu perangkat daerah."),
            ),
            models.CheckConstraint(
                condition=~Q(jenis__in=[JenisPeran.ADMIN_PEMDA, JenisPeran.PIMPINAN]) | Q(opd__isnull=True),
                name="sakip_peran_pemda_wide_no_opd",
                violation_error_message=_("Peran Admin pemda dan Pimpinan tidak dibatasi pada satu perangkat daerah."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} — {self.opd}" if self.opd_id else self.get_jenis_display()

    def get_additional_data(self) -> dict:
        return {"pemda": self.user.pemda_id, "opd": self.opd_id}

    def clean(self) -> None:
        if self.opd_id and self.user_id and self.user.pemda_id and self.opd.pemda_id != self.user.pemda_id:
            raise ValidationError({"opd": _("Perangkat daerah harus dari pemda pengguna.")})


# --- Audit --------------------------------------------------------------------------------------


_RELATED_MANAGER = re.compile(r"[a-z_]+\.[A-Za-z]+\.None")  # str() of a related manager, as auditlog stores it


class AuditEntry(AbstractLogEntry):
    """One change of domain data: who, when, which object, values before and after (``changes``).

    The actor's name is copied so the entry still says who it was after the user is deleted; pemda and
    OPD are copied from the object so that scoping the log needs no join to objects that may be gone.
    """

    class Aksi(models.IntegerChoices):
        """auditlog's actions (``AbstractLogEntry.Action``) with the words the audit pages show."""

        CREATE = 0, _("dibuat")
        UPDATE = 1, _("diubah")
        DELETE = 2, _("dihapus")
        ACCESS = 3, _("dibuka")

    class Operasi(models.TextChoices):
        """A bulk operation recorded as one summary entry (:func:`sakip.audit.record`)."""

        RENSTRA_PERUBAHAN = "renstra_perubahan", _("perubahan Renstra dibuat")
        RENSTRA_IMPOR = "renstra_impor", _("Renstra diimpor dari Excel")
        RENSTRA_HAPUS_VERSI = "renstra_hapus_versi", _("versi Renstra dihapus")
        NOMENKLATUR_IMPOR = "nomenklatur_impor", _("nomenklatur diimpor")
        POHON_REVISI = "pohon_revisi", _("revisi pohon kinerja dibuat")
        POHON_TERJEMAHKAN = "pohon_terjemahkan", _("pohon kinerja diterjemahkan ke Renstra")
        PK_SUSUN = "pk_susun", _("PK disusun dari Renstra")
        PK_PERUBAHAN = "pk_perubahan", _("PK perubahan dibuat")
        RENCANA_AKSI_SIAPKAN = "rencana_aksi_siapkan", _("baris rencana aksi dibuat")
        REALISASI_IMPOR = "realisasi_impor", _("realisasi diimpor dari Excel")
        REALISASI_SIMPAN_MASSAL = "realisasi_simpan_massal", _("realisasi disimpan sekaligus")
        PERIODE_LALU_SIMPAN = "periode_lalu_simpan", _("tabel periode lalu diganti")

    action = models.PositiveSmallIntegerField(_("aksi"), choices=Aksi.choices, db_index=True)
    operasi = models.CharField(_("operasi"), max_length=40, choices=Operasi.choices, blank=True, db_index=True)
    data = models.JSONField(_("data operasi"), null=True, blank=True)
    actor_name = models.CharField(_("oleh"), max_length=200, blank=True)
    pemda_ref = models.BigIntegerField(_("pemda"), null=True, blank=True, db_index=True)
    opd_ref = models.BigIntegerField(_("perangkat daerah"), null=True, blank=True, db_index=True)

    class Meta(AbstractLogEntry.Meta):
        verbose_name = _("catatan audit")
        verbose_name_plural = _("log audit")

    DATA_LABELS = {
        "dari": _("Dari"),
        "berkas": _("Berkas"),
        "sha256": _("SHA-256 berkas"),
        "tahun": _("Tahun"),
        "alasan": _("Alasan"),
        "tabel": _("Tabel"),
        "versi": _("Versi"),
        "dibuat": _("Baris baru"),
        "dihapus": _("Baris lama dihapus"),
        "sel_indikator": _("Sel realisasi indikator"),
        "sel_anggaran": _("Sel anggaran"),
        "diubah": _("Baris diperbarui"),
        "pk": _("PK"),
        "pohon": _("Pohon kinerja"),
    }

    @property
    def aksi(self) -> str:
        """What happened, in the pages' words: the operation's name, else dibuat / diubah / dihapus."""
        return self.get_operasi_display() if self.operasi else self.get_action_display()

    @property
    def perubahan(self) -> list[tuple[str, str | None, str | None]]:
        """The changed fields as (verbose name, before, after), without what is not a value of the row itself
        (the primary key, the reverse relations auditlog lists on create and delete as ``app.Model.None``) and
        without fields empty on both sides."""
        rows = []
        for name, values in self.changes_display_dict.items():
            before, after = [*values, None, None][:2]
            if str(name).lower() == "id" or all(
                v in (None, "None", "") or _RELATED_MANAGER.fullmatch(str(v)) for v in (before, after)
            ):
                continue
            label = str(name).replace("_", " ")
            rows.append((label[:1].upper() + label[1:], before, after))
        return rows

    @property
    def ringkasan(self) -> list[tuple[str, str]]:
        """A summary entry's data as rows a person reads: rows per model, then the other facts."""
        data = self.data or {}
        rows: list[tuple[str, str]] = []
        for label, n in (data.get("jumlah") or {}).items():
            try:
                name = str(apps.get_model(label)._meta.verbose_name_plural)
            except (LookupError, ValueError):
                name = label
            rows.append((name[:1].upper() + name[1:], format_number(n, 0)))
        for key, value in data.items():
            if key != "jumlah":
                rows.append((str(self.DATA_LABELS.get(key, key)), str(value)))
        return rows

    def save(self, *args, **kwargs):
        data = self.additional_data or {}
        self.pemda_ref = data.get("pemda", self.pemda_ref)
        self.opd_ref = data.get("opd", self.opd_ref)
        super().save(*args, **kwargs)


for _model in (Pemda, PerangkatDaerah, UnitKerja, Jabatan, Pegawai, Penugasan, Peran):
    auditlog.register(_model, exclude_fields=["created_at", "updated_at"])
auditlog.register(User, exclude_fields=["password", "last_login", "date_joined"], m2m_fields=set())

"""The PK life cycle (draft from the plan → diajukan → ditandatangani, returned, revised) and Rencana Aksi."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import exporters
from kinerja.models import (
    STATEMENT_DEFAULT,
    NaskahPK,
    PengaturanCapaian,
    PerjanjianKinerja,
    PKAnggaran,
    PKIndikator,
    RencanaAksi,
    RevisiRencanaAksi,
)
from kinerja.pihak import copy_parties, parties
from kinerja.realisasi.anggaran import anggaran_berlaku, anggaran_sumber
from pohon.services import elemen_milik
from renstra import services as renstra_services
from renstra.models import Indikator, Level, RenstraVersi
from sakip import audit
from sakip.lib import grid
from sakip.lib.grid import CellResult
from sakip.lib.numbers import format_number
from sakip.lib.tree import copy_rows
from sakip.lib.values import Reading, UnreadableValue, format_value, read_cell
from sakip.models import Jabatan, Jenjang, Pegawai, Penugasan, Peran, UnitKerja
from sakip.services import lock_pemda

ZERO = Decimal("0")


class PKError(Exception):
    """A step of the workflow that is not allowed now; ``str()`` says why, for the user."""


class PerubahanSudahAda(PKError):
    """*Buat PK perubahan* when a draft version exists already (often the same button pressed twice)."""

    def __init__(self, draf: PerjanjianKinerja):
        self.draf = draf
        super().__init__(_("Masih ada versi yang belum ditandatangani untuk jabatan dan tahun ini."))


class PKSudahAda(PKError):
    """*Susun PK* for a position and year that has one: the page opens it (a draft) or says so (signed)."""

    def __init__(self, pk: PerjanjianKinerja):
        self.pk = pk
        super().__init__(
            _("Jabatan ini sudah punya PK tahun %(t)s; ubah yang ada atau buat perubahannya.") % {"t": pk.tahun}
        )


class PKTerkunci(PKError):
    """A signed PK (or one waiting for its signature) cannot be deleted."""


def _statement(pemda) -> dict[str, str]:
    naskah = NaskahPK.objects.filter(pemda=pemda).first()
    if naskah is None:
        return dict(STATEMENT_DEFAULT)
    return {"pembuka": naskah.pembuka, "janji_pertama": naskah.janji_pertama, "janji_kedua": naskah.janji_kedua}


# --- Drafting from the plan -------------------------------------------------------------------------

#: the plan level of a position's indicators, and of its funding lines (PermenPAN-RB 53/2014 practice)
LEVELS = {
    Jenjang.JPT_PRATAMA: (Level.SASARAN, Level.PROGRAM),
    Jenjang.ADMINISTRATOR: (Level.PROGRAM, Level.KEGIATAN),
    Jenjang.PENGAWAS: (Level.KEGIATAN, Level.SUB_KEGIATAN),
    Jenjang.FUNGSIONAL: (Level.SUB_KEGIATAN, Level.SUB_KEGIATAN),
    Jenjang.PELAKSANA: (Level.SUB_KEGIATAN, Level.SUB_KEGIATAN),
}


def _units_of(jabatan: Jabatan) -> set[int]:
    """The position's unit kerja and every unit below it."""
    if not jabatan.unit_kerja_id:
        return set()
    children: dict[int | None, list[int]] = {}
    for pk, parent in UnitKerja.objects.filter(opd_id=jabatan.opd_id).values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, stack = set(), [jabatan.unit_kerja_id]
    while stack:
        unit = stack.pop()
        found.add(unit)
        stack.extend(children.get(unit, []))
    return found


def _owned(nodes, units: set[int]) -> list:
    """The nodes with a sub kegiatan of one of ``units`` below them (all of them when nothing matches)."""
    if not units:
        return nodes

    def owns(node) -> bool:
        if node.elemen.level == Level.SUB_KEGIATAN:
            return node.elemen.unit_kerja_id in units
        return any(owns(child) for child in node.children)

    owned = [n for n in nodes if owns(n)]
    return owned or nodes


@transaction.atomic
def susun_dari_renstra(jabatan: Jabatan, tahun: int) -> PerjanjianKinerja:
    """A draft PK for a position and year, filled from the Renstra version in force for that year."""
    opd = jabatan.opd
    # The position's row is locked so that a double click drafts one PK: the second finds the first's.
    list(Jabatan.objects.select_for_update(no_key=True).filter(pk=jabatan.pk).values_list("pk", flat=True))
    existing = PerjanjianKinerja.objects.filter(jabatan=jabatan, tahun=tahun).order_by("-versi").first()
    if existing is not None:
        raise PKSudahAda(existing)
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    if versi is None:
        raise PKError(_("Belum ada Renstra yang ditetapkan dan berlaku untuk tahun %(t)s.") % {"t": tahun})
    pk = PerjanjianKinerja(opd=opd, jabatan=jabatan, tahun=tahun, renstra_versi=versi, tempat=opd.pemda.ibukota)
    copy_parties(pk, timezone.localdate())
    for key, text in _statement(opd.pemda).items():
        setattr(pk, key, text)
    pk.save()
    plan = renstra_services.load_plan(versi, with_targets=True)
    indicator_level, funding_level = LEVELS[jabatan.jenjang]
    units = _units_of(jabatan) if jabatan.jenjang != Jenjang.JPT_PRATAMA else set()
    # The pohon kinerja, when it names this position as the owner of nodes, says what the PK holds.
    from_tree = elemen_milik(jabatan, tahun, versi)
    if from_tree:
        indicator_nodes = [n for n in plan.flat() if n.elemen.pk in from_tree]
        funding_nodes = [
            n
            for n in plan.of_level(funding_level)
            if set(map(int, n.path.split("/"))) & from_tree
            or any(plan.nodes[e].path.startswith(n.path + "/") for e in from_tree if e in plan.nodes)
        ]
    else:
        indicator_nodes = _owned(plan.of_level(indicator_level), units)
        funding_nodes = _owned(plan.of_level(funding_level), units)
    rows = []
    for node in indicator_nodes:
        indicators = node.indikator
        if indicator_level == Level.SASARAN and any(i.is_iku for i in plan_indicators(plan, Level.SASARAN)):
            indicators = [i for i in indicators if i.is_iku]
        for ind in indicators:
            target = ind.targets.get(tahun)
            nilai, teks = (target.nilai, target.teks) if target else (None, "")
            rows.append(
                PKIndikator(
                    pk_doc=pk,
                    urutan=len(rows) + 1,
                    sasaran=node.elemen.nama,
                    uraian=ind.uraian,
                    satuan=ind.satuan,
                    target_nilai=nilai,
                    target_teks=teks,
                    agregasi=ind.agregasi,
                    sumber=ind,
                    renstra_nilai=nilai,
                    renstra_teks=teks,
                )
            )
    PKIndikator.objects.bulk_create(rows)
    budget = anggaran_berlaku(plan, tahun)
    funding = [
        PKAnggaran(
            pk_doc=pk,
            urutan=i,
            level=node.elemen.level,
            kode=node.elemen.kode,
            nama=node.elemen.nama,
            anggaran=budget[node.elemen.pk],
            sumber=node.elemen,
        )
        for i, node in enumerate(funding_nodes, start=1)
    ]
    PKAnggaran.objects.bulk_create(funding)
    audit.record(
        audit.Operasi.PK_SUSUN,
        pk,
        jumlah={PerjanjianKinerja: 1, PKIndikator: len(rows), PKAnggaran: len(funding)},
        dari=versi.label,
        tahun=tahun,
    )
    return pk


def plan_indicators(plan, level) -> list[Indikator]:
    return [ind for node in plan.of_level(level) for ind in node.indikator]


# --- Editing a draft ----------------------------------------------------------------------------------


def lock_pk(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK re-read with its row locked to the end of the transaction. Every edit of its rows checks the
    status on this copy, and :func:`ajukan`, :func:`tandatangani` and :func:`kembalikan` lock the same row, so
    an edit in flight finishes before the PK is submitted or signed, and one that starts later is refused."""
    return PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)


def lock_editable(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    locked = lock_pk(pk)
    ensure_editable(locked)
    return locked


def ensure_editable(pk: PerjanjianKinerja) -> None:
    if pk.status == PerjanjianKinerja.Status.DITANDATANGANI:
        raise PKError(_("PK ini sudah ditandatangani dan tidak dapat diubah. Buat PK perubahan untuk mengubahnya."))
    if pk.status != PerjanjianKinerja.Status.DRAFT:
        raise PKError(_("PK ini sedang diajukan; kembalikan dulu ke draf untuk mengubahnya."))


class IsianTidakSah(PKError):
    """A value typed into one field of a PK row cannot be saved; ``field`` names it, so the page shows the
    message at that field; nothing is saved."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class BarisBerubah(PKError):
    """The row was changed by someone else since the page showed it (its token is stale); nothing is saved."""


def _ensure_unchanged(row, token: str | None, shown: str) -> None:
    """Refuse an edit made from a stale page: ``token`` is the row's ``updated_at`` as the page had it."""
    if token is None or row.updated_at.isoformat() == token:
        return
    oleh, pada = audit.last_change(type(row), row.pk)
    raise BarisBerubah(f"{row}: {grid.conflict_message(shown, oleh, pada or row.updated_at)}")


@transaction.atomic
def update_target(row: PKIndikator, text: str, alasan: str, *, token: str | None = None) -> PKIndikator:
    """Adjust a target; one that differs from the Renstra needs a reason. With ``token`` (the row's
    ``updated_at`` as the form had it), an edit of a row changed meanwhile is refused with who changed it. The
    target is read as every value (:func:`read_cell`: the row's satuan); its plausibility warnings (negative, over
    100 %, ten times the Renstra's target) are left on the returned row as ``catatan`` for the page to say (the
    target differing from the Renstra already needs a written reason)."""
    row.pk_doc = lock_editable(row.pk_doc)
    row.refresh_from_db()
    _ensure_unchanged(row, token, row.target)
    try:
        reading = read_cell(text, satuan=row.satuan, persen=row.satuan.strip() == "%", target=row.renstra_nilai)
    except UnreadableValue as error:
        raise IsianTidakSah(str(error), "target") from None
    parsed = reading.parsed
    if parsed.is_empty:
        raise IsianTidakSah(_("Target tidak boleh kosong."), "target")
    row.target_nilai, row.target_teks, row.alasan_beda = parsed.nilai, parsed.teks, alasan.strip()
    if row.berbeda and not row.alasan_beda:
        raise IsianTidakSah(
            _("Target berbeda dari Renstra (%(r)s): tuliskan alasannya.") % {"r": row.target_renstra}, "alasan"
        )
    row.save()
    row.catatan = " ".join(reading.peringatan)  # said to the user
    return row


@transaction.atomic
def update_anggaran(row: PKAnggaran, text: str, keterangan: str, *, token: str | None = None) -> PKAnggaran:
    """Adjust a funding line's anggaran; as a target, one that differs from its source (the DPPA, DPA or Renstra
    pagu, :func:`anggaran_sumber`) needs a reason (its keterangan). Ten times the source or more is said."""
    row.pk_doc = lock_editable(row.pk_doc)
    row.refresh_from_db()
    _ensure_unchanged(row, token, format_number(row.anggaran, 0))
    sumber = anggaran_sumber(row)
    try:
        reading = read_cell(text, money=True, target=sumber)
    except UnreadableValue as error:
        raise IsianTidakSah(str(error), "anggaran") from None
    limit: int = getattr(PKAnggaran._meta.get_field("keterangan"), "max_length", 0)
    if len(keterangan.strip()) > limit:
        raise IsianTidakSah(_("Keterangan paling panjang %(n)s karakter.") % {"n": limit}, "keterangan")
    row.anggaran, row.keterangan = reading.parsed.nilai or ZERO, keterangan.strip()
    if sumber is not None and row.anggaran != sumber and not row.keterangan:
        raise IsianTidakSah(
            _("Anggaran berbeda dari DPA/Renstra (Rp %(r)s): tuliskan alasannya di keterangan.")
            % {"r": format_number(sumber, 0)},
            "keterangan",
        )
    row.save()
    row.catatan = " ".join([*reading.peringatan, *([reading.catatan] if reading.catatan else [])])  # said
    return row


@transaction.atomic
def delete_draf(pk: PerjanjianKinerja) -> None:
    """Delete a PK that is still a draft, with its rows and rencana aksi (each deletion in the audit log).

    A signed PK never changes, and one waiting for its signature is returned to draft first. The PK is locked,
    so that it cannot be submitted or signed meanwhile.
    """
    pk = lock_pk(pk)
    if pk.is_signed:
        raise PKTerkunci(_("PK ini sudah ditandatangani dan tidak dapat dihapus. Buat PK perubahan bila perlu."))
    if pk.status != PerjanjianKinerja.Status.DRAFT:
        raise PKTerkunci(_("PK ini sedang diajukan; kembalikan dulu ke draf untuk menghapusnya."))
    pk.delete()


@transaction.atomic
def delete_baris(row) -> None:
    lock_editable(row.pk_doc)
    row.delete()


# --- Checks and workflow --------------------------------------------------------------------------------


def check(pk: PerjanjianKinerja) -> list[str]:
    """What must be right before a PK can be submitted."""
    problems = []
    rows = list(pk.indikator.select_related("sumber"))
    if not rows:
        problems.append(_("PK belum punya indikator kinerja."))
    for row in rows:
        if row.sumber is None:
            problems.append(_("Indikator “%(i)s” tidak berasal dari Renstra.") % {"i": row.uraian})
        elif row.sumber.satuan.strip().lower() != row.satuan.strip().lower():
            problems.append(
                _("Satuan “%(s)s” pada indikator “%(i)s” berbeda dengan Renstra (“%(r)s”).")
                % {"s": row.satuan, "i": row.uraian, "r": row.sumber.satuan}
            )
        if row.target_nilai is None and not row.target_teks:
            problems.append(_("Indikator “%(i)s” belum punya target.") % {"i": row.uraian})
        if row.berbeda and not row.alasan_beda:
            problems.append(_("Target “%(i)s” berbeda dari Renstra tanpa alasan.") % {"i": row.uraian})
    lines = list(pk.anggaran.all())
    if not lines:
        problems.append(_("Tabel anggaran masih kosong."))
    if any(line.anggaran < 0 for line in lines):
        problems.append(_("Ada anggaran yang negatif."))
    return problems + [pesan for _jenis, pesan in masalah_pihak(pk)]


def masalah_pihak(pk: PerjanjianKinerja) -> list[tuple[str, str]]:
    """The parties' problems as (what fixes it, message): "pertama" or "atasan" (a holder placed in Pegawai),
    "kepala-daerah" (the pemda's profile); all the admin pemda's data (the PK page links there for them)."""
    found = []
    if not pk.pertama_nama:
        found.append(("pertama", _("Jabatan pihak pertama belum ada pemangkunya pada tanggal ini.")))
    if not pk.kedua_nama and pk.jabatan.atasan_id is None:
        found.append(("kepala-daerah", _("Nama kepala daerah (pihak kedua) belum diisi di Profil pemda.")))
    elif not pk.kedua_nama:
        found.append(("atasan", _("Jabatan atasan (pihak kedua) belum ada pemangkunya pada tanggal ini.")))
    return found


@transaction.atomic
def ajukan(pk: PerjanjianKinerja, *, actor) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    ensure_editable(pk)
    copy_parties(pk, pk.tanggal or timezone.localdate())
    problems = check(pk)
    if problems:
        raise PKError(" ".join(problems))
    pk.status, pk.diajukan_oleh, pk.diajukan_pada, pk.catatan_pengembalian = (
        PerjanjianKinerja.Status.DIAJUKAN,
        actor,
        timezone.now(),
        "",
    )
    pk.save()
    return pk


def can_sign(user, pk: PerjanjianKinerja) -> bool:
    """The Pimpinan holding the pihak-pertama position (definitive or acting) today."""
    if not user.is_authenticated or not user.pegawai_id:
        return False
    if not Peran.objects.filter(user=user, jenis=Peran.Jenis.PIMPINAN).exists():
        return False
    return (
        Penugasan.objects.aktif_pada(timezone.localdate())
        .filter(jabatan=pk.jabatan, pegawai_id=user.pegawai_id)
        .exists()
    )


@transaction.atomic
def kembalikan(pk: PerjanjianKinerja, *, actor, catatan: str) -> PerjanjianKinerja:
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    if pk.status != PerjanjianKinerja.Status.DIAJUKAN:
        raise PKError(_("Hanya PK yang diajukan yang dapat dikembalikan."))
    if not catatan.strip():
        raise IsianTidakSah(_("Tuliskan catatan: apa yang perlu diperbaiki."), "catatan")
    pk.status, pk.catatan_pengembalian = PerjanjianKinerja.Status.DRAFT, catatan.strip()
    pk.save()
    return pk


@transaction.atomic
def tandatangani(
    pk: PerjanjianKinerja, *, actor, tanggal: datetime.date | None = None, situs: str | None = None
) -> PerjanjianKinerja:
    """Sign: the parties as they are on the date, the PDF (its QR to ``situs``) stored once with its SHA-256."""
    pk = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    if pk.status != PerjanjianKinerja.Status.DIAJUKAN:
        raise PKError(_("Hanya PK yang sudah diajukan yang dapat ditandatangani."))
    if actor is not None and not can_sign(actor, pk):
        raise PKError(_("Hanya pimpinan yang memegang jabatan pihak pertama yang dapat menandatangani PK ini."))
    pk.tanggal = tanggal or pk.tanggal or timezone.localdate()
    pk.tempat = pk.tempat or pk.opd.pemda.ibukota
    copy_parties(pk, pk.tanggal)
    pk.kode_verifikasi = secrets.token_hex(8)
    pk.status = PerjanjianKinerja.Status.DITANDATANGANI
    pk.ditandatangani_oleh, pk.ditandatangani_pada = actor, timezone.now()
    content = exporters.pk_pdf(pk, situs=situs)
    pk.pdf_sha256 = hashlib.sha256(content).hexdigest()
    pk.pdf.save(
        f"{pk.opd_id}/pk-{pk.tahun}-{pk.jabatan_id}-v{pk.versi}-{pk.kode_verifikasi}.pdf",
        ContentFile(content),
        save=False,
    )
    pk.save()
    return pk


#: what a new version of a PK starts without: its submission, signature, signed PDF and date are the old one's
UNSIGNED: dict[str, object] = {
    "tanggal": None,
    "catatan_pengembalian": "",
    "diajukan_oleh": None,
    "diajukan_oleh_nama": "",
    "diajukan_pada": None,
    "ditandatangani_oleh": None,
    "ditandatangani_oleh_nama": "",
    "ditandatangani_pada": None,
    "kode_verifikasi": "",
    "pdf": "",
    "pdf_sha256": "",
}


@transaction.atomic
def create_perubahan(pk: PerjanjianKinerja, *, alasan: str) -> PerjanjianKinerja:
    """A PK Perubahan: a new draft version copied from a signed one.

    Every version of the position's PK for the year is locked first (in one order), so two requests (a double
    click) never both number a new version: the second waits, then finds the first one's draft and raises
    :class:`PerubahanSudahAda` with it.
    """
    same = PerjanjianKinerja.objects.filter(jabatan_id=pk.jabatan_id, tahun=pk.tahun).order_by("pk")
    list(same.select_for_update().values_list("pk", flat=True))
    versions = list(same)  # read again once locked: a version another request just added is seen now
    pk = next(v for v in versions if v.pk == pk.pk)
    if not pk.is_signed:
        raise PKError(_("PK perubahan dibuat dari PK yang sudah ditandatangani."))
    draf = next((v for v in versions if v.status != PerjanjianKinerja.Status.DITANDATANGANI), None)
    if draf is not None:
        raise PerubahanSudahAda(draf)
    if not alasan.strip():
        raise PKError(_("Tuliskan alasan perubahan (mutasi pejabat, perubahan anggaran, perubahan prioritas …)."))
    nomor = max(v.versi for v in versions) + 1
    (baru,) = copy_rows(
        [pk],
        versi=nomor,
        jenis=PerjanjianKinerja.Jenis.PERUBAHAN,
        status=PerjanjianKinerja.Status.DRAFT,
        dasar=pk,
        alasan_perubahan=alasan.strip(),
        **UNSIGNED,
        **parties(pk, timezone.localdate()),
    ).values()
    indikator = copy_rows(pk.indikator.all(), pk_doc=baru)
    anggaran = copy_rows(pk.anggaran.all(), pk_doc=baru)
    audit.record(
        audit.Operasi.PK_PERUBAHAN,
        baru,
        jumlah={PerjanjianKinerja: 1, PKIndikator: len(indikator), PKAnggaran: len(anggaran)},
        dari=str(pk),
        alasan=baru.alasan_perubahan,
    )
    return baru


def perbedaan(lama: PerjanjianKinerja, baru: PerjanjianKinerja) -> dict:
    """What changed between two versions: targets, indicators, anggaran, signatories."""
    old = {r.uraian: r for r in lama.indikator.all()}
    new = {r.uraian: r for r in baru.indikator.all()}
    targets = [
        (k, old[k].target, new[k].target, new[k].satuan) for k in new if k in old and old[k].target != new[k].target
    ]
    old_a = {(a.kode, a.nama): a for a in lama.anggaran.all()}
    new_a = {(a.kode, a.nama): a for a in baru.anggaran.all()}
    anggaran = [
        (k[1], old_a[k].anggaran, new_a[k].anggaran)
        for k in new_a
        if k in old_a and old_a[k].anggaran != new_a[k].anggaran
    ]
    parties = [
        (label, getattr(lama, f), getattr(baru, f))
        for label, f in (
            (_("Pihak pertama"), "pertama_nama"),
            (_("Pihak kedua"), "kedua_nama"),
            (_("Jabatan pihak pertama"), "pertama_jabatan"),
        )
        if getattr(lama, f) != getattr(baru, f)
    ]
    return {
        "targets": targets,
        "indikator_baru": [k for k in new if k not in old],
        "indikator_hapus": [k for k in old if k not in new],
        "anggaran": anggaran,
        "anggaran_baru": [k[1] for k in new_a if k not in old_a],
        "anggaran_hapus": [k[1] for k in old_a if k not in new_a],
        "jumlah": (lama.jumlah_anggaran, baru.jumlah_anggaran),
        "pihak": parties,
    }


# --- The pemda's settings -------------------------------------------------------------------------------


def _save_setting(model, pemda, data: dict):
    """Save the pemda's one row of ``model`` (created by its first save) with the form's ``data``; the pemda's
    row is locked first and the setting read again under the lock, so two first saves make one row."""
    lock_pemda(pemda.pk)
    setting = model.objects.filter(pemda=pemda).first() or model(pemda=pemda)
    for name, value in data.items():
        setattr(setting, name, value)
    setting.save()
    return setting


@transaction.atomic
def save_naskah_pk(pemda, data: dict) -> NaskahPK:
    """The admin pemda's statement text for the PK drafted from now on (a valid form's ``cleaned_data``)."""
    return _save_setting(NaskahPK, pemda, data)


@transaction.atomic
def save_pengaturan_capaian(pemda, data: dict) -> PengaturanCapaian:
    """The pemda's capaian rules (a valid :class:`kinerja.forms.PengaturanCapaianForm`'s ``cleaned_data``)."""
    return _save_setting(PengaturanCapaian, pemda, data)


# --- Rencana Aksi ----------------------------------------------------------------------------------------


def rencana_aksi_rows(pk: PerjanjianKinerja) -> list[RencanaAksi]:
    """The rencana aksi rows of a PK, in the PK's order (reading only: pages never create them)."""
    return list(
        RencanaAksi.objects.filter(pk_doc=pk).select_related("indikator", "penanggung_jawab").prefetch_related("aksi")
    )


def rencana_aksi_missing(pk: PerjanjianKinerja) -> int:
    """How many PK indicators have no rencana aksi row yet."""
    return pk.indikator.exclude(rencana_aksi__isnull=False).count()


@transaction.atomic
def prepare_rencana_aksi(pk: PerjanjianKinerja) -> list[RencanaAksi]:
    """Create the missing rencana aksi rows (one per PK indicator; one audit entry) and return them all."""
    PerjanjianKinerja.objects.select_for_update().filter(pk=pk.pk).first()  # two clicks create the rows once
    existing = set(RencanaAksi.objects.filter(pk_doc=pk).values_list("indikator_id", flat=True))
    missing = [RencanaAksi(pk_doc=pk, indikator=row) for row in pk.indikator.all() if row.pk not in existing]
    if missing:
        RencanaAksi.objects.bulk_create(missing)
        audit.record(audit.Operasi.RENCANA_AKSI_SIAPKAN, pk, jumlah={RencanaAksi: len(missing)}, pk=str(pk))
    return rencana_aksi_rows(pk)


def check_rencana_aksi(ra: RencanaAksi) -> list[str]:
    """The rules a rencana aksi must follow, as messages the planner can act on."""
    ind = ra.indikator
    problems = []
    quarters = ra.triwulan
    target = ind.target_nilai
    if ind.target_teks and target is None:
        pass  # a qualitative target (predikat) has no quarterly arithmetic
    elif any(q is None for q in quarters):
        problems.append(_("Target TW I–IV belum lengkap."))
    elif target is not None:
        if ind.agregasi == Indikator.Agregasi.KUMULATIF and sum(quarters) != target:
            problems.append(
                _("Jumlah TW I–IV (%(s)s) harus sama dengan target tahunan %(t)s.")
                % {"s": format_value(sum(quarters)), "t": format_value(target)}
            )
        elif ind.agregasi == Indikator.Agregasi.RATA_RATA and sum(quarters) / 4 != target:
            problems.append(
                _("Rata-rata TW I–IV (%(s)s) harus sama dengan target tahunan %(t)s.")
                % {"s": format_value(sum(quarters) / 4), "t": format_value(target)}
            )
        elif ind.agregasi == Indikator.Agregasi.NILAI_AKHIR and quarters[3] != target:
            problems.append(
                _("Target TW IV (%(s)s) harus sama dengan target tahunan %(t)s.")
                % {"s": format_value(quarters[3]), "t": format_value(target)}
            )
    if ra.anggaran and not any(ra.anggaran_triwulan):
        problems.append(_("Anggaran per triwulan belum dibagi."))
    elif sum(ra.anggaran_triwulan) != ra.anggaran:
        problems.append(
            _("Jumlah anggaran TW I–IV (Rp %(s)s) harus sama dengan anggaran Rp %(a)s.")
            % {"s": format_number(sum(ra.anggaran_triwulan), 0), "a": format_number(ra.anggaran, 0)}
        )
    if ra.catatan:
        problems.append(_("Perlu dipastikan: %(c)s") % {"c": ra.catatan})
    return problems


RA_COLUMNS = ["tw1", "tw2", "tw3", "tw4", "anggaran", "anggaran_tw1", "anggaran_tw2", "anggaran_tw3", "anggaran_tw4"]


@transaction.atomic
def save_ra_cells(pk: PerjanjianKinerja, cells: list[dict], *, actor=None):
    """Save the rencana aksi grid; each cell valid or reported, like the Renstra grids. The PK's row is locked
    first (:func:`lock_pk`), so the grid and the PK's workflow never interleave; on a signed PK the changed
    cells are one numbered revision (:func:`record_revisi`). A cell changed by someone else since the page
    showed it (its token, :mod:`sakip.lib.grid`) is reported as a conflict and not saved."""
    pk = lock_pk(pk)
    result = CellResult()
    rows = {
        ra.pk: ra
        for ra in RencanaAksi.objects.filter(pk_doc=pk, pk__in=grid.ids(cells, "rencana")).select_related(
            "indikator", "pk_doc__opd"
        )
    }
    changes = []
    tokens = grid.tokens(cells, "rencana")
    confirmed = grid.confirmed(cells, "rencana")
    for key, ra, kolom, value in grid.cells_of(cells, "rencana", rows, set(RA_COLUMNS), result):
        before = getattr(ra, kolom)
        if grid.changed_meanwhile(tokens.get(key), _ra_cell(kolom, before)):
            result.conflict(key, _ra_cell(kolom, before), *audit.last_change(RencanaAksi, ra.pk))
            continue
        try:
            reading = _ra_read(ra, kolom, value)
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        amount = reading.parsed.nilai
        if kolom.startswith("anggaran"):
            amount = amount or ZERO
            if reading.catatan:
                result.warnings[key] = reading.catatan  # said, and saved: whole rupiah
        if before != amount and grid.needs_confirming(result, key, reading, confirmed):
            continue
        shown = _ra_cell(kolom, amount)
        if before != amount:
            changes.append(_change(ra, _label(kolom), _ra_shown(kolom, before), shown))
            setattr(ra, kolom, amount)
            ra.save(update_fields=[kolom, "updated_at"])
        result.saved[key] = shown
    record_revisi(pk, changes, actor=actor)
    return result


def _ra_read(ra: RencanaAksi, kolom: str, value) -> Reading:
    """A rencana aksi cell read as every value (:func:`read_cell`): a quarter's target in the indicator's satuan,
    warned of when ten times the year's target; a quarter's budget ten times the year's."""
    if kolom.startswith("anggaran"):
        return read_cell(value, money=True, target=ra.anggaran if kolom != "anggaran" else None)
    ind = ra.indikator
    return read_cell(value, satuan=ind.satuan, persen=ind.satuan.strip() == "%", target=ind.target_nilai)


def _label(name: str) -> str:
    """A rencana aksi field's label, as the revision history shows it."""
    return str(next(f.verbose_name for f in RencanaAksi._meta.concrete_fields if f.name == name))


def _ra_cell(kolom: str, value) -> str:
    """A grid cell's value as the page shows it (its token): an amount of 0 and an empty quarter are empty."""
    if kolom.startswith("anggaran"):
        return format_number(value, 0) if value else ""
    return format_value(value) if value is not None else ""


def _ra_shown(kolom: str, value) -> str:
    if kolom.startswith("anggaran"):
        return format_number(value or ZERO, 0)
    return format_value(value) if value is not None else "–"


def _change(ra: RencanaAksi, kolom, sebelum: str, sesudah: str) -> dict:
    return {"indikator": ra.indikator.uraian, "kolom": str(kolom), "sebelum": sebelum, "sesudah": sesudah}


def record_revisi(pk: PerjanjianKinerja, changes: list[dict], *, actor) -> RevisiRencanaAksi | None:
    """Number and keep one revision of a signed PK's rencana aksi (a draft's changes are not revisions).

    PermenPAN-RB 53/2014: the rencana aksi may be revised during the year, the change versioned and audited.
    The PK row is locked, so two saves at once get consecutive numbers.
    """
    if not changes or pk.status != PerjanjianKinerja.Status.DITANDATANGANI:
        return None
    locked = PerjanjianKinerja.objects.select_for_update().get(pk=pk.pk)
    nomor = (RevisiRencanaAksi.objects.filter(pk_doc=locked).aggregate(n=Max("nomor"))["n"] or 0) + 1
    return RevisiRencanaAksi.objects.create(pk_doc=locked, nomor=nomor, oleh=actor, perubahan=changes)


def penanggung_jawab_choices(pk: PerjanjianKinerja):
    """The pegawai who may be responsible for a rencana aksi: those placed in the PK's OPD during its year."""
    return Pegawai.objects.in_opd(pk.opd_id, pk.tahun)


def _aksi_state(ra: RencanaAksi) -> dict[str, str]:
    steps = [f"{a.uraian} ({', '.join(str(b) for b in a.bulan) or '–'})" for a in ra.aksi.order_by("urutan", "pk")]
    return {
        _label("program"): ra.program or "–",
        _label("penanggung_jawab"): str(ra.penanggung_jawab or "–"),
        _("aksi dan jadwal"): "; ".join(steps) or "–",
    }


@transaction.atomic
def save_aksi(ra: RencanaAksi, form, formset, *, actor) -> RevisiRencanaAksi | None:
    """Save a row's program, penanggung jawab and steps (validated ``form`` and ``formset``).

    The penanggung jawab must be a pegawai of the PK's OPD; on a signed PK the save is a numbered revision.
    The PK's row is locked first (:func:`lock_pk`), as for the grid.
    """
    ra.pk_doc = lock_pk(ra.pk_doc)
    pj = form.cleaned_data.get("penanggung_jawab")
    if pj is not None and not penanggung_jawab_choices(ra.pk_doc).filter(pk=pj.pk).exists():
        raise PKError(_("Penanggung jawab harus pegawai perangkat daerah PK ini."))
    before = _aksi_state(RencanaAksi.objects.select_related("penanggung_jawab").get(pk=ra.pk))
    form.save()
    saved = formset.save(commit=False)
    for number, aksi in enumerate(saved, start=1):
        aksi.urutan = aksi.urutan or number
        aksi.save()
    for aksi in formset.deleted_objects:
        aksi.delete()
    after = _aksi_state(RencanaAksi.objects.select_related("penanggung_jawab").get(pk=ra.pk))
    changes = [_change(ra, kolom, before[kolom], after[kolom]) for kolom in after if before[kolom] != after[kolom]]
    return record_revisi(ra.pk_doc, changes, actor=actor)

"""A T-C.27 workbook imported into a plan that already has a version in force.

T-C.27 often starts at the programs: its tujuan and sasaran (with their indicators, the IKU, and the strategi
and arah kebijakan) are in T-C.25 and T-C.26. Imported as it is, the new version would silently lose them.
So, when the workbook has no tujuan and no sasaran, :func:`rencana` places each of its programs under the
sasaran that holds the same program (by code, else by name) in the version in force, and
:func:`salin_sasaran` copies that version's tujuan and sasaran into the new one when it is saved. What the
new version still lacks compared with the version in force (its tujuan, sasaran, strategi or IKU, when the
workbook has its own, or a program no sasaran takes) is listed, for the preview to say plainly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from renstra import services
from renstra.importers import tc27
from renstra.importers.tc27 import ParsedElemen, Report
from renstra.models import ArahKebijakan, Elemen, Indikator, Level, Periode, Renstra, RenstraVersi, Strategi, Target
from sakip.lib.tree import copy_rows, copy_tree
from sakip.models import PerangkatDaerah


@dataclass
class Tautan:
    """A workbook's program placed under a sasaran of the version in force."""

    program: ParsedElemen
    sasaran: Elemen
    cara: str  # how it was matched: "kode" or "uraian"


@dataclass
class Rencana:
    """How the workbook meets the version in force, for the preview and for saving."""

    berlaku: RenstraVersi | None = None
    tautan: list[Tautan] = field(default_factory=list)
    lepas: list[ParsedElemen] = field(default_factory=list)  # programs no sasaran in force takes
    akar: list[ParsedElemen] = field(default_factory=list)  # programs without a sasaran in force too (penunjang)
    kurang: dict[str, int] = field(default_factory=dict)  # what the new version lacks: label → how many

    @property
    def menyalin(self) -> bool:
        """Whether saving copies the tujuan and sasaran of the version in force."""
        return bool(self.tautan)

    def sasaran_of(self, program: ParsedElemen) -> Elemen | None:
        return next((t.sasaran for t in self.tautan if t.program is program), None)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace(".", " ").split())


def rencana(report: Report, renstra: Renstra | None) -> Rencana:
    """Where the workbook's programs go in the version in force, and what the new version will lack."""
    berlaku = renstra.versi_berlaku() if renstra else None
    if berlaku is None:
        return Rencana()
    result = Rencana(berlaku=berlaku)
    elements = list(Elemen.objects.filter(versi=berlaku).select_related("parent").order_by("pk"))
    counts = {
        _("Tujuan"): sum(1 for e in elements if e.level == Level.TUJUAN),
        _("Sasaran"): sum(1 for e in elements if e.level == Level.SASARAN),
        _("Strategi"): Strategi.objects.filter(sasaran__versi=berlaku).count(),
        _("Indikator kinerja utama (IKU)"): Indikator.objects.filter(elemen__versi=berlaku, is_iku=True).count(),
    }
    flat = report.flat()
    has_own = any(e.level in (Level.TUJUAN, Level.SASARAN) for e in flat)
    if has_own:
        # The workbook brings its own tujuan and sasaran: they replace those in force, which carry the strategi
        # and the IKU flags the workbook cannot hold.
        keys = (_("Strategi"), _("Indikator kinerja utama (IKU)"))
        result.kurang = {k: counts[k] for k in keys if counts[k]}
        return result
    by_kode = {_norm(e.kode): e for e in elements if e.level == Level.PROGRAM and e.kode}
    by_nama = {_norm(e.nama): e for e in elements if e.level == Level.PROGRAM}
    for program in (e for e in report.roots if e.level == Level.PROGRAM):
        match, cara = by_kode.get(_norm(program.kode)) if program.kode else None, "kode"
        if match is None:
            match, cara = by_nama.get(_norm(program.nama)), "uraian"
        if match is not None and match.parent is not None and match.parent.level == Level.SASARAN:
            result.tautan.append(Tautan(program, match.parent, cara))
        elif match is not None and match.parent is None:  # a program penunjang: at the root there as here
            result.akar.append(program)
        else:
            result.lepas.append(program)
    if not result.tautan:
        result.kurang = {k: v for k, v in counts.items() if v}
    return result


def salin_sasaran(rencana: Rencana, versi: RenstraVersi) -> dict[int, Elemen]:
    """Copy the tujuan and sasaran of the version in force into ``versi`` with their indicators, targets,
    strategi and arah kebijakan, each linked to its original (asal); returns old sasaran pk → its copy."""
    assert rencana.berlaku is not None
    sumber = rencana.berlaku
    rows = Elemen.objects.filter(versi=sumber, level__in=(Level.TUJUAN, Level.SASARAN)).order_by("pk")
    elemen = copy_tree(rows, versi=versi, asal=lambda e: e)
    strategi = copy_rows(Strategi.objects.filter(sasaran__in=elemen).order_by("pk"), remap={"sasaran": elemen})
    copy_rows(ArahKebijakan.objects.filter(strategi__in=strategi).order_by("pk"), remap={"strategi": strategi})
    indikator = copy_rows(
        Indikator.objects.filter(elemen__in=elemen).order_by("pk"), remap={"elemen": elemen}, asal=lambda i: i
    )
    copy_rows(Target.objects.filter(indikator__in=indikator), remap={"indikator": indikator})
    return elemen


def draf_of(opd: PerangkatDaerah, periode: Periode) -> RenstraVersi | None:
    """The draft an import into this plan would meet (a Renstra holds at most one)."""
    return (
        RenstraVersi.objects.filter(renstra__opd=opd, renstra__periode=periode, status=RenstraVersi.Status.DRAFT)
        .order_by("-nomor")
        .first()
    )


@transaction.atomic
def simpan(
    report: Report,
    opd: PerangkatDaerah,
    periode: Periode,
    *,
    berkas: str = "",
    sha256: str = "",
    ganti_draf: int | None = None,
) -> RenstraVersi:
    """Save an import as a new draft: the draft ``ganti_draf`` (its pk, as the preview showed it) is deleted first,
    through :func:`renstra.services.delete_versi` (audited), in the same transaction; and the programs are placed
    under the tujuan and sasaran of the version in force, copied, when the workbook has none of its own.

    The Renstra's row is locked first, so two confirmations never both create a version; a draft other than the
    one the user agreed to replace (made meanwhile) is refused (:class:`tc27.ImportRefused`)."""
    renstra = Renstra.objects.select_for_update().filter(opd=opd, periode=periode).first()
    draf = draf_of(opd, periode) if renstra else None
    if draf is not None:
        if draf.pk != ganti_draf:
            raise tc27.ImportRefused(
                _("Renstra ini masih punya versi draf: %(v)s. Pilih “Ganti draf” di pratinjau untuk menggantinya.")
                % {"v": draf.label}
            )
        services.delete_versi(draf)
    plan = rencana(report, renstra)

    def induk(versi: RenstraVersi) -> dict[int, Elemen]:
        copies = salin_sasaran(plan, versi)
        return {id(t.program): copies[t.sasaran.pk] for t in plan.tautan}

    return tc27.save_renstra(
        report,
        opd,
        periode,
        berkas=berkas,
        sha256=sha256,
        dasar=plan.berlaku,
        induk=induk if plan.menyalin else None,
    )

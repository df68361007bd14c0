"""Budget of the sub kegiatan (DPA, DPPA) and its realisasi per triwulan, summed up the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja import capaian as engine
from kinerja.models import AnggaranSubKegiatan, BelanjaOPD, RealisasiAnggaran
from kinerja.realisasi.jendela import KOLOM_TW, Terkunci, ensure_open, kunci_opd, status_jendela
from renstra.models import Elemen, Level, Pagu, RenstraVersi
from renstra.services import load_plan
from sakip import audit
from sakip.lib import grid
from sakip.lib.grid import CellResult
from sakip.lib.numbers import format_number
from sakip.lib.values import UnreadableValue, read_cell

ZERO = Decimal(0)


def sub_kegiatan(versi: RenstraVersi):
    return Elemen.objects.filter(versi=versi, level=Level.SUB_KEGIATAN)


ANGGARAN_KOLOM = {"dpa", "dppa", *KOLOM_TW}


@transaction.atomic
def save_anggaran(opd, tahun: int, cells: list[dict]) -> CellResult:
    """Save the budget grid: DPA, DPPA and the realisasi of each triwulan per sub kegiatan (the windows read
    once the OPD is locked, see :func:`kunci_opd`). A cell changed by someone else since the page showed it
    (its token, :mod:`sakip.lib.grid`) is reported as a conflict and not saved. Amounts are read as every
    Rupiah is (:func:`read_cell`: rounded to whole rupiah, said); a realisasi ten times the sub kegiatan's
    budget, a DPPA ten times its DPA, or a DPA or DPPA ten times the Renstra's pagu of the year, waits for the
    user's confirmation. The answer carries the totals as saved: each touched row up to the program, and the
    plan's *Jumlah* (``"rows"``, keyed ``"jumlah"``)."""
    kunci_opd(opd)
    result = CellResult()
    versi = RenstraVersi.objects.berlaku(opd, tahun)
    subs = {e.pk: e for e in sub_kegiatan(versi).filter(pk__in=grid.ids(cells, "elemen"))} if versi else {}
    budgets = {(a.elemen_id, a.jenis): a for a in AnggaranSubKegiatan.objects.filter(elemen_id__in=subs, tahun=tahun)}
    pagu = dict(Pagu.objects.filter(elemen_id__in=subs, tahun=tahun).values_list("elemen_id", "jumlah"))
    spent = {(r.elemen_id, r.triwulan): r for r in RealisasiAnggaran.objects.filter(elemen_id__in=subs, tahun=tahun)}
    status = status_jendela(opd, tahun)
    tokens = grid.tokens(cells, "elemen")
    confirmed = grid.confirmed(cells, "elemen")
    for key, sub, kolom, value in grid.cells_of(cells, "elemen", subs, ANGGARAN_KOLOM, result):
        lookup: dict[str, int | str]
        model: type[AnggaranSubKegiatan] | type[RealisasiAnggaran]
        if kolom in KOLOM_TW:
            row, model, lookup = spent.get((sub.pk, KOLOM_TW[kolom])), RealisasiAnggaran, {"triwulan": KOLOM_TW[kolom]}
        else:
            row, model, lookup = budgets.get((sub.pk, kolom)), AnggaranSubKegiatan, {"jenis": kolom}
        now = format_number(row.jumlah, 0) if row else ""  # as the grid shows it (its token)
        if grid.changed_meanwhile(tokens.get(key), now):
            if row:
                who = audit.last_change(model, row.pk)
            else:
                who = audit.last_change(model, elemen=str(sub), tahun=tahun, **lookup)
            result.conflict(key, now, *who)
            continue
        try:
            reading = read_cell(value, money=True, target=_acuan(budgets, pagu, sub.pk, kolom))
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        jumlah = reading.parsed.nilai
        if (row.jumlah if row else None) != jumlah and grid.needs_confirming(result, key, reading, confirmed):
            continue
        if reading.catatan:
            result.warnings[key] = reading.catatan  # said, and saved: the grid shows whole rupiah
        if (row.jumlah if row else None) == jumlah:
            result.saved[key] = format_number(jumlah, 0) if jumlah is not None else ""
            continue
        if kolom in KOLOM_TW:
            try:
                ensure_open(opd, tahun, KOLOM_TW[kolom], status)
            except Terkunci as error:
                result.errors[key] = str(error)
                continue
        if jumlah is None:
            if row:
                row.delete()
        elif row is None:
            model.objects.create(elemen=sub, tahun=tahun, jumlah=jumlah, **lookup)
        else:
            row.jumlah, row.elemen = jumlah, sub
            row.save(update_fields=["jumlah", "updated_at"])
        result.saved[key] = format_number(jumlah, 0) if jumlah is not None else ""
    if versi and result.saved:
        result.rows = _rows_after(versi, tahun, {sub.pk for sub in subs.values() if _saved(result, sub.pk)})
    return result


def _acuan(budgets: dict, pagu: dict, elemen_id: int, kolom: str) -> Decimal | None:
    """What a cell is compared with for the ten-times warning: a realisasi with the budget in force (DPPA, else
    DPA, else the Renstra's pagu of the year), a DPPA with the DPA (else the pagu), a DPA with the pagu."""
    dpa, dppa = budgets.get((elemen_id, "dpa")), budgets.get((elemen_id, "dppa"))
    order = {"dpa": (), "dppa": (dpa,)}.get(kolom, (dppa, dpa))
    row = next((r for r in order if r is not None), None)
    return row.jumlah if row is not None else pagu.get(elemen_id)


def _saved(result: CellResult, elemen_id: int) -> bool:
    return any(key.split(":")[0] == str(elemen_id) for key in result.saved)


def _shown(row: BarisAnggaran, *, typed: bool) -> dict[str, str]:
    """A budget row's computed columns as the grid shows them; ``typed``: a sub kegiatan, whose amounts are its
    own cells (answered with each saved cell), so only its realisasi and penyerapan."""
    out = {"realisasi": format_number(row.realisasi, 0), "penyerapan": _persen(row.penyerapan)}
    if not typed:
        out |= {"dpa": format_number(row.dpa, 0), "dppa": format_number(row.dppa, 0)}
        out |= {f"tw{q}": format_number(v, 0) for q, v in enumerate(row.triwulan, start=1)}
    return out


def _persen(hasil: engine.Hasil) -> str:
    return hasil.shown() if hasil.nilai is not None else "–"


def _rows_after(versi: RenstraVersi, tahun: int, saved: set[int]) -> dict[str, dict[str, str]]:
    """Each saved sub kegiatan's row, its kegiatan and program, and the plan's *Jumlah*, as now saved."""
    plan = load_plan(versi)
    budget = anggaran(plan, tahun)
    touched = {int(pk) for sub in saved if sub in plan.nodes for pk in plan.nodes[sub].path.split("/")}
    rows = {
        str(pk): _shown(budget[pk], typed=plan.nodes[pk].elemen.level == Level.SUB_KEGIATAN)
        for pk in touched
        if plan.nodes[pk].has_pagu
    }
    rows["jumlah"] = _shown(jumlah_anggaran(plan, budget), typed=False)
    return rows


@transaction.atomic
def save_belanja(opd, tahun: int, formset) -> list[BelanjaOPD]:
    """Save the belanja per jenis of the OPD's year from a valid :data:`kinerja.forms.BelanjaFormSet` (rows
    added, changed and deleted, all or nothing), with the OPD locked like every realisasi write
    (:func:`kunci_opd`). Returns the saved rows.

    Checked once the OPD is locked, so that of two people saving at once the second is told rather than
    overwriting: a row changed or deleted since the page showed it (:class:`sakip.audit.Berubah`), or a
    jenis belanja added meanwhile (``ValidationError``)."""
    kunci_opd(opd)
    for form in formset.initial_forms:
        if form.has_changed() or formset._should_delete_form(form):
            if not BelanjaOPD.objects.filter(pk=form.instance.pk).exists():
                raise ValidationError(_("Baris “%(j)s” baru saja dihapus pengguna lain.") % {"j": form.instance})
            audit.ensure_unchanged(form.instance, form.token)
    saved = formset.save(commit=False)
    for obj in saved:
        obj.opd, obj.tahun = opd, tahun
        if BelanjaOPD.objects.filter(opd=opd, tahun=tahun, jenis=obj.jenis).exclude(pk=obj.pk).exists():
            raise ValidationError(
                _("%(j)s baru saja disimpan pengguna lain; buka lagi halaman ini untuk melihatnya.")
                % {"j": obj.get_jenis_display()}
            )
        obj.save()
    for obj in formset.deleted_objects:
        obj.delete()
    return saved


@dataclass
class BarisAnggaran:
    node: object
    dpa: Decimal | None = None
    dppa: Decimal | None = None
    triwulan: list[Decimal | None] = field(default_factory=lambda: [None] * 4)

    @property
    def anggaran(self) -> Decimal:
        """The budget in force: the DPPA once there is one."""
        return self.dppa if self.dppa is not None else (self.dpa or ZERO)

    @property
    def realisasi(self) -> Decimal:
        return sum((v for v in self.triwulan if v is not None), ZERO)

    @property
    def penyerapan(self) -> engine.Hasil:
        return engine.penyerapan(self.realisasi, self.anggaran)

    def add(self, other: BarisAnggaran) -> None:
        """Add another row's amounts; an amount nobody entered stays None (shown empty, not 0)."""
        for name in ("dpa", "dppa"):
            value = getattr(other, name)
            if value is not None:
                setattr(self, name, (getattr(self, name) or ZERO) + value)
        for i, value in enumerate(other.triwulan):
            if value is not None:
                self.triwulan[i] = (self.triwulan[i] or ZERO) + value


def anggaran(plan, tahun: int) -> dict[int, BarisAnggaran]:
    """Budget rows of every element of the plan, summed bottom-up like the pagu (two queries)."""
    rows = {n.elemen.pk: BarisAnggaran(n) for n in plan.flat()}
    subs = [n.elemen.pk for n in plan.flat() if n.elemen.level == Level.SUB_KEGIATAN]
    for elemen_id, jenis, jumlah in AnggaranSubKegiatan.objects.filter(elemen_id__in=subs, tahun=tahun).values_list(
        "elemen_id", "jenis", "jumlah"
    ):
        setattr(rows[elemen_id], jenis, jumlah)
    for elemen_id, q, jumlah in RealisasiAnggaran.objects.filter(elemen_id__in=subs, tahun=tahun).values_list(
        "elemen_id", "triwulan", "jumlah"
    ):
        rows[elemen_id].triwulan[q - 1] = jumlah

    def roll_up(node) -> BarisAnggaran:
        row = rows[node.elemen.pk]
        if node.elemen.level == Level.SUB_KEGIATAN:
            return row
        for child in node.children:
            row.add(roll_up(child))
        return row

    for root in plan.roots:
        roll_up(root)
    return rows


def jumlah_anggaran(plan, budget: dict[int, BarisAnggaran]) -> BarisAnggaran:
    """The whole plan's budget row: the sum of its roots."""
    total = BarisAnggaran(None)
    for root in plan.roots:
        total.add(budget[root.elemen.pk])
    return total


def anggaran_berlaku(plan, tahun: int, budget: dict[int, BarisAnggaran] | None = None) -> dict[int, Decimal]:
    """Per element, the year's budget: a sub kegiatan's DPPA, else its DPA, else the Renstra's pagu; summed up.
    ``budget``: the year's :func:`anggaran`, when the caller has it already."""
    budget = budget if budget is not None else anggaran(plan, tahun)
    out: dict[int, Decimal] = {}

    def walk(node) -> Decimal:
        if node.elemen.level == Level.SUB_KEGIATAN:
            row = budget[node.elemen.pk]
            value = row.anggaran if (row.dpa is not None or row.dppa is not None) else node.pagu.get(tahun, ZERO)
        else:
            value = sum((walk(child) for child in node.children), ZERO)
        out[node.elemen.pk] = value
        return value

    for root in plan.roots:
        walk(root)
    return out


def anggaran_sumber(row) -> Decimal | None:
    """The anggaran a PK funding line was drafted from, as it stands now: its element's DPPA, else DPA, else the
    Renstra's pagu of the PK's year (None for a line that is not from the Renstra)."""
    if row.sumber_id is None:
        return None
    plan = load_plan(row.pk_doc.renstra_versi)
    return anggaran_berlaku(plan, row.pk_doc.tahun).get(row.sumber_id)

"""Business rules of the Renstra: the tree with computed totals, versions, grids, comparison, checks."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from renstra.models import (
    CODED_LEVELS,
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    Nomenklatur,
    Pagu,
    Periode,
    Renstra,
    RenstraVersi,
    Strategi,
    Target,
)
from sakip import audit
from sakip.lib import grid
from sakip.lib.grid import CellResult
from sakip.lib.numbers import format_number
from sakip.lib.tree import copy_rows, copy_tree
from sakip.lib.values import UnreadableValue, format_value, read_cell
from sakip.services import lock_pemda

ZERO = Decimal("0")


class VersiTerkunci(Exception):
    """A change to a version that is ditetapkan."""

    def __init__(self, versi: RenstraVersi):
        super().__init__(
            _("%(versi)s sudah ditetapkan dan tidak dapat diubah. Buat perubahan untuk mengubahnya.")
            % {"versi": versi.label}
        )


class DrafSudahAda(Exception):
    """*Buat perubahan* while the Renstra has a draft already (often the same button pressed twice)."""

    def __init__(self, draf: RenstraVersi):
        self.draf = draf
        super().__init__(_("Masih ada versi draf: %(v)s. Tetapkan atau hapus draf itu dulu.") % {"v": draf.label})


def ensure_draft(versi: RenstraVersi) -> None:
    if not versi.is_draft:
        raise VersiTerkunci(versi)


def lock_draft(versi: RenstraVersi) -> RenstraVersi:
    """The version re-read with its row locked to the end of the transaction, and checked to be a draft.

    Every write into a version calls this first, inside its transaction, and :func:`tetapkan` locks the same
    row: a save already running when *Tetapkan* is pressed finishes before the version is ditetapkan, and a
    save that starts later waits for it, then sees the new status and is refused. Checking the copy the
    request loaded (``ensure_draft(versi)``) would let it write into a version ditetapkan meanwhile.
    """
    locked = RenstraVersi.objects.select_for_update().get(pk=versi.pk)
    ensure_draft(locked)
    return locked


# --- Codes --------------------------------------------------------------------------------------

_CODE_SEPARATORS = re.compile(r"[\s.]+")


def normalize_kode(kode: str) -> str:
    """``"1\\t05\\t01\\t2.01\\t06"`` → ``"1.05.01.2.01.06"``: spaces and tabs from PDF copies become dots.

    Nothing is guessed beyond that; a code that still does not match the master is flagged by
    :func:`check`.
    """
    text = kode.strip()
    if not text:
        return ""
    return ".".join(part for part in _CODE_SEPARATORS.split(text) if part)


def kode_extends(child: str, parent: str) -> bool:
    return not parent or not child or child.startswith(parent + ".")


# --- The tree with computed totals ----------------------------------------------------------------


@dataclass(frozen=True)
class TargetValue:
    nilai: Decimal | None
    teks: str

    @property
    def shown(self) -> str:
        return format_value(self.nilai, self.teks)


@dataclass
class Node:
    elemen: Elemen
    depth: int = 0
    children: list[Node] = field(default_factory=list)
    pagu: dict[int, Decimal] = field(default_factory=dict)  # computed per year
    indikator: list[Indikator] = field(default_factory=list)
    strategi: list[Strategi] = field(default_factory=list)
    path: str = ""  # "12/34/56": the ids from the root, for expand/collapse

    @property
    def pagu_total(self) -> Decimal:
        return sum(self.pagu.values(), ZERO)

    @property
    def has_pagu(self) -> bool:
        return self.elemen.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


@dataclass
class Plan:
    versi: RenstraVersi
    roots: list[Node]
    nodes: dict[int, Node]
    years: list[int]
    total: dict[int, Decimal]
    with_targets: bool = False

    @property
    def total_periode(self) -> Decimal:
        return sum(self.total.values(), ZERO)

    def flat(self) -> list[Node]:
        out: list[Node] = []

        def walk(nodes):
            for node in nodes:
                out.append(node)
                walk(node.children)

        walk(self.roots)
        return out

    def of_level(self, level: str) -> list[Node]:
        return [n for n in self.flat() if n.elemen.level == level]


def load_plan(versi: RenstraVersi, *, with_targets: bool = False) -> Plan:
    """The whole tree of a version in a fixed number of queries, with pagu summed bottom-up."""
    years = versi.years
    elements = list(Elemen.objects.filter(versi=versi).select_related("unit_kerja", "nomenklatur"))
    indicators = list(Indikator.objects.filter(elemen__versi=versi).order_by("urutan", "pk"))
    by_element: dict[int, list[Indikator]] = defaultdict(list)
    for ind in indicators:
        by_element[ind.elemen_id].append(ind)
    if with_targets:
        # Plain tuples, not Target objects: a large plan has thousands of targets.
        targets: dict[int, dict[int, TargetValue]] = defaultdict(dict)
        for ind_id, tahun, nilai, teks in Target.objects.filter(indikator__elemen__versi=versi).values_list(
            "indikator_id", "tahun", "nilai", "teks"
        ):
            targets[ind_id][tahun] = TargetValue(nilai, teks)
        for ind in indicators:
            ind.targets = targets[ind.pk]
    strategies: dict[int, list[Strategi]] = defaultdict(list)
    for strategi in Strategi.objects.filter(sasaran__versi=versi).prefetch_related(
        Prefetch("kebijakan", queryset=ArahKebijakan.objects.order_by("urutan", "pk"))
    ):
        strategies[strategi.sasaran_id].append(strategi)
    own_pagu: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for elemen_id, tahun, jumlah in Pagu.objects.filter(elemen__versi=versi).values_list(
        "elemen_id", "tahun", "jumlah"
    ):
        own_pagu[elemen_id][tahun] = jumlah

    nodes = {e.pk: Node(e, indikator=by_element[e.pk], strategi=strategies[e.pk]) for e in elements}
    roots = []
    for e in sorted(elements, key=lambda e: (e.urutan, e.pk)):
        (nodes[e.parent_id].children if e.parent_id in nodes else roots).append(nodes[e.pk])

    def roll_up(node: Node, depth: int, path: str = "") -> dict[int, Decimal]:
        node.depth = depth
        node.path = f"{path}/{node.elemen.pk}" if path else str(node.elemen.pk)
        if node.elemen.level == Level.SUB_KEGIATAN:
            node.pagu = {y: own_pagu[node.elemen.pk].get(y, ZERO) for y in years}
        else:
            sums = dict.fromkeys(years, ZERO)
            for child in node.children:
                for y, v in roll_up(child, depth + 1, node.path).items():
                    sums[y] += v
            node.pagu = sums
        return node.pagu

    total = dict.fromkeys(years, ZERO)
    for root in roots:
        for y, v in roll_up(root, 0).items():
            if root.elemen.level in (Level.TUJUAN, Level.PROGRAM):
                total[y] += v
    return Plan(versi=versi, roots=roots, nodes=nodes, years=years, total=total, with_targets=with_targets)


# --- Versions -------------------------------------------------------------------------------------


@transaction.atomic
def create_renstra(opd, periode) -> RenstraVersi:
    renstra = Renstra.objects.create(opd=opd, periode=periode)
    return RenstraVersi.objects.create(renstra=renstra, nomor=1, jenis=RenstraVersi.Jenis.MURNI)


def versi_diubah(versi: RenstraVersi) -> RenstraVersi | None:
    """The ditetapkan version ``versi`` amends: the one it was copied from, else (a version imported or entered
    anew) the latest ditetapkan version before it."""
    if versi.dasar is not None and versi.dasar.berlaku_mulai:
        return versi.dasar
    return (
        RenstraVersi.objects.ditetapkan()
        .filter(renstra_id=versi.renstra_id, nomor__lt=versi.nomor)
        .exclude(pk=versi.pk)
        .order_by("-nomor")
        .first()
    )


def tahun_mulai_paling_awal(versi: RenstraVersi) -> int:
    """The first year ``versi`` may apply from: not before the version it amends."""
    diubah = versi_diubah(versi)
    awal = versi.renstra.periode.tahun_awal
    return max(awal, diubah.berlaku_mulai) if diubah and diubah.berlaku_mulai else awal


def tahun_mulai_usulan(versi: RenstraVersi, hari_ini: datetime.date) -> int:
    """The year *Tetapkan* proposes: a murni applies from the period's start (or this year, when ditetapkan
    late); a perubahan from next year, and never before the year after the version it amends starts; always
    within the period."""
    years = versi.years
    diubah = versi_diubah(versi)
    if diubah is None:
        usulan = max(years[0], hari_ini.year)
    else:
        usulan = max(hari_ini.year + 1, (diubah.berlaku_mulai or years[0]) + 1)
    return min(max(usulan, years[0]), years[-1])


class TahunBerlakuSalah(Exception):
    """*Tetapkan* with a start before the start of the version it amends."""


@transaction.atomic
def tetapkan(
    versi: RenstraVersi,
    *,
    berlaku_mulai: int,
    actor,
    dasar_hukum_nomor: str | None = None,
    dasar_hukum_tanggal=None,
) -> RenstraVersi:
    """Ditetapkan from ``berlaku_mulai`` (never before the version it amends), with its legal basis when given."""
    versi = RenstraVersi.objects.select_for_update().select_related("renstra__periode").get(pk=versi.pk)
    ensure_draft(versi)
    paling_awal = tahun_mulai_paling_awal(versi)
    if berlaku_mulai < paling_awal:
        raise TahunBerlakuSalah(
            _("Versi yang diubah berlaku mulai %(t)s; versi ini tidak dapat berlaku sebelum tahun itu.")
            % {"t": paling_awal}
        )
    if dasar_hukum_nomor is not None:
        versi.dasar_hukum_nomor = dasar_hukum_nomor.strip()
    if dasar_hukum_tanggal is not None:
        versi.dasar_hukum_tanggal = dasar_hukum_tanggal
    versi.status = RenstraVersi.Status.DITETAPKAN
    versi.berlaku_mulai = berlaku_mulai
    versi.ditetapkan_pada = timezone.now()
    versi.ditetapkan_oleh = actor
    versi.save()
    return versi


@transaction.atomic
def create_perubahan(sumber: RenstraVersi, *, jenis: str = RenstraVersi.Jenis.PERUBAHAN) -> RenstraVersi:
    """Copy a version (normally the one in force) into a new draft, keeping links to the originals.

    The Renstra's row is locked first, so two requests (a double click) never both number a new version:
    the second waits, then finds the first one's draft and raises :class:`DrafSudahAda` with it.
    """
    renstra = Renstra.objects.select_for_update().get(pk=sumber.renstra_id)
    draf = renstra.versi.filter(status=RenstraVersi.Status.DRAFT).order_by("-nomor").first()
    if draf is not None:
        raise DrafSudahAda(draf)
    nomor = (renstra.versi.aggregate(n=Max("nomor"))["n"] or 0) + 1
    baru = RenstraVersi.objects.create(renstra=sumber.renstra, nomor=nomor, jenis=jenis, dasar=sumber)

    # Elements and indicators keep a link to their original (asal); parents are copied before children.
    elemen = copy_tree(Elemen.objects.filter(versi=sumber).order_by("pk"), versi=baru, asal=lambda e: e)
    strategi = copy_rows(Strategi.objects.filter(sasaran__versi=sumber).order_by("pk"), remap={"sasaran": elemen})
    kebijakan = copy_rows(
        ArahKebijakan.objects.filter(strategi__sasaran__versi=sumber).order_by("pk"), remap={"strategi": strategi}
    )
    indikator = copy_rows(
        Indikator.objects.filter(elemen__versi=sumber).order_by("pk"), remap={"elemen": elemen}, asal=lambda i: i
    )
    target = copy_rows(Target.objects.filter(indikator__elemen__versi=sumber), remap={"indikator": indikator})
    pagu = copy_rows(Pagu.objects.filter(elemen__versi=sumber), remap={"elemen": elemen})
    audit.record(
        audit.Operasi.RENSTRA_PERUBAHAN,
        baru,
        jumlah={
            RenstraVersi: 1,
            Elemen: len(elemen),
            Strategi: len(strategi),
            ArahKebijakan: len(kebijakan),
            Indikator: len(indikator),
            Target: len(target),
            Pagu: len(pagu),
        },
        dari=sumber.label,
    )
    return baru


@transaction.atomic
def delete_versi(versi: RenstraVersi) -> dict[str, int]:
    """Delete a draft version and everything in it as one operation with one audit entry (rows per model).

    The rows go in bulk, without an entry each (a large draft has tens of thousands); the version is locked
    first, so that it cannot be ditetapkan meanwhile. Returns the rows deleted per model label.
    """
    versi = RenstraVersi.objects.select_for_update().select_related("renstra__opd").get(pk=versi.pk)
    ensure_draft(versi)
    entry = audit.record(
        audit.Operasi.RENSTRA_HAPUS_VERSI, versi, jumlah={}, action=audit.AuditEntry.Action.DELETE, versi=versi.label
    )
    with audit.without_row_entries():
        _total, counts = versi.delete()
    entry.data = {**entry.data, "jumlah": {label.lower(): n for label, n in counts.items() if n}}
    entry.save(update_fields=["data"])
    return counts


# --- Editing the tree -----------------------------------------------------------------------------


def next_urutan(versi: RenstraVersi, parent: Elemen | None) -> int:
    siblings = Elemen.objects.filter(versi=versi, parent=parent)
    return (siblings.aggregate(n=Max("urutan"))["n"] or 0) + 1


@transaction.atomic
def save_elemen(form) -> Elemen:
    """Save an element from its form; a sub kegiatan chosen from the master gets the master's indicator."""
    elemen = form.instance
    lock_draft(elemen.versi)
    is_new = elemen.pk is None
    master: Nomenklatur | None = form.cleaned_data.get("nomenklatur")
    if master:
        elemen.kode = elemen.kode or master.kode
        elemen.nama = elemen.nama or master.nama
    elemen.kode = normalize_kode(elemen.kode)
    if is_new:
        elemen.urutan = next_urutan(elemen.versi, elemen.parent)
    elemen.save()
    if is_new and master and master.indikator and elemen.level == Level.SUB_KEGIATAN:
        Indikator.objects.create(elemen=elemen, uraian=master.indikator, satuan=master.satuan, urutan=1)
    return elemen


def describe_deletion(elemen: Elemen) -> dict[str, int]:
    """What goes with an element: counts of descendants by level, indicators, targets and pagu rows."""
    ids, frontier = [elemen.pk], [elemen.pk]
    while frontier:
        frontier = list(Elemen.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(frontier)
    counts = dict(
        Elemen.objects.filter(pk__in=ids[1:]).values_list("level").annotate(n=Count("pk")).values_list("level", "n")
    )
    return {
        **{str(Level(level).label): n for level, n in counts.items()},
        _("Indikator"): Indikator.objects.filter(elemen_id__in=ids).count(),
        _("Target"): Target.objects.filter(indikator__elemen_id__in=ids).count(),
        _("Pagu"): Pagu.objects.filter(elemen_id__in=ids).count(),
        _("Strategi"): Strategi.objects.filter(sasaran_id__in=ids).count(),
    }


@transaction.atomic
def delete_elemen(elemen: Elemen) -> None:
    lock_draft(elemen.versi)
    elemen.delete()


@transaction.atomic
def move(obj, direction: int, siblings) -> None:
    """Swap ``obj`` with its neighbour in ``siblings`` (-1 up, +1 down) and renumber them 1..n."""
    items = list(siblings.order_by("urutan", "pk"))
    index = next(i for i, item in enumerate(items) if item.pk == obj.pk)
    other = index + direction
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for number, item in enumerate(items, start=1):
        if item.urutan != number:
            item.urutan = number
            item.save(update_fields=["urutan", "updated_at"])


@transaction.atomic
def move_in_versi(versi: RenstraVersi, obj, direction: int, siblings) -> None:
    """:func:`move` within a version: an element, indicator or strategi of a draft, checked with the version
    locked (:func:`lock_draft`)."""
    lock_draft(versi)
    move(obj, direction, siblings)


def versi_of(obj) -> RenstraVersi:
    """The version an element, indicator, strategi or arah kebijakan belongs to."""
    if isinstance(obj, Elemen):
        return obj.versi
    if isinstance(obj, Indikator):
        return obj.elemen.versi
    if isinstance(obj, Strategi):
        return obj.sasaran.versi
    if isinstance(obj, ArahKebijakan):
        return obj.strategi.sasaran.versi
    raise TypeError(obj)


@transaction.atomic
def save_child(form, versi: RenstraVersi):
    """Save an indicator, strategi or arah kebijakan of ``versi`` from its valid form, the version locked and
    checked to be a draft (:class:`VersiTerkunci` otherwise)."""
    lock_draft(versi)
    return form.save()


@transaction.atomic
def delete_child(obj) -> None:
    """Delete an indicator (with its targets), strategi (with its arah kebijakan) or arah kebijakan of a draft,
    the version locked (:class:`VersiTerkunci` when it is no draft)."""
    lock_draft(versi_of(obj))
    obj.delete()


@transaction.atomic
def save_versi(form) -> RenstraVersi:
    """Save a draft version's description (a valid :class:`renstra.forms.VersiForm`), the version locked."""
    lock_draft(form.instance)
    return form.save()


# --- RPJMD ----------------------------------------------------------------------------------------------


@transaction.atomic
def save_periode(form, formset) -> Periode:
    """Save an RPJMD period and its misi (valid form and formset), both or neither, the pemda locked.

    :class:`sakip.audit.Berubah` when the period was saved by someone else since the form was shown; a
    ``ValidationError`` when a misi of the same number was added meanwhile (the form checked before the lock).
    """
    lock_pemda(form.instance.pemda_id)
    audit.ensure_unchanged(form.instance, form.token)
    periode = form.save()
    formset.instance = periode
    try:
        with transaction.atomic():
            formset.save()
    except IntegrityError:
        raise ValidationError(
            _("Misi dengan nomor yang sama baru saja disimpan pengguna lain; periksa nomornya lalu simpan lagi.")
        ) from None
    return periode


@transaction.atomic
def save_rpjmd(form, periode: Periode):
    """Save a tujuan or sasaran of the RPJMD ``periode`` from its valid form, the period's row locked;
    :class:`sakip.audit.Berubah` when someone saved it since the form was shown."""
    list(Periode.objects.select_for_update(no_key=True).filter(pk=periode.pk).values_list("pk", flat=True))
    audit.ensure_unchanged(form.instance, form.token)
    return form.save()


# --- Grids ----------------------------------------------------------------------------------------


AWAL, AKHIR = "awal", "akhir"


def _target_tahun_lain(existing: dict, indikator_id: int, kolom: str) -> Decimal | None:
    """The largest of the indicator's targets of the other years (a year's value ten times it is confirmed)."""
    if kolom in (AWAL, AKHIR):
        return None
    others = [
        t.nilai
        for (ind, tahun), t in existing.items()
        if ind == indikator_id and str(tahun) != kolom and t.nilai is not None and not t.teks
    ]
    return max(others, default=None)


@transaction.atomic
def save_target_cells(versi: RenstraVersi, cells: list[dict]) -> CellResult:
    """Save the cells of the target grid: each valid cell is saved, each invalid one reported.

    A cell is {"indikator": id, "kolom": "awal" | "akhir" | year, "value": text}; each is one write, so
    it is saved whole or not at all. An empty value removes the target.
    """
    versi = lock_draft(versi)
    result = CellResult()
    indicators = {
        i.pk: i
        for i in Indikator.objects.filter(elemen__versi=versi, pk__in=grid.ids(cells, "indikator")).select_related(
            "elemen__versi__renstra__opd"
        )
    }
    existing = {(t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator_id__in=indicators)}
    columns = {AWAL, AKHIR, *map(str, versi.years)}
    tokens = grid.tokens(cells, "indikator")
    confirmed = grid.confirmed(cells, "indikator")
    for key, ind, kolom, value in grid.cells_of(cells, "indikator", indicators, columns, result):
        if kolom in (AWAL, AKHIR):
            now = format_value(getattr(ind, f"kondisi_{kolom}_nilai"), getattr(ind, f"kondisi_{kolom}_teks"))
        else:
            now = existing[(ind.pk, int(kolom))].shown if (ind.pk, int(kolom)) in existing else ""
        if grid.changed_meanwhile(tokens.get(key), now):
            if kolom in (AWAL, AKHIR):
                who = audit.last_change(Indikator, ind.pk)
            elif (ind.pk, int(kolom)) in existing:
                who = audit.last_change(Target, existing[(ind.pk, int(kolom))].pk)
            else:
                who = audit.last_change(Target, indikator=str(ind), tahun=int(kolom))
            result.conflict(key, now, *who)
            continue
        try:
            reading = read_cell(
                value,
                satuan=ind.satuan,
                persen=ind.tipe == Indikator.Tipe.PERSEN,
                pembanding=_target_tahun_lain(existing, ind.pk, kolom),
            )
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        if grid.needs_confirming(result, key, reading, confirmed):
            continue
        parsed = reading.parsed
        if kolom in (AWAL, AKHIR):
            setattr(ind, f"kondisi_{kolom}_nilai", parsed.nilai)
            setattr(ind, f"kondisi_{kolom}_teks", parsed.teks)
            ind.save(update_fields=[f"kondisi_{kolom}_nilai", f"kondisi_{kolom}_teks", "updated_at"])
        else:
            target = existing.get((ind.pk, int(kolom)))
            if parsed.is_empty:
                if target:
                    target.delete()
            elif target is None:
                Target.objects.create(indikator=ind, tahun=int(kolom), nilai=parsed.nilai, teks=parsed.teks)
            elif (target.nilai, target.teks) != (parsed.nilai, parsed.teks):
                target.nilai, target.teks, target.indikator = parsed.nilai, parsed.teks, ind
                target.save(update_fields=["nilai", "teks", "updated_at"])
        result.saved[key] = format_value(parsed.nilai, parsed.teks)
    return result


@transaction.atomic
def save_pagu_cells(versi: RenstraVersi, cells: list[dict]) -> CellResult:
    """Save the cells of the pagu grid: {"elemen": sub kegiatan id, "kolom": year, "value": text}."""
    versi = lock_draft(versi)
    result = CellResult()
    subs = {
        e.pk: e
        for e in Elemen.objects.filter(
            versi=versi, level=Level.SUB_KEGIATAN, pk__in=grid.ids(cells, "elemen")
        ).select_related("versi__renstra__opd")
    }
    existing = {(p.elemen_id, p.tahun): p for p in Pagu.objects.filter(elemen_id__in=subs)}
    tokens = grid.tokens(cells, "elemen")
    for key, sub, kolom, value in grid.cells_of(cells, "elemen", subs, set(map(str, versi.years)), result):
        stored = existing.get((sub.pk, int(kolom)))
        now = format_number(stored.jumlah, 0) if stored and stored.jumlah else ""  # the grid shows 0 as empty
        if grid.changed_meanwhile(tokens.get(key), now):
            who = (
                audit.last_change(Pagu, stored.pk)
                if stored
                else audit.last_change(Pagu, elemen=str(sub), tahun=int(kolom))
            )
            result.conflict(key, now, *who)
            continue
        try:
            reading = read_cell(value, money=True)
        except UnreadableValue as error:
            result.errors[key] = str(error)
            continue
        jumlah = reading.parsed.nilai
        if reading.catatan:
            result.warnings[key] = reading.catatan  # said, and saved: the grid shows whole rupiah
        pagu = existing.get((sub.pk, int(kolom)))
        if jumlah is None:
            if pagu:
                pagu.delete()
        elif pagu is None:
            Pagu.objects.create(elemen=sub, tahun=int(kolom), jumlah=jumlah)
        elif pagu.jumlah != jumlah:
            pagu.jumlah, pagu.elemen = jumlah, sub
            pagu.save(update_fields=["jumlah", "updated_at"])
        result.saved[key] = format_number(jumlah, 0) if jumlah is not None else ""
    return result


# --- Completeness ---------------------------------------------------------------------------------


@dataclass
class Issue:
    message: str
    elemen: Elemen | None = None
    indikator: Indikator | None = None
    selisih: bool = False  # a typed or imported figure that differs from what the data computes


def _printed_totals(node: Node, years: list[int]) -> list[Issue]:
    """The source's printed Rp (a program's year, any row's period total) against the computed ones."""
    issues = []
    printed = node.elemen.rp_tercetak or {}
    for key, text in sorted(printed.items()):
        computed = node.pagu_total if key == "akhir" else node.pagu.get(int(key), ZERO) if key.isdigit() else None
        if computed is None or Decimal(text) == computed:
            continue
        label = _("Rp kondisi akhir") if key == "akhir" else _("Rp %(y)s") % {"y": key}
        issues.append(
            Issue(
                _("%(label)s tercetak di sumber %(p)s, dihitung dari datanya %(c)s.")
                % {"label": label, "p": format_number(Decimal(text), 0), "c": format_number(computed, 0)},
                node.elemen,
                selisih=True,
            )
        )
    return issues


def check(versi: RenstraVersi, plan: Plan | None = None) -> list[Issue]:
    """What an evaluator would flag in a plan (``plan`` reused when already loaded)."""
    if plan is None or not plan.with_targets:
        plan = load_plan(versi, with_targets=True)
    issues: list[Issue] = []
    years = plan.years
    codes = defaultdict(list)
    plan_codes = {n.elemen.kode for n in plan.flat() if n.elemen.kode}
    master = set(
        Nomenklatur.objects.for_pemda(versi.renstra.opd.pemda_id)
        .filter(kode__in=plan_codes)
        .values_list("kode", flat=True)
    )
    for node in plan.flat():
        e = node.elemen
        if e.level in (Level.TUJUAN, Level.SASARAN) and not node.indikator:
            issues.append(Issue(_("%(level)s tanpa indikator.") % {"level": e.get_level_display()}, e))
        if e.level in CODED_LEVELS:
            if not e.kode:
                issues.append(Issue(_("%(level)s tanpa kode.") % {"level": e.get_level_display()}, e))
            else:
                codes[(e.level, e.kode)].append(e)
                parent = plan.nodes.get(e.parent_id)
                if parent and parent.elemen.level in CODED_LEVELS and not kode_extends(e.kode, parent.elemen.kode):
                    issues.append(
                        Issue(
                            _("Kode %(kode)s tidak diawali kode induknya %(induk)s.")
                            % {"kode": e.kode, "induk": parent.elemen.kode},
                            e,
                        )
                    )
                if e.kode not in master:
                    issues.append(Issue(_("Kode %(kode)s tidak ada dalam nomenklatur.") % {"kode": e.kode}, e))
        if e.level == Level.SUB_KEGIATAN and not any(node.pagu.values()):
            issues.append(Issue(_("Sub kegiatan tanpa pagu."), e))
        issues += _printed_totals(node, years)
        for ind in node.indikator:
            targets = ind.targets
            missing = [str(y) for y in years if y not in targets]
            if missing:
                issues.append(
                    Issue(_("Indikator tanpa target tahun %(tahun)s.") % {"tahun": ", ".join(missing)}, e, ind)
                )
            if ind.agregasi == Indikator.Agregasi.KUMULATIF and ind.kondisi_akhir_nilai is not None:
                total = sum((t.nilai for t in targets.values() if t.nilai is not None), ZERO)
                if targets and total != ind.kondisi_akhir_nilai:
                    issues.append(
                        Issue(
                            _("Kondisi akhir %(akhir)s tidak sama dengan jumlah target tahunan %(jumlah)s.")
                            % {"akhir": ind.kondisi_akhir, "jumlah": format_value(total)},
                            e,
                            ind,
                            selisih=True,
                        )
                    )
            elif ind.agregasi == Indikator.Agregasi.NILAI_AKHIR and ind.kondisi_akhir_nilai is not None:
                last = targets.get(years[-1])
                if last and last.nilai is not None and last.nilai != ind.kondisi_akhir_nilai:
                    issues.append(
                        Issue(
                            _("Kondisi akhir %(akhir)s berbeda dengan target tahun terakhir %(target)s.")
                            % {"akhir": ind.kondisi_akhir, "target": last.shown},
                            e,
                            ind,
                            selisih=True,
                        )
                    )
    for (_level, kode), elements in codes.items():
        if len(elements) > 1:
            for e in elements:
                issues.append(Issue(_("Kode %(kode)s dipakai lebih dari sekali.") % {"kode": kode}, e))
    return issues


@transaction.atomic
def save_nomenklatur(form) -> Nomenklatur:
    """Save one nomenclature entry from its validated form (the view has checked the user may change it).

    Its audit entry carries the entry's pemda (none for the official list), so the pemda's log shows it.
    """
    return form.save()

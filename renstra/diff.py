"""Comparing two versions of a Renstra (*Bandingkan*, and the Renstra document's table of changes)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from renstra.models import Elemen, Indikator, RenstraVersi
from renstra.services import AKHIR, AWAL, ZERO, Node, Plan, load_plan


@dataclass
class Change:
    """One element's difference between two versions. ``kind`` is the main one for its badge (added, removed,
    moved, renamed, changed or same); ``moved`` and ``renamed`` are also flagged when it is both."""

    kind: str
    level: str
    kode: str
    old: Node | None
    new: Node | None
    renamed: bool = False
    moved: bool = False
    old_parent: Elemen | None = None  # where a moved element stood, and where it stands now
    new_parent: Elemen | None = None
    target_changes: list[tuple[str, int | str, str, str]] = field(default_factory=list)  # indikator, col, old, new
    pagu_changes: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)
    indikator_added: list[str] = field(default_factory=list)
    indikator_removed: list[str] = field(default_factory=list)

    @property
    def content_changed(self) -> bool:
        """Its indicators, targets or pagu differ."""
        return bool(self.pagu_changes or self.target_changes or self.indikator_added or self.indikator_removed)

    @property
    def node(self) -> Node:
        return self.new or self.old  # type: ignore[return-value]

    @property
    def level_label(self) -> str:
        return self.node.elemen.get_level_display()


def summary(changes: list[Change]) -> dict[str, int]:
    """How many elements were added, removed, moved, renamed, and changed in content (one may count twice)."""
    return {
        "added": sum(c.kind == "added" for c in changes),
        "removed": sum(c.kind == "removed" for c in changes),
        "moved": sum(c.moved for c in changes),
        "renamed": sum(c.renamed for c in changes),
        "changed": sum(c.content_changed for c in changes),
    }


def _indicator_values(ind: Indikator, years) -> dict:
    loaded: dict = getattr(ind, "targets", {})  # set by load_plan(with_targets=True)
    targets = {tahun: t.shown for tahun, t in loaded.items()}
    return {AWAL: ind.kondisi_awal, **{y: targets.get(y, "") for y in years}, AKHIR: ind.kondisi_akhir}


def _lineage(model, renstra_id: int, lookup: str) -> dict[int, int]:
    """Each row of a Renstra's versions → the first row it was copied from (following *asal* back through
    every perubahan), so two versions match whichever is older and however many versions lie between."""
    asal: dict[int, int | None] = dict(model.objects.filter(**{lookup: renstra_id}).values_list("pk", "asal_id"))
    roots: dict[int, int] = {}
    for pk in asal:
        chain: list[int] = []
        cur: int = pk
        while cur not in roots and len(chain) < 100 and (parent := asal.get(cur)) is not None:
            chain.append(cur)
            cur = parent
        root = roots.get(cur, cur)
        for x in chain:
            roots[x] = root
        roots.setdefault(pk, root)
    return roots


def _match(plan_a: Plan, plan_b: Plan, roots: dict[int, int]) -> dict[int, Node]:
    """b's element id → its counterpart in a: by copy lineage, then, for versions entered separately (an import),
    by level, code and name, then by level and code, then by level and name; each element of a matched once.
    A code may stand twice in a level (a workbook that repeats one): each pass takes the first unused of its key,
    so two elements sharing a code pair by their names, not the first with both."""
    by_root_a = {roots.get(n.elemen.pk, n.elemen.pk): n for n in plan_a.flat()}
    keys = (
        lambda e: (e.level, e.kode, _name(e)) if e.kode else None,
        lambda e: (e.level, e.kode) if e.kode else None,
        lambda e: (e.level, _name(e)),
    )
    index: list[dict[tuple, list[Node]]] = [defaultdict(list) for _key in keys]
    for n in plan_a.flat():
        for key, found in zip(keys, index, strict=True):
            if (k := key(n.elemen)) is not None:
                found[k].append(n)
    matched: dict[int, Node] = {}
    used: set[int] = set()
    for node in plan_b.flat():
        old = by_root_a.get(roots.get(node.elemen.pk, node.elemen.pk))
        if old is not None and old.elemen.pk not in used:
            matched[node.elemen.pk] = old
            used.add(old.elemen.pk)
    for key, found in zip(keys, index, strict=True):  # pass by pass, so a closer match is never taken by a looser one
        for node in plan_b.flat():
            if node.elemen.pk in matched or (k := key(node.elemen)) is None:
                continue
            old = next((n for n in found.get(k, ()) if n.elemen.pk not in used), None)
            if old is not None:
                matched[node.elemen.pk] = old
                used.add(old.elemen.pk)
    return matched


def _name(e: Elemen) -> str:
    return " ".join(e.nama.lower().split())


def _compare_indicators(change: Change, old: Node, node: Node, years, ind_roots: dict[int, int]) -> None:
    old_by_root = {ind_roots.get(i.pk, i.pk): i for i in old.indikator}
    old_by_text = {i.uraian.strip().lower(): i for i in old.indikator}
    seen = set()
    for ind in node.indikator:
        prev = old_by_root.get(ind_roots.get(ind.pk, ind.pk))
        if prev is None or prev.pk in seen:
            prev = old_by_text.get(ind.uraian.strip().lower())
        if prev is None or prev.pk in seen:
            change.indikator_added.append(ind.uraian)
            continue
        seen.add(prev.pk)
        va, vb = _indicator_values(prev, years), _indicator_values(ind, years)
        for col in va.keys() | vb.keys():
            if va.get(col, "") != vb.get(col, ""):
                change.target_changes.append((ind.uraian, col, va.get(col, ""), vb.get(col, "")))
    change.indikator_removed = [i.uraian for i in old.indikator if i.pk not in seen]
    change.target_changes.sort(
        key=lambda c: (c[0], str(c[1]) if c[1] not in (AWAL, AKHIR) else ("0" if c[1] == AWAL else "9"))
    )


def compare(a: RenstraVersi, b: RenstraVersi) -> list[Change]:
    """What changed from version ``a`` to ``b`` (either may be the older one, or an imported version), in ``b``'s
    order with each removed element where it stood: added, removed, moved (another parent), renamed, and
    changed indicators, targets and pagu."""
    plan_a, plan_b = load_plan(a, with_targets=True), load_plan(b, with_targets=True)
    years = sorted(set(plan_a.years) | set(plan_b.years))
    renstra_ids = {a.renstra_id, b.renstra_id}
    roots: dict[int, int] = {}
    ind_roots: dict[int, int] = {}
    for renstra_id in renstra_ids:
        roots |= _lineage(Elemen, renstra_id, "versi__renstra_id")
        ind_roots |= _lineage(Indikator, renstra_id, "elemen__versi__renstra_id")
    matched = _match(plan_a, plan_b, roots)
    a_to_b = {old.elemen.pk: pk for pk, old in matched.items()}
    changes: list[Change] = []
    for node in plan_b.flat():
        e = node.elemen
        old = matched.get(e.pk)
        if old is None:
            changes.append(Change("added", e.level, e.kode, None, node))
            continue
        change = Change("same", e.level, e.kode, old, node, renamed=old.elemen.nama.strip() != e.nama.strip())
        if (a_to_b.get(old.elemen.parent_id) if old.elemen.parent_id else None) != e.parent_id:
            change.moved = True
            change.old_parent = plan_a.nodes[old.elemen.parent_id].elemen if old.elemen.parent_id else None
            change.new_parent = plan_b.nodes[e.parent_id].elemen if e.parent_id else None
        if node.has_pagu:
            change.pagu_changes = [
                (y, old.pagu.get(y, ZERO), node.pagu.get(y, ZERO))
                for y in years
                if old.pagu.get(y, ZERO) != node.pagu.get(y, ZERO)
            ]
        _compare_indicators(change, old, node, years, ind_roots)
        if change.moved:
            change.kind = "moved"
        elif change.renamed:
            change.kind = "renamed"
        elif change.content_changed:
            change.kind = "changed"
        changes.append(change)
    return _with_removed(changes, plan_a, a_to_b)


def _with_removed(changes: list[Change], plan_a: Plan, a_to_b: dict[int, int]) -> list[Change]:
    """``changes`` with a's unmatched elements put back where they stood: after the element before them in a."""
    after: dict[int | None, list[Change]] = defaultdict(list)  # a's element id (None: the start) → removed after it
    previous: int | None = None
    for node in plan_a.flat():
        if node.elemen.pk not in a_to_b:
            after[previous].append(Change("removed", node.elemen.level, node.elemen.kode, node, None))
        previous = node.elemen.pk
    out: list[Change] = []

    def emit(anchor: int | None) -> None:
        for removed in after.pop(anchor, []):
            out.append(removed)
            emit(removed.old.elemen.pk)  # type: ignore[union-attr]

    emit(None)
    for change in changes:
        out.append(change)
        if change.old is not None:
            emit(change.old.elemen.pk)
    for anchor in list(after):  # anchors never emitted (cannot happen, but nothing is lost)
        emit(anchor)
    return out

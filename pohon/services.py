"""Rules of the pohon kinerja: loading a tree, building it, revising it, translating it into the plan and
checking it. Views stay thin: they call these."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Max, Model, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pohon.models import (
    JENJANG_BAKU,
    KOMPONEN,
    KOMPONEN_LABEL,
    RANK,
    TAHAP,
    IndikatorSimpul,
    Lintas,
    PohonKinerja,
    Simpul,
    Terjemahan,
    Tingkat,
)
from renstra import services as renstra_services
from renstra.models import CHILD_LEVELS, Elemen, Indikator, RenstraVersi
from renstra.models import Level as RenstraLevel
from sakip import audit
from sakip.lib.tabel import Kepala, Tabel
from sakip.lib.tree import copy_of, copy_rows, copy_tree
from sakip.models import Jenjang, PerangkatDaerah

#: the owner level seed 002 gives each level (its "PK/SKP JF" for both kegiatan and sub kegiatan)
JENJANG_BAKU_SEED = {**JENJANG_BAKU, Tingkat.IMMEDIATE: Jenjang.FUNGSIONAL}

# --- Loading ---------------------------------------------------------------------------------------


@dataclass
class Pohon:
    """A whole tree in memory: nodes in order with their children, indicators, links and partners."""

    pohon: PohonKinerja
    roots: list[Simpul]
    nodes: dict[int, Simpul]

    def flat(self) -> list[Simpul]:
        out: list[Simpul] = []

        def walk(nodes, depth):
            for node in nodes:
                node.depth = depth
                out.append(node)
                walk(node.anak, depth + 1)

        walk(self.roots, 0)
        return out

    def descendants(self, node: Simpul) -> list[Simpul]:
        out, stack = [], list(node.anak)
        while stack:
            n = stack.pop()
            out.append(n)
            stack.extend(n.anak)
        return out


def load(pohon: PohonKinerja) -> Pohon:
    """The tree in a fixed number of queries, whatever its size."""
    nodes = list(Simpul.objects.filter(pohon=pohon).select_related("jabatan").order_by("urutan", "pk"))
    by_id = {n.pk: n for n in nodes}
    for n in nodes:
        n.anak, n.daftar_indikator, n.daftar_elemen, n.daftar_lintas = [], [], [], []
    for ind in IndikatorSimpul.objects.filter(simpul__pohon=pohon).select_related("indikator_renstra"):
        by_id[ind.simpul_id].daftar_indikator.append(ind)
    for link in Terjemahan.objects.filter(simpul__pohon=pohon).select_related("elemen").order_by("elemen__urutan"):
        by_id[link.simpul_id].daftar_elemen.append(link.elemen)
    for link in Lintas.objects.filter(simpul__pohon=pohon).select_related("mitra"):
        by_id[link.simpul_id].daftar_lintas.append(link)
    roots = []
    for n in nodes:
        n.daftar_indikator.sort(key=lambda i: (i.urutan, i.pk))
        (by_id[n.parent_id].anak if n.parent_id in by_id else roots).append(n)
    return Pohon(pohon, roots, by_id)


# --- Building --------------------------------------------------------------------------------------


def lock_pohon(pohon: PohonKinerja) -> None:
    """Lock the tree's row to the end of the transaction: every write into a tree (its nodes, its stage 1)
    takes it first, so two planners' changes of one tree are applied one after the other."""
    list(PohonKinerja.objects.select_for_update(no_key=True).filter(pk=pohon.pk).values_list("pk", flat=True))


def _lock_opd(opd_id: int) -> None:
    """Lock the OPD's row: a tree created (or revised) for it waits for another one being created, then sees it
    (the form's check of the unique year then answers, rather than the database with a server error)."""
    list(PerangkatDaerah.objects.select_for_update(no_key=True).filter(pk=opd_id).values_list("pk", flat=True))


@transaction.atomic
def create_pohon(form) -> PohonKinerja:
    """Create a tree from a valid :class:`pohon.forms.PohonForm`, linked to the OPD's newest Renstra version of
    its period. ``ValidationError`` when a tree of that year was created meanwhile."""
    pohon = form.save(commit=False)
    _lock_opd(pohon.opd_id)
    pohon.versi = initial_versi(pohon.opd, pohon.periode)
    pohon.full_clean()
    pohon.save()
    return pohon


@transaction.atomic
def update_pohon(form) -> PohonKinerja:
    """Save stage 1 (outcome, mandat, permasalahan…) of a tree from its valid form, the tree locked;
    :class:`sakip.audit.Berubah` when someone saved it since the form was shown."""
    lock_pohon(form.instance)
    audit.ensure_unchanged(form.instance, form.token)
    return form.save()


@transaction.atomic
def delete_simpul(node: Simpul) -> None:
    """Delete a node and its branch (indicators, links and crosscutting go with it, each row in the log)."""
    lock_pohon(node.pohon)
    node.delete()


def initial_versi(opd, periode) -> RenstraVersi | None:
    """The Renstra version a new tree translates into: the newest of the OPD for that period."""
    return RenstraVersi.objects.filter(renstra__opd=opd, renstra__periode=periode).order_by("-nomor").first()


def child_tingkat(parent: Simpul | None) -> list[str]:
    """The levels a child may have: any level below its parent's (the checks flag a skipped level)."""
    if parent is None:
        return list(Tingkat.values)
    return [t for t in Tingkat.values if RANK[t] > RANK[parent.tingkat]]


def next_urutan(pohon: PohonKinerja, parent: Simpul | None) -> int:
    return (Simpul.objects.filter(pohon=pohon, parent=parent).aggregate(n=Max("urutan"))["n"] or 0) + 1


def save_simpul(node: Simpul) -> Simpul:
    """Save a node, validated; a node without an owner level gets its level's."""
    if not node.jenjang and node.tingkat:
        node.jenjang = JENJANG_BAKU[node.tingkat]
    if node.pk is None:
        node.urutan = next_urutan(node.pohon, node.parent)
    node.full_clean()
    node.save()
    return node


@transaction.atomic
def move_simpul(node: Simpul, parent: Simpul | None) -> Simpul:
    """Move a branch under another node (or to the top); its levels must stay below the new parent."""
    lock_pohon(node.pohon)
    node.parent = parent
    node.urutan = next_urutan(node.pohon, parent)
    node.full_clean()
    node.save()
    return node


@transaction.atomic
def reorder_simpul(node: Simpul, direction: int) -> None:
    """Up (-1) or down (+1) among its siblings."""
    lock_pohon(node.pohon)
    renstra_services.move(node, direction, Simpul.objects.filter(pohon=node.pohon, parent=node.parent))


@transaction.atomic
def revisi(pohon: PohonKinerja, tahun: int) -> PohonKinerja:
    """A revision in force from ``tahun``: a copy of the whole tree the planner then changes (the OPD locked,
    so a double click makes one revision and is then told that year has one)."""
    _lock_opd(pohon.opd_id)
    baru = copy_of(pohon, tahun_berlaku=tahun, asal=pohon)
    baru.full_clean()
    baru.save()
    simpul = copy_tree(Simpul.objects.filter(pohon=pohon).order_by("pk"), pohon=baru, asal=lambda n: n)
    jumlah: dict[type[Model], int] = {PohonKinerja: 1, Simpul: len(simpul)}
    for model in (IndikatorSimpul, Terjemahan, Lintas):
        jumlah[model] = len(
            copy_rows(model.objects.filter(simpul__pohon=pohon).order_by("pk"), remap={"simpul": simpul})
        )
    audit.record(audit.Operasi.POHON_REVISI, baru, jumlah=jumlah, dari=str(pohon), tahun=tahun)
    return baru


# --- Translation into the plan ---------------------------------------------------------------------


class GagalTerjemah(Exception):
    """Nothing was created: ``errors`` names each node that could not be translated and why."""

    def __init__(self, errors: list[tuple[Simpul, str]]):
        super().__init__("; ".join(f"{n.kinerja}: {m}" for n, m in errors))
        self.errors = errors


@transaction.atomic
def link_elemen(node: Simpul, elemen_ids: list[int]) -> None:
    """Replace the Renstra elements that realise ``node`` (elements of the tree's Renstra version)."""
    versi = node.pohon.versi
    wanted = set(elemen_ids)
    allowed = set(Elemen.objects.filter(versi=versi, pk__in=wanted).values_list("pk", flat=True)) if versi else set()
    if wanted - allowed:
        raise ValidationError(_("Pilih elemen dari Renstra yang diterjemahkan pohon ini."))
    current = {t.elemen_id: t for t in Terjemahan.objects.filter(simpul=node)}
    for elemen_id, link in current.items():
        if elemen_id not in wanted:
            link.delete()
    for elemen_id in wanted - set(current):
        Terjemahan.objects.create(simpul=node, elemen_id=elemen_id)
    # An indicator link to an element no longer linked goes too.
    for ind in IndikatorSimpul.objects.filter(simpul=node, indikator_renstra__isnull=False).exclude(
        indikator_renstra__elemen_id__in=wanted
    ):
        ind.indikator_renstra = None
        ind.save()


def link_indikator(ind: IndikatorSimpul, indikator: Indikator | None) -> None:
    """Link a node's indicator to a plan indicator of an element linked to the node (the node form enforces
    the same rule by offering only those indicators)."""
    if indikator is not None and not Terjemahan.objects.filter(simpul=ind.simpul, elemen=indikator.elemen).exists():
        raise ValidationError(_("Indikator Renstra harus milik elemen yang ditautkan ke simpul ini."))
    ind.indikator_renstra = indikator
    ind.save()


def _parent_element(tree: Pohon, node: Simpul, level: str, created: dict[int, Elemen]) -> Elemen | None:
    """The element the new element of ``node`` goes under: the parent node's element of the level above."""
    wanted = _levels_above(level)
    parent = tree.nodes.get(node.parent_id)
    if parent is None:
        return None
    if parent.pk in created and created[parent.pk].level in wanted:
        return created[parent.pk]
    for e in parent.daftar_elemen:
        if e.level in wanted:
            return e
    return None


@transaction.atomic
def terjemahkan(pohon: PohonKinerja, simpul_ids: list[int]) -> list[Elemen]:
    """Create the missing tujuan, sasaran, program, kegiatan and sub kegiatan (with their indicators) from
    the chosen nodes, linked to them. All or nothing: any node that cannot be placed stops the whole action."""
    versi = RenstraVersi.objects.select_for_update().filter(pk=pohon.versi_id).first()  # its status as of now
    if versi is None:
        raise ValidationError(_("Pohon ini belum terhubung ke Renstra; buat Renstra perangkat daerah ini dulu."))
    renstra_services.ensure_draft(versi)
    tree = load(pohon)
    chosen = [n for n in tree.flat() if n.pk in set(simpul_ids)]  # parents before children
    created: dict[int, Elemen] = {}
    indicators = 0
    errors: list[tuple[Simpul, str]] = []
    for node in chosen:
        level = KOMPONEN[node.tingkat]
        if any(e.level == level for e in node.daftar_elemen):
            continue  # already translated
        parent = _parent_element(tree, node, level, created)
        if parent is None and (node.parent_id or RenstraLevel(level) not in CHILD_LEVELS[None]):
            errors.append(
                (
                    node,
                    _("induknya belum diterjemahkan menjadi %(level)s; pilih juga induknya atau tautkan dulu.")
                    % {"level": "/".join(str(RenstraLevel(lv).label).lower() for lv in _levels_above(level))},
                )
            )
            continue
        elemen = Elemen(versi=versi, level=level, parent=parent, nama=node.kinerja)
        elemen.urutan = renstra_services.next_urutan(versi, parent)
        try:
            elemen.full_clean()
        except ValidationError as exc:
            errors.append((node, " ".join(exc.messages)))
            continue
        elemen.save()
        created[node.pk] = elemen
        Terjemahan.objects.create(simpul=node, elemen=elemen)
        for i, ind in enumerate(node.daftar_indikator, start=1):
            plan_ind = Indikator.objects.create(elemen=elemen, uraian=ind.uraian, satuan=ind.satuan, urutan=i)
            ind.indikator_renstra = plan_ind
            ind.save()
            indicators += 1
    if errors:
        transaction.set_rollback(True)
        raise GagalTerjemah(errors)
    if created:
        audit.record(
            audit.Operasi.POHON_TERJEMAHKAN,
            versi,
            jumlah={
                Elemen: len(created),
                Terjemahan: len(created),
                Indikator: indicators,
                IndikatorSimpul: indicators,
            },
            pohon=str(pohon),
        )
    return list(created.values())


def _levels_above(level: str) -> list[str]:
    return [lv for lv, children in CHILD_LEVELS.items() if level in children and lv is not None]


def level_order():
    """Plan elements in the order of their levels (tujuan, sasaran, program …), not alphabetically."""
    return Case(*[When(level=lv, then=i) for i, lv in enumerate(RenstraLevel.values)], output_field=IntegerField())


# --- Checks -----------------------------------------------------------------------------------------


@dataclass
class Temuan:
    jenis: str  # "indikator" | "tingkat" | "belum_diterjemahkan" | "rencana" | "redaksi"
    pesan: str
    simpul: Simpul | None = None
    elemen: Elemen | None = None


JENIS_TEMUAN = {
    "indikator": _("Simpul tanpa indikator"),
    "tingkat": _("Tingkat terlewati"),
    "belum_diterjemahkan": _("Simpul belum diterjemahkan ke rencana"),
    "rencana": _("Elemen rencana yang tidak dijelaskan pohon"),
    "redaksi": _("Redaksi indikator berbeda dengan Renstra"),
}


def _normal(text: str) -> str:
    return re.sub(r"[\W_]+", " ", (text or "").lower()).strip()


def check(tree: Pohon) -> list[Temuan]:
    """The gaps the evaluators ask about, in tree order (then the plan elements no node explains)."""
    found: list[Temuan] = []
    for node in tree.flat():
        if not node.daftar_indikator:
            found.append(Temuan("indikator", _("Belum ada indikator."), node))
        expected = RANK[tree.nodes[node.parent_id].tingkat] + 1 if node.parent_id else 0
        if RANK[node.tingkat] != expected:
            above = Tingkat(Tingkat.values[expected]).label if expected < len(Tingkat.values) else ""
            found.append(
                Temuan(
                    "tingkat",
                    _("Tingkat %(lewat)s terlewati di atas simpul ini.") % {"lewat": str(above).lower()},
                    node,
                )
            )
        if not node.daftar_elemen:
            found.append(Temuan("belum_diterjemahkan", _("Belum ditautkan ke komponen rencana."), node))
        for ind in node.daftar_indikator:
            plan = ind.indikator_renstra
            if plan is not None and _normal(plan.uraian) != _normal(ind.uraian):
                found.append(
                    Temuan(
                        "redaksi",
                        _("Pohon: \u201c%(pohon)s\u201d; Renstra: \u201c%(renstra)s\u201d.")
                        % {"pohon": ind.uraian, "renstra": plan.uraian},
                        node,
                    )
                )
    versi = tree.pohon.versi
    if versi is not None:
        explained = {e.pk for n in tree.nodes.values() for e in n.daftar_elemen}
        for e in Elemen.objects.filter(versi=versi).exclude(pk__in=explained).order_by(level_order(), "urutan", "pk"):
            found.append(
                Temuan(
                    "rencana",
                    _("%(level)s \u201c%(nama)s\u201d tidak dijelaskan simpul mana pun.")
                    % {"level": e.get_level_display(), "nama": f"{e.kode} {e.nama}".strip()},
                    elemen=e,
                )
            )
    return found


# --- The stage-4 table ----------------------------------------------------------------------------------

PK_LABEL = {
    Jenjang.JPT_PRATAMA: _("PK JPT"),
    Jenjang.ADMINISTRATOR: _("PK Jabatan Administrator"),
    Jenjang.PENGAWAS: _("PK Jabatan Pengawas"),
    Jenjang.FUNGSIONAL: _("PK/SKP JF"),
    Jenjang.PELAKSANA: _("SKP Pelaksana"),
}


def pemilik_label(node: Simpul) -> str:
    if node.tingkat == Tingkat.OUTCOME and node.jenjang == Jenjang.JPT_PRATAMA and not node.jabatan_id:
        return _("Kepala OPD")
    return str(PK_LABEL.get(node.jenjang, ""))


def tabel_tahap4(tree: Pohon):
    """Seed 002's translation table: rujukan tahapan, kinerja, indikator, keterangan (level, component, PK)."""
    t = Tabel(
        "tahap4",
        _("Tahap 4"),
        _("Penerjemahan Pohon Kinerja ke dalam Komponen Perencanaan dan Kinerja Jabatan"),
        [
            [
                Kepala(_("Rujukan tahapan"), rowspan=2),
                Kepala(_("Kinerja"), rowspan=2),
                Kepala(_("Indikator kinerja"), rowspan=2),
                Kepala(_("Keterangan"), colspan=3),
                Kepala(_("Komponen Renstra"), rowspan=2),
            ],
            [Kepala(_("Tingkat kinerja")), Kepala(_("Komponen perencanaan")), Kepala(_("Kinerja jabatan"))],
        ],
        widths=["6%", "22%", "22%", "10%", "9%", "12%", "19%"],
        wide=True,
    )
    for node in tree.flat():
        indicators = "\n".join(i.uraian for i in node.daftar_indikator)
        pemilik = pemilik_label(node)
        if node.jabatan_id:
            pemilik = f"{pemilik} ({node.jabatan.nama})" if pemilik else node.jabatan.nama
        t.add_row(
            _("tahap %(n)s") % {"n": TAHAP[node.tingkat]},
            node.kinerja,
            indicators,
            Tingkat(node.tingkat).label,
            KOMPONEN_LABEL[node.tingkat],
            pemilik,
            "\n".join(str(e) for e in node.daftar_elemen),
        )
    return t


#: the wording of seed 002's stage-3 table for each level below the sasaran
KETERANGAN_TAHAP3 = {
    Tingkat.INTERMEDIATE: gettext_lazy("kondisi antara utama"),
    Tingkat.IMMEDIATE: gettext_lazy("kondisi antara"),
    Tingkat.OPERASIONAL: gettext_lazy("kondisi operasional"),
}


def tabel_tahap2(tree: Pohon):
    """Seed 002's stage 2: the critical success factors (the problem each strategic condition answers) of each
    outcome, numbered, with the condition needed."""
    tables = []
    for root in tree.roots:
        t = Tabel(
            f"tahap2-{root.pk}",
            _("Tahap 2"),
            _("Identifikasi CSF yang Dibutuhkan untuk Mencapai Kinerja"),
            [[Kepala(_("No.")), Kepala(_("CSF %(o)s") % {"o": root.kinerja}), Kepala(_("Kondisi yang diperlukan"))]],
            widths=["6%", "47%", "47%"],
        )
        for i, node in enumerate(root.anak, start=1):
            t.add_row(str(i), node.faktor_kunci or "–", node.kinerja)
        tables.append(t)
    return tables


def tabel_tahap3(tree: Pohon):
    """Seed 002's stage 3: each CSF condition of stage 2 broken down to its intermediate and operational
    conditions, with what each is (kondisi antara utama, kondisi antara, kondisi operasional)."""
    t = Tabel(
        "tahap3",
        _("Tahap 3"),
        _("Uraian CSF ke Kondisi Antara sampai Kondisi Operasional"),
        [
            [
                Kepala(_("CSF yang sudah diubah ke bahasa kondisi pada tahap 2")),
                Kepala(_("Kondisi yang diperlukan (kondisi antara sampai kondisi paling operasional)")),
                Kepala(_("Keterangan")),
            ]
        ],
        widths=["32%", "50%", "18%"],
    )

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.anak)

    for root in tree.roots:
        for strategis in root.anak:
            start = len(t.rows)
            for node in walk(strategis.anak):
                t.add_row(strategis.kinerja, node.kinerja, str(KETERANGAN_TAHAP3.get(node.tingkat, "")))
            if len(t.rows) == start:
                t.add_row(strategis.kinerja, "", "")
            t.merge_down(start, [0], keep_together=False)
    return t


# --- PK drafting ------------------------------------------------------------------------------------------


def elemen_milik(jabatan, tahun: int, versi: RenstraVersi) -> set[int]:
    """The plan elements of ``versi`` that the tree in force for ``tahun`` gives to ``jabatan`` (empty when the
    tree names no node for it): the PK drafting then takes these instead of guessing from the unit kerja."""
    pohon = PohonKinerja.objects.berlaku(jabatan.opd, tahun)
    if pohon is None:
        return set()
    return set(
        Terjemahan.objects.filter(simpul__pohon=pohon, simpul__jabatan=jabatan, elemen__versi=versi).values_list(
            "elemen_id", flat=True
        )
    )


# --- The node form ----------------------------------------------------------------------------------------


@transaction.atomic
def save_simpul_form(form, formset) -> Simpul:
    """Save a node from its form with its indicators, plan links and crosscutting partners, all or nothing;
    :class:`sakip.audit.Berubah` when someone saved the node since the form was shown."""
    lock_pohon(form.instance.pohon)
    audit.ensure_unchanged(form.instance, form.token)
    node = save_simpul(form.instance)
    formset.instance = node
    for i, sub in enumerate(formset.forms, start=1):
        if sub.has_changed() and not formset._should_delete_form(sub):
            sub.instance.urutan = i
    formset.save()
    if "elemen" in form.cleaned_data:
        link_elemen(node, [e.pk for e in form.cleaned_data["elemen"]])
    wanted = {o.pk: o for o in form.cleaned_data.get("mitra") or []}
    sifat = form.cleaned_data.get("sifat_lintas") or Lintas.Sifat.BERSAMA
    catatan = form.cleaned_data.get("catatan_lintas") or ""
    for link in Lintas.objects.filter(simpul=node):
        if link.mitra_id not in wanted:
            link.delete()
        elif (link.sifat, link.catatan) != (sifat, catatan):
            link.sifat, link.catatan = sifat, catatan
            link.save()
    existing = set(Lintas.objects.filter(simpul=node).values_list("mitra_id", flat=True))
    for pk, opd in wanted.items():
        if pk not in existing:
            link = Lintas(simpul=node, mitra=opd, sifat=sifat, catatan=catatan)
            link.full_clean()
            link.save()
    return node


def parent_choices(tree: Pohon, node: Simpul) -> list[tuple[str, str]]:
    """Where a branch may move: to the top, or under any node of a higher level outside the branch."""
    inside = {node.pk, *(n.pk for n in tree.descendants(tree.nodes[node.pk]))}
    choices = [("", _("(puncak pohon)"))]
    for n in tree.flat():
        if n.pk not in inside and RANK[n.tingkat] < RANK[node.tingkat]:
            choices.append((str(n.pk), f"{'— ' * n.depth}{n.kinerja}"[:150]))
    return choices

"""The pohon kinerja drawn as SVG on the server, from our data: one drawing for the browser (pan and zoom
with static/sakip/pohon.js), the SVG and PNG downloads, and the pages of the PDF.

Layout: levels in rows, each subtree in its own column block; a node whose children are all leaves
stacks them below it (the operational conditions under their kegiatan, as the worksheets draw them),
which keeps a tree of 200 nodes readable. A tree too large for one page is split: the top levels on one
page, then each branch on its own pages, each repeating the box it hangs from.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from pohon.models import Tingkat
from pohon.services import Pohon
from sakip.models import Jenjang

W = 210  # box width, px
PAD = 7
HGAP = 26
VGAP = 38
INDENT = 20
SGAP = 10
FONT = 10.5
FONT_IND = 9
HEAD = 15
LINE = FONT * 1.25
LINE_IND = FONT_IND * 1.25
CHAR = 0.48  # average glyph width of Liberation Sans, in em

#: (fill, stroke) per level; the header strip uses the stroke colour
WARNA = {
    Tingkat.OUTCOME: ("#dbe7f5", "#1f3b5a"),
    Tingkat.STRATEGIS: ("#e1f1dc", "#2e6b30"),
    Tingkat.INTERMEDIATE: ("#fff3d1", "#9a6b00"),
    Tingkat.IMMEDIATE: ("#fde6d8", "#b2541a"),
    Tingkat.OPERASIONAL: ("#efe4f5", "#6d3a8c"),
}
LINTAS = "#c62828"
SINGKAT = {
    Tingkat.OUTCOME: _("TUJUAN OPD"),
    Tingkat.STRATEGIS: _("STRATEGIS"),
    Tingkat.INTERMEDIATE: _("INTERMEDIATE"),
    Tingkat.IMMEDIATE: _("IMMEDIATE"),
    Tingkat.OPERASIONAL: _("OPERASIONAL"),
}


PK_SINGKAT = {
    Jenjang.JPT_PRATAMA: "PK JPT",
    Jenjang.ADMINISTRATOR: "PK ADMINISTRATOR",
    Jenjang.PENGAWAS: "PK PENGAWAS",
    Jenjang.FUNGSIONAL: "PK/SKP JF",
    Jenjang.PELAKSANA: "SKP",
}


def _pemilik(node) -> str:
    if node.tingkat == Tingkat.OUTCOME and not node.jabatan_id:
        return _("KEPALA OPD")
    return PK_SINGKAT.get(node.jenjang, "")


def _wrap(text: str, font: float) -> list[str]:
    width = max(10, int((W - 2 * PAD) / (font * CHAR)))
    return textwrap.wrap(" ".join((text or "").split()), width=width, break_long_words=True) or [""]


@dataclass
class Kotak:
    node: object
    depth: int
    children: list[Kotak] = field(default_factory=list)
    hidden_children: int = 0  # children drawn on another page
    lanjut: str = ""  # "rincian: hlm. 3"
    x: float = 0
    y: float = 0
    lines: list[str] = field(default_factory=list)
    ind_lines: list[str] = field(default_factory=list)
    foot: list[str] = field(default_factory=list)
    h: float = 0
    sw: float = 0  # width of its subtree block
    stacked: bool = False

    def measure(self) -> None:
        n = self.node
        self.lines = _wrap(n.kinerja, FONT)
        self.ind_lines = []
        for ind in n.daftar_indikator:
            self.ind_lines += _wrap("IK: " + ind.uraian + (f" ({ind.satuan})" if ind.satuan else ""), FONT_IND)
        if not n.daftar_indikator:
            self.ind_lines = [_("(belum ada indikator)")]
        self.foot = []
        for link in n.daftar_lintas:
            self.foot += _wrap(_("Crosscutting: %(opd)s") % {"opd": link.mitra.singkatan or link.mitra.nama}, FONT_IND)
        if self.lanjut:
            self.foot.append(self.lanjut)
        self.h = (
            HEAD + PAD + len(self.lines) * LINE + 4 + len(self.ind_lines) * LINE_IND + len(self.foot) * LINE_IND + PAD
        )


@dataclass
class Gambar:
    svg: str
    width: float
    height: float

    def scaled(self, scale: float) -> str:
        """The same drawing printed ``scale`` times its size."""
        head, rest = self.svg.split(">", 1)
        head = re.sub(
            r' width="[^"]*" height="[^"]*"',
            f' width="{self.width * scale:.0f}" height="{self.height * scale:.0f}"',
            head,
        )
        return f"{head}>{rest}"


def _build(nodes, depth: int, max_depth: int | None, lanjut: dict[int, str]) -> list[Kotak]:
    out = []
    for n in nodes:
        k = Kotak(n, depth)
        if max_depth is not None and depth >= max_depth:
            k.hidden_children = len(n.anak)
        else:
            k.children = _build(n.anak, depth + 1, max_depth, lanjut)
        if k.hidden_children and n.pk in lanjut:
            k.lanjut = lanjut[n.pk]
        k.measure()
        out.append(k)
    return out


def _size(k: Kotak) -> None:
    for c in k.children:
        _size(c)
    k.stacked = bool(k.children) and all(not c.children for c in k.children) and len(k.children) > 1
    if not k.children:
        k.sw = W
    elif k.stacked:
        k.sw = INDENT + W
    else:
        k.sw = max(W, sum(c.sw for c in k.children) + HGAP * (len(k.children) - 1))


def _row_heights(roots: list[Kotak]) -> dict[int, float]:
    rows: dict[int, float] = {}

    def walk(k: Kotak, in_row: bool):
        if in_row:
            rows[k.depth] = max(rows.get(k.depth, 0), k.h)
        for c in k.children:
            walk(c, not k.stacked)

    for r in roots:
        walk(r, True)
    return rows


def _place(k: Kotak, x: float, row_y: dict[int, float], y: float | None = None) -> None:
    k.y = row_y[k.depth] if y is None else y
    if k.stacked:
        k.x = x
        cy = k.y + k.h + VGAP / 2
        for c in k.children:
            _place(c, x + INDENT, row_y, cy)
            cy += c.h + SGAP
        return
    k.x = x + (k.sw - W) / 2
    total = sum(c.sw for c in k.children) + HGAP * (len(k.children) - 1)
    cx = x + (k.sw - total) / 2
    for c in k.children:
        _place(c, cx, row_y)
        cx += c.sw + HGAP


def _all(roots: list[Kotak]):
    stack = list(reversed(roots))
    while stack:
        k = stack.pop()
        yield k
        stack.extend(reversed(k.children))


def layout(
    nodes, max_depth: int | None = None, lanjut: dict[int, str] | None = None
) -> tuple[list[Kotak], float, float]:
    roots = _build(nodes, 0, max_depth, lanjut or {})
    for r in roots:
        _size(r)
    heights = _row_heights(roots)
    row_y, y = {}, 0.0
    for depth in sorted(heights):
        row_y[depth] = y
        y += heights[depth] + VGAP
    x = 0.0
    for r in roots:
        _place(r, x, row_y)
        x += r.sw + HGAP
    width = max(x - HGAP, W) if roots else W
    height = max((k.y + k.h for k in _all(roots)), default=0)
    return roots, width, height


def _text_block(lines: list[str], x: float, y: float, step: float, attrs: str) -> tuple[str, float]:
    """Lines of text one under the other from ``y``; returns the SVG and the y after the last line."""
    out = [f"<text {attrs}>"]
    for line in lines:
        out.append(f'<tspan x="{x:.1f}" y="{y:.1f}">{escape(line)}</tspan>')
        y += step
    out.append("</text>")
    return "".join(out), y


def _box(k: Kotak) -> str:
    fill, stroke = WARNA[k.node.tingkat]
    crosscut = bool(k.node.daftar_lintas)
    edge = LINTAS if crosscut else stroke
    dash = ' stroke-dasharray="6 3"' if crosscut else ""
    owner = _pemilik(k.node)
    head = SINGKAT[k.node.tingkat] + (f" · {owner}" if owner else "")
    parts = [
        f'<g class="simpul" data-id="{k.node.pk}" data-tingkat="{k.node.tingkat}">',
        f"<title>{escape(k.node.kinerja)}</title>",
        f'<rect x="{k.x:.1f}" y="{k.y:.1f}" width="{W}" height="{k.h:.1f}" rx="5" fill="{fill}" stroke="{edge}"'
        f' stroke-width="{2 if crosscut else 1.2}"{dash}/>',
        f'<path d="M{k.x + 0.6:.1f},{k.y + HEAD:.1f} v{-HEAD + 5} a5,5 0 0 1 5,-5 h{W - 11.2} a5,5 0 0 1 5,5'
        f' v{HEAD - 5} z" fill="{stroke}"/>',
        f'<text x="{k.x + PAD:.1f}" y="{k.y + HEAD - 4.5:.1f}" font-size="7.5" font-weight="bold" fill="#fff"'
        f' letter-spacing=".3">{escape(head)}</text>',
    ]
    y = k.y + HEAD + PAD + FONT
    block, y = _text_block(k.lines, k.x + PAD, y, LINE, f'font-size="{FONT}" fill="#111"')
    parts.append(block)
    y += 4 - LINE + LINE_IND
    sep = y - LINE_IND + 1
    parts.append(
        f'<line x1="{k.x + PAD:.1f}" x2="{k.x + W - PAD:.1f}" y1="{sep:.1f}" y2="{sep:.1f}" stroke="{stroke}"'
        ' stroke-width=".5" opacity=".6"/>'
    )
    block, y = _text_block(
        k.ind_lines, k.x + PAD, y, LINE_IND, f'font-size="{FONT_IND}" font-style="italic" fill="#333"'
    )
    parts.append(block)
    if k.foot:
        colour = LINTAS if crosscut else stroke
        block, y = _text_block(
            k.foot, k.x + PAD, y, LINE_IND, f'font-size="{FONT_IND}" font-weight="bold" fill="{colour}"'
        )
        parts.append(block)
    parts.append("</g>")
    return "".join(parts)


def _lines(k: Kotak) -> list[str]:
    out = []
    if not k.children:
        return out
    if k.stacked:
        x = k.x + INDENT / 2
        last = k.children[-1]
        out.append(f'<path d="M{x:.1f},{k.y + k.h:.1f} V{last.y + min(last.h, 40) / 2:.1f}"/>')
        for c in k.children:
            cy = c.y + min(c.h, 40) / 2
            out.append(f'<path d="M{x:.1f},{cy:.1f} H{c.x:.1f}"/>')
        return out
    px, py = k.x + W / 2, k.y + k.h
    mid = min(c.y for c in k.children) - VGAP / 2
    for c in k.children:
        cx = c.x + W / 2
        out.append(f'<path d="M{px:.1f},{py:.1f} V{mid:.1f} H{cx:.1f} V{c.y:.1f}"/>')
    return out


def draw(nodes, max_depth: int | None = None, lanjut: dict[int, str] | None = None, margin: int = 12) -> Gambar:
    roots, width, height = layout(nodes, max_depth, lanjut)
    boxes = list(_all(roots))
    w, h = width + 2 * margin, height + 2 * margin
    body = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-margin} {-margin} {w:.0f} {h:.0f}"'
        f' width="{w:.0f}" height="{h:.0f}" font-family="Liberation Sans, Arial, Helvetica, sans-serif">',
        '<g fill="none" stroke="#555" stroke-width="1.1">',
        *[line for k in boxes for line in _lines(k)],
        "</g>",
        *[_box(k) for k in boxes],
        "</svg>",
    ]
    return Gambar("".join(body), w, h)


def legend() -> list[tuple[str, str, str]]:
    """(level, fill, stroke) for the legend under the diagram, on the page and on paper."""
    return [(Tingkat(t).label, *WARNA[t]) for t in Tingkat.values]


def svg_pohon(tree: Pohon) -> Gambar:
    return draw(tree.roots)


# --- Pages ------------------------------------------------------------------------------------------

MIN_SCALE = 0.62


@dataclass
class Halaman:
    nodes: list
    max_depth: int | None
    jejak: list[str]  # the path of statements above this page's top box
    gambar: Gambar | None = None
    skala: float = 1.0

    @property
    def svg_scaled(self) -> str:
        return self.gambar.scaled(self.skala)


def _fits(nodes, max_depth, page_w, page_h) -> tuple[bool, float]:
    _roots, w, h = layout(nodes, max_depth)
    scale = min(page_w / (w + 24), page_h / (h + 24), 1.0)
    return scale >= MIN_SCALE, scale


def _deepest(nodes) -> int:
    best, stack = 0, [(n, 0) for n in nodes]
    while stack:
        n, d = stack.pop()
        best = max(best, d)
        stack.extend((c, d + 1) for c in n.anak)
    return best


def _plan(nodes, jejak: list[str], page_w: float, page_h: float) -> list[Halaman]:
    if _fits(nodes, None, page_w, page_h)[0]:
        return [Halaman(nodes, None, jejak)]
    deepest = _deepest(nodes)
    limit = 0
    for d in range(1, deepest):
        if _fits(nodes, d, page_w, page_h)[0]:
            limit = d
        else:
            break
    if limit == 0 and len(nodes) == 1:
        limit = 1  # a box and its children always share a page, however small they must be drawn
    pages = [Halaman(nodes, limit, jejak)]
    frontier = []

    def collect(n, depth, path):
        if depth == limit:
            if n.anak:
                frontier.append((n, path))
            return
        for c in n.anak:
            collect(c, depth + 1, [*path, n.kinerja])

    for n in nodes:
        collect(n, 0, list(jejak))
    # Branches that fit together share a page (with the path they have in common).
    group: list = []
    for n, path in frontier:
        if group and _fits([g for g, _p in group] + [n], None, page_w, page_h)[0]:
            group.append((n, path))
            continue
        if group:
            pages += _plan([g for g, _p in group], _common([p for _g, p in group]), page_w, page_h)
        group = [(n, path)]
    if group:
        pages += _plan([g for g, _p in group], _common([p for _g, p in group]), page_w, page_h)
    return pages


def _common(paths: list[list[str]]) -> list[str]:
    out = []
    for parts in zip(*paths, strict=False):
        if len(set(parts)) != 1:
            break
        out.append(parts[0])
    return out


def paginate(tree: Pohon, page_w: float, page_h: float) -> list[Halaman]:
    """The diagram split into pages of ``page_w`` × ``page_h`` px, each drawn and scaled to fit."""
    pages = _plan(tree.roots, [], page_w, page_h)
    # Where each cut branch continues, for the note in its box.
    first_page = {}
    for number, page in enumerate(pages, start=1):
        if page.max_depth is not None or number > 1:
            for n in page.nodes:
                first_page.setdefault(n.pk, number)
    lanjut = {pk: _("Rincian: halaman %(n)s") % {"n": number} for pk, number in first_page.items()}
    for number, page in enumerate(pages, start=1):
        own = {pk: text for pk, text in lanjut.items() if first_page[pk] != number}
        page.gambar = draw(page.nodes, page.max_depth, own)
        page.skala = min(page_w / page.gambar.width, page_h / page.gambar.height, 1.0)
    return pages

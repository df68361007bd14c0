"""Pohon kinerja pages: the list, the builder, the diagram, the stage-4 table, the checks and the downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from pohon import diagram, exporters, services
from pohon.forms import IndikatorFormSet, PindahForm, PohonForm, RevisiForm, SimpulForm
from pohon.models import JENJANG_BAKU, Lintas, PohonKinerja, Simpul
from renstra.models import Indikator
from renstra.services import VersiTerkunci
from sakip import access
from sakip.access import Perm
from sakip.lib.pdf import KERTAS_DIAGRAM
from sakip.lib.values import parse_id
from sakip.models import PerangkatDaerah


def _pohon(request, pk: int, perm: Perm = Perm.VIEW) -> PohonKinerja:
    return access.get_for_user(
        request.user, PohonKinerja.objects.select_related("opd__pemda", "periode", "versi__renstra"), perm, pk=pk
    )


def _simpul(request, pk: int, perm: Perm = Perm.EDIT) -> Simpul:
    return access.get_for_user(
        request.user, Simpul.objects.select_related("pohon__opd__pemda", "pohon__versi", "parent"), perm, pk=pk
    )


def _filename(pohon: PohonKinerja, suffix: str) -> str:
    return f"pohon-kinerja-{(pohon.opd.singkatan or pohon.opd.kode).replace('/', '-')}-{pohon.tahun_berlaku}{suffix}"


def _index(request, data=None, status: int = 200):
    """The trees of every OPD in scope, what other OPDs count on these OPDs for (crosscutting), and the form
    that creates a tree for an OPD the user plans."""
    scope = access.scope_for(request.user)
    opds = list(PerangkatDaerah.objects.for_user(request.user).select_related("pemda").order_by("kode"))
    trees = (
        PohonKinerja.objects.filter(opd__in=opds)
        .select_related("opd", "periode", "versi")
        .order_by("opd__kode", "-periode__tahun_awal", "-tahun_berlaku")
    )
    editable = [o for o in opds if scope.everything or o.pk in scope.editable_opd_ids]
    incoming = Lintas.objects.masuk(request.user).order_by("mitra__kode", "simpul__pohon__opd__kode")
    form = PohonForm(data, opds=editable) if editable else None
    context = {"trees": trees, "form": form, "incoming": incoming}
    return form, render(request, "pohon/index.html", context, status=status)


def index(request):
    return _index(request)[1]


@require_POST
def pohon_create(request):
    form, _page = _index(request, request.POST)
    if form is None:
        raise PermissionDenied
    if form.is_valid():  # the model's clean() checks the year and the pemda of the period
        try:
            pohon = services.create_pohon(form)
        except ValidationError as error:  # a tree of that year was created meanwhile
            messages.error(request, " ".join(error.messages))
            return _index(request, request.POST, status=400)[1]
        messages.success(request, _("Pohon kinerja dibuat. Mulailah dari outcome (tujuan OPD)."))
        return redirect(pohon)
    return _index(request, request.POST, status=400)[1]


def _context(request, pohon: PohonKinerja) -> dict:
    tree = services.load(pohon)
    temuan = services.check(tree)
    return {
        "pohon": pohon,
        "tree": tree,
        "nodes": tree.flat(),
        "temuan": temuan,
        "ringkasan": [(k, label, sum(1 for t in temuan if t.jenis == k)) for k, label in services.JENIS_TEMUAN.items()],
        "can_edit": access.can(request.user, Perm.EDIT, pohon),
        "plan_editable": bool(pohon.versi and pohon.versi.is_draft),
    }


def pohon_detail(request, pk: int):
    """The builder: the tree as an outline with its checks; planners add, edit, move and translate here."""
    pohon = _pohon(request, pk)
    context = _context(request, pohon)
    if request.htmx and request.GET.get("fragment") == "tree":
        return render(request, "pohon/_tree.html", context)
    return render(request, "pohon/detail.html", context)


def _saved(request, pohon: PohonKinerja, message: str):
    if request.htmx:
        messages.success(request, message)
        return HttpResponseClientRedirect(pohon.get_absolute_url())
    messages.success(request, message)
    return redirect(pohon)


@require_http_methods(["GET", "POST"])
def simpul_form(request, pohon: int | None = None, pk: int | None = None):
    if pk:
        node = _simpul(request, pk)
        pohon_obj = node.pohon
    else:
        pohon_obj = _pohon(request, pohon, Perm.EDIT)
        parent = None
        if request.GET.get("parent") or request.POST.get("parent"):
            parent = get_object_or_404(Simpul, pohon=pohon_obj, pk=request.GET.get("parent") or request.POST["parent"])
        options = services.child_tingkat(parent)
        if not options:
            return HttpResponse(_("Kinerja operasional adalah tingkat terendah."), status=400)
        node = Simpul(pohon=pohon_obj, parent=parent, tingkat=options[0], jenjang=JENJANG_BAKU[options[0]])
    form = SimpulForm(request.POST or None, instance=node)
    linked = node.terjemahan.values_list("elemen_id", flat=True) if node.pk else []
    plan_indicators = Indikator.objects.filter(elemen__versi=pohon_obj.versi).select_related("elemen")
    if request.method == "POST" and "elemen" in request.POST:
        plan_indicators = plan_indicators.filter(elemen_id__in=request.POST.getlist("elemen"))
    elif node.pk:
        plan_indicators = plan_indicators.filter(elemen_id__in=list(linked))
    formset = IndikatorFormSet(
        request.POST or None,
        instance=node if node.pk else Simpul(pohon=pohon_obj),
        form_kwargs={"plan_indicators": plan_indicators},
        prefix="ind",
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_simpul_form(form, formset)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            return _saved(request, pohon_obj, _("Simpul \u201c%(s)s\u201d disimpan.") % {"s": saved.kinerja[:60]})
    title = _("Ubah simpul") if node.pk else _("Tambah simpul")
    if not node.pk and node.parent_id:
        title += " \u2014 " + _("di bawah \u201c%(p)s\u201d") % {"p": node.parent.kinerja[:60]}
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {
            "form": form,
            "formset": formset,
            "title": title,
            "pohon": pohon_obj,
            "parent": node.parent,
            "action": request.get_full_path(),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def simpul_move(request, pk: int):
    node = _simpul(request, pk)
    tree = services.load(node.pohon)
    form = PindahForm(request.POST or None, choices=services.parent_choices(tree, node))
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["parent"]
        parent = get_object_or_404(Simpul, pohon=node.pohon, pk=target) if target else None
        try:
            services.move_simpul(node, parent)
        except ValidationError as error:
            form.add_error("parent", error.messages)
        else:
            return _saved(request, node.pohon, _("Cabang dipindahkan."))
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"form": form, "title": _("Pindahkan cabang \u201c%(s)s\u201d") % {"s": node.kinerja[:60]}, "pohon": node.pohon,
         "action": request.get_full_path()},
    )  # fmt: skip


@require_POST
def simpul_reorder(request, pk: int, arah: str):
    node = _simpul(request, pk)
    services.reorder_simpul(node, -1 if arah == "naik" else 1)
    return _saved(request, node.pohon, _("Urutan diubah."))


@require_http_methods(["GET", "POST"])
def simpul_delete(request, pk: int):
    node = _simpul(request, pk)
    pohon = node.pohon
    if request.method == "POST":
        text = node.kinerja[:60]
        services.delete_simpul(node)
        return _saved(request, pohon, _("Simpul \u201c%(s)s\u201d dan cabangnya dihapus.") % {"s": text})
    tree = services.load(pohon)
    below = len(tree.descendants(tree.nodes[node.pk]))
    template = "pohon/_simpul_delete.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"node": node, "below": below, "pohon": pohon, "action": request.get_full_path(), "title": _("Hapus simpul")},
    )


@require_POST
def pohon_terjemahkan(request, pk: int):
    """Create the missing plan elements from the chosen nodes."""
    pohon = _pohon(request, pk, Perm.EDIT)
    ids = [i for x in request.POST.getlist("simpul") if (i := parse_id(x)) is not None]
    if not ids:
        messages.warning(request, _("Pilih simpul yang akan diterjemahkan."))
        return redirect(pohon)
    if pohon.versi is None:
        messages.error(request, _("Pohon ini belum terhubung ke Renstra; buat Renstra perangkat daerah ini dulu."))
        return redirect(pohon)
    try:
        created = services.terjemahkan(pohon, ids)
    except VersiTerkunci as error:
        messages.error(request, str(error))
    except services.GagalTerjemah as error:
        messages.error(request, _("Tidak ada yang dibuat:"))
        for node, message in error.errors:
            messages.error(request, f"\u201c{node.kinerja[:80]}\u201d: {message}")
    else:
        if created:
            messages.success(
                request,
                _("%(n)s komponen Renstra dibuat dan ditautkan: %(daftar)s.")
                % {"n": len(created), "daftar": "; ".join(f"{e.get_level_display()} {e.nama[:50]}" for e in created)},
            )
        else:
            messages.info(request, _("Semua simpul terpilih sudah diterjemahkan."))
    return redirect(pohon)


@require_http_methods(["GET", "POST"])
def pohon_update(request, pk: int):
    pohon = _pohon(request, pk, Perm.EDIT)
    form = PohonForm(request.POST or None, instance=pohon, opds=[pohon.opd])
    if request.method == "POST" and form.is_valid():
        services.update_pohon(form)
        return _saved(request, pohon, _("Tahap 1 disimpan."))
    template = "pohon/_simpul_form.html" if request.htmx else "pohon/simpul_page.html"
    return render(
        request,
        template,
        {"form": form, "title": _("Tahap 1: outcome"), "pohon": pohon, "action": request.get_full_path()},
    )


@require_POST
def pohon_revisi(request, pk: int):
    pohon = _pohon(request, pk, Perm.EDIT)
    form = RevisiForm(request.POST)
    if form.is_valid():
        try:
            baru = services.revisi(pohon, form.cleaned_data["tahun"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Revisi berlaku %(t)s dibuat dari pohon ini.") % {"t": baru.tahun_berlaku})
            return redirect(baru)
    else:
        messages.error(request, _("Isi tahun berlaku revisi."))
    return redirect(pohon)


def pohon_diagram(request, pk: int):
    """The diagram: pan and zoom in the browser, downloads as SVG, PNG and PDF."""
    pohon = _pohon(request, pk)
    tree = services.load(pohon)
    return render(
        request,
        "pohon/diagram.html",
        {"pohon": pohon, "svg": diagram.svg_pohon(tree).svg, "jumlah": len(tree.nodes), "legenda": diagram.legend()},
    )


def pohon_svg(request, pk: int):
    pohon = _pohon(request, pk)
    content = diagram.svg_pohon(services.load(pohon)).svg
    response = HttpResponse('<?xml version="1.0" encoding="UTF-8"?>\n' + content, content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{_filename(pohon, ".svg")}"'
    return response


def pohon_pdf(request, pk: int):
    pohon = _pohon(request, pk)
    kertas = request.GET.get("kertas", "A3")
    kertas = kertas if kertas in KERTAS_DIAGRAM else "A3"
    bagian = request.GET.get("bagian", "semua")
    bagian = bagian if bagian in ("semua", "diagram", "tabel") else "semua"
    content = exporters.pdf(services.load(pohon), kertas=kertas, bagian=bagian)
    response = HttpResponse(content, content_type="application/pdf")
    suffix = {"semua": "", "diagram": "-diagram", "tabel": "-tabel"}[bagian]
    response["Content-Disposition"] = f'inline; filename="{_filename(pohon, f"{suffix}-{kertas}.pdf")}"'
    return response


def pohon_tabel(request, pk: int):
    """Seed 002's translation table (stage 4) as a page."""
    pohon = _pohon(request, pk)
    tree = services.load(pohon)
    return render(request, "pohon/tabel.html", {"pohon": pohon, "tabel": services.tabel_tahap4(tree)})


def pohon_xlsx(request, pk: int):
    pohon = _pohon(request, pk)
    response = HttpResponse(
        exporters.xlsx(services.load(pohon)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(pohon, "-tahap4.xlsx")}"'
    return response

"""Renstra pages. Views are thin: access through ``sakip.access``, rules in ``renstra.services``."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import retarget, trigger_client_event

from renstra import importers, services, workbook
from renstra.forms import (
    ArahKebijakanForm,
    ElemenForm,
    IndikatorForm,
    MisiFormSet,
    NomenklaturImportForm,
    PeriodeForm,
    RenstraCreateForm,
    RenstraImportForm,
    SasaranRPJMDForm,
    StrategiForm,
    TetapkanForm,
    TujuanRPJMDForm,
    VersiForm,
)
from renstra.models import (
    CHILD_LEVELS,
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    Nomenklatur,
    Periode,
    Renstra,
    RenstraVersi,
    SasaranRPJMD,
    Strategi,
    TujuanRPJMD,
)
from sakip import access
from sakip.access import Perm
from sakip.jinja2 import rows_html
from sakip.lib import grid
from sakip.lib.uploads import keep_upload, upload_path
from sakip.models import PerangkatDaerah
from sakip.views.generic import ScopedDeleteView, require_pemda

# --- RPJMD periods (admin pemda) --------------------------------------------------------------


def periode_list(request):
    periods = Periode.objects.for_user(request.user).annotate(n_renstra=Count("renstra"))
    may_manage = (
        bool(request.user.pemda_id) and access.can(request.user, Perm.MANAGE, request.user.pemda)
        if request.user.pemda_id
        else False
    )
    return render(request, "renstra/periode_list.html", {"periods": periods, "may_manage": may_manage})


def _periode_form_page(request, periode: Periode, title: str):
    form = PeriodeForm(request.POST or None, instance=periode)
    formset = MisiFormSet(request.POST or None, instance=periode, prefix="misi")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        from django.db import transaction

        with transaction.atomic():
            periode = form.save()
            formset.instance = periode
            formset.save()
        messages.success(request, _("Periode %(p)s tersimpan.") % {"p": periode})
        return redirect(periode)
    return render(
        request,
        "renstra/periode_form.html",
        {"form": form, "formset": formset, "title": title, "object": periode if periode.pk else None},
    )


@require_http_methods(["GET", "POST"])
def periode_create(request):
    pemda = require_pemda(request.user)
    access.require(request.user, Perm.MANAGE, pemda)
    return _periode_form_page(request, Periode(pemda=pemda), _("Periode RPJMD baru"))


@require_http_methods(["GET", "POST"])
def periode_update(request, pk: int):
    periode = access.get_for_user(request.user, Periode.objects, Perm.MANAGE, pk=pk)
    return _periode_form_page(request, periode, _("Ubah %(p)s") % {"p": periode})


def periode_detail(request, pk: int):
    periode = access.get_for_user(request.user, Periode.objects, Perm.VIEW, pk=pk)
    tujuan = periode.tujuan_rpjmd.select_related("misi").prefetch_related("sasaran")
    return render(
        request,
        "renstra/periode_detail.html",
        {
            "periode": periode,
            "misi": periode.misi.all(),
            "tujuan": tujuan,
            "can_manage": access.can(request.user, Perm.MANAGE, periode),
            "renstra": Renstra.objects.for_user(request.user).filter(periode=periode).select_related("opd"),
        },
    )


def _simple_form(request, form, *, title: str, cancel: str, success: str):
    if request.method == "POST" and form.is_valid():
        obj = form.save()
        messages.success(request, _("%(obj)s tersimpan.") % {"obj": str(obj)[:80]})
        return redirect(success)
    return render(request, "sakip/object_form.html", {"form": form, "title": title, "cancel_url": cancel})


@require_http_methods(["GET", "POST"])
def tujuan_rpjmd_edit(request, periode: int, pk: int | None = None):
    periode = access.get_for_user(request.user, Periode.objects, Perm.MANAGE, pk=periode)
    obj = get_object_or_404(TujuanRPJMD, pk=pk, periode=periode) if pk else TujuanRPJMD(periode=periode)
    form = TujuanRPJMDForm(request.POST or None, instance=obj)
    return _simple_form(
        request, form, title=_("Tujuan RPJMD"), cancel=periode.get_absolute_url(), success=periode.get_absolute_url()
    )


@require_http_methods(["GET", "POST"])
def sasaran_rpjmd_edit(request, periode: int, tujuan: int, pk: int | None = None):
    periode = access.get_for_user(request.user, Periode.objects, Perm.MANAGE, pk=periode)
    tujuan = get_object_or_404(TujuanRPJMD, pk=tujuan, periode=periode)
    obj = get_object_or_404(SasaranRPJMD, pk=pk, tujuan=tujuan) if pk else SasaranRPJMD(tujuan=tujuan)
    form = SasaranRPJMDForm(request.POST or None, instance=obj)
    return _simple_form(
        request, form, title=_("Sasaran RPJMD"), cancel=periode.get_absolute_url(), success=periode.get_absolute_url()
    )


class RpjmdDeleteMixin:
    perm = Perm.MANAGE

    def get_queryset(self):
        periods = Periode.objects.for_user(self.request.user)
        return self.model.objects.filter(**{self.periode_lookup + "__in": periods})

    def get_success_url(self):
        return reverse("renstra:periode_detail", args=[self.kwargs["periode"]])


class TujuanRPJMDDelete(RpjmdDeleteMixin, ScopedDeleteView):
    model = TujuanRPJMD
    periode_lookup = "periode"


class SasaranRPJMDDelete(RpjmdDeleteMixin, ScopedDeleteView):
    model = SasaranRPJMD
    periode_lookup = "tujuan__periode"


# --- Renstra and versions ------------------------------------------------------------------------


def renstra_list(request):
    renstra = (
        Renstra.objects.for_user(request.user)
        .select_related("opd__pemda", "periode")
        .prefetch_related("versi")
        .order_by("opd__nama", "-periode__tahun_awal")
    )
    scope = access.scope_for(request.user)
    editable = (
        PerangkatDaerah.objects.filter(pk__in=scope.editable_opd_ids)
        if not scope.everything
        else PerangkatDaerah.objects.none()
    )
    return render(request, "renstra/renstra_list.html", {"renstra": renstra, "editable_opds": editable})


@require_http_methods(["GET", "POST"])
def renstra_create(request, opd: int):
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.EDIT, pk=opd)
    form = RenstraCreateForm(request.POST or None, opd=opd)
    if request.method == "POST" and form.is_valid():
        versi = services.buat_renstra(opd, form.cleaned_data["periode"])
        messages.success(request, _("Renstra dibuat. Mulailah dengan tujuan dan sasaran."))
        return redirect(versi)
    return render(
        request,
        "sakip/object_form.html",
        {
            "form": form,
            "title": _("Renstra baru: %(opd)s") % {"opd": opd.nama},
            "cancel_url": reverse("renstra:renstra_list"),
        },
    )


def renstra_detail(request, pk: int):
    renstra = access.get_for_user(request.user, Renstra.objects.select_related("opd", "periode"), Perm.VIEW, pk=pk)
    versions = list(renstra.versi.select_related("ditetapkan_oleh", "dasar").order_by("-nomor"))
    return render(
        request,
        "renstra/renstra_detail.html",
        {
            "renstra": renstra,
            "versions": versions,
            "in_force": renstra.versi_berlaku(),
            "can_edit": access.can(request.user, Perm.EDIT, renstra),
            "has_draft": any(v.is_draft for v in versions),
        },
    )


def _versi(request, pk: int, perm: Perm = Perm.VIEW) -> RenstraVersi:
    return access.get_for_user(
        request.user, RenstraVersi.objects.select_related("renstra__opd__pemda", "renstra__periode"), perm, pk=pk
    )


ID = 999999999  # stands for the row's id in the URL patterns tree.js fills in

# The tree's labels, translated once per page rather than once per row.
TREE_LABELS = {
    "buka_tutup": gettext_lazy("Buka/tutup"),
    "hapus": gettext_lazy("Hapus"),
    "hapus_arah_kebijakan": gettext_lazy("Hapus arah kebijakan"),
    "hapus_indikator": gettext_lazy("Hapus indikator"),
    "hapus_strategi": gettext_lazy("Hapus strategi"),
    "indikator": gettext_lazy("Indikator"),
    "makin_rendah_makin_baik": gettext_lazy("Makin rendah makin baik"),
    "naikkan": gettext_lazy("Naikkan"),
    "renstra_ini_masih_kosong_mulai": gettext_lazy("Renstra ini masih kosong. Mulailah dengan menambah tujuan."),
    "strategi": gettext_lazy("Strategi"),
    "tambah_arah_kebijakan": gettext_lazy("Tambah arah kebijakan"),
    "turunkan": gettext_lazy("Turunkan"),
    "ubah": gettext_lazy("Ubah"),
    "ubah_arah_kebijakan": gettext_lazy("Ubah arah kebijakan"),
    "ubah_indikator": gettext_lazy("Ubah indikator"),
    "ubah_strategi": gettext_lazy("Ubah strategi"),
}


def _action_urls(versi: RenstraVersi) -> str:
    """URL patterns of every action in the tree, built once per page instead of once per row."""
    return json.dumps(
        {
            "create": reverse("renstra:elemen_create", args=[versi.pk]),
            "edit": reverse("renstra:elemen_update", args=[ID]),
            "delete": reverse("renstra:elemen_delete", args=[ID]),
            "up": reverse("renstra:elemen_move", args=[ID, "naik"]),
            "down": reverse("renstra:elemen_move", args=[ID, "turun"]),
            "indikator-create": reverse("renstra:indikator_create", args=[ID]),
            "indikator-edit": reverse("renstra:indikator_update", args=[ID]),
            "indikator-delete": reverse("renstra:child_delete", args=["indikator", ID]),
            "indikator-up": reverse("renstra:child_move", args=["indikator", ID, "naik"]),
            "indikator-down": reverse("renstra:child_move", args=["indikator", ID, "turun"]),
            "strategi-create": reverse("renstra:strategi_create", args=[ID]),
            "strategi-edit": reverse("renstra:strategi_update", args=[ID]),
            "strategi-delete": reverse("renstra:child_delete", args=["strategi", ID]),
            "kebijakan-create": reverse("renstra:kebijakan_create", args=[ID]),
            "kebijakan-edit": reverse("renstra:kebijakan_update", args=[ID]),
            "kebijakan-delete": reverse("renstra:child_delete", args=["kebijakan", ID]),
            "id": str(ID),
        }
    )


def _rows_html(template: str, **context):
    context.setdefault("level_labels", {k: str(v) for k, v in Level.choices})
    return rows_html(template, **context)


def _tree_context(request, versi: RenstraVersi) -> dict:
    plan = services.load_plan(versi, with_targets=True)
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    rows = plan.flat()
    rows_html = _rows_html(
        "renstra/tree_rows.html",
        rows=rows,
        years=plan.years,
        can_edit=can_edit,
        t={k: str(v) for k, v in TREE_LABELS.items()},
        child_levels={str(k): [(lv.value, str(lv.label)) for lv in v] for k, v in CHILD_LEVELS.items()},
    )
    return {
        "versi": versi,
        "plan": plan,
        "rows_html": rows_html,
        "can_edit": can_edit,
        "action_urls": _action_urls(versi) if can_edit else "",
        "issues": services.completeness(versi, plan),
    }


def versi_detail(request, pk: int):
    """The plan as a tree: the page planners live in."""
    versi = _versi(request, pk)
    context = _tree_context(request, versi)
    if request.htmx and request.GET.get("fragment") == "tree":
        return render(request, "renstra/_tree.html", context)
    return render(request, "renstra/versi_detail.html", context)


def _locked(request, versi: RenstraVersi, error: Exception):
    """A change to a ditetapkan version: refused with its message."""
    if request.htmx:
        response = render(request, "renstra/_message.html", {"message": str(error), "level": "danger"}, status=409)
        return retarget(response, "#modal-body")
    messages.error(request, str(error))
    return redirect(versi)


def _tree_response(request, versi: RenstraVersi, message: str):
    """After an in-place change: the fresh tree replaces the old one and the dialog closes."""
    if not request.htmx:
        messages.success(request, message)
        return redirect(versi)
    context = _tree_context(request, versi)
    context["flash"] = message
    response = render(request, "renstra/_tree.html", context)
    response = retarget(response, "#plan-tree")
    return trigger_client_event(response, "sakip:saved", after="swap")


def _editor(request, versi: RenstraVersi, form, *, title: str, on_valid):
    """A form shown in the dialog (HTMX) or as a page; ``on_valid(form)`` saves and returns a message."""
    if not (versi.is_draft and access.can(request.user, Perm.EDIT, versi)):
        if not access.can(request.user, Perm.EDIT, versi):
            raise PermissionDenied
        return _locked(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST" and form.is_valid():
        try:
            message = on_valid(form)
        except services.VersiTerkunci as error:
            return _locked(request, versi, error)
        return _tree_response(request, versi, message)
    template = "renstra/_modal_form.html" if request.htmx else "renstra/editor_page.html"
    return render(request, template, {"form": form, "title": title, "versi": versi, "action": request.get_full_path()})


@require_http_methods(["GET", "POST"])
def elemen_create(request, versi: int):
    versi = _versi(request, versi, Perm.EDIT)
    parent = None
    if request.GET.get("parent"):
        parent = get_object_or_404(Elemen, pk=request.GET["parent"], versi=versi)
    level = request.GET.get("level", "")
    allowed = [str(lv) for lv in CHILD_LEVELS[parent.level if parent else None]]
    if level not in allowed:
        return HttpResponseBadRequest(_("Tingkat ini tidak dapat ditambahkan di sini."))
    elemen = Elemen(versi=versi, parent=parent, level=level)
    form = ElemenForm(request.POST or None, instance=elemen)
    title = _("Tambah %(level)s") % {"level": Level(level).label.lower()}
    if parent:
        title += " — " + str(parent)[:60]
    return _editor(
        request, versi, form, title=title, on_valid=lambda f: _("%(e)s ditambahkan.") % {"e": services.save_elemen(f)}
    )


@require_http_methods(["GET", "POST"])
def elemen_update(request, pk: int):
    elemen = access.get_for_user(
        request.user, Elemen.objects.select_related("versi__renstra", "parent"), Perm.EDIT, pk=pk
    )
    form = ElemenForm(request.POST or None, instance=elemen)
    return _editor(
        request,
        elemen.versi,
        form,
        title=_("Ubah %(e)s") % {"e": elemen.get_level_display().lower()},
        on_valid=lambda f: _("%(e)s disimpan.") % {"e": services.save_elemen(f)},
    )


@require_http_methods(["GET", "POST"])
def elemen_delete(request, pk: int):
    elemen = access.get_for_user(request.user, Elemen.objects.select_related("versi__renstra"), Perm.EDIT, pk=pk)
    versi = elemen.versi
    if not versi.is_draft:
        return _locked(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        name = str(elemen)
        services.delete_elemen(elemen)
        return _tree_response(request, versi, _("%(e)s dihapus.") % {"e": name})
    goes_with = {k: v for k, v in services.describe_deletion(elemen).items() if v}
    template = "renstra/_delete_confirm.html" if request.htmx else "renstra/delete_page.html"
    return render(
        request, template, {"object": elemen, "goes_with": goes_with, "versi": versi, "action": request.get_full_path()}
    )


@require_POST
def elemen_move(request, pk: int, direction: str):
    elemen = access.get_for_user(request.user, Elemen.objects.select_related("versi__renstra"), Perm.EDIT, pk=pk)
    try:
        services.ensure_draft(elemen.versi)
    except services.VersiTerkunci as error:
        return _locked(request, elemen.versi, error)
    services.move(
        elemen, -1 if direction == "naik" else 1, Elemen.objects.filter(versi=elemen.versi, parent=elemen.parent)
    )
    return _tree_response(request, elemen.versi, _("Urutan diubah."))


def _child_editor(request, model, form_class, *, owner_model, owner_field: str, owner_pk=None, pk=None, title: str):
    """Create or edit an indicator, strategi or arah kebijakan under its owner, in the dialog."""
    if pk:
        obj = access.get_for_user(request.user, model.objects, Perm.EDIT, pk=pk)
        owner = getattr(obj, owner_field)
    else:
        owner = access.get_for_user(request.user, owner_model.objects, Perm.EDIT, pk=owner_pk)
        siblings = model.objects.filter(**{owner_field: owner})
        obj = model(**{owner_field: owner}, urutan=siblings.count() + 1)
    versi = _owner_versi(owner)
    form = form_class(request.POST or None, instance=obj)

    def save(f):
        services.ensure_draft(versi)
        saved = f.save()
        return _("%(obj)s disimpan.") % {"obj": str(saved)[:80]}

    return _editor(request, versi, form, title=title, on_valid=save)


def _owner_versi(obj) -> RenstraVersi:
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


@require_http_methods(["GET", "POST"])
def indikator_edit(request, elemen: int | None = None, pk: int | None = None):
    return _child_editor(
        request,
        Indikator,
        IndikatorForm,
        owner_model=Elemen,
        owner_field="elemen",
        owner_pk=elemen,
        pk=pk,
        title=_("Indikator"),
    )


@require_http_methods(["GET", "POST"])
def strategi_edit(request, sasaran: int | None = None, pk: int | None = None):
    return _child_editor(
        request,
        Strategi,
        StrategiForm,
        owner_model=Elemen,
        owner_field="sasaran",
        owner_pk=sasaran,
        pk=pk,
        title=_("Strategi"),
    )


@require_http_methods(["GET", "POST"])
def kebijakan_edit(request, strategi: int | None = None, pk: int | None = None):
    return _child_editor(
        request,
        ArahKebijakan,
        ArahKebijakanForm,
        owner_model=Strategi,
        owner_field="strategi",
        owner_pk=strategi,
        pk=pk,
        title=_("Arah kebijakan"),
    )


CHILD_MODELS = {"indikator": Indikator, "strategi": Strategi, "kebijakan": ArahKebijakan}


@require_http_methods(["GET", "POST"])
def child_delete(request, kind: str, pk: int):
    model = CHILD_MODELS.get(kind)
    if model is None:
        raise PermissionDenied
    obj = access.get_for_user(request.user, model.objects, Perm.EDIT, pk=pk)
    versi = _owner_versi(obj)
    if not versi.is_draft:
        return _locked(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        name = str(obj)[:80]
        obj.delete()
        return _tree_response(request, versi, _("%(obj)s dihapus.") % {"obj": name})
    goes_with = {}
    if isinstance(obj, Indikator):
        goes_with = {_("Target"): obj.target.count()}
    elif isinstance(obj, Strategi):
        goes_with = {_("Arah kebijakan"): obj.kebijakan.count()}
    template = "renstra/_delete_confirm.html" if request.htmx else "renstra/delete_page.html"
    return render(
        request,
        template,
        {
            "object": obj,
            "goes_with": {k: v for k, v in goes_with.items() if v},
            "versi": versi,
            "action": request.get_full_path(),
        },
    )


@require_POST
def child_move(request, kind: str, pk: int, direction: str):
    model = CHILD_MODELS.get(kind)
    if model is None:
        raise PermissionDenied
    obj = access.get_for_user(request.user, model.objects, Perm.EDIT, pk=pk)
    versi = _owner_versi(obj)
    try:
        services.ensure_draft(versi)
    except services.VersiTerkunci as error:
        return _locked(request, versi, error)
    owner_field = {"indikator": "elemen", "strategi": "sasaran", "kebijakan": "strategi"}[kind]
    services.move(
        obj, -1 if direction == "naik" else 1, model.objects.filter(**{owner_field: getattr(obj, owner_field)})
    )
    return _tree_response(request, versi, _("Urutan diubah."))


# --- Version life cycle ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def versi_update(request, pk: int):
    versi = _versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return _locked(request, versi, services.VersiTerkunci(versi))
    form = VersiForm(request.POST or None, instance=versi)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Keterangan versi disimpan."))
        return redirect(versi)
    return render(
        request,
        "sakip/object_form.html",
        {"form": form, "title": _("Keterangan %(v)s") % {"v": versi.label}, "cancel_url": versi.get_absolute_url()},
    )


@require_http_methods(["GET", "POST"])
def versi_tetapkan(request, pk: int):
    versi = _versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return _locked(request, versi, services.VersiTerkunci(versi))
    form = TetapkanForm(request.POST or None, versi=versi)
    if request.method == "POST" and form.is_valid():
        services.tetapkan(versi, berlaku_mulai=form.cleaned_data["berlaku_mulai"], actor=request.user)
        messages.success(request, _("%(v)s ditetapkan dan kini hanya dapat dibaca.") % {"v": versi.label})
        return redirect(versi)
    return render(
        request,
        "renstra/tetapkan.html",
        {"form": form, "versi": versi, "issues": services.completeness(versi)},
    )


@require_POST
def versi_perubahan(request, pk: int):
    """'Buat perubahan': copy this version into a new draft."""
    versi = _versi(request, pk, Perm.EDIT)
    if versi.renstra.versi.filter(status=RenstraVersi.Status.DRAFT).exists():
        messages.error(request, _("Masih ada versi draf. Tetapkan atau hapus draf itu dulu."))
        return redirect(versi.renstra)
    jenis = request.POST.get("jenis", RenstraVersi.Jenis.PERUBAHAN)
    if jenis not in (RenstraVersi.Jenis.PERUBAHAN, RenstraVersi.Jenis.PENYESUAIAN):
        jenis = RenstraVersi.Jenis.PERUBAHAN
    baru = services.buat_perubahan(versi, jenis=jenis)
    messages.success(request, _("Draf %(v)s dibuat dari %(asal)s.") % {"v": baru.label, "asal": versi.label})
    return redirect(baru)


@require_http_methods(["GET", "POST"])
def versi_delete(request, pk: int):
    versi = _versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return _locked(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        renstra = versi.renstra
        services.hapus_versi(versi)
        messages.success(request, _("Draf dihapus."))
        return redirect(renstra)
    return render(
        request,
        "renstra/delete_page.html",
        {
            "object": versi,
            "goes_with": {_("Elemen"): versi.elemen.count()},
            "versi": versi,
            "action": request.get_full_path(),
        },
    )


def versi_compare(request, pk: int):
    """Two versions side by side: what was added, removed, renamed, and which targets and pagu changed."""
    b = _versi(request, pk)
    versions = list(b.renstra.versi.order_by("nomor"))
    other = request.GET.get("dengan") or (b.dasar_id or "")
    a = next((v for v in versions if str(v.pk) == str(other)), None)
    if a is None:
        a = next((v for v in reversed(versions) if v.nomor < b.nomor), None)
    changes = services.compare(a, b) if a else []
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in ("added", "removed", "renamed", "changed")}
    return render(
        request,
        "renstra/compare.html",
        {
            "a": a,
            "b": b,
            "versions": versions,
            "changes": [c for c in changes if c.kind != "same"],
            "counts": counts,
            "years": b.years,
        },
    )


def renstra_history(request, pk: int):
    """Every change to this OPD's plans (targets, pagu, elements, versions), newest first."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.paginator import Paginator

    from sakip.models import AuditEntry

    renstra = access.get_for_user(request.user, Renstra.objects.select_related("opd", "periode"), Perm.VIEW, pk=pk)
    types = ContentType.objects.filter(app_label="renstra").exclude(model__in=["nomenklatur", "periode"])
    entries = AuditEntry.objects.filter(opd_ref=renstra.opd_id, content_type__in=types).select_related("content_type")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "renstra/history.html", {"renstra": renstra, "page_obj": page, "object_list": page})


# --- Grids ----------------------------------------------------------------------------------------


def _grid_post(request, versi: RenstraVersi, saver, id_field: str):
    if not access.can(request.user, Perm.EDIT, versi):
        raise PermissionDenied
    try:
        cells = grid.read_cells(request.body, id_field)
    except grid.GridInvalid as error:
        return error.response()
    try:
        result = saver(versi, cells)
    except services.VersiTerkunci as error:
        return JsonResponse({"error": str(error)}, status=409)
    return result.response()


@require_http_methods(["GET", "POST"])
def target_grid(request, pk: int):
    versi = _versi(request, pk)
    if request.method == "POST":
        return _grid_post(request, versi, services.save_target_cells, "indikator")
    plan = services.load_plan(versi, with_targets=True)
    rows = []
    for node in plan.flat():
        for ind in node.indikator:
            targets = {tahun: t.tampil for tahun, t in ind.targets.items()}
            rows.append(
                {
                    "node": node,
                    "ind": ind,
                    "awal": ind.kondisi_awal,
                    "akhir": ind.kondisi_akhir,
                    "years": [(y, targets.get(y, "")) for y in plan.years],
                }
            )
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    labels = {"kosong": _("Belum ada indikator. Tambahkan indikator di pohon rencana.")}
    rows_html = _rows_html("renstra/target_rows.html", rows=rows, years=plan.years, can_edit=can_edit, t=labels)
    return render(
        request,
        "renstra/target_grid.html",
        {"versi": versi, "rows_html": rows_html, "years": plan.years, "can_edit": can_edit},
    )


@require_http_methods(["GET", "POST"])
def pagu_grid(request, pk: int):
    versi = _versi(request, pk)
    if request.method == "POST":
        return _grid_post(request, versi, services.save_pagu_cells, "elemen")
    plan = services.load_plan(versi)
    rows = [n for n in plan.flat() if n.elemen.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)]
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    labels = {"kosong": _("Belum ada program, kegiatan atau sub kegiatan.")}
    rows_html = _rows_html("renstra/pagu_rows.html", rows=rows, years=plan.years, can_edit=can_edit, t=labels)
    return render(
        request,
        "renstra/pagu_grid.html",
        {"versi": versi, "plan": plan, "rows_html": rows_html, "years": plan.years, "can_edit": can_edit},
    )


def versi_export(request, pk: int):
    """The plan's tables as .xlsx: all of them, or one (?tabel=tc27, target, pagu ...)."""
    from django.http import HttpResponse

    from renstra import exporters

    versi = _versi(request, pk)
    table = request.GET.get("tabel", "")
    tables = [table] if table in exporters.TABLES else None
    renstra = versi.renstra
    name = "_".join(
        part.replace(" ", "-")
        for part in (
            "Renstra",
            renstra.opd.singkatan or renstra.opd.kode,
            f"{renstra.periode.tahun_awal}-{renstra.periode.tahun_akhir}",
            f"v{versi.nomor}",
            table if tables else "",
        )
        if part
    )
    response = HttpResponse(
        exporters.export_workbook(versi, tables),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


# --- Import from Excel ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def renstra_import(request, opd: int):
    """Upload → preview (tree, counts, totals, every problem with its row and column) → confirm."""
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.EDIT, pk=opd)
    form = RenstraImportForm(request.POST or None, request.FILES or None, opd=opd)
    context = {"opd": opd, "form": form}
    if request.method == "POST" and request.POST.get("token"):
        return _confirm_import(request, opd)
    if request.method == "POST" and form.is_valid():
        periode, upload = form.cleaned_data["periode"], form.cleaned_data["berkas"]
        report = workbook.read_renstra(upload, periode.years, size=upload.size)
        token = keep_upload(upload) if not report.errors else ""
        context.update({"report": report, "periode": periode, "token": token, "upload_name": upload.name})
        request.session[f"import:{token}"] = {"opd": opd.pk, "periode": periode.pk} if token else None
    template = "renstra/_import_preview.html" if request.htmx and "report" in context else "renstra/import.html"
    return render(request, template, context)


def _confirm_import(request, opd):
    token = request.POST["token"]
    claim = request.session.pop(f"import:{token}", None)
    path = upload_path(token)
    if not claim or claim["opd"] != opd.pk or path is None or not path.exists():
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa; unggah berkasnya lagi."))
        return redirect("renstra:renstra_import", opd=opd.pk)
    periode = get_object_or_404(Periode, pk=claim["periode"], pemda_id=opd.pemda_id)
    try:
        with open(path, "rb") as handle:
            report = workbook.read_renstra(handle, periode.years)
        versi = workbook.save_renstra(report, opd, periode)
    except workbook.ImportRefused as error:
        messages.error(request, str(error))
        return redirect("renstra:renstra_import", opd=opd.pk)
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request, _("Renstra diimpor sebagai %(v)s: %(n)d elemen.") % {"v": versi.label, "n": versi.elemen.count()}
    )
    return redirect(versi)


# --- Nomenclature ----------------------------------------------------------------------------------


def nomenklatur_list(request):
    q = request.GET.get("q", "").strip()
    items = Nomenklatur.objects.all()
    if q:
        items = items.filter(Q(kode__startswith=q) | Q(nama__icontains=q) | Q(indikator__icontains=q))
    versi = request.GET.get("versi", "")
    if versi:
        items = items.filter(versi=versi)
    may_import = bool(access.scope_for(request.user).managed_pemda_ids) or request.user.is_superuser
    return render(
        request,
        "renstra/nomenklatur_list.html",
        {
            "items": items[:300],
            "total": items.count(),
            "q": q,
            "versi": versi,
            "versions": Nomenklatur.Versi.choices,
            "may_import": may_import,
        },
    )


@require_http_methods(["GET", "POST"])
def nomenklatur_import(request):
    scope = access.scope_for(request.user)
    if not (scope.managed_pemda_ids or scope.everything):
        raise PermissionDenied
    form = NomenklaturImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = importers.import_nomenklatur(form.cleaned_data["versi"], form.cleaned_data["berkas"])
        if not result.errors:
            messages.success(
                request,
                _("Nomenklatur diimpor: %(c)d baru, %(u)d diperbarui.") % {"c": result.created, "u": result.updated},
            )
            return redirect("renstra:nomenklatur_list")
    return render(request, "renstra/nomenklatur_import.html", {"form": form, "result": result})

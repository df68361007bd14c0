"""The plan tree and its in-place editor: elemen, indikator, strategi and arah kebijakan."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import retarget, trigger_client_event

from renstra import services
from renstra.forms import (
    ArahKebijakanForm,
    ElemenForm,
    IndikatorForm,
    StrategiForm,
)
from renstra.models import (
    CHILD_LEVELS,
    ArahKebijakan,
    Elemen,
    Indikator,
    Level,
    RenstraVersi,
    Strategi,
)
from renstra.views.common import get_versi, locked_response, render_rows
from sakip import access
from sakip.access import Perm
from sakip.lib.teks import singkat

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
            "indikator-delete": reverse("renstra:elemen_child_delete", args=["indikator", ID]),
            "indikator-up": reverse("renstra:elemen_child_move", args=["indikator", ID, "naik"]),
            "indikator-down": reverse("renstra:elemen_child_move", args=["indikator", ID, "turun"]),
            "strategi-create": reverse("renstra:strategi_create", args=[ID]),
            "strategi-edit": reverse("renstra:strategi_update", args=[ID]),
            "strategi-delete": reverse("renstra:elemen_child_delete", args=["strategi", ID]),
            "kebijakan-create": reverse("renstra:kebijakan_create", args=[ID]),
            "kebijakan-edit": reverse("renstra:kebijakan_update", args=[ID]),
            "kebijakan-delete": reverse("renstra:elemen_child_delete", args=["kebijakan", ID]),
            "id": str(ID),
        }
    )


def _tree_context(request, versi: RenstraVersi) -> dict:
    plan = services.load_plan(versi, with_targets=True)
    can_edit = versi.is_draft and access.can(request.user, Perm.EDIT, versi)
    rows = plan.flat()
    rows_html = render_rows(
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
        "issues": services.check(versi, plan),
    }


def versi_detail(request, pk: int):
    """The plan as a tree: the page planners live in."""
    versi = get_versi(request, pk)
    context = _tree_context(request, versi)
    if request.htmx and request.GET.get("fragment") == "tree":
        return render(request, "renstra/_tree.html", context)
    return render(request, "renstra/versi_detail.html", context)


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
        return locked_response(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST" and form.is_valid():
        try:
            message = on_valid(form)
        except services.VersiTerkunci as error:
            return locked_response(request, versi, error)
        return _tree_response(request, versi, message)
    template = "renstra/_modal_form.html" if request.htmx else "renstra/editor_page.html"
    return render(request, template, {"form": form, "title": title, "versi": versi, "action": request.get_full_path()})


@require_http_methods(["GET", "POST"])
def elemen_create(request, versi: int):
    versi = get_versi(request, versi, Perm.EDIT)
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
        request,
        versi,
        form,
        title=title,
        on_valid=lambda f: _("%(e)s ditambahkan.") % {"e": singkat(services.save_elemen(f))},
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
        on_valid=lambda f: _("%(e)s disimpan.") % {"e": singkat(services.save_elemen(f))},
    )


@require_http_methods(["GET", "POST"])
def elemen_delete(request, pk: int):
    elemen = access.get_for_user(request.user, Elemen.objects.select_related("versi__renstra"), Perm.EDIT, pk=pk)
    versi = elemen.versi
    if not versi.is_draft:
        return locked_response(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        name = singkat(elemen)
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
    siblings = Elemen.objects.filter(versi=elemen.versi, parent=elemen.parent)
    try:
        services.move_in_versi(elemen.versi, elemen, -1 if direction == "naik" else 1, siblings)
    except services.VersiTerkunci as error:
        return locked_response(request, elemen.versi, error)
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
    versi = services.versi_of(owner)
    form = form_class(request.POST or None, instance=obj)

    def save(f):
        saved = services.save_child(f, versi)
        return _("%(obj)s disimpan.") % {"obj": singkat(saved)}

    return _editor(request, versi, form, title=title, on_valid=save)


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
    versi = services.versi_of(obj)
    if not versi.is_draft:
        return locked_response(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        name = singkat(obj)
        try:
            services.delete_child(obj)
        except services.VersiTerkunci as error:
            return locked_response(request, versi, error)
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
    versi = services.versi_of(obj)
    owner_field = {"indikator": "elemen", "strategi": "sasaran", "kebijakan": "strategi"}[kind]
    siblings = model.objects.filter(**{owner_field: getattr(obj, owner_field)})
    try:
        services.move_in_versi(versi, obj, -1 if direction == "naik" else 1, siblings)
    except services.VersiTerkunci as error:
        return locked_response(request, versi, error)
    return _tree_response(request, versi, _("Urutan diubah."))

"""Renstra and the life cycle of its versions: create, keterangan, tetapkan, perubahan, delete, compare, history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from renstra import diff, services
from renstra.forms import (
    RenstraCreateForm,
    TetapkanForm,
    VersiForm,
)
from renstra.models import (
    Periode,
    Renstra,
    RenstraVersi,
)
from renstra.views.common import get_versi, locked_response
from sakip import access
from sakip.access import Perm
from sakip.models import AuditEntry, PerangkatDaerah


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
    opds = list(editable.order_by("kode"))
    for opd in opds:  # "Renstra baru" only where a period has none yet (a planner plans one or two OPD)
        opd.periode_kosong = Periode.objects.filter(pemda_id=opd.pemda_id).exclude(renstra__opd=opd).exists()
    return render(request, "renstra/renstra_list.html", {"renstra": renstra, "editable_opds": opds})


@require_http_methods(["GET", "POST"])
def renstra_create(request, opd: int):
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.EDIT, pk=opd)
    form = RenstraCreateForm(request.POST or None, opd=opd)
    if not form.fields["periode"].queryset.exists():  # every period has its Renstra: say where changes are made
        existing = Renstra.objects.filter(opd=opd).select_related("periode").order_by("-periode__tahun_awal")
        return render(request, "renstra/renstra_create_none.html", {"opd": opd, "existing": existing})
    if request.method == "POST" and form.is_valid():
        versi = services.create_renstra(opd, form.cleaned_data["periode"])
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


@require_http_methods(["GET", "POST"])
def versi_update(request, pk: int):
    versi = get_versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return locked_response(request, versi, services.VersiTerkunci(versi))
    form = VersiForm(request.POST or None, instance=versi, hari_ini=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        try:
            services.save_versi(form)
        except services.VersiTerkunci as error:
            return locked_response(request, versi, error)
        messages.success(request, _("Keterangan versi disimpan."))
        return redirect(versi)
    return render(
        request,
        "sakip/object_form.html",
        {"form": form, "title": _("Keterangan %(v)s") % {"v": versi.label}, "cancel_url": versi.get_absolute_url()},
    )


@require_http_methods(["GET", "POST"])
def versi_tetapkan(request, pk: int):
    versi = get_versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return locked_response(request, versi, services.VersiTerkunci(versi))
    form = TetapkanForm(request.POST or None, versi=versi, hari_ini=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.tetapkan(
                versi,
                berlaku_mulai=data["berlaku_mulai"],
                actor=request.user,
                dasar_hukum_nomor=data["dasar_hukum_nomor"],
                dasar_hukum_tanggal=data["dasar_hukum_tanggal"],
            )
        except services.VersiTerkunci as error:  # ditetapkan meanwhile (a second click)
            return locked_response(request, versi, error)
        except services.TahunBerlakuSalah as error:  # the version it amends was ditetapkan meanwhile
            form.add_error("berlaku_mulai", str(error))
        else:
            messages.success(request, _("%(v)s ditetapkan dan kini hanya dapat dibaca.") % {"v": versi.label})
            return redirect(versi)
    return render(
        request,
        "renstra/tetapkan.html",
        {"form": form, "versi": versi, "diubah": services.versi_diubah(versi), "issues": services.check(versi)},
    )


@require_POST
def versi_perubahan(request, pk: int):
    """'Buat perubahan': copy this version into a new draft."""
    versi = get_versi(request, pk, Perm.EDIT)
    jenis = request.POST.get("jenis", RenstraVersi.Jenis.PERUBAHAN)
    if jenis not in (RenstraVersi.Jenis.PERUBAHAN, RenstraVersi.Jenis.PENYESUAIAN):
        jenis = RenstraVersi.Jenis.PERUBAHAN
    try:
        baru = services.create_perubahan(versi, jenis=jenis)
    except services.DrafSudahAda as error:
        if error.draf.dasar_id == versi.pk:  # the same button pressed again: show the draft it made
            messages.info(
                request, _("Draf %(v)s sudah dibuat dari %(asal)s.") % {"v": error.draf.label, "asal": versi.label}
            )
            return redirect(error.draf)
        messages.error(request, str(error))
        return redirect(versi.renstra)
    messages.success(request, _("Draf %(v)s dibuat dari %(asal)s.") % {"v": baru.label, "asal": versi.label})
    return redirect(baru)


@require_http_methods(["GET", "POST"])
def versi_delete(request, pk: int):
    versi = get_versi(request, pk, Perm.EDIT)
    if not versi.is_draft:
        return locked_response(request, versi, services.VersiTerkunci(versi))
    if request.method == "POST":
        renstra = versi.renstra
        services.delete_versi(versi)
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
    b = get_versi(request, pk)
    versions = list(b.renstra.versi.order_by("nomor"))
    other = request.GET.get("dengan") or (b.dasar_id or "")
    a = next((v for v in versions if str(v.pk) == str(other)), None)
    if a is None:  # the version before it, else (the first version) the latest other one
        a = next((v for v in reversed(versions) if v.nomor < b.nomor), None) or next(
            (v for v in reversed(versions) if v != b), None
        )
    changes = diff.compare(a, b) if a else []
    counts = diff.summary(changes)
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
    renstra = access.get_for_user(request.user, Renstra.objects.select_related("opd", "periode"), Perm.VIEW, pk=pk)
    types = ContentType.objects.filter(app_label="renstra").exclude(model__in=["nomenklatur", "periode"])
    entries = AuditEntry.objects.filter(opd_ref=renstra.opd_id, content_type__in=types).select_related("content_type")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "renstra/history.html", {"renstra": renstra, "page_obj": page, "object_list": page})

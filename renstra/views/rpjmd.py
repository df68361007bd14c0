"""RPJMD periods, their misi, tujuan and sasaran (admin pemda)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from renstra import services
from renstra.forms import (
    MisiFormSet,
    PeriodeForm,
    SasaranRPJMDForm,
    TujuanRPJMDForm,
)
from renstra.models import (
    Periode,
    Renstra,
    SasaranRPJMD,
    TujuanRPJMD,
)
from sakip import access, audit
from sakip.access import Perm
from sakip.views.generic import ScopedDeleteView, require_pemda


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
        try:
            periode = services.save_periode(form, formset)
        except audit.Berubah as error:
            form.berubah(error)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
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


def _simple_form(request, form, periode: Periode, *, title: str, cancel: str, success: str):
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.save_rpjmd(form, periode)
        except audit.Berubah as error:
            form.berubah(error)
        else:
            messages.success(request, _("%(obj)s tersimpan.") % {"obj": str(obj)[:80]})
            return redirect(success)
    return render(request, "sakip/object_form.html", {"form": form, "title": title, "cancel_url": cancel})


@require_http_methods(["GET", "POST"])
def tujuan_rpjmd_edit(request, periode: int, pk: int | None = None):
    periode = access.get_for_user(request.user, Periode.objects, Perm.MANAGE, pk=periode)
    obj = get_object_or_404(TujuanRPJMD, pk=pk, periode=periode) if pk else TujuanRPJMD(periode=periode)
    form = TujuanRPJMDForm(request.POST or None, instance=obj)
    return _simple_form(
        request,
        form,
        periode,
        title=_("Tujuan RPJMD"),
        cancel=periode.get_absolute_url(),
        success=periode.get_absolute_url(),
    )


@require_http_methods(["GET", "POST"])
def sasaran_rpjmd_edit(request, periode: int, tujuan: int, pk: int | None = None):
    periode = access.get_for_user(request.user, Periode.objects, Perm.MANAGE, pk=periode)
    tujuan = get_object_or_404(TujuanRPJMD, pk=tujuan, periode=periode)
    obj = get_object_or_404(SasaranRPJMD, pk=pk, tujuan=tujuan) if pk else SasaranRPJMD(tujuan=tujuan)
    form = SasaranRPJMDForm(request.POST or None, instance=obj)
    return _simple_form(
        request,
        form,
        periode,
        title=_("Sasaran RPJMD"),
        cancel=periode.get_absolute_url(),
        success=periode.get_absolute_url(),
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

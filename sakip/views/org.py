"""Perangkat daerah, their unit kerja and jabatan."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sakip import access, services, zona
from sakip.access import Perm
from sakip.forms import JabatanForm, PemdaForm, PerangkatDaerahForm, UnitKerjaForm
from sakip.models import Jabatan, Pemda, PerangkatDaerah, UnitKerja
from sakip.tables import PerangkatDaerahFilter, PerangkatDaerahTable
from sakip.views.generic import (
    DeleteBackToObject,
    OwnedCreateView,
    PemdaOwnedCreateView,
    ScopedDeleteView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)


class PemdaUpdate(ScopedUpdateView):
    """The admin pemda keeps their pemda's profile (kepala daerah, ibukota, logo) up to date."""

    model = Pemda
    form_class = PemdaForm
    success_url = reverse_lazy("home")

    def get_queryset(self):
        return Pemda.objects.filter(pk=self.request.user.pemda_id)

    def get_object(self, queryset=None):
        pemda = get_object_or_404(self.get_queryset())
        access.require(self.request.user, Perm.MANAGE, pemda)
        return pemda

    def form_valid(self, form):
        response = super().form_valid(form)
        zona.simpan(self.request, form.instance.zona_waktu)  # the admin sees the new zone at once
        return response


class OpdList(ScopedListView):
    model = PerangkatDaerah
    table_class = PerangkatDaerahTable
    filterset_class = PerangkatDaerahFilter
    title = _("Perangkat Daerah")
    create_url_name = "sakip:opd_create"

    def get_queryset(self):
        return super().get_queryset().select_related("pemda")


class OpdDetail(ScopedDetailView):
    model = PerangkatDaerah
    template_name = "sakip/opd_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("pemda")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opd = self.object
        context["can_manage"] = self.can(Perm.MANAGE, opd)
        context["units"] = services.flatten(services.unit_kerja_tree(opd))
        context["positions"] = services.flatten(services.jabatan_tree(opd))
        context["today"] = timezone.localdate()
        return context


class OpdCreate(PemdaOwnedCreateView):
    model = PerangkatDaerah
    form_class = PerangkatDaerahForm


class OpdUpdate(ScopedUpdateView):
    model = PerangkatDaerah
    form_class = PerangkatDaerahForm


class OpdDelete(DeleteBackToObject):
    model = PerangkatDaerah
    success_url = reverse_lazy("sakip:opd_list")


class OpdChildMixin:
    """Unit kerja and jabatan pages live under their OPD and go back to it."""

    def get_owner(self):
        return access.get_for_user(self.request.user, PerangkatDaerah.objects, Perm.VIEW, pk=self.kwargs["opd"])

    def get_queryset(self):
        return super().get_queryset().filter(opd_id=self.kwargs["opd"])

    def get_success_url(self):
        return reverse("sakip:opd_detail", args=[self.kwargs["opd"]])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_success_url()
        return context


class UnitKerjaCreate(OpdChildMixin, OwnedCreateView):
    model = UnitKerja
    form_class = UnitKerjaForm

    def get_queryset(self):
        return UnitKerja.objects.filter(opd_id=self.kwargs["opd"])


class UnitKerjaUpdate(OpdChildMixin, ScopedUpdateView):
    model = UnitKerja
    form_class = UnitKerjaForm


class UnitKerjaDelete(OpdChildMixin, ScopedDeleteView):
    model = UnitKerja


class JabatanCreate(OpdChildMixin, OwnedCreateView):
    model = Jabatan
    form_class = JabatanForm

    def get_queryset(self):
        return Jabatan.objects.filter(opd_id=self.kwargs["opd"])


class JabatanUpdate(OpdChildMixin, ScopedUpdateView):
    model = Jabatan
    form_class = JabatanForm


class JabatanDelete(OpdChildMixin, ScopedDeleteView):
    model = Jabatan

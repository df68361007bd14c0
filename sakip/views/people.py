"""Pegawai and their penugasan (who held which position when)."""

from __future__ import annotations

from django import forms
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from sakip import access
from sakip.access import Perm
from sakip.forms import PegawaiForm, PenugasanForm
from sakip.models import Pegawai, Penugasan
from sakip.tables import PegawaiFilter, PegawaiTable
from sakip.views.generic import (
    DeleteBackToObject,
    OwnedCreateView,
    PemdaOwnedCreateView,
    ScopedDeleteView,
    ScopedDetailView,
    ScopedListView,
    ScopedUpdateView,
)


class PegawaiList(ScopedListView):
    model = Pegawai
    table_class = PegawaiTable
    filterset_class = PegawaiFilter
    title = _("Pegawai")
    create_url_name = "sakip:pegawai_create"


class PegawaiDetail(ScopedDetailView):
    model = Pegawai
    template_name = "sakip/pegawai_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = self.can(Perm.MANAGE, self.object)
        context["penugasan"] = self.object.penugasan.select_related("jabatan__opd").order_by("-mulai")
        return context


class PegawaiCreate(PemdaOwnedCreateView):
    model = Pegawai
    form_class = PegawaiForm


class PegawaiUpdate(ScopedUpdateView):
    model = Pegawai
    form_class = PegawaiForm


class PegawaiDelete(DeleteBackToObject):
    model = Pegawai
    success_url = reverse_lazy("sakip:pegawai_list")


class PenugasanMixin:
    """Penugasan pages live under their pegawai and go back to them."""

    form_class = PenugasanForm

    def get_owner(self):
        return access.get_for_user(self.request.user, Pegawai.objects, Perm.VIEW, pk=self.kwargs["pegawai"])

    def get_queryset(self):
        # Whoever sees the pegawai sees all their penugasan, whichever OPD each was in.
        visible = Pegawai.objects.for_user(self.request.user)
        return Penugasan.objects.filter(pegawai__in=visible, pegawai_id=self.kwargs["pegawai"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["pemda_id"] = kwargs["instance"].pegawai.pemda_id
        return kwargs

    def get_success_url(self):
        return reverse("sakip:pegawai_detail", args=[self.kwargs["pegawai"]])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.get_success_url()
        return context


class PenugasanCreate(PenugasanMixin, OwnedCreateView):
    model = Penugasan
    owner_field = "pegawai"


class PenugasanUpdate(PenugasanMixin, ScopedUpdateView):
    model = Penugasan


class PenugasanDelete(PenugasanMixin, ScopedDeleteView):
    model = Penugasan
    form_class = forms.Form  # the confirmation, not the penugasan's form

    def get_form_kwargs(self):
        return super(PenugasanMixin, self).get_form_kwargs()

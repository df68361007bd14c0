"""Scoped versions of Django's generic views: every object is fetched through ``for_user``.

Subclasses name the model, form and permission; the checks live here and in ``sakip.access`` only.
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django.views.generic.edit import FormMixin
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from sakip import access, services
from sakip.access import Perm
from sakip.lib.teks import singkat
from sakip.models import PerangkatDaerah


def get_opd(request, opd_id: int, perm: Perm = Perm.VIEW) -> PerangkatDaerah:
    """The OPD behind a page, if the user may see it (else 404) and do ``perm`` on it (else 403)."""
    queryset = PerangkatDaerah.objects.select_related("pemda")
    return cast(PerangkatDaerah, access.get_for_user(request.user, queryset, perm, pk=opd_id))


class ScopedMixin:
    model = None
    perm = Perm.VIEW

    def get_queryset(self):
        return self.model.objects.for_user(self.request.user)

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)  # 404 outside the user's scope
        if self.perm is not Perm.VIEW:
            access.require(self.request.user, self.perm, obj)
        return obj

    def can(self, perm: Perm, obj) -> bool:
        return access.can(self.request.user, perm, obj)


class ScopedDetailView(ScopedMixin, DetailView):
    pass


class ScopedListView(ScopedMixin, SingleTableMixin, FilterView):
    template_name = "sakip/object_list.html"
    paginate_by = 50
    title = ""
    create_url_name = ""

    def may_create(self) -> bool:
        """By default whoever manages the user's pemda may add to a list (OPD, pegawai, users)."""
        user = self.request.user
        return bool(user.pemda_id) and access.can(user, Perm.MANAGE, user.pemda)

    def get_context_data(self, **kwargs):
        from django.urls import reverse

        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["create_url"] = reverse(self.create_url_name) if self.create_url_name and self.may_create() else ""
        return context


class OwnedCreateView(CreateView):
    """Create an object under an owner (a pemda or an OPD) that the user must manage."""

    template_name = "sakip/object_form.html"
    perm = Perm.MANAGE
    owner_field = "opd"

    def get_owner(self):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        self.owner = self.get_owner()
        access.require(request.user, self.perm, self.owner)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.model(**{self.owner_field: self.owner})
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("title", _("Tambah %(model)s") % {"model": self.model._meta.verbose_name})
        return context

    def form_valid(self, form):
        # Through the service hook (one transaction, audited by django-auditlog), not ModelFormMixin's save.
        self.object = services.save_form(form)
        messages.success(self.request, _("%(obj)s tersimpan.") % {"obj": singkat(self.object)})
        return HttpResponseRedirect(self.get_success_url())


class ScopedUpdateView(ScopedMixin, UpdateView):
    template_name = "sakip/object_form.html"
    perm = Perm.MANAGE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "title", _("Ubah %(model)s: %(obj)s") % {"model": self.model._meta.verbose_name, "obj": self.object}
        )
        return context

    def form_valid(self, form):
        self.object = services.save_form(form)  # the service hook, as in OwnedCreateView
        messages.success(self.request, _("Perubahan pada %(obj)s tersimpan.") % {"obj": singkat(self.object)})
        return HttpResponseRedirect(self.get_success_url())


class PemdaOwnedCreateView(OwnedCreateView):
    """Create an object of the user's own pemda (an OPD, a pegawai)."""

    owner_field = "pemda"

    def get_owner(self):
        return require_pemda(self.request.user)


def blockers(obj) -> list[str]:
    """What still refers to ``obj`` and stops its deletion, as "jenis: nama" lines."""
    collector = Collector(using="default")
    try:
        collector.collect([obj])
    except ProtectedError as error:
        return sorted({f"{o._meta.verbose_name.capitalize()}: {o}" for o in error.protected_objects})
    return []


class ScopedDeleteView(ScopedMixin, DeleteView):
    """Asks first and shows what blocks the deletion; a protected object is never half-deleted."""

    template_name = "sakip/object_confirm_delete.html"
    perm = Perm.MANAGE

    def get_form(self, form_class=None):
        # The confirmation is a bare form. A mixin shared with the object's create and update pages (penugasan,
        # unit kerja…) may name a model form and add its own kwargs (``instance``): neither applies here, so
        # both are bypassed instead of each delete view having to undo them.
        return forms.Form(**FormMixin.get_form_kwargs(self))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["blockers"] = blockers(self.object)
        context["cancel_url"] = self.get_cancel_url()
        return context

    def get_cancel_url(self) -> str:
        return self.get_success_url()

    def form_valid(self, form):
        name = singkat(self.object)
        success_url = self.get_success_url()
        try:
            services.delete_object(self.object)
        except ProtectedError:
            messages.error(self.request, _("%(obj)s tidak dapat dihapus karena masih dipakai.") % {"obj": name})
            return HttpResponseRedirect(self.get_cancel_url())
        messages.success(self.request, _("%(obj)s dihapus.") % {"obj": name})
        return HttpResponseRedirect(success_url)


class DeleteBackToObject(ScopedDeleteView):
    """Cancelling a deletion goes back to the object's own page."""

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()


def require_pemda(user):
    """The pemda a user administers through our pages (operators without one use the Django admin)."""
    if user.pemda is None:
        raise PermissionDenied
    return user.pemda

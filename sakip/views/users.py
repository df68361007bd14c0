"""Users of a pemda and their roles, managed by the admin pemda."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sakip import access, services
from sakip.access import Perm
from sakip.forms import AdminSetPasswordForm, NewUserForm, PeranFormSet, UserForm
from sakip.models import User
from sakip.tables import UserFilter, UserTable
from sakip.views.generic import ScopedDeleteView, ScopedListView, require_pemda


class UserList(ScopedListView):
    model = User
    table_class = UserTable
    filterset_class = UserFilter
    title = gettext_lazy("Pengguna")
    create_url_name = "sakip:user_create"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("peran__opd").distinct()

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            _managed_pemda(request)
        return super().dispatch(request, *args, **kwargs)


def _managed_pemda(request):
    pemda = require_pemda(request.user)
    access.require(request.user, Perm.MANAGE, pemda)
    return pemda


def _user_form_page(request, user: User, form_class, title: str):
    """Create or edit a user and their roles in one atomic save."""
    if request.method == "POST":
        form = form_class(request.POST, instance=user)
        formset = PeranFormSet(request.POST, instance=user, pemda_id=user.pemda_id)
        form_ok, formset_ok = form.is_valid(), formset.is_valid()
        formset.validate_pimpinan(form.cleaned_data.get("pegawai"))
        if form_ok and formset_ok and not formset.total_error_count():
            saved = services.save_user_with_roles(form, formset)
            messages.success(request, _("Pengguna %(user)s tersimpan.") % {"user": saved.username})
            return redirect("sakip:user_list")
    else:
        form = form_class(instance=user)
        formset = PeranFormSet(instance=user, pemda_id=user.pemda_id)
    return render(request, "sakip/user_form.html", {"form": form, "formset": formset, "title": title, "user_obj": user})


@require_http_methods(["GET", "POST"])
def user_create(request):
    pemda = _managed_pemda(request)
    return _user_form_page(request, User(pemda=pemda), NewUserForm, _("Pengguna baru"))


@require_http_methods(["GET", "POST"])
def user_update(request, pk: int):
    user = access.get_for_user(request.user, User.objects, Perm.MANAGE, pk=pk)
    return _user_form_page(request, user, UserForm, _("Ubah pengguna %(user)s") % {"user": user.username})


@require_http_methods(["GET", "POST"])
def user_set_password(request, pk: int):
    user = access.get_for_user(request.user, User.objects, Perm.MANAGE, pk=pk)
    form = AdminSetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_form(form)
        messages.success(request, _("Kata sandi %(user)s diganti.") % {"user": user.username})
        return redirect("sakip:user_update", pk=user.pk)
    return render(
        request,
        "sakip/object_form.html",
        {"form": form, "title": _("Ganti kata sandi %(user)s") % {"user": user.username}, "cancel_url": None},
    )


class UserDelete(ScopedDeleteView):
    model = User
    success_url = reverse_lazy("sakip:user_list")

    def get_cancel_url(self) -> str:
        return reverse_lazy("sakip:user_update", args=[self.object.pk])

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj == self.request.user:  # an admin cannot lock themselves out
            raise PermissionDenied
        return obj

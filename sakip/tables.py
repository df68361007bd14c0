"""Lists of the core pages (django-tables2) and their filters (django-filter)."""

from __future__ import annotations

import django_filters
import django_tables2 as tables
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sakip.models import AuditEntry, Pegawai, Peran, PerangkatDaerah, User


def yes_no_filter(label, field_name):
    choices = [("", _("Semua")), ("true", _("Ya")), ("false", _("Tidak"))]
    return django_filters.BooleanFilter(label=label, field_name=field_name, widget=forms.Select(choices=choices))


class SearchFilter(django_filters.FilterSet):
    """One search box over the fields named in ``search_fields``."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Cari"), method="search")

    def search(self, queryset, name, value):
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value.strip()})
        return queryset.filter(query)


class PerangkatDaerahFilter(SearchFilter):
    search_fields = ("nama", "singkatan", "kode")
    aktif = yes_no_filter(_("Aktif"), "aktif")

    class Meta:
        model = PerangkatDaerah
        fields = ["q", "aktif"]


class PerangkatDaerahTable(tables.Table):
    nama = tables.Column(linkify=True)

    class Meta:
        model = PerangkatDaerah
        fields = ["kode", "nama", "singkatan", "pemda", "aktif"]
        attrs = {"class": "table table-hover align-middle"}


class PegawaiFilter(SearchFilter):
    search_fields = ("nama", "nip")

    class Meta:
        model = Pegawai
        fields = ["q"]


class PegawaiTable(tables.Table):
    nama = tables.Column(linkify=True)
    nip = tables.Column(accessor="nip_display", verbose_name=_("NIP"), order_by="nip")
    pangkat = tables.Column(accessor="pangkat_golongan", verbose_name=_("Pangkat/golongan"), order_by="golongan")

    class Meta:
        model = Pegawai
        fields = ["nama", "nip", "pangkat"]
        attrs = {"class": "table table-hover align-middle"}


class UserFilter(SearchFilter):
    search_fields = ("username", "nama", "email")
    peran = django_filters.ChoiceFilter(
        label=_("Peran"), field_name="peran__jenis", choices=Peran.Jenis.choices, empty_label=_("Semua")
    )
    is_active = yes_no_filter(_("Aktif"), "is_active")

    class Meta:
        model = User
        fields = ["q", "peran", "is_active"]


class UserTable(tables.Table):
    username = tables.Column(linkify=("sakip:user_update", {"pk": tables.A("pk")}))
    peran = tables.Column(empty_values=(), orderable=False, verbose_name=_("Peran"))

    class Meta:
        model = User
        fields = ["username", "nama", "email", "peran", "is_active", "last_login"]
        attrs = {"class": "table table-hover align-middle"}

    def render_peran(self, record):
        return ", ".join(str(p) for p in record.peran.all()) or "—"


class AuditEntryFilter(SearchFilter):
    search_fields = ("object_repr", "actor_name")
    action = django_filters.ChoiceFilter(label=_("Aksi"), method="filter_aksi", empty_label=_("Semua"))

    class Meta:
        model = AuditEntry
        fields = ["q", "action"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One list: a single change (dibuat / diubah / dihapus), or a bulk operation by its name.
        single = [(str(value), str(label).capitalize()) for value, label in AuditEntry.Aksi.choices[:3]]
        bulk = [(value, str(label)[:1].upper() + str(label)[1:]) for value, label in AuditEntry.Operasi.choices]
        self.filters["action"].extra["choices"] = single + bulk

    def filter_aksi(self, queryset, name, value):
        if value.isdigit():
            return queryset.filter(action=int(value), operasi="")
        return queryset.filter(operasi=value)

"""The Django admin is for operators (superusers) only; pemda admins use Sakip's own pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sakip.models import Jabatan, Pegawai, Pemda, Penugasan, Peran, PerangkatDaerah, UnitKerja, User


class PeranInline(admin.TabularInline):
    model = Peran
    extra = 0


@admin.register(User)
class SakipUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Sakip", {"fields": ("nama", "pemda", "pegawai")}))
    list_display = ("username", "nama", "pemda", "is_active", "is_superuser")
    list_filter = ("pemda", "is_active", "is_superuser")
    inlines = [PeranInline]


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "kepala_daerah_jabatan", "ibukota")


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "singkatan", "pemda", "aktif")
    list_filter = ("pemda", "aktif")
    search_fields = ("nama", "kode", "singkatan")


admin.site.register(UnitKerja)
admin.site.register(Jabatan)
admin.site.register(Pegawai)
admin.site.register(Penugasan)

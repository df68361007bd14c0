"""The Perjanjian Kinerja and its rencana aksi, mounted at pk/ (namespace "kinerja")."""

from django.urls import path

from kinerja.views import pengaturan, pk, rencana_aksi

app_name = "kinerja"

urlpatterns = [
    path("", pk.pk_list, name="pk_list"),
    path("opd/<int:opd>/susun/", pk.pk_create, name="pk_create"),
    path("<int:pk>/", pk.pk_detail, name="pk_detail"),
    path("<int:pk>/baris/<int:row>/ubah/", pk.pk_row_update, name="pk_row_update"),
    path("<int:pk>/baris/<int:row>/hapus/", pk.pk_row_delete, name="pk_row_delete"),
    path("<int:pk>/hapus/", pk.pk_delete, name="pk_delete"),
    path("<int:pk>/ajukan/", pk.pk_ajukan, name="pk_ajukan"),
    path("<int:pk>/kembalikan/", pk.pk_kembalikan, name="pk_kembalikan"),
    path("<int:pk>/tandatangani/", pk.pk_tandatangani, name="pk_tandatangani"),
    path("<int:pk>/perubahan/", pk.pk_perubahan, name="pk_perubahan"),
    path("<int:pk>/pdf/", pk.pk_pdf, name="pk_pdf"),
    path("<int:pk>/rencana-aksi/", rencana_aksi.ra_grid, name="rencana_aksi_grid"),
    path("<int:pk>/rencana-aksi/buat/", rencana_aksi.ra_create, name="rencana_aksi_create"),
    path("<int:pk>/rencana-aksi/<int:ra>/", rencana_aksi.ra_aksi, name="rencana_aksi_update"),
    path("<int:pk>/rencana-aksi/pdf/", rencana_aksi.ra_pdf, name="rencana_aksi_pdf"),
    path("verifikasi/<str:kode>/", pk.verifikasi, name="pk_verifikasi"),
    path("naskah/", pengaturan.naskah_pk, name="naskah_pk"),
]

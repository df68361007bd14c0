from django.urls import path

from kinerja import views

app_name = "kinerja"

urlpatterns = [
    path("", views.pk_list, name="pk_list"),
    path("opd/<int:opd>/susun/", views.pk_create, name="pk_create"),
    path("<int:pk>/", views.pk_detail, name="pk_detail"),
    path("<int:pk>/baris/<int:row>/ubah/", views.pk_row_update, name="pk_row_update"),
    path("<int:pk>/baris/<int:row>/hapus/", views.pk_row_delete, name="pk_row_delete"),
    path("<int:pk>/ajukan/", views.pk_ajukan, name="pk_ajukan"),
    path("<int:pk>/kembalikan/", views.pk_kembalikan, name="pk_kembalikan"),
    path("<int:pk>/tandatangani/", views.pk_tandatangani, name="pk_tandatangani"),
    path("<int:pk>/perubahan/", views.pk_perubahan, name="pk_perubahan"),
    path("<int:pk>/pdf/", views.pk_pdf, name="pk_pdf"),
    path("<int:pk>/rencana-aksi/", views.ra_grid, name="ra_grid"),
    path("<int:pk>/rencana-aksi/<int:ra>/", views.ra_aksi, name="ra_aksi"),
    path("<int:pk>/rencana-aksi/pdf/", views.ra_pdf, name="ra_pdf"),
    path("verifikasi/<str:kode>/", views.verifikasi, name="verifikasi"),
    path("naskah/", views.naskah_pk, name="naskah_pk"),
]

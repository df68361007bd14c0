from django.urls import path

from kinerja import realisasi_views as views

app_name = "realisasi"

urlpatterns = [
    path("", views.index, name="index"),
    path("opd/<int:opd>/<int:tahun>/", views.opd_dashboard, name="opd"),
    path("opd/<int:opd>/<int:tahun>/indikator/", views.indikator_grid, name="indikator"),
    path("opd/<int:opd>/<int:tahun>/anggaran/", views.anggaran_grid, name="anggaran"),
    path("opd/<int:opd>/<int:tahun>/belanja/", views.belanja, name="belanja"),
    path("opd/<int:opd>/<int:tahun>/templat.xlsx", views.template_xlsx, name="template"),
    path("opd/<int:opd>/<int:tahun>/unggah/", views.unggah, name="unggah"),
    path("indikator/<int:ind>/<int:tahun>/tw<int:tw>/", views.realisasi_detail, name="detail"),
    path("bukti/<int:pk>/", views.bukti_download, name="bukti"),
    path("bukti/<int:pk>/hapus/", views.bukti_delete, name="bukti_delete"),
    path("pk/<int:pk>/", views.pk_capaian, name="pk_capaian"),
    path("verifikasi/", views.verifikasi, name="verifikasi"),
    path("verifikasi/<int:pk>/", views.verifikasi_satu, name="verifikasi_satu"),
    path("jendela/<int:tahun>/", views.jendela, name="jendela"),
    path("pengaturan/", views.pengaturan, name="pengaturan"),
    path("pemda/<int:tahun>/", views.pemda_dashboard, name="pemda"),
]

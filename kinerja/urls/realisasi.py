"""Realisasi, kinerja's second screen family, mounted at realisasi/ (namespace "realisasi")."""

from django.urls import path

from kinerja.views import dasbor, pengaturan, realisasi, verifikasi

app_name = "realisasi"

urlpatterns = [
    path("", realisasi.index, name="realisasi_index"),
    path("opd/<int:opd>/<int:tahun>/", dasbor.opd_dashboard, name="opd_dashboard"),
    path("opd/<int:opd>/<int:tahun>/indikator/", realisasi.indikator_grid, name="indikator_grid"),
    path("opd/<int:opd>/<int:tahun>/anggaran/", realisasi.anggaran_grid, name="anggaran_grid"),
    path("opd/<int:opd>/<int:tahun>/belanja/", realisasi.belanja, name="belanja_update"),
    path("opd/<int:opd>/<int:tahun>/templat.xlsx", realisasi.template_xlsx, name="workbook_template"),
    path("opd/<int:opd>/<int:tahun>/unggah/", realisasi.workbook_import, name="workbook_import"),
    path("indikator/<int:ind>/<int:tahun>/tw<int:tw>/", realisasi.realisasi_detail, name="realisasi_detail"),
    path("bukti/<int:pk>/", realisasi.bukti_download, name="bukti_download"),
    path("bukti/<int:pk>/hapus/", realisasi.bukti_delete, name="bukti_delete"),
    path("pk/<int:pk>/", dasbor.pk_capaian, name="pk_capaian"),
    path("verifikasi/", verifikasi.verifikasi, name="verifikasi_list"),
    path("verifikasi/<int:pk>/", verifikasi.verifikasi_satu, name="verifikasi_update"),
    path("jendela/<int:tahun>/", pengaturan.jendela, name="jendela_update"),
    path("pengaturan/", pengaturan.pengaturan, name="pengaturan_update"),
    path("pemda/<int:tahun>/", dasbor.pemda_dashboard, name="pemda_dashboard"),
]

from django.urls import path

from kinerja.views import dasbor, pengaturan, pk, realisasi, rencana_aksi, verifikasi

app_name = "kinerja"

urlpatterns = [
    path("", pk.pk_list, name="pk_list"),
    path("opd/<int:opd>/susun/", pk.pk_create, name="pk_create"),
    path("<int:pk>/", pk.pk_detail, name="pk_detail"),
    path("<int:pk>/baris/<int:row>/ubah/", pk.pk_row_update, name="pk_row_update"),
    path("<int:pk>/baris/<int:row>/hapus/", pk.pk_row_delete, name="pk_row_delete"),
    path("<int:pk>/ajukan/", pk.pk_ajukan, name="pk_ajukan"),
    path("<int:pk>/kembalikan/", pk.pk_kembalikan, name="pk_kembalikan"),
    path("<int:pk>/tandatangani/", pk.pk_tandatangani, name="pk_tandatangani"),
    path("<int:pk>/perubahan/", pk.pk_perubahan, name="pk_perubahan"),
    path("<int:pk>/pdf/", pk.pk_pdf, name="pk_pdf"),
    path("<int:pk>/rencana-aksi/", rencana_aksi.ra_grid, name="ra_grid"),
    path("<int:pk>/rencana-aksi/buat/", rencana_aksi.ra_create, name="ra_create"),
    path("<int:pk>/rencana-aksi/<int:ra>/", rencana_aksi.ra_aksi, name="ra_aksi"),
    path("<int:pk>/rencana-aksi/pdf/", rencana_aksi.ra_pdf, name="ra_pdf"),
    path("verifikasi/<str:kode>/", pk.verifikasi, name="verifikasi"),
    path("naskah/", pengaturan.naskah_pk, name="naskah_pk"),
]

# Mounted at realisasi/ by sakip/urls.py under the namespace "realisasi".
realisasi_patterns = [
    path("", realisasi.index, name="index"),
    path("opd/<int:opd>/<int:tahun>/", dasbor.opd_dashboard, name="opd"),
    path("opd/<int:opd>/<int:tahun>/indikator/", realisasi.indikator_grid, name="indikator"),
    path("opd/<int:opd>/<int:tahun>/anggaran/", realisasi.anggaran_grid, name="anggaran"),
    path("opd/<int:opd>/<int:tahun>/belanja/", realisasi.belanja, name="belanja"),
    path("opd/<int:opd>/<int:tahun>/templat.xlsx", realisasi.template_xlsx, name="template"),
    path("opd/<int:opd>/<int:tahun>/unggah/", realisasi.workbook_import, name="workbook_import"),
    path("indikator/<int:ind>/<int:tahun>/tw<int:tw>/", realisasi.realisasi_detail, name="detail"),
    path("bukti/<int:pk>/", realisasi.bukti_download, name="bukti"),
    path("bukti/<int:pk>/hapus/", realisasi.bukti_delete, name="bukti_delete"),
    path("pk/<int:pk>/", dasbor.pk_capaian, name="pk_capaian"),
    path("verifikasi/", verifikasi.verifikasi, name="verifikasi"),
    path("verifikasi/<int:pk>/", verifikasi.verifikasi_satu, name="verifikasi_satu"),
    path("jendela/<int:tahun>/", pengaturan.jendela, name="jendela"),
    path("pengaturan/", pengaturan.pengaturan, name="pengaturan"),
    path("pemda/<int:tahun>/", dasbor.pemda_dashboard, name="pemda"),
]

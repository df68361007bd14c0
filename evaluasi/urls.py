from django.urls import path

from evaluasi.views import evaluasi, rekap, templat

app_name = "evaluasi"

urlpatterns = [
    path("", evaluasi.index, name="index"),
    path("baru/", evaluasi.evaluasi_create, name="evaluasi_create"),
    path("<int:pk>/", evaluasi.evaluasi_detail, name="evaluasi_detail"),
    path("<int:pk>/kriteria/<int:kriteria>/", evaluasi.jawaban_save, name="jawaban_save"),
    path("<int:pk>/kriteria/<int:kriteria>/lampiran/", evaluasi.lampiran_create, name="lampiran_create"),
    path("lampiran/<int:pk>/", evaluasi.lampiran_download, name="lampiran_download"),
    path("<int:pk>/simulasi/", evaluasi.simulasi, name="evaluasi_simulasi"),
    path("<int:pk>/lanjutkan/", evaluasi.evaluasi_lanjutkan, name="evaluasi_lanjutkan"),
    path("<int:pk>/rilis/", evaluasi.evaluasi_rilis, name="evaluasi_rilis"),
    path("<int:pk>/finalkan/", evaluasi.evaluasi_finalkan, name="evaluasi_finalkan"),
    path("<int:pk>/lhe.pdf", evaluasi.lhe_pdf, name="evaluasi_lhe"),
    path("<int:pk>/rekomendasi/baru/", evaluasi.rekomendasi_create, name="rekomendasi_create"),
    path("rekomendasi/<int:pk>/tindak-lanjut/", evaluasi.rekomendasi_lapor, name="rekomendasi_lapor"),
    path("rekomendasi/<int:pk>/terima/", evaluasi.rekomendasi_terima, name="rekomendasi_terima"),
    path("rekap/", rekap.rekap, name="rekap"),
    path("rekap.xlsx", rekap.rekap_xlsx, name="rekap_xlsx"),
    path("templat/", templat.templat_list, name="templat_list"),
    path("templat/<int:pk>/", templat.templat_detail, name="templat_detail"),
    path("templat/<int:pk>/salin/", templat.templat_copy, name="templat_copy"),
    path("templat/<int:pk>/ubah/", templat.templat_update, name="templat_update"),
    path("kriteria/<int:pk>/ubah/", templat.kriteria_update, name="kriteria_update"),
]

from django.urls import path

from lkjip.models import Jenis
from lkjip.views import dokumen, narasi, pembanding, periode_lalu

app_name = "lkjip"

urlpatterns = [
    path("", dokumen.index, name="index"),
    path("lkjip/<int:opd>/<int:tahun>/", dokumen.lkjip_page, name="lkjip"),
    path("renstra/<int:versi>/", dokumen.renstra_page, name="renstra"),
    path("lkjip/<int:opd>/<int:key>/pratinjau/", dokumen.pratinjau, {"jenis": Jenis.LKJIP}, name="lkjip_pratinjau"),
    path("renstra/<int:key>/pratinjau/", dokumen.pratinjau, {"jenis": Jenis.RENSTRA}, name="renstra_pratinjau"),
    path("lkjip/<int:opd>/<int:key>/xlsx/", dokumen.xlsx, {"jenis": Jenis.LKJIP}, name="lkjip_xlsx"),
    path("renstra/<int:key>/xlsx/", dokumen.xlsx, {"jenis": Jenis.RENSTRA}, name="renstra_xlsx"),
    path(
        "lkjip/<int:opd>/<int:key>/narasi/<slug:kunci>/mulai/",
        narasi.narasi_mulai,
        {"jenis": Jenis.LKJIP},
        name="lkjip_narasi_mulai",
    ),
    path(
        "renstra/<int:key>/narasi/<slug:kunci>/mulai/",
        narasi.narasi_mulai,
        {"jenis": Jenis.RENSTRA},
        name="renstra_narasi_mulai",
    ),
    path("<int:pk>/narasi/<slug:kunci>/", narasi.narasi_edit, name="narasi"),
    path("<int:pk>/finalkan/", dokumen.finalkan, name="finalkan"),
    path("<int:pk>/periode-lalu/<slug:tabel>/", periode_lalu.periode_lalu, name="periode_lalu"),
    path("<int:pk>/pembanding/", pembanding.pembanding, name="pembanding"),
    path("cetakan/<int:pk>/", dokumen.cetakan_status, name="cetakan"),
    path("cetakan/<int:pk>/pdf/", dokumen.cetakan_pdf, name="cetakan_pdf"),
    path("final/<int:pk>/pdf/", dokumen.final_pdf, name="final_pdf"),
]

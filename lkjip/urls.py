from django.urls import path

from lkjip.models import Jenis
from lkjip.views import dokumen, narasi, pembanding, periode_lalu

app_name = "lkjip"

urlpatterns = [
    path("", dokumen.index, name="index"),
    path("lkjip/<int:opd>/<int:tahun>/", dokumen.lkjip_detail, name="lkjip_detail"),
    path("renstra/<int:versi>/", dokumen.renstra_detail, name="renstra_detail"),
    path(
        "lkjip/<int:opd>/<int:key>/pratinjau/",
        dokumen.cetakan_create,
        {"jenis": Jenis.LKJIP},
        name="lkjip_cetakan_create",
    ),
    path(
        "renstra/<int:key>/pratinjau/", dokumen.cetakan_create, {"jenis": Jenis.RENSTRA}, name="renstra_cetakan_create"
    ),
    path(
        "lkjip/<int:opd>/<int:key>/identitas/",
        dokumen.identitas_update,
        {"jenis": Jenis.LKJIP},
        name="lkjip_identitas",
    ),
    path("renstra/<int:key>/identitas/", dokumen.identitas_update, {"jenis": Jenis.RENSTRA}, name="renstra_identitas"),
    path("lkjip/<int:opd>/<int:key>/xlsx/", dokumen.xlsx, {"jenis": Jenis.LKJIP}, name="lkjip_xlsx"),
    path("renstra/<int:key>/xlsx/", dokumen.xlsx, {"jenis": Jenis.RENSTRA}, name="renstra_xlsx"),
    path(
        "lkjip/<int:opd>/<int:key>/narasi/<slug:kunci>/mulai/",
        narasi.narasi_create,
        {"jenis": Jenis.LKJIP},
        name="lkjip_narasi_create",
    ),
    path(
        "renstra/<int:key>/narasi/<slug:kunci>/mulai/",
        narasi.narasi_create,
        {"jenis": Jenis.RENSTRA},
        name="renstra_narasi_create",
    ),
    path("<int:pk>/narasi/<slug:kunci>/", narasi.narasi_update, name="narasi_update"),
    path("<int:pk>/finalkan/", dokumen.dokumen_finalkan, name="dokumen_finalkan"),
    path("<int:pk>/periode-lalu/<slug:tabel>/", periode_lalu.periode_lalu_update, name="periode_lalu_update"),
    path("<int:pk>/pembanding/", pembanding.pembanding_update, name="pembanding_update"),
    path("cetakan/<int:pk>/", dokumen.cetakan_status, name="cetakan_status"),
    path("cetakan/<int:pk>/pdf/", dokumen.cetakan_pdf, name="cetakan_pdf"),
    path("final/<int:pk>/pdf/", dokumen.final_pdf, name="final_pdf"),
]

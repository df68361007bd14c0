from django.urls import path

from lkjip import views

app_name = "lkjip"

urlpatterns = [
    path("", views.index, name="index"),
    path("lkjip/<int:opd>/<int:tahun>/", views.lkjip_page, name="lkjip"),
    path("renstra/<int:versi>/", views.renstra_page, name="renstra"),
    path("lkjip/<int:opd>/<int:key>/pratinjau/", views.pratinjau, {"jenis": "lkjip"}, name="lkjip_pratinjau"),
    path("renstra/<int:key>/pratinjau/", views.pratinjau, {"jenis": "renstra"}, name="renstra_pratinjau"),
    path("lkjip/<int:opd>/<int:key>/xlsx/", views.xlsx, {"jenis": "lkjip"}, name="lkjip_xlsx"),
    path("renstra/<int:key>/xlsx/", views.xlsx, {"jenis": "renstra"}, name="renstra_xlsx"),
    path(
        "lkjip/<int:opd>/<int:key>/narasi/<slug:kunci>/mulai/",
        views.narasi_mulai,
        {"jenis": "lkjip"},
        name="lkjip_narasi_mulai",
    ),
    path(
        "renstra/<int:key>/narasi/<slug:kunci>/mulai/",
        views.narasi_mulai,
        {"jenis": "renstra"},
        name="renstra_narasi_mulai",
    ),
    path("<int:pk>/narasi/<slug:kunci>/", views.narasi_edit, name="narasi"),
    path("<int:pk>/finalkan/", views.finalkan, name="finalkan"),
    path("<int:pk>/periode-lalu/<slug:tabel>/", views.periode_lalu, name="periode_lalu"),
    path("<int:pk>/pembanding/", views.pembanding, name="pembanding"),
    path("cetakan/<int:pk>/", views.cetakan_status, name="cetakan"),
    path("cetakan/<int:pk>/pdf/", views.cetakan_pdf, name="cetakan_pdf"),
    path("final/<int:pk>/pdf/", views.final_pdf, name="final_pdf"),
]

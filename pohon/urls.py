from django.urls import path

from pohon import views

app_name = "pohon"

urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.ubah, name="ubah"),
    path("<int:pk>/revisi/", views.revisi, name="revisi"),
    path("<int:pohon>/simpul/baru/", views.simpul_form, name="simpul_create"),
    path("simpul/<int:pk>/ubah/", views.simpul_form, name="simpul_update"),
    path("simpul/<int:pk>/pindah/", views.simpul_pindah, name="simpul_pindah"),
    path("simpul/<int:pk>/geser/<str:arah>/", views.simpul_geser, name="simpul_geser"),
    path("simpul/<int:pk>/hapus/", views.simpul_hapus, name="simpul_hapus"),
    path("<int:pk>/terjemahkan/", views.terjemahkan, name="terjemahkan"),
    path("<int:pk>/diagram/", views.gambar, name="diagram"),
    path("<int:pk>/diagram.svg", views.svg, name="svg"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/tabel/", views.tabel, name="tabel"),
    path("<int:pk>/tabel.xlsx", views.xlsx, name="xlsx"),
]

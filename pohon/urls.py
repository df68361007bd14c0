from django.urls import path

from pohon import views

app_name = "pohon"

urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.pohon_create, name="pohon_create"),
    path("<int:pk>/", views.pohon_detail, name="pohon_detail"),
    path("<int:pk>/ubah/", views.pohon_update, name="pohon_update"),
    path("<int:pk>/revisi/", views.pohon_revisi, name="pohon_revisi"),
    path("<int:pohon>/simpul/baru/", views.simpul_form, name="simpul_create"),
    path("simpul/<int:pk>/ubah/", views.simpul_form, name="simpul_update"),
    path("simpul/<int:pk>/pindah/", views.simpul_move, name="simpul_move"),
    path("simpul/<int:pk>/geser/<str:arah>/", views.simpul_reorder, name="simpul_reorder"),
    path("simpul/<int:pk>/hapus/", views.simpul_delete, name="simpul_delete"),
    path("<int:pk>/terjemahkan/", views.pohon_terjemahkan, name="pohon_terjemahkan"),
    path("<int:pk>/diagram/", views.pohon_diagram, name="pohon_diagram"),
    path("<int:pk>/diagram.svg", views.pohon_svg, name="pohon_svg"),
    path("<int:pk>/pdf/", views.pohon_pdf, name="pohon_pdf"),
    path("<int:pk>/tabel/", views.pohon_tabel, name="pohon_tabel"),
    path("<int:pk>/tabel.xlsx", views.pohon_xlsx, name="pohon_xlsx"),
]

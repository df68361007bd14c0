from django.urls import path

from pohon.views import downloads, pohon, simpul

app_name = "pohon"

urlpatterns = [
    path("", pohon.index, name="index"),
    path("baru/", pohon.pohon_create, name="pohon_create"),
    path("<int:pk>/", pohon.pohon_detail, name="pohon_detail"),
    path("<int:pk>/ubah/", pohon.pohon_update, name="pohon_update"),
    path("<int:pk>/revisi/", pohon.pohon_revisi, name="pohon_revisi"),
    path("<int:pohon>/simpul/baru/", simpul.simpul_form, name="simpul_create"),
    path("simpul/<int:pk>/ubah/", simpul.simpul_form, name="simpul_update"),
    path("simpul/<int:pk>/pindah/", simpul.simpul_move, name="simpul_move"),
    path("simpul/<int:pk>/geser/<str:arah>/", simpul.simpul_reorder, name="simpul_reorder"),
    path("simpul/<int:pk>/hapus/", simpul.simpul_delete, name="simpul_delete"),
    path("<int:pk>/terjemahkan/", pohon.pohon_terjemahkan, name="pohon_terjemahkan"),
    path("<int:pk>/diagram/", downloads.pohon_diagram, name="pohon_diagram"),
    path("<int:pk>/diagram.svg", downloads.pohon_svg, name="pohon_svg"),
    path("<int:pk>/pdf/", downloads.pohon_pdf, name="pohon_pdf"),
    path("<int:pk>/tabel/", downloads.pohon_tabel, name="pohon_tabel"),
    path("<int:pk>/tabel.xlsx", downloads.pohon_xlsx, name="pohon_xlsx"),
]

from django.urls import path

from renstra import views

app_name = "renstra"

urlpatterns = [
    path("periode/", views.periode_list, name="periode_list"),
    path("periode/baru/", views.periode_create, name="periode_create"),
    path("periode/<int:pk>/", views.periode_detail, name="periode_detail"),
    path("periode/<int:pk>/ubah/", views.periode_update, name="periode_update"),
    path("periode/<int:periode>/tujuan/baru/", views.tujuan_rpjmd_edit, name="tujuan_rpjmd_create"),
    path("periode/<int:periode>/tujuan/<int:pk>/ubah/", views.tujuan_rpjmd_edit, name="tujuan_rpjmd_update"),
    path("periode/<int:periode>/tujuan/<int:pk>/hapus/", views.TujuanRPJMDDelete.as_view(), name="tujuan_rpjmd_delete"),
    path(
        "periode/<int:periode>/tujuan/<int:tujuan>/sasaran/baru/", views.sasaran_rpjmd_edit, name="sasaran_rpjmd_create"
    ),
    path(
        "periode/<int:periode>/tujuan/<int:tujuan>/sasaran/<int:pk>/ubah/",
        views.sasaran_rpjmd_edit,
        name="sasaran_rpjmd_update",
    ),
    path(
        "periode/<int:periode>/sasaran/<int:pk>/hapus/", views.SasaranRPJMDDelete.as_view(), name="sasaran_rpjmd_delete"
    ),
    path("", views.renstra_list, name="renstra_list"),
    path("opd/<int:opd>/baru/", views.renstra_create, name="renstra_create"),
    path("opd/<int:opd>/impor/", views.renstra_import, name="renstra_import"),
    path("<int:pk>/", views.renstra_detail, name="renstra_detail"),
    path("<int:pk>/riwayat/", views.renstra_history, name="renstra_history"),
    path("versi/<int:pk>/", views.versi_detail, name="versi_detail"),
    path("versi/<int:pk>/keterangan/", views.versi_update, name="versi_update"),
    path("versi/<int:pk>/tetapkan/", views.versi_tetapkan, name="versi_tetapkan"),
    path("versi/<int:pk>/perubahan/", views.versi_perubahan, name="versi_perubahan"),
    path("versi/<int:pk>/hapus/", views.versi_delete, name="versi_delete"),
    path("versi/<int:pk>/banding/", views.versi_compare, name="versi_compare"),
    path("versi/<int:pk>/excel/", views.versi_export, name="versi_export"),
    path("versi/<int:pk>/target/", views.target_grid, name="target_grid"),
    path("versi/<int:pk>/pagu/", views.pagu_grid, name="pagu_grid"),
    path("versi/<int:versi>/elemen/baru/", views.elemen_create, name="elemen_create"),
    path("elemen/<int:pk>/ubah/", views.elemen_update, name="elemen_update"),
    path("elemen/<int:pk>/hapus/", views.elemen_delete, name="elemen_delete"),
    path("elemen/<int:pk>/pindah/<str:direction>/", views.elemen_move, name="elemen_move"),
    path("elemen/<int:elemen>/indikator/baru/", views.indikator_edit, name="indikator_create"),
    path("indikator/<int:pk>/ubah/", views.indikator_edit, name="indikator_update"),
    path("elemen/<int:sasaran>/strategi/baru/", views.strategi_edit, name="strategi_create"),
    path("strategi/<int:pk>/ubah/", views.strategi_edit, name="strategi_update"),
    path("strategi/<int:strategi>/kebijakan/baru/", views.kebijakan_edit, name="kebijakan_create"),
    path("kebijakan/<int:pk>/ubah/", views.kebijakan_edit, name="kebijakan_update"),
    path("<str:kind>/<int:pk>/hapus/", views.child_delete, name="child_delete"),
    path("<str:kind>/<int:pk>/pindah/<str:direction>/", views.child_move, name="child_move"),
    path("nomenklatur/", views.nomenklatur_list, name="nomenklatur_list"),
    path("nomenklatur/impor/", views.nomenklatur_import, name="nomenklatur_import"),
]

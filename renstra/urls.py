from django.urls import path

from renstra.views import editor, excel, grids, nomenklatur, rpjmd, versi

app_name = "renstra"

urlpatterns = [
    path("periode/", rpjmd.periode_list, name="periode_list"),
    path("periode/baru/", rpjmd.periode_create, name="periode_create"),
    path("periode/<int:pk>/", rpjmd.periode_detail, name="periode_detail"),
    path("periode/<int:pk>/ubah/", rpjmd.periode_update, name="periode_update"),
    path("periode/<int:periode>/tujuan/baru/", rpjmd.tujuan_rpjmd_edit, name="tujuan_rpjmd_create"),
    path("periode/<int:periode>/tujuan/<int:pk>/ubah/", rpjmd.tujuan_rpjmd_edit, name="tujuan_rpjmd_update"),
    path("periode/<int:periode>/tujuan/<int:pk>/hapus/", rpjmd.TujuanRPJMDDelete.as_view(), name="tujuan_rpjmd_delete"),
    path(
        "periode/<int:periode>/tujuan/<int:tujuan>/sasaran/baru/", rpjmd.sasaran_rpjmd_edit, name="sasaran_rpjmd_create"
    ),
    path(
        "periode/<int:periode>/tujuan/<int:tujuan>/sasaran/<int:pk>/ubah/",
        rpjmd.sasaran_rpjmd_edit,
        name="sasaran_rpjmd_update",
    ),
    path(
        "periode/<int:periode>/sasaran/<int:pk>/hapus/", rpjmd.SasaranRPJMDDelete.as_view(), name="sasaran_rpjmd_delete"
    ),
    path("", versi.renstra_list, name="renstra_list"),
    path("opd/<int:opd>/baru/", versi.renstra_create, name="renstra_create"),
    path("opd/<int:opd>/impor/", excel.renstra_import, name="renstra_import"),
    path("<int:pk>/", versi.renstra_detail, name="renstra_detail"),
    path("<int:pk>/riwayat/", versi.renstra_history, name="renstra_history"),
    path("versi/<int:pk>/", editor.versi_detail, name="versi_detail"),
    path("versi/<int:pk>/keterangan/", versi.versi_update, name="versi_update"),
    path("versi/<int:pk>/tetapkan/", versi.versi_tetapkan, name="versi_tetapkan"),
    path("versi/<int:pk>/perubahan/", versi.versi_perubahan, name="versi_perubahan"),
    path("versi/<int:pk>/hapus/", versi.versi_delete, name="versi_delete"),
    path("versi/<int:pk>/banding/", versi.versi_compare, name="versi_compare"),
    path("versi/<int:pk>/excel/", excel.versi_export, name="versi_export"),
    path("versi/<int:pk>/target/", grids.target_grid, name="target_grid"),
    path("versi/<int:pk>/pagu/", grids.pagu_grid, name="pagu_grid"),
    path("versi/<int:versi>/elemen/baru/", editor.elemen_create, name="elemen_create"),
    path("elemen/<int:pk>/ubah/", editor.elemen_update, name="elemen_update"),
    path("elemen/<int:pk>/hapus/", editor.elemen_delete, name="elemen_delete"),
    path("elemen/<int:pk>/pindah/<str:direction>/", editor.elemen_move, name="elemen_move"),
    path("elemen/<int:elemen>/indikator/baru/", editor.indikator_edit, name="indikator_create"),
    path("indikator/<int:pk>/ubah/", editor.indikator_edit, name="indikator_update"),
    path("elemen/<int:sasaran>/strategi/baru/", editor.strategi_edit, name="strategi_create"),
    path("strategi/<int:pk>/ubah/", editor.strategi_edit, name="strategi_update"),
    path("strategi/<int:strategi>/kebijakan/baru/", editor.kebijakan_edit, name="kebijakan_create"),
    path("kebijakan/<int:pk>/ubah/", editor.kebijakan_edit, name="kebijakan_update"),
    path("<str:kind>/<int:pk>/hapus/", editor.child_delete, name="elemen_child_delete"),
    path("<str:kind>/<int:pk>/pindah/<str:direction>/", editor.child_move, name="elemen_child_move"),
    path("versi/<int:versi>/nomenklatur/", nomenklatur.nomenklatur_cari, name="nomenklatur_cari"),
    path("nomenklatur/", nomenklatur.nomenklatur_list, name="nomenklatur_list"),
    path("nomenklatur/riwayat/", nomenklatur.nomenklatur_riwayat, name="nomenklatur_riwayat"),
    path("nomenklatur/impor/", nomenklatur.nomenklatur_import, name="nomenklatur_import"),
    path("nomenklatur/tambah/", nomenklatur.nomenklatur_edit, name="nomenklatur_create"),
    path("nomenklatur/<int:pk>/ubah/", nomenklatur.nomenklatur_edit, name="nomenklatur_update"),
]

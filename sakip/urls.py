from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from sakip.views import bantuan, cari, general, org, people, users

sakip_patterns = [
    path("pemda/ubah/", org.PemdaUpdate.as_view(), name="pemda_update"),
    path("opd/", org.OpdList.as_view(), name="opd_list"),
    path("opd/baru/", org.OpdCreate.as_view(), name="opd_create"),
    path("opd/<int:pk>/", org.OpdDetail.as_view(), name="opd_detail"),
    path("opd/<int:pk>/ubah/", org.OpdUpdate.as_view(), name="opd_update"),
    path("opd/<int:pk>/hapus/", org.OpdDelete.as_view(), name="opd_delete"),
    path("opd/<int:opd>/unit-kerja/baru/", org.UnitKerjaCreate.as_view(), name="unitkerja_create"),
    path("opd/<int:opd>/unit-kerja/<int:pk>/ubah/", org.UnitKerjaUpdate.as_view(), name="unitkerja_update"),
    path("opd/<int:opd>/unit-kerja/<int:pk>/hapus/", org.UnitKerjaDelete.as_view(), name="unitkerja_delete"),
    path("opd/<int:opd>/jabatan/baru/", org.JabatanCreate.as_view(), name="jabatan_create"),
    path("opd/<int:opd>/jabatan/<int:pk>/ubah/", org.JabatanUpdate.as_view(), name="jabatan_update"),
    path("opd/<int:opd>/jabatan/<int:pk>/hapus/", org.JabatanDelete.as_view(), name="jabatan_delete"),
    path("pegawai/", people.PegawaiList.as_view(), name="pegawai_list"),
    path("pegawai/baru/", people.PegawaiCreate.as_view(), name="pegawai_create"),
    path("pegawai/<int:pk>/", people.PegawaiDetail.as_view(), name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", people.PegawaiUpdate.as_view(), name="pegawai_update"),
    path("pegawai/<int:pk>/hapus/", people.PegawaiDelete.as_view(), name="pegawai_delete"),
    path("pegawai/<int:pegawai>/penugasan/baru/", people.PenugasanCreate.as_view(), name="penugasan_create"),
    path("pegawai/<int:pegawai>/penugasan/<int:pk>/ubah/", people.PenugasanUpdate.as_view(), name="penugasan_update"),
    path("pegawai/<int:pegawai>/penugasan/<int:pk>/hapus/", people.PenugasanDelete.as_view(), name="penugasan_delete"),
    path("pengguna/", users.UserList.as_view(), name="user_list"),
    path("pengguna/baru/", users.user_create, name="user_create"),
    path("pengguna/<int:pk>/ubah/", users.user_update, name="user_update"),
    path("pengguna/<int:pk>/kata-sandi/", users.user_set_password, name="user_set_password"),
    path("pengguna/<int:pk>/hapus/", users.UserDelete.as_view(), name="user_delete"),
    path("audit/", general.AuditLog.as_view(), name="audit_log"),
    path("riwayat/<str:app_label>/<str:model_name>/<int:pk>/", general.object_history, name="object_history"),
    path("opd-aktif/", general.switch_opd, name="switch_opd"),
]

handler400 = "sakip.middleware.bad_request"

urlpatterns = [
    path("", general.home, name="home"),
    path("cari/", cari.cari, name="cari"),
    path("bantuan/", bantuan.bantuan, name="bantuan_index"),
    path("bantuan/<slug:bagian>/", bantuan.bantuan, name="bantuan"),
    path("", include((sakip_patterns, "sakip"))),
    path("renstra/", include("renstra.urls")),
    path("pk/", include("kinerja.urls")),
    path("realisasi/", include("kinerja.urls.realisasi")),
    path("dokumen/", include("lkjip.urls")),
    path("pohon-kinerja/", include("pohon.urls")),
    path("evaluasi/", include("evaluasi.urls")),
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("kata-sandi/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("kata-sandi/selesai/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("operator/", admin.site.urls),
]

if settings.DEBUG:  # in production the reverse proxy serves the logos (README, "Production")
    # Only logos are public: evidence files and signed PDFs go through views that check access.
    urlpatterns += static(f"{settings.MEDIA_URL}logo/", document_root=settings.MEDIA_ROOT / "logo")

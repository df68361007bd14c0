"""The access matrix: role × action × own/other OPD, for every core page.

alice plans OPD A, bob evaluates OPD A, carol plans OPD B (same pemda), dave administers pemda 1,
erin is the pimpinan holding the head of OPD A, frank administers pemda 2.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sakip import access
from sakip.access import Perm
from sakip.models import Peran
from sakip.testing import make_user

ROLES = ["alice", "bob", "carol", "dave", "erin", "frank"]

# (name, url(w), method, expected status per role in ROLES order)
MATRIX = [
    ("opd list", lambda w: reverse("sakip:opd_list"), "get", [200, 200, 200, 200, 200, 200]),
    ("opd detail A", lambda w: reverse("sakip:opd_detail", args=[w.opd_a.pk]), "get", [200, 200, 404, 200, 200, 404]),
    ("opd create", lambda w: reverse("sakip:opd_create"), "get", [403, 403, 403, 200, 403, 200]),
    ("opd update A", lambda w: reverse("sakip:opd_update", args=[w.opd_a.pk]), "get", [403, 403, 404, 200, 403, 404]),
    ("opd delete A", lambda w: reverse("sakip:opd_delete", args=[w.opd_a.pk]), "get", [403, 403, 404, 200, 403, 404]),
    (
        "unit create A",
        lambda w: reverse("sakip:unitkerja_create", args=[w.opd_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "unit update A",
        lambda w: reverse("sakip:unitkerja_update", args=[w.opd_a.pk, w.unit_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "unit of B under A's url",
        lambda w: reverse("sakip:unitkerja_update", args=[w.opd_a.pk, w.unit_b.pk]),
        "get",
        [404, 404, 404, 404, 404, 404],
    ),
    (
        "jabatan create A",
        lambda w: reverse("sakip:jabatan_create", args=[w.opd_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "jabatan update A",
        lambda w: reverse("sakip:jabatan_update", args=[w.opd_a.pk, w.sekretaris_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "jabatan delete A",
        lambda w: reverse("sakip:jabatan_delete", args=[w.opd_a.pk, w.sekretaris_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    ("pegawai list", lambda w: reverse("sakip:pegawai_list"), "get", [200, 200, 200, 200, 200, 200]),
    ("pegawai create", lambda w: reverse("sakip:pegawai_create"), "get", [403, 403, 403, 200, 403, 200]),
    (
        "pegawai A",
        lambda w: reverse("sakip:pegawai_detail", args=[w.pegawai_a.pk]),
        "get",
        [200, 200, 404, 200, 200, 404],
    ),
    (
        "pegawai A update",
        lambda w: reverse("sakip:pegawai_update", args=[w.pegawai_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "penugasan A update",
        lambda w: reverse("sakip:penugasan_update", args=[w.pegawai_a.pk, w.penugasan_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    (
        "penugasan A create",
        lambda w: reverse("sakip:penugasan_create", args=[w.pegawai_a.pk]),
        "get",
        [403, 403, 404, 200, 403, 404],
    ),
    ("user list", lambda w: reverse("sakip:user_list"), "get", [403, 403, 403, 200, 403, 200]),
    ("user create", lambda w: reverse("sakip:user_create"), "get", [403, 403, 403, 200, 403, 200]),
    (
        "user update alice",
        lambda w: reverse("sakip:user_update", args=[w.alice.pk]),
        "get",
        [404, 404, 404, 200, 404, 404],
    ),
    (
        "user password alice",
        lambda w: reverse("sakip:user_set_password", args=[w.alice.pk]),
        "get",
        [404, 404, 404, 200, 404, 404],
    ),
    (
        "user delete alice",
        lambda w: reverse("sakip:user_delete", args=[w.alice.pk]),
        "get",
        [404, 404, 404, 200, 404, 404],
    ),
    ("audit log", lambda w: reverse("sakip:audit_log"), "get", [403, 403, 403, 200, 403, 200]),
    (
        "history of OPD A",
        lambda w: reverse("sakip:object_history", args=["sakip", "perangkatdaerah", w.opd_a.pk]),
        "get",
        [200, 200, 404, 200, 200, 404],
    ),
    (
        "history of a user",
        lambda w: reverse("sakip:object_history", args=["sakip", "user", w.alice.pk]),
        "get",
        [404, 404, 404, 200, 404, 404],
    ),
    ("pemda profile", lambda w: reverse("sakip:pemda_update"), "get", [403, 403, 403, 200, 403, 200]),
    ("search", lambda w: reverse("cari") + "?q=dinas", "get", [200, 200, 200, 200, 200, 200]),
    ("help", lambda w: reverse("bantuan", args=["realisasi"]), "get", [200, 200, 200, 200, 200, 200]),
    ("switch to OPD A", lambda w: reverse("sakip:switch_opd"), "post-opd-a", [302, 302, 404, 302, 302, 404]),
]


@pytest.mark.parametrize("name,url,method,expected", MATRIX, ids=[row[0] for row in MATRIX])
def test_access_matrix(client, world, name, url, method, expected):
    target = url(world)
    for role, status in zip(ROLES, expected, strict=True):
        client.force_login(getattr(world, role))
        if method == "post-opd-a":
            response = client.post(target, {"opd": world.opd_a.pk})
        else:
            response = client.get(target)
        assert response.status_code == status, f"{name}: {role} got {response.status_code}, expected {status}"


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("sakip:opd_detail", args=[world.opd_a.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_lists_show_only_what_is_in_scope(client, world):
    client.force_login(world.carol)
    page = client.get(reverse("sakip:opd_list")).content.decode()
    assert "Dinas B" in page and "Badan A" not in page and "Dinas C" not in page
    client.force_login(world.dave)
    page = client.get(reverse("sakip:opd_list")).content.decode()
    assert "Dinas B" in page and "Badan A" in page and "Dinas C" not in page


def test_forbidden_post_changes_nothing(client, world):
    client.force_login(world.bob)  # evaluator: reads, never edits
    response = client.post(reverse("sakip:opd_update", args=[world.opd_a.pk]), {"kode": "X", "nama": "Diubah"})
    assert response.status_code == 403
    world.opd_a.refresh_from_db()
    assert world.opd_a.nama == "Badan A"


def test_delete_by_other_pemda_admin_is_404_and_keeps_object(client, world):
    client.force_login(world.frank)
    response = client.post(reverse("sakip:jabatan_delete", args=[world.opd_a.pk, world.sekretaris_a.pk]))
    assert response.status_code == 404
    assert world.sekretaris_a.__class__.objects.filter(pk=world.sekretaris_a.pk).exists()


def test_scope_of_each_role(world):
    assert access.scope_for(world.alice).editable_opd_ids == {world.opd_a.pk}
    assert access.scope_for(world.bob).editable_opd_ids == frozenset()
    assert access.scope_for(world.bob).readable_opd_ids == {world.opd_a.pk}
    assert access.scope_for(world.dave).readable_opd_ids == {world.opd_a.pk, world.opd_b.pk}
    assert access.scope_for(world.erin).readable_opd_ids == {world.opd_a.pk}
    assert access.can(world.alice, Perm.EDIT, world.opd_a)
    assert not access.can(world.alice, Perm.EDIT, world.opd_b)
    assert not access.can(world.dave, Perm.EDIT, world.opd_a)  # admins manage structure, not plans
    assert access.scope_for(world.olga).everything


def test_evaluator_for_whole_pemda(world):

    inspektur = make_user("ines", world.pemda, (Peran.Jenis.EVALUATOR, None))
    assert access.scope_for(inspektur).readable_opd_ids == {world.opd_a.pk, world.opd_b.pk}
    assert not access.scope_for(inspektur).editable_opd_ids


def test_role_on_an_opd_of_another_pemda_gives_nothing(world):

    # Such a row can only be written around the forms; access still ignores it.
    sneaky = make_user("sneaky", world.pemda, (Peran.Jenis.PERENCANA, world.opd_c))
    assert access.scope_for(sneaky).readable_opd_ids == frozenset()


def test_inactive_user_has_no_scope(world):
    world.alice.is_active = False
    assert access.scope_for(world.alice) == access.EMPTY


def test_only_these_pages_are_open_without_login():
    """A view marked ``login_not_required`` is public: the list is short and every entry deliberate."""

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + (f"{p.namespace}:" if p.namespace else ""))
            elif isinstance(p, URLPattern) and p.name and getattr(p.callback, "login_required", True) is False:
                yield prefix + p.name

    public = set(walk(get_resolver().url_patterns))
    # The QR check of a signed PK is public (minimal and rate-limited: kinerja/tests/test_pk_verifikasi.py).
    assert public == {"login", "admin:login", "kinerja:pk_verifikasi"}

"""The shell around every page: navigation per role and the OPD switcher."""

from django.urls import reverse

from sakip.models import Peran
from sakip.testing import make_user


def nav_of(client, user) -> str:
    client.force_login(user)
    html = client.get(reverse("home")).content.decode()
    return html[html.index('data-testid="nav"') : html.index("</ul>", html.index('data-testid="nav"'))]


def test_navigation_fits_the_role(client, world):
    assert "Pengaturan" in nav_of(client, world.dave)
    assert "Pengguna" in nav_of(client, world.dave)
    for user in (world.alice, world.bob, world.erin):
        nav = nav_of(client, user)
        assert "Perangkat Daerah" in nav and "Pengaturan" not in nav and "Operator" not in nav
    assert "Operator" in nav_of(client, world.olga)


def test_user_without_role_is_told_so(client, world):

    client.force_login(make_user("nobody", world.pemda))
    html = client.get(reverse("home")).content.decode()
    assert "belum diberi peran" in html
    assert "Perangkat Daerah" not in nav_of(client, make_user("nobody2", world.pemda))


def test_opd_switcher_for_a_planner_of_two_opd(client, world):
    Peran.objects.create(user=world.alice, jenis=Peran.Jenis.PERENCANA, opd=world.opd_b)
    client.force_login(world.alice)
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="opd-switcher"' in html
    response = client.post(reverse("sakip:switch_opd"), {"opd": world.opd_b.pk, "next": "/opd/"})
    assert response.status_code == 302 and response.url == "/opd/"
    assert client.session["active_opd"] == world.opd_b.pk
    html = client.get(reverse("home")).content.decode()
    assert f'<option value="{world.opd_b.pk}" selected>' in html


def test_switcher_ignores_foreign_redirects(client, world):
    client.force_login(world.alice)
    response = client.post(reverse("sakip:switch_opd"), {"opd": world.opd_a.pk, "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_single_opd_users_get_no_switcher(client, world):
    client.force_login(world.bob)
    assert 'data-testid="opd-switcher"' not in client.get(reverse("home")).content.decode()

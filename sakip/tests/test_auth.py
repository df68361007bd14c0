"""Login, throttling of failed logins, session settings, and the Indonesian error pages."""

import pytest
from django.conf import settings
from django.urls import reverse

from sakip.testing import PASSWORD


def test_login_and_logout(client, world):
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert "Selamat datang" in client.get(reverse("home")).content.decode()
    assert client.get(reverse("logout")).status_code == 405  # logging out is a POST (CSRF-protected)
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_says_so_in_indonesian(client, world):
    response = client.post(reverse("login"), {"username": "alice", "password": "salah"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Nama pengguna atau kata sandi salah." in text
    assert "nama pengguna nama pengguna" not in text.lower()


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.implementation = None  # pick up the changed setting
    yield
    AxesProxyHandler.implementation = None


def test_failed_logins_are_throttled(client, world, axes_on):
    for _ in range(3):
        client.post(reverse("login"), {"username": "alice", "password": "salah"})
    # Even the right password is refused while the lock lasts.
    response = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan masuk yang gagal" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302  # not logged in


def test_other_user_is_not_locked_by_alices_failures(client, world, axes_on):
    for _ in range(3):
        client.post(reverse("login"), {"username": "alice", "password": "salah"})
    response = client.post(reverse("login"), {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302


def _fail_three_times(client, **headers):
    for _ in range(3):
        client.post(reverse("login"), {"username": "alice", "password": "salah"}, **headers)


def _login(client, **headers):
    return client.post(reverse("login"), {"username": "alice", "password": PASSWORD}, **headers).status_code


def test_behind_a_proxy_two_clients_are_throttled_separately(client, world, axes_on, settings):
    settings.PROXY_COUNT = 1  # nginx: every request arrives from its address, the client's in X-Forwarded-For
    nginx = {"REMOTE_ADDR": "127.0.0.1"}
    _fail_three_times(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **nginx)
    assert _login(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **nginx) == 429
    # A prefix written by the client itself does not move it to another address.
    assert _login(client, HTTP_X_FORWARDED_FOR="198.51.100.2, 198.51.100.1", **nginx) == 429
    # Another client behind the same nginx is not locked out by the first one's failures.
    assert _login(client, HTTP_X_FORWARDED_FOR="198.51.100.2", **nginx) == 302


def test_without_a_proxy_a_forged_forwarded_for_is_ignored(client, world, axes_on, settings):
    settings.PROXY_COUNT = 0
    _fail_three_times(client, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="8.8.8.8")
    assert _login(client, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="9.9.9.9") == 429
    assert _login(client, REMOTE_ADDR="198.51.100.10") == 302


def test_session_and_password_policy():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert {"MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"} <= set(names)


def test_password_change_validates(client, world):
    client.force_login(world.alice)
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"}
    )
    assert "terlalu umum" in response.content.decode()


def test_404_page_is_indonesian(client, world):
    client.force_login(world.carol)
    response = client.get(reverse("sakip:opd_detail", args=[world.opd_a.pk]))
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_403_page_is_indonesian(client, world):
    client.force_login(world.bob)
    response = client.get(reverse("sakip:opd_update", args=[world.opd_a.pk]))
    assert response.status_code == 403
    assert "Akses ditolak" in response.content.decode()


def test_csrf_is_enforced(world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.dave)
    response = strict.post(reverse("sakip:opd_create"), {"kode": "Z", "nama": "Z"})
    assert response.status_code == 403

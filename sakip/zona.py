"""Each pemda's time zone (WIB, WITA, WIT): its users see dates and times, and "today", in it.

At login the user's pemda's zone is kept in the session (:func:`simpan_zona`, no query on later requests);
:class:`ZonaWaktuMiddleware` activates it for each request. Without a pemda (operators) or a session the
site's ``TIME_ZONE`` (WIB) applies. A change of the pemda's zone applies to its users from their next login
(the admin who changes it: at once).
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from sakip.models import Pemda

SESSION_KEY = "zona_waktu"
ZONA = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}  # Pemda.zona_waktu's choices: WIB, WITA, WIT


def simpan(request, zona: str | None) -> None:
    """Keep ``zona`` (a pemda's) in the session, or forget it."""
    if zona in ZONA:
        request.session[SESSION_KEY] = zona
    else:
        request.session.pop(SESSION_KEY, None)


@receiver(user_logged_in, dispatch_uid="sakip.zona")
def simpan_zona(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    zona = Pemda.objects.filter(pk=user.pemda_id).values_list("zona_waktu", flat=True).first()
    simpan(request, zona)


class ZonaWaktuMiddleware:
    """Activate the time zone kept in the session for the request (after the session middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        zona = session.get(SESSION_KEY) if session is not None else None
        if zona in ZONA:
            timezone.activate(zona)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

"""What the layout needs on every page: the navigation for the user's roles and the OPD switcher."""

from __future__ import annotations

from django.utils import timezone

from sakip import access, services
from sakip.models import Peran

# Spreadsheet pages (plan tree, grids, the PK): the whole width of the screen, so every year of a six-year
# period and a row's buttons are in view at 1366 px.
WIDE_PAGES = frozenset(
    {
        "renstra:versi_detail",
        "renstra:target_grid",
        "renstra:pagu_grid",
        "renstra:versi_compare",
        "kinerja:pk_detail",
        "kinerja:rencana_aksi_grid",
        "realisasi:indikator_grid",
        "realisasi:anggaran_grid",
        "realisasi:opd_dashboard",
        "realisasi:pemda_dashboard",
    }
)


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = access.scope_for(user)
    choices = getattr(request, "_opd_choices", None)
    if choices is None:
        choices = request._opd_choices = services.opd_choices_for(user)
    return {
        "nav": {
            "is_admin": bool(scope.managed_pemda_ids),
            "is_operator": user.is_superuser,
            "roles": sorted(Peran.Jenis(r).label for r in scope.roles if r in Peran.Jenis.values),
            "opd_choices": choices,
            "active_opd": services.active_opd(request),
            "can_see_opd": bool(scope.readable_opd_ids) or scope.everything,
            "tahun": timezone.localdate().year,
            "wide": getattr(getattr(request, "resolver_match", None), "view_name", None) in WIDE_PAGES,
        }
    }

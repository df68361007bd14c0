"""Home, the OPD switcher, the audit log and object history, error pages."""

from __future__ import annotations

from django.apps import apps
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from sakip import access, audit, inbox, panels, services
from sakip.access import Perm
from sakip.models import Peran, PerangkatDaerah
from sakip.tables import AuditEntryFilter
from sakip.views.generic import require_pemda


def home(request):
    """What each role starts from: their OPD, their positions, and for admins the pemda at a glance."""
    user = request.user
    scope = access.scope_for(user)
    opds = list(PerangkatDaerah.objects.for_user(user).select_related("pemda").filter(aktif=True)[:50])
    context = {
        "scope": scope,
        "opds": opds,
        "active_opd": services.active_opd(request),
        "is_admin": bool(scope.managed_pemda_ids),
        "is_pimpinan": Peran.Jenis.PIMPINAN in scope.roles,
        "is_evaluator": Peran.Jenis.EVALUATOR in scope.roles,
    }
    if user.pegawai_id:
        context["jabatan_saya"] = list(
            user.pegawai.penugasan.aktif_pada(timezone.localdate()).select_related("jabatan__opd", "jabatan__atasan")
        )
    context["inbox"] = inbox.items_for(user, scope)
    context["panels"] = panels.panels_for(request, scope)
    if context["is_admin"]:
        context["recent_changes"] = list(audit.for_pemda(scope.managed_pemda_ids)[:8])
    return render(request, "sakip/home.html", context)


@require_POST
def switch_opd(request):
    """Remember which OPD the user works on; only an OPD they may see is accepted."""
    opd = access.get_for_user(request.user, PerangkatDaerah.objects, Perm.VIEW, pk=request.POST.get("opd") or 0)
    request.session["active_opd"] = opd.pk
    target = request.POST.get("next") or "home"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "home"
    return redirect(target)


class AuditLog(FilterView):
    """The pemda's whole log, for its admins (changes of deleted objects included)."""

    template_name = "sakip/audit_log.html"
    filterset_class = AuditEntryFilter
    paginate_by = 50

    def get_queryset(self):
        pemda = require_pemda(self.request.user)
        access.require(self.request.user, Perm.MANAGE, pemda)
        return audit.for_pemda([pemda.pk])


def object_history(request, app_label: str, model_name: str, pk: int):
    """The history of one object, for whoever may read it."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not hasattr(model.objects, "for_user"):
        raise Http404
    obj = access.get_for_user(request.user, model.objects, Perm.VIEW, pk=pk)
    entries = audit.history_of(obj)
    return render(request, "sakip/object_history.html", {"object": obj, "entries": entries})

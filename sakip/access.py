"""Who may see and do what: the one place where access is decided.

Lists are scoped with ``Model.objects.for_user(user)``, which uses :func:`scope_for`. Single objects go
through :func:`get_for_user`: an object outside the user's scope is a 404 (we do not confirm that it
exists), a visible object the user may not act on is a 403.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from sakip.models import Penugasan, Peran, PerangkatDaerah


class Perm(enum.Enum):
    VIEW = "view"  # read an OPD's data: every role that has the OPD in scope
    EDIT = "edit"  # change an OPD's plans and realisations: its perencana
    MANAGE = "manage"  # change organisation data (OPD, structure, people, users): the admin pemda
    APPROVE = "approve"  # sign for a position: the pimpinan holding it (checked per document)
    EVALUATE = "evaluate"  # evaluate an OPD's SAKIP (LKE): the evaluators (Inspektorat) with the OPD in scope


@dataclass(frozen=True)
class Scope:
    everything: bool = False  # superuser (operators)
    readable_opd_ids: frozenset[int] = field(default_factory=frozenset)
    editable_opd_ids: frozenset[int] = field(default_factory=frozenset)
    managed_pemda_ids: frozenset[int] = field(default_factory=frozenset)
    evaluated_opd_ids: frozenset[int] = field(default_factory=frozenset)
    roles: frozenset[str] = field(default_factory=frozenset)

    def can(self, perm: Perm, *, opd_id: int | None = None, pemda_id: int | None = None) -> bool:
        if self.everything:
            return True
        if perm is Perm.VIEW:
            return opd_id in self.readable_opd_ids if opd_id else pemda_id in self.managed_pemda_ids
        if perm is Perm.EDIT:
            return opd_id in self.editable_opd_ids
        if perm is Perm.MANAGE:
            return pemda_id in self.managed_pemda_ids
        if perm is Perm.EVALUATE:
            return opd_id in self.evaluated_opd_ids
        return False


EMPTY = Scope()


def scope_for(user) -> Scope:
    """The user's scope, computed once per request (cached on the user object) in two queries."""
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY
    cached = getattr(user, "_sakip_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(everything=True, roles=frozenset({"superuser"}))
    else:
        readable, editable, managed, roles, evaluated = set(), set(), set(), set(), set()
        all_of_pemda = evaluates_pemda = False
        for jenis, opd_id in Peran.objects.filter(user=user).values_list("jenis", "opd_id"):
            roles.add(jenis)
            if jenis == Peran.Jenis.ADMIN_PEMDA:
                managed.add(user.pemda_id)
                all_of_pemda = True
            elif jenis == Peran.Jenis.PERENCANA:
                readable.add(opd_id)
                editable.add(opd_id)
            elif jenis == Peran.Jenis.EVALUATOR:
                if opd_id is None:
                    all_of_pemda = evaluates_pemda = True
                else:
                    readable.add(opd_id)
                    evaluated.add(opd_id)
            elif jenis == Peran.Jenis.PIMPINAN and user.pegawai_id:
                held = Penugasan.objects.aktif_pada(timezone.localdate()).filter(pegawai_id=user.pegawai_id)
                readable.update(held.values_list("jabatan__opd_id", flat=True))
        if all_of_pemda and user.pemda_id:
            readable.update(PerangkatDaerah.objects.filter(pemda_id=user.pemda_id).values_list("pk", flat=True))
            if evaluates_pemda:
                evaluated.update(readable)
        # Roles never reach across pemda, whatever was stored.
        if user.pemda_id:
            allowed = set(
                PerangkatDaerah.objects.filter(pemda_id=user.pemda_id, pk__in=readable).values_list("pk", flat=True)
            )
        else:
            allowed = set()
        managed.discard(None)
        scope = Scope(
            readable_opd_ids=frozenset(allowed),
            editable_opd_ids=frozenset(editable & allowed),
            managed_pemda_ids=frozenset(managed),
            evaluated_opd_ids=frozenset(evaluated & allowed),
            roles=frozenset(roles),
        )
    user._sakip_scope = scope
    return scope


def forget_scope(user) -> None:
    """Call after changing a user's roles within the same request."""
    if hasattr(user, "_sakip_scope"):
        del user._sakip_scope


def _pemda_of(obj: Model, opd_id: int | None) -> int | None:
    pemda_id = getattr(obj, "pemda_id", None)
    if pemda_id is None and opd_id is not None:
        pemda_id = PerangkatDaerah.objects.filter(pk=opd_id).values_list("pemda_id", flat=True).first()
    return pemda_id


def can(user, perm: Perm, obj: Model) -> bool:
    """Whether ``user`` may do ``perm`` on ``obj``, which names its OPD (``opd_id``) or its pemda."""
    scope = scope_for(user)
    opd_id = getattr(obj, "opd_id", None)
    if perm is Perm.MANAGE:
        return scope.can(perm, pemda_id=_pemda_of(obj, opd_id))
    if perm is Perm.VIEW and opd_id is None:
        return scope.can(perm, pemda_id=_pemda_of(obj, opd_id))
    return scope.can(perm, opd_id=opd_id)


def can_discard_draft(user, obj: Model) -> bool:
    """Who may delete an OPD's draft document (a PK not yet submitted): its planners, who drafted it, and the
    admin pemda, who manage the parties it names (a draft made for the wrong position is theirs to clear)."""
    return can(user, Perm.EDIT, obj) or can(user, Perm.MANAGE, obj)


def require(user, perm: Perm, obj: Model) -> None:
    if not can(user, perm, obj):
        raise PermissionDenied


def sees_evaluator_notes(user, evaluasi) -> bool:
    """The evaluators' grades and notes of an evaluation (LKE): its evaluators always; everyone else who may see
    the evaluation (the OPD's perencana, its pimpinan, the admin pemda) only once the notes are released."""
    return can(user, Perm.EVALUATE, evaluasi) or evaluasi.dirilis_pada is not None


#: who grades at each level of an evaluation (the ``Tingkat`` of evaluasi's ``Jawaban``), by team role
_TEAM_ROLES = {"anggota": {"anggota", "ketua", "pengendali"}, "ketua": {"ketua"}, "pengendali": {"pengendali"}}


def may_grade(user, evaluasi, tingkat: str) -> bool:
    """The self-assessment (``mandiri``) is the OPD's perencana's; the evaluator's grade is any team member's, the
    reviews the ketua tim's and the pengendali teknis'; a member must also evaluate the OPD (Perm.EVALUATE)."""
    if tingkat == "mandiri":
        return can(user, Perm.EDIT, evaluasi)
    if not can(user, Perm.EVALUATE, evaluasi):
        return False
    if scope_for(user).everything:
        return True
    return evaluasi.tim.filter(user=user, peran__in=_TEAM_ROLES.get(tingkat, ())).exists()


def may_adapt_templates(user, pemda_id: int | None) -> bool:
    """A pemda's LKE templates are copied and adapted by its admin and its pemda-wide evaluators (Inspektorat)."""
    scope = scope_for(user)
    if scope.everything:
        return True
    if pemda_id is None or getattr(user, "pemda_id", None) != pemda_id:
        return False
    return pemda_id in scope.managed_pemda_ids or bool(
        scope.evaluated_opd_ids and Peran.objects.filter(user=user, jenis=Peran.Jenis.EVALUATOR, opd=None).exists()
    )


def get_for_user(user, queryset: QuerySet, perm: Perm = Perm.VIEW, **lookup) -> Model:
    """The object if ``user`` may see it (else 404) and may do ``perm`` on it (else 403)."""
    obj = get_object_or_404(queryset.for_user(user), **lookup)
    if perm is not Perm.VIEW:  # visible through for_user is what VIEW means
        require(user, perm, obj)
    return obj

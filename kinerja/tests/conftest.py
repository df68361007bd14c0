import pytest

from renstra import services as renstra_services
from renstra.models import Indikator, Level
from renstra.testing import generate_plan, make_periode, make_versi


@pytest.fixture
def plan(world):
    """OPD A's Renstra 2021–2026, ditetapkan from 2021; the sasaran indicator is an IKU in %."""
    versi = generate_plan(make_versi(world.opd_a, make_periode(world.pemda)))
    ind = Indikator.objects.get(elemen__versi=versi, elemen__level=Level.SASARAN)
    ind.is_iku, ind.satuan = True, "%"
    ind.save()
    return renstra_services.tetapkan(versi, berlaku_mulai=2021, actor=None)

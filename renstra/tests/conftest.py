import pytest

from renstra.testing import generate_plan, make_periode, make_versi


@pytest.fixture
def periode(world):
    return make_periode(world.pemda)


@pytest.fixture
def versi(world, periode):
    """A draft Renstra of OPD A (alice plans it, bob evaluates it) with 2 programs × 2 kegiatan × 2 subs."""
    return generate_plan(make_versi(world.opd_a, periode))

import pytest

from tests.factories import (
    GlossaryIndexPageFactory,
    SideEffectIndexPageFactory,
    TreatmentIndexPageFactory,
    home_page,
)


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def treatment_index(home):
    return TreatmentIndexPageFactory(parent=home)


@pytest.fixture
def side_effect_index(home):
    return SideEffectIndexPageFactory(parent=home)


@pytest.fixture
def glossary_index(home):
    return GlossaryIndexPageFactory(parent=home)

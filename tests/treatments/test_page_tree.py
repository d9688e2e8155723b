"""Treatments and side effects sit only where the page tree says."""

from wagtail.test.utils import WagtailPageTestCase

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from tests.factories import (
    SideEffectIndexPageFactory,
    SideEffectPageFactory,
    TreatmentComparisonPageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    home_page,
)
from treatments.models import (
    SideEffectIndexPage,
    SideEffectPage,
    TreatmentComparisonPage,
    TreatmentIndexPage,
    TreatmentPage,
)


class TreatmentPageTreeTests(WagtailPageTestCase):
    def test_index_pages_sit_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(TreatmentIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(SideEffectIndexPage, {HomePage})

    def test_treatments_sit_only_under_the_treatment_index(self):
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentIndexPage})
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentPage, TreatmentComparisonPage})
        for parent in (HomePage, SideEffectIndexPage, GlossaryIndexPage, TreatmentPage):
            self.assertCanNotCreateAt(parent, TreatmentPage)

    def test_the_comparison_sits_once_only_under_the_treatment_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(TreatmentComparisonPage, {TreatmentIndexPage})
        self.assertAllowedSubpageTypes(TreatmentComparisonPage, set())
        for parent in (HomePage, TreatmentPage, SideEffectIndexPage, GlossaryIndexPage):
            self.assertCanNotCreateAt(parent, TreatmentComparisonPage)
        index = TreatmentIndexPageFactory(parent=home_page())
        self.assertTrue(TreatmentComparisonPage.can_create_at(index))
        comparison = TreatmentComparisonPageFactory(parent=index)
        self.assertFalse(TreatmentComparisonPage.can_create_at(index))
        self.assertPageIsRoutable(comparison)
        self.assertPageIsRenderable(comparison)

    def test_side_effects_sit_only_under_the_side_effect_index(self):
        self.assertAllowedParentPageTypes(SideEffectPage, {SideEffectIndexPage})
        self.assertAllowedSubpageTypes(SideEffectIndexPage, {SideEffectPage})
        for parent in (HomePage, TreatmentIndexPage, TreatmentPage, GlossaryIndexPage):
            self.assertCanNotCreateAt(parent, SideEffectPage)

    def test_treatment_and_side_effect_pages_have_no_children(self):
        self.assertAllowedSubpageTypes(TreatmentPage, set())
        self.assertAllowedSubpageTypes(SideEffectPage, set())
        self.assertCanNotCreateAt(TreatmentPage, GlossaryTermPage)

    def test_each_index_page_can_be_created_once(self):
        home = home_page()
        for factory, model in (
            (TreatmentIndexPageFactory, TreatmentIndexPage),
            (SideEffectIndexPageFactory, SideEffectIndexPage),
        ):
            with self.subTest(model=model.__name__):
                self.assertCanCreateAt(HomePage, model)
                self.assertTrue(model.can_create_at(home))
                factory(parent=home)
                self.assertFalse(model.can_create_at(home))

    def test_treatment_and_side_effect_pages_are_routable_and_render(self):
        treatment = TreatmentPageFactory(parent=TreatmentIndexPageFactory(parent=home_page()))
        side_effect = SideEffectPageFactory(parent=SideEffectIndexPageFactory(parent=home_page()))
        for page in (treatment.get_parent(), treatment, side_effect.get_parent(), side_effect):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

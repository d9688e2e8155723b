"""The patient tools sit once each where patients look for them, and have no children."""

from wagtail.test.utils import WagtailPageTestCase

from glossary.models import GlossaryIndexPage
from home.models import HomePage
from tests.factories import (
    QuestionsGuidePageFactory,
    TreatmentComparisonPageFactory,
    TreatmentHistoryPageFactory,
    TreatmentIndexPageFactory,
    home_page,
)
from tools.models import QuestionsGuidePage, TreatmentComparisonPage, TreatmentHistoryPage
from treatments.models import SideEffectIndexPage, TreatmentIndexPage, TreatmentPage

TOOLS = (TreatmentComparisonPage, TreatmentHistoryPage, QuestionsGuidePage)


class ToolsPageTreeTests(WagtailPageTestCase):
    def test_the_comparison_sits_only_under_the_treatment_index(self):
        self.assertAllowedParentPageTypes(TreatmentComparisonPage, {TreatmentIndexPage})
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentPage, TreatmentComparisonPage})
        for parent in (HomePage, TreatmentPage, SideEffectIndexPage, GlossaryIndexPage):
            self.assertCanNotCreateAt(parent, TreatmentComparisonPage)

    def test_the_worksheets_sit_only_under_the_home_page(self):
        for model in (TreatmentHistoryPage, QuestionsGuidePage):
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertCanCreateAt(HomePage, model)
                self.assertCanNotCreateAt(TreatmentIndexPage, model)

    def test_the_tools_have_no_children(self):
        for model in TOOLS:
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, set())

    def test_each_tool_can_be_created_once(self):
        index = TreatmentIndexPageFactory(parent=home_page())
        for factory, model, parent in (
            (TreatmentComparisonPageFactory, TreatmentComparisonPage, index),
            (TreatmentHistoryPageFactory, TreatmentHistoryPage, home_page()),
            (QuestionsGuidePageFactory, QuestionsGuidePage, home_page()),
        ):
            with self.subTest(model=model.__name__):
                self.assertTrue(model.can_create_at(parent))
                factory(parent=parent)
                self.assertFalse(model.can_create_at(parent))

    def test_the_tools_are_routable_and_render(self):
        index = TreatmentIndexPageFactory(parent=home_page())
        for page in (
            TreatmentComparisonPageFactory(parent=index),
            TreatmentHistoryPageFactory(parent=home_page()),
            QuestionsGuidePageFactory(parent=home_page()),
        ):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

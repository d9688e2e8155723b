"""The patient worksheets sit once each under the home page, and have no children."""

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from tests.factories import (
    QuestionsGuidePageFactory,
    TreatmentHistoryPageFactory,
    TreatmentIndexPageFactory,
    home_page,
)
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import TreatmentIndexPage

WORKSHEETS = (TreatmentHistoryPage, QuestionsGuidePage)


class ToolsPageTreeTests(WagtailPageTestCase):
    def test_the_worksheets_sit_only_under_the_home_page(self):
        for model in WORKSHEETS:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertCanCreateAt(HomePage, model)
                self.assertCanNotCreateAt(TreatmentIndexPage, model)

    def test_the_worksheets_have_no_children(self):
        for model in WORKSHEETS:
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, set())

    def test_each_worksheet_can_be_created_once(self):
        TreatmentIndexPageFactory(parent=home_page())
        for factory, model in (
            (TreatmentHistoryPageFactory, TreatmentHistoryPage),
            (QuestionsGuidePageFactory, QuestionsGuidePage),
        ):
            with self.subTest(model=model.__name__):
                self.assertTrue(model.can_create_at(home_page()))
                factory(parent=home_page())
                self.assertFalse(model.can_create_at(home_page()))

    def test_the_worksheets_are_routable_and_render(self):
        for page in (
            TreatmentHistoryPageFactory(parent=home_page()),
            QuestionsGuidePageFactory(parent=home_page()),
        ):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

"""The page tree keeps its shape: one home page, directly under the root."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from glossary.models import GlossaryIndexPage
from home.models import HomePage
from tests.factories import home_page
from tools.models import QuestionsGuidePage, TreatmentHistoryPage
from treatments.models import SideEffectIndexPage, TreatmentIndexPage


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_can_only_sit_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_only_the_three_index_pages_and_the_two_worksheets(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                TreatmentIndexPage,
                SideEffectIndexPage,
                GlossaryIndexPage,
                TreatmentHistoryPage,
                QuestionsGuidePage,
            },
        )

    def test_a_second_home_page_cannot_be_created(self):
        root = Page.get_first_root_node()
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertFalse(HomePage.can_create_at(root))

    def test_the_home_page_is_routable_and_renders(self):
        home = home_page()
        self.assertPageIsRoutable(home)
        self.assertPageIsRenderable(home)

"""Glossary terms sit only under the glossary index, which sits once under the home page."""

from wagtail.test.utils import WagtailPageTestCase

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from home.models import HomePage
from tests.factories import GlossaryIndexPageFactory, GlossaryTermPageFactory, home_page
from treatments.models import SideEffectIndexPage, TreatmentIndexPage, TreatmentPage


class GlossaryPageTreeTests(WagtailPageTestCase):
    def test_the_glossary_index_sits_only_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(GlossaryIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, GlossaryIndexPage)
        GlossaryIndexPageFactory(parent=home_page())
        self.assertFalse(GlossaryIndexPage.can_create_at(home_page()))

    def test_terms_sit_only_under_the_glossary_index(self):
        self.assertAllowedParentPageTypes(GlossaryTermPage, {GlossaryIndexPage})
        self.assertAllowedSubpageTypes(GlossaryIndexPage, {GlossaryTermPage})
        self.assertAllowedSubpageTypes(GlossaryTermPage, set())
        for parent in (HomePage, TreatmentIndexPage, SideEffectIndexPage, TreatmentPage):
            self.assertCanNotCreateAt(parent, GlossaryTermPage)

    def test_glossary_pages_are_routable_and_render(self):
        term = GlossaryTermPageFactory(parent=GlossaryIndexPageFactory(parent=home_page()))
        for page in (term.get_parent(), term):
            with self.subTest(page=page.title):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

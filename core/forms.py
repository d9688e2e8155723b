from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

# What a page is called and where it lives: fixed while a medical reviewer is reading it.
NAMING_FIELDS = ("title", "slug")


class PortalPageForm(WagtailAdminPageForm):
    """The editor's form for every portal page."""

    def clean(self):
        cleaned_data = super().clean()
        page = self.instance
        if page.pk and page.workflow_in_progress:
            for name in NAMING_FIELDS:
                if name in self.changed_data:
                    self.add_error(
                        name,
                        forms.ValidationError(
                            "This page is in medical review, so its title and address cannot "
                            "change. A site administrator can cancel the review first.",
                            code="in_review",
                        ),
                    )
        return cleaned_data

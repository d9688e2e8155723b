"""Offer in the admin only what the person may do: the rest is refused when tried anyway."""

from django import template
from django.apps import apps
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import ButtonWithDropdown

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label, model_name, objects=None):
    """Wagtail's bulk-action buttons, without those the person may take on none of the listed
    items. Each action's own permission check (the one it applies when run) decides, so what is
    offered and what is allowed always agree."""
    choices = bulk_action_choices(context, app_label, model_name)
    if objects is None:
        return choices
    request = context["request"]
    model = apps.get_model(app_label, model_name)
    permitted = set()
    for action_class in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name):
        action = action_class(request, model)
        if any(action.check_perm(item) for item in objects):
            url_args = [app_label, model_name, action_class.action_type]
            permitted.add(reverse("wagtail_bulk_action", args=url_args))
    buttons = []
    for button in choices["buttons"]:
        if isinstance(button, ButtonWithDropdown):
            button.dropdown_buttons = [b for b in button.dropdown_buttons if b.url in permitted]
            if button.dropdown_buttons:
                buttons.append(button)
        elif button.url in permitted:
            buttons.append(button)
    return {"buttons": buttons}

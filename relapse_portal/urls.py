from django.conf import settings
from django.urls import include, path
from django.views.decorators.csp import csp_override
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from content_api.router import api_router
from core.views import bulk_action, server_error
from feedback import views as feedback_views
from frontcache.views import health
from search import views as search_views

# The admin's own Content-Security-Policy (see ADMIN_CSP); patient pages keep SECURE_CSP.
admin_urlpatterns = decorate_urlpatterns(
    [
        # In front of Wagtail's bulk action address, which it handles after a check of the ids.
        path("bulk/<str:app_label>/<str:model_name>/<str:action>/", bulk_action),
        path("", include(wagtailadmin_urls)),
    ],
    csp_override(settings.ADMIN_CSP),
)

urlpatterns = [
    path("admin/", include(admin_urlpatterns)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("search/", search_views.search, name="search"),
    path("search/suggestions/", search_views.suggestions, name="search_suggestions"),
    path("feedback/", feedback_views.submit, name="feedback"),
    path("feedback/thanks/", feedback_views.thanks, name="feedback_thanks"),
    path("health/", health, name="health"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
        name="robots",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = server_error

from wagtail.api.v2.router import WagtailAPIRouter

from content_api.views import PublicPagesAPIViewSet

api_router = WagtailAPIRouter("content_api")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)

from django.utils.cache import patch_cache_control

from frontcache.tags import response_tags

TAGS_HEADER = "xkey"  # read by Varnish's xkey module (deploy/varnish/portal.vcl)


class CacheTagsMiddleware:
    """Tag every rendered page with what it shows, for the front cache to purge by.

    A response to a logged-in user is marked private as well: besides the cookie rule in the
    VCL, it says itself that no shared cache may keep it (it shows the editor's user bar).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

    def process_template_response(self, request, response):
        # Only what a template renders is tagged: a JSON response (the content API's) renders
        # data, and says itself whether a cache may keep it.
        if request.method in ("GET", "HEAD") and response.context_data is not None:

            def tag(rendered):
                tags = response_tags(request, rendered.context_data)
                rendered[TAGS_HEADER] = " ".join(sorted(tags))

            response.add_post_render_callback(tag)
        return response

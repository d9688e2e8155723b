# Site administrators, as the review specifications make them.
from tests.review.conftest import site_admin  # noqa: F401

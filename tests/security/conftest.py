# The people in each editorial role, shared with the review specifications.
from tests.review.conftest import (  # noqa: F401
    other_writer,
    reviewer,
    site_admin,
    treatment,
    writer,
)

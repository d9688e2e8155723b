# The live treatment page the review specifications work on (the people in each editorial role
# come from tests/conftest.py).
from tests.review.conftest import treatment  # noqa: F401

"""Revision comparisons that show citations: each written out as "[source: <title>]"."""

from django.utils.html import escape
from wagtail.admin.compare import RichTextBlockComparison, RichTextFieldComparison, diff_text
from wagtail.utils.text import text_from_html

from sources.models import Source
from sources.rich_text import EMBED, EMBED_ID, cited_ids


def with_source_titles(html: str) -> str:
    """Database-format rich text with each citation written out as "[source: <title>]", so
    that a comparison of two revisions shows citations added, removed or changed."""
    ids = cited_ids(html)
    if not ids:
        return html
    titles = dict(Source.objects.filter(pk__in=ids).values_list("pk", "title"))

    def written_out(embed):
        found = EMBED_ID.search(embed.group())
        title = titles.get(int(found.group(1))) if found else None
        return f" [source: {title or 'deleted source'}]"

    return EMBED.sub(written_out, html)


def _diff(a: str, b: str):
    return diff_text(
        text_from_html(with_source_titles(a)), text_from_html(with_source_titles(b))
    ).to_html()


class CitingRichTextFieldComparison(RichTextFieldComparison):
    """Wagtail's comparison of rich text fields, with citations written out."""

    def htmldiff(self):
        return _diff(self.val_a, self.val_b)


class CitingRichTextBlockComparison(RichTextBlockComparison):
    """Wagtail's comparison of rich text blocks, with citations written out."""

    def htmlvalue(self, val):
        return escape(text_from_html(with_source_titles(val.source)))

    def htmldiff(self):
        return _diff(self.val_a.source, self.val_b.source)

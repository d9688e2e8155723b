from django.db import models

COMMENT_MAX_LENGTH = 500


class Feedback(models.Model):
    """One reader's answer to "Was this page helpful?", and their comment if they wrote one.

    Nothing here identifies the reader: no address, no cookie, no account. A comment is stored
    with anything that looks like an email address or phone number masked (feedback.forms).
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"
        # Readers' words are read, never edited: writers, reviewers and administrators may view.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.page}: {'helpful' if self.helpful else 'not helpful'}"

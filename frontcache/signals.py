"""Purge exactly what a change touches, once it is committed.

A page's response tags (frontcache.tags) say what it shows; here each change to published
content says which tags it touches. Purges wait for the commit: purged earlier, a reader's
request could put the old version back in the cache before the new one is visible.
"""

import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends, purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from core.shared_cache import content_changed
from frontcache import tags as t
from glossary.models import GlossaryTermPage
from sources.models import Source
from sources.watch import pages_citing
from treatments.models import SideEffectPage, TreatmentPage, TreatmentSideEffect

# Kept on a page instance between pre_save and page_published: how it was before the save.
BEFORE = "_frontcache_before"


def connect() -> None:
    pre_save.connect(remember_live_version, dispatch_uid="frontcache-pre-save")
    page_published.connect(purge_published, dispatch_uid="frontcache-published")
    page_unpublished.connect(purge_unpublished, dispatch_uid="frontcache-unpublished")
    pre_page_move.connect(purge_moved_from, dispatch_uid="frontcache-moved-from")
    post_page_move.connect(purge_moved_to, dispatch_uid="frontcache-moved-to")
    pre_delete.connect(purge_deleted, dispatch_uid="frontcache-deleted")
    for signal in (post_save, post_delete):
        signal.connect(purge_privacy, sender=PageViewRestriction, dispatch_uid="frontcache-privacy")
    post_save.connect(purge_site, sender=Site, dispatch_uid="frontcache-site-saved")
    post_delete.connect(purge_site, sender=Site, dispatch_uid="frontcache-site-deleted")
    published.connect(purge_citing, sender=Source, dispatch_uid="frontcache-source-published")
    unpublished.connect(purge_citing, sender=Source, dispatch_uid="frontcache-source-unpublished")
    pre_delete.connect(purge_citing, sender=Source, dispatch_uid="frontcache-source-deleted")


def purge(tags: set[str], page: Page | None = None) -> None:
    """Drop the shared lookups and purge ``tags`` (and ``page``'s own URL) after the commit.

    The shared lookups are dropped now as well, for the rest of this transaction's requests.
    A reader's request that read the old content just before the commit may still store it
    after the purge: FRONT_CACHE_REPURGE_SECONDS later, everything is purged once more.
    """
    content_changed()

    def after_commit():
        urls = set()
        if page is not None:
            # Wagtail's own purge of the page's address: clears a "not found" kept for it.
            batch = PurgeBatch()
            batch.add_page(page)
            urls = batch.urls
        send_purges(tags, urls)
        if delay := settings.FRONT_CACHE_REPURGE_SECONDS:
            again = threading.Timer(delay, send_purges, (tags, urls))
            again.daemon = True
            again.start()

    transaction.on_commit(after_commit)


def send_purges(tags: set[str], urls: set[str]) -> None:
    content_changed()  # before the front cache, so no page is rebuilt from old lookups
    for backend in get_backends().values():
        if hasattr(backend, "purge_tags"):
            backend.purge_tags(tags)
    purge_urls_from_cache(urls)


def live_version(page: Page) -> dict | None:
    """What readers see of ``page`` now, from the database; None if they see nothing."""
    row = (
        Page.objects.filter(pk=page.pk, live=True).values("title", "slug", "show_in_menus").first()
    )
    if row is None:
        return None
    if isinstance(page, GlossaryTermPage):
        row["names"] = glossary_names(
            row["title"], GlossaryTermPage.objects.get(pk=page.pk).other_names
        )
    if isinstance(page, TreatmentPage):
        row["side_effect_links"] = side_effect_links(page.pk)
    return row


def glossary_names(title: str, other_names) -> set[str]:
    return {title, *other_names}


def side_effect_links(treatment_id) -> set[tuple]:
    return set(
        TreatmentSideEffect.objects.filter(treatment_id=treatment_id).values_list(
            "side_effect_id", "classification", "note"
        )
    )


def remember_live_version(sender, instance, update_fields=None, **kwargs):
    """Before a page is saved whole (publishing saves it whole; drafts don't), note what
    readers saw, to tell afterwards what changed."""
    if isinstance(instance, Page) and instance.pk and update_fields is None:
        setattr(instance, BEFORE, live_version(instance))


def purge_published(sender, instance, **kwargs):
    page = instance
    before = getattr(page, BEFORE, None)
    tags = changed_page_tags(page)
    if before is None or (before["title"], before["slug"]) != (page.title, page.slug):
        tags |= placement_tags(page, page.path, page.get_parent())
    elif before["show_in_menus"] != page.show_in_menus and is_in_menu_level(page.get_parent()):
        tags.add(t.MENU)
    if isinstance(page, GlossaryTermPage) and (
        before is None or before["names"] != glossary_names(page.title, page.other_names)
    ):
        tags.add(t.GLOSSARY)
    if isinstance(page, TreatmentPage):
        # A side effect newly listed (or listed differently) under this treatment: its own
        # page lists the treatment now.
        added = side_effect_links(page.pk) - (before or {}).get("side_effect_links", set())
        tags |= own_page_tags({side_effect_id for side_effect_id, _, _ in added})
    if isinstance(page, SideEffectPage) and before is None:
        tags |= treatments_listing(page)
    purge(tags, page)


def purge_unpublished(sender, instance, **kwargs):
    purge(gone_tags(instance))


def purge_deleted(sender, instance, **kwargs):
    # Deleting a page deletes its row in each table of its type: purge once, for the last.
    if isinstance(instance, Page) and instance.live and type(instance) is instance.specific_class:
        purge(gone_tags(instance))


def purge_moved_from(sender, instance, parent_page_before, **kwargs):
    if instance.live:
        place = placement_tags(instance, instance.path, parent_page_before)
        purge(changed_page_tags(instance) | place)


def purge_moved_to(sender, instance, parent_page_after, **kwargs):
    if instance.live:
        purge(placement_tags(instance, instance.path, parent_page_after), instance)


def purge_privacy(sender, instance, **kwargs):
    """A page (and the pages under it) became private, or public again: as if unpublished."""
    purge(gone_tags(instance.page))


def purge_site(sender, **kwargs):
    purge({t.SITE})


def purge_citing(sender, instance, **kwargs):
    """A source was published, unpublished or deleted: the pages citing it list it in full."""
    purge({t.page_tag(pk) for pk in pages_citing(instance).values_list("pk", flat=True)})


def changed_page_tags(page: Page) -> set[str]:
    """A page's content changed: every response showing it, and those showing all its kind."""
    return {t.page_tag(page.pk), t.every_tag(page.specific_class), t.SEARCH}


def placement_tags(page: Page, path: str, parent: Page | None) -> set[str]:
    """The page appeared, left, or changed title or address at ``path`` under ``parent``: the
    lists of its siblings, its own and its descendants' breadcrumbs and addresses."""
    tags = {t.tree_tag(path)}
    if parent is not None:
        tags.add(t.children_tag(parent.pk))
        if is_in_menu_level(parent):
            tags.add(t.MENU)
    return tags


def gone_tags(page: Page) -> set[str]:
    """Readers can no longer see ``page``: everything that showed it or would list it."""
    page = page.specific
    tags = changed_page_tags(page) | placement_tags(page, page.path, page.get_parent())
    if isinstance(page, GlossaryTermPage):
        tags.add(t.GLOSSARY)
    if isinstance(page, SideEffectPage):
        tags |= treatments_listing(page)
    return tags


def treatments_listing(side_effect: SideEffectPage) -> set[str]:
    """Treatments that list ``side_effect`` (shown only while it is live), and the table of
    every treatment."""
    treatment_ids = side_effect.treatment_links.values_list("treatment_id", flat=True)
    return own_page_tags(treatment_ids) | {t.every_tag(TreatmentPage)}


def own_page_tags(page_ids) -> set[str]:
    """The pages themselves, not the others that mention them."""
    paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
    return {t.tree_tag(path) for path in paths}


def is_in_menu_level(parent: Page | None) -> bool:
    """The main menu lists the live children of a site's root page."""
    return parent is not None and Site.objects.filter(root_page_id=parent.pk).exists()

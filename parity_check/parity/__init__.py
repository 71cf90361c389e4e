"""Cross-language alignment: which pages are versions of one another, which items of those pages are the
same item, and how complete each language is. No browser, no machine translation: pairings rest on
language-neutral evidence (dates, figures, link targets, attachments, images, position) and keep it.

    align(ctx) -> SiteAlignment          cached on the CheckContext, shared by the parity checks
    parity_matrix(ctx) -> {section: {lang: coverage %}}
    ParityMatrix                         the same, summed over the page groups one at a time

pipeline.check runs the parity checks on one page group at a time and adds each group's alignment (already
cached on the context by then, so it costs nothing) to a ParityMatrix for the report summary.
"""
from __future__ import annotations

from .alignment import Cluster, GroupAlignment, PagePair, SiteAlignment, align, align_groups, align_records
from .items import Document, Item, PageItems, extract_items
from .matching import ACCEPT, CONFIDENT, ItemPair, pair_items
from .matrix import ParityMatrix, matrix_from_alignment, parity_matrix
from .pages import PageGroup, SiteGroups, group_pages

__all__ = ["ACCEPT", "CONFIDENT", "Cluster", "Document", "GroupAlignment", "Item", "ItemPair", "PageGroup",
           "PageItems", "PagePair", "ParityMatrix", "SiteAlignment", "SiteGroups", "align", "align_groups",
           "align_records", "extract_items", "group_pages", "matrix_from_alignment", "pair_items", "parity_matrix"]

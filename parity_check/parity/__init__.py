"""Cross-language alignment: which pages are versions of one another, which items of those pages are the
same item, and how complete each language is. No browser, no machine translation: pairings rest on
language-neutral evidence (dates, figures, link targets, attachments, images, position) and keep it.

    align(ctx) -> SiteAlignment          cached on the CheckContext, shared by the parity checks
    parity_matrix(ctx) -> {section: {lang: coverage %}}

The report summary takes the matrix from pipeline.check, after the checks ran on `ctx` (the alignment is
then already cached, so the matrix costs nothing): `parity_matrix(ctx)`.
"""
from __future__ import annotations

from .alignment import Cluster, GroupAlignment, PagePair, SiteAlignment, align, align_records
from .items import Document, Item, PageItems, extract_items
from .matching import ACCEPT, CONFIDENT, ItemPair, pair_items
from .matrix import matrix_from_alignment, parity_matrix
from .pages import PageGroup, group_pages

__all__ = ["ACCEPT", "CONFIDENT", "Cluster", "Document", "GroupAlignment", "Item", "ItemPair", "PageGroup",
           "PageItems", "PagePair", "SiteAlignment", "align", "align_records", "extract_items", "group_pages",
           "matrix_from_alignment", "pair_items", "parity_matrix"]

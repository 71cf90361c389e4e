"""One module per gatherer; each registers itself with registry.gatherer or registry.site_gatherer.
Modules run in name order: those that only read the page come first (a_*), those that change the view
(zoom, narrow viewport, spacing) after, and restore what they changed."""

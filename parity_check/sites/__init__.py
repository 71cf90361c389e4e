"""Local HTTP sites: the server the demo and the test replicas run on, and the shared bvi-lite widget."""
from .server import BVI_PREFIX, Response, SiteServer, StaticTreeSite

__all__ = ["BVI_PREFIX", "Response", "SiteServer", "StaticTreeSite"]

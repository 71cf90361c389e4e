"""What the browser saw, as plain JSON records on disk: the only thing checks read."""
from .store import ArtifactStore, SCHEMA_VERSION, ArtifactError, PageRecord

__all__ = ["ArtifactStore", "SCHEMA_VERSION", "ArtifactError", "PageRecord"]

"""What the browser saw, as plain JSON records on disk: the only thing checks read."""
from .lazy import ArtifactReader, LazyRecord
from .store import ArtifactStore, SCHEMA_VERSION, ArtifactError, PageRecord

__all__ = ["ArtifactReader", "ArtifactStore", "SCHEMA_VERSION", "ArtifactError", "LazyRecord", "PageRecord"]

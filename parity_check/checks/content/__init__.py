"""What the law requires a state body's site to publish, and whether visitors can use it: required sections,
contacts, working links and images, readable documents and text, fresh news, sections within three clicks.
Modules starting with `_` are shared helpers, not checks."""

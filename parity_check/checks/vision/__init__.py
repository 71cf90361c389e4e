"""Low vision: the visually-impaired (VI) mode (present in every language, operable by keyboard, really
enlarging text and raising contrast, kept across pages), the page at 200% text, at 320 px and with WCAG
text spacing, and legibility (tiny, cramped, over-long, justified, capitalised or italic text).
Modules starting with `_` are shared helpers, not checks."""

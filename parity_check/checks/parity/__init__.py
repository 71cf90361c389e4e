"""Cross-language parity checks: what one language version of the site lacks or states differently.
They read the alignment built by parity_check.parity (pages and items paired on language-neutral evidence)."""

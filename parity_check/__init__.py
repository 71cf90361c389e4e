"""parity-check: accessibility and kk/ru/en parity audits of the websites of Kazakhstan's state bodies."""
__version__ = "0.1.0"

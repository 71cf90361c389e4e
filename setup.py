"""The one thing pyproject.toml cannot say: the shipped profiles live in the top-level `profiles/` folder
(where officers look for them and edit them) but install as the package data `parity_check.profiles`,
so an installed parity-check finds them by name. Everything else is in pyproject.toml."""
from setuptools import find_namespace_packages, setup

setup(
    packages=find_namespace_packages(include=["parity_check*"]) + ["parity_check.profiles", "parity_check.profiles.data"],
    package_dir={"parity_check.profiles": "profiles"},
)

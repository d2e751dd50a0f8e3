# pyproject.toml holds everything; this file only lets scrapyd-deploy build the egg it uploads.
from setuptools import setup

setup()

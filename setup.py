# The project is configured in pyproject.toml. This file lets `scrapyd-deploy` build its egg
# (it runs `python setup.py bdist_egg`, and writes a setup.py of its own, with other packages,
# when there is none).
from setuptools import setup

setup()

"""Imports every rule-kind schema so each registers itself with the loader.

One line per kind; the schema modules own their models.
"""

from recordkeeper.ruleset import classes as classes
from recordkeeper.ruleset import process as process
from recordkeeper.ruleset import processing as processing
from recordkeeper.ruleset import registration as registration
from recordkeeper.ruleset import retention as retention

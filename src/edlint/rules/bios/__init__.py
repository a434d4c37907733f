"""Author bios and bylines: a bio printed twice, bios that contradict each other, a byline
that is not the author. The recogniser (what counts as a bio, a byline, an author) is in
text/bios/.

One job per module: ``options`` (the ``bios:`` section), ``registry`` (reading the authors
registry), ``wording`` (message pieces), ``duplicate`` (bio-duplicate), ``facts`` (what
bio-inconsistent carries across files), ``inconsistent`` (bio-inconsistent), ``byline``
(byline-mismatch).
"""

from .byline import byline_mismatch
from .duplicate import bio_duplicate
from .inconsistent import bio_inconsistent
from .options import SECTION, BiosOptions
from .registry import load_authors

__all__ = ["SECTION", "BiosOptions", "bio_duplicate", "bio_inconsistent", "byline_mismatch", "load_authors"]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (bio_duplicate, bio_inconsistent, byline_mismatch)

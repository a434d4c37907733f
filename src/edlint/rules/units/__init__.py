"""Units rules: mixed measurement systems, unit spellings, conversions that do not add up.

All three read one per-document scan (``scan``: ``doc.view("units")``): every quantity in the
prose (``edlint.text.quantities``), whether it sits in a quotation, which quantities come
with a conversion, and every metre/meter, litre/liter word used as a unit.

One job per module: ``options`` (the ``units:`` section), ``scan`` (the shared pass),
``variety`` (metre or meter for this article), ``suggest`` (a conversion to offer),
``mixed`` (units-mixed-system), ``spelling`` (units-spelling), ``conversion``
(units-conversion).
"""

from .conversion import units_conversion
from .mixed import units_mixed_system
from .options import SECTION, UnitsOptions
from .spelling import units_spelling
from .suggest import suggest_conversion

__all__ = ["SECTION", "UnitsOptions", "suggest_conversion", "units_conversion", "units_mixed_system", "units_spelling"]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (units_mixed_system, units_spelling, units_conversion)

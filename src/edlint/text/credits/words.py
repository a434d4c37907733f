"""The word lists credits are recognised by: agencies and picture libraries, licences, weak
credits, and the lower-case words a name list may contain. The images family's options start
from these defaults."""

from __future__ import annotations

# Names that are a credit wherever they appear in a caption.
DEFAULT_SOURCES: tuple[str, ...] = (
    "Getty Images",
    "Getty",
    "Reuters",
    "Associated Press",
    "AP Photo",
    "Agence France-Presse",
    "AFP/Getty",
    "EPA-EFE",
    "PA Wire",
    "PA Media",
    "Press Association",
    "Shutterstock",
    "iStock",
    "iStockphoto",
    "Thinkstock",
    "Alamy",
    "Rex Features",
    "REX/Shutterstock",
    "ZUMA Press",
    "ZUMA Wire",
    "NurPhoto",
    "SOPA Images",
    "Anadolu Agency",
    "Xinhua",
    "WENN",
    "Splash News",
    "Backgrid",
    "Imagn",
    "USA TODAY Sports",
    "Icon Sportswire",
    "Corbis",
    "Magnum Photos",
    "Unsplash",
    "Pexels",
    "Wikimedia Commons",
    "Flickr",
    "Bloomberg via Getty",
)
# Licence words: a credit made only of these names nobody.
DEFAULT_LICENCES: tuple[str, ...] = (
    "Creative Commons",
    "CC BY-NC-SA",
    "CC BY-NC-ND",
    "CC BY-SA",
    "CC BY-NC",
    "CC BY-ND",
    "CC BY",
    "CC0",
    "CC",
    "BY-SA",
    "BY-NC-SA",
    "BY-NC",
    "BY-ND",
    "public domain",
    "GFDL",
    "GNU Free Documentation License",
    "no known copyright restrictions",
    "licensed under",
    "licenced under",
    "attribution-sharealike",
    "attribution",
)
# Weak credits: say where an image came from but name no one.
DEFAULT_WEAK: tuple[str, ...] = (
    "file photo",
    "file picture",
    "file image",
    "file",
    "handout",
    "handout photo",
    "handout picture",
    "supplied",
    "supplied photo",
    "supplied image",
    "submitted",
    "submitted photo",
    "contributed",
    "contributed photo",
    "courtesy photo",
    "stock photo",
    "stock image",
    "archive photo",
    "library photo",
    "library picture",
)

# Words that may be lower-case inside a name list ("Sensvector/iStock via Getty Images",
# "Kirk Irwin for The New York Times", "courtesy of the artist").
CONNECTORS = _CONNECTORS = frozenset(
    "and of for via the by from at de da del della di do dos das du des van von der den ter y e la le "
    "el al bin ibn staff photographer photographers contributor contributors courtesy photo photos "
    "image images picture pictures illustration graphic archive archives collection library family "
    "handout pool agency press news via/getty on behalf artist author owner museum files".split()
)

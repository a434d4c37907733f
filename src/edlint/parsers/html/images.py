"""Images (lazy-loaded, srcset, decorative) and figures: captions and credits attached to the
images they describe."""

from __future__ import annotations

import re
from html import unescape

from ...document import ImageBlock, Span
from .records import _Open
from .vocabulary import _DISPLAY_NONE


class _Figures:
    """``<img>`` and ``<figure>`` handling (mixed into the walker)."""

    def _image(self, amap: dict[str, str | None], classes: tuple[str, ...], start: int, end: int) -> None:
        if self.skip_depth:
            return
        src = amap.get("src")
        lazy = amap.get("data-src") or amap.get("data-lazy-src") or amap.get("data-original")
        if lazy and lazy.strip():
            src = lazy  # lazy loading: the real image is in data-src, src holds a placeholder
        if not src and amap.get("srcset"):
            src = (amap.get("srcset") or "").split(",")[0].strip().split(" ")[0]
        alt = amap.get("alt")
        if "alt" in amap and alt is None:
            alt = ""
        alt_attr = "alt"
        if not (alt and alt.strip()) and (amap.get("data-alt") or "").strip():
            # Lazy loading keeps the description in data-alt until a script copies it over.
            alt, alt_attr = amap.get("data-alt"), "data-alt"
        alt_span = None
        if alt is not None:
            m = re.search(r"(?<![\w-])" + alt_attr + r"\s*=\s*([\"']?)", self.src[start:end], re.I)
            if m:
                a0 = start + m.end()
                alt_span = Span(a0, a0 + len(alt))
        width, height = amap.get("width"), amap.get("height")
        tiny = any(_px(v) is not None and _px(v) <= 2 for v in (width, height))
        decorative = (
            alt == ""
            or (amap.get("role") or "").lower() in ("presentation", "none")
            or (amap.get("aria-hidden") or "").lower() == "true"
            or tiny
        )
        image = ImageBlock(
            span=Span(start, end),
            src=src,
            alt=unescape(alt) if alt else alt,
            alt_span=alt_span,
            title=amap.get("title"),
            origin="html",
            decorative=decorative,
            width=width,
            height=height,
            classes=classes,
            container=self._containers(),
            attrs={k: v for k, v in amap.items() if k in ("role", "aria-hidden", "class", "loading")},
            parent=self._quote_parent(),
        )
        # Where the image sits: the link around it (a teaser links to another page) and
        # the classes of its nearest ancestors ("related-stories", "item__thumb" ...).
        context: list[str] = []
        inside = True  # classes of the 5 nearest ancestors, up to the enclosing <article>/<main>
        for depth, o in enumerate(reversed(self.stack[-12:])):
            if o.tag == "a" and "link" not in image.attrs:
                image.attrs["link"] = o.attrs.get("href") or ""
            if inside and depth < 5:
                context.extend(o.classes)
            if o.tag in ("article", "main", "body"):
                inside = False
            style = o.attrs.get("style")
            if style and _DISPLAY_NONE.search(style):
                image.attrs["hidden_ancestor"] = True
        if context:
            image.attrs["context_classes"] = " ".join(context)
        own_style = amap.get("style")
        if "hidden" in amap or (own_style and _DISPLAY_NONE.search(own_style)):
            image.attrs["hidden_ancestor"] = True  # the image itself is hidden (a beacon)
        self.result.blocks.append(image)
        for o in reversed(self.stack):
            if o.tag == "figure" and o.images is not None:
                o.images.append(image)
                break

    def _finish_figure(self, entry: _Open) -> None:
        caption = None
        if entry.caption_blocks:
            caption = entry.caption_blocks[0].text
        for image in entry.images or ():
            if caption is not None and image.caption is None:
                image.caption = caption
            credit = entry.attrs.get("_credit")
            if credit is not None and image.credit is None:
                image.credit = credit  # type: ignore[assignment]
        for cb in entry.caption_blocks or ():
            if entry.images:
                cb.parent = entry.images[0]

    def _attach_credit(self, entry: _Open) -> None:
        assert entry.credit is not None
        if not len(entry.credit):
            return
        text = entry.credit.build()
        for o in reversed(self.stack):
            if o.tag == "figure":
                o.attrs.setdefault("_credit", text)  # type: ignore[arg-type]
                if o.images:
                    for image in o.images:
                        if image.credit is None:
                            image.credit = text
                return


def _px(value: str | None) -> int | None:
    if not value:
        return None
    m = re.match(r"\s*(\d+)", value)
    return int(m.group(1)) if m else None

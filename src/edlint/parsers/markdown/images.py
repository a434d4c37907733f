"""Images that are not Markdown syntax: image shortcodes (and the captions under them) and the
featured image named in front matter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import CAPTION, SHORTCODE, Block, ImageBlock, MappedText, MetaField
from ..shortcodes import Shortcode, image_fields

if TYPE_CHECKING:
    from ...document import Document, LineIndex


class _ImageSources:
    """The image half of the walker (mixed into ``blocks._Walker``, which sets these)."""

    doc: Document
    src: str
    lines: LineIndex
    shortcode_images: dict[int, ImageBlock]

    def _shortcode_image_above(self, first_line: int, start: int) -> ImageBlock | None:
        """A shortcode image right before this paragraph's text: on the same line, the line
        above, or two above across a blank line."""
        for gap in (0, 1, 2):
            image = self.shortcode_images.get(first_line - gap)
            if image is None:
                continue
            if self.src[image.span.end : start].strip(" \t\r\n*_"):
                return None  # something else sits between the image and this paragraph
            line_start = self.lines.line_start(self.lines.line_of(image.span.start))
            if self.src[line_start : image.span.start].strip():
                return None  # the shortcode ends a line of text: not a standalone image
            return image if image.caption is None else None
        return None

    # -- shortcodes and front matter ---------------------------------------------------
    def shortcode_blocks(self, shortcodes: list[Shortcode], image_codes: dict[str, dict[str, str]]) -> None:
        doc = self.doc
        for sc in shortcodes:
            fields = image_fields(sc, image_codes)
            if fields is None:
                doc.blocks.append(
                    Block(
                        kind=SHORTCODE,
                        span=sc.span,
                        attrs={"name": sc.name, "closing": sc.closing, "args": {k: v for k, (v, _) in sc.args.items()}},
                    )
                )
                continue
            image = ImageBlock(span=sc.span, origin="shortcode", attrs={"shortcode": sc.name, "liquid": sc.liquid})
            variables = [f for f, (_, _, variable) in fields.items() if variable]
            if variables:  # {% include figure.html image=page.image %}: not known here
                image.attrs["template_fields"] = tuple(variables)
            for field_name, (text, vspan, _) in fields.items():
                if field_name == "src":
                    image.src = text
                elif field_name == "alt":
                    image.alt, image.alt_span = text, vspan
                elif field_name == "title":
                    image.title = text
                elif field_name in ("caption", "credit"):
                    if not text.strip():
                        continue  # caption="" gives no caption
                    mapped = MappedText(text, [(0, vspan.start, vspan.end)])
                    setattr(image, field_name, mapped)
                else:
                    image.attrs[field_name] = text
            if image.caption is not None:
                doc.blocks.append(Block(kind=CAPTION, span=image.caption.span, text=image.caption, parent=image))
            doc.blocks.append(image)
            self.shortcode_images[self.lines.line_of(sc.span.end)] = image

    def frontmatter_image(self) -> None:
        """The featured image named in front matter (``image``, ``image_alt`` ...)."""
        doc = self.doc
        md = doc.metadata
        f = md.get("image") or md.get("featured_image") or md.get("cover") or md.get("hero")
        if f is None or f.value in (None, "", [], {}):
            return
        src = f.value
        image = ImageBlock(span=f.key_span, origin="frontmatter", attrs={"field": f.key})
        if isinstance(src, dict):
            image.src = str(src.get("src") or src.get("url") or src.get("path") or "")
            for key in ("alt",):
                if src.get(key) is not None:
                    image.alt = str(src[key])
            for key in ("caption", "credit"):
                if src.get(key):
                    value = str(src[key])
                    setattr(image, key, MappedText(value, [(0, f.value_span.start, f.value_span.end)]))
        else:
            image.src = str(src)
        for key, attr in (
            ("image_alt", "alt"),
            ("image-alt", "alt"),
            ("image_caption", "caption"),
            ("image-caption", "caption"),
            ("image_figcaption", "caption"),
            ("caption", "caption"),
            ("image_credit", "credit"),
            ("image-credit", "credit"),
            ("credit", "credit"),
        ):
            mf: MetaField | None = md.get(key)
            if mf is None or mf.value in (None, ""):
                continue
            value = str(mf.value)
            if attr == "alt":
                if image.alt is None:
                    image.alt, image.alt_span = value, mf.value_span
            elif getattr(image, attr) is None:
                vs = mf.value_span
                seg = (0, vs.start, vs.end)
                if doc.source[vs.start : vs.end] == value:
                    seg = (0, vs.start, vs.start + len(value))
                elif doc.source[vs.start + 1 : vs.end - 1] == value:
                    seg = (0, vs.start + 1, vs.start + 1 + len(value))
                setattr(image, attr, MappedText(value, [seg]))
        doc.blocks.append(image)

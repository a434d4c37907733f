"""Site data: alt text, captions and credits kept in ``data/images/<uid>.yml`` (loaded once
per run), for Hugo ``{{< img src="uid" >}}`` shortcodes and front-matter uids."""

from __future__ import annotations

import os
from typing import Any

from ..base import site_loader, tree_paths
from .options import ImagesOptions

_SITE_FIELDS = ("alt", "caption", "credit", "width", "height", "src", "uid")


def _site_data_folder(config_dir: str, options: Any) -> str:
    opts = options if isinstance(options, ImagesOptions) else ImagesOptions()
    return os.path.join(config_dir, opts.site_data_folder)


@site_loader("images", "images", inputs=lambda config_dir, options: tree_paths(_site_data_folder(config_dir, options)))
def load_image_data(config_dir: str, options: Any) -> dict[str, dict[str, str]]:
    """Read ``<site_data_folder>/<uid>.yml`` files: uid -> {alt, caption, credit, ...}.

    A file that is not valid YAML is skipped (the others still load)."""
    from ...parsers.frontmatter import load_yaml

    folder = _site_data_folder(config_dir, options)
    out: dict[str, dict[str, str]] = {}
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        stem, dot, ext = name.rpartition(".")
        if not dot or ext.lower() not in ("yml", "yaml"):
            continue
        try:
            from ...reading import read_site_text

            data = load_yaml(read_site_text(os.path.join(folder, name)))
        except Exception:  # noqa: BLE001 - one bad file must not hide the others
            continue
        if not isinstance(data, dict):
            continue
        entry = {k: str(v).strip() for k, v in data.items() if k in _SITE_FIELDS and v is not None}
        out[stem] = entry
        uid = entry.get("uid")
        if uid and uid != stem:
            out.setdefault(uid, entry)
    return out

"""Config discovery, rule registries, settings per file and site data, each cached for the run.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
"""

from __future__ import annotations

import os
from typing import Any

from ..config import Config, ConfigError, find_config_file, load_config_file
from ..policy import FileSettings, relpath_for, resolve
from ..rules.registry import Registry, build_registry


class Configs:
    """Which config, registry, settings and site data each file gets."""

    def registry_for(
        self,
        plugins: tuple[str, ...],
        base_dir: str = ".",
        packs: tuple[str, ...] = (),
        named_in: str | None = None,
        trusted: bool = False,
    ) -> Registry:
        """The rules a config sees: built-ins, entry points, its plugins and its packs."""
        if not plugins and not packs and self._base_registry is not None:
            return self._base_registry
        key = (plugins, packs, os.path.abspath(base_dir) if (plugins or packs) else "")
        reg = self._registries.get(key)
        if reg is None:
            from ..rules.registry import RegistryError

            try:
                reg = build_registry(
                    plugins, base_dir, packs=packs, allow_plugins=True if trusted else self.allow_plugins
                )
            except RegistryError as exc:
                raise ConfigError(str(exc)) from exc
            self._registries[key] = reg
            self._note_registry_inputs(reg, base_dir, packs)
            if reg.skipped_plugins:
                self._note_skipped(reg.skipped_plugins, named_in or base_dir)
            for err in reg.errors:
                if err not in self.messages:
                    self.messages.append(err)
            if reg.failed_plugins:
                self.plugin_failed = True
        return reg

    def _note_registry_inputs(self, reg: Registry, base_dir: str, packs: tuple[str, ...]) -> None:
        """Pack files are inputs of a replayable run. Plugins make it not replayable: their
        code, and whatever it imports, is not something edlint can stamp."""
        for origin in sorted({r.origin for r in reg.rules.values() if r.origin.startswith("plugin:")}):
            self.inputs.block(f"{origin} is code edlint cannot stamp")
        if packs:
            from ..rules.declarative.packs import resolve_pack_path

            for spec in packs:
                self.inputs.note(resolve_pack_path(spec, base_dir))

    def _note_skipped(self, plugins: list[str], where: str) -> None:
        """One message for the whole run, naming every plugin not loaded."""
        from ..rules.registry import skipped_plugins_message

        shown = os.path.relpath(where) if os.path.isabs(where) else where
        before = skipped_plugins_message(self._skipped_plugins) if self._skipped_plugins else None
        for spec in plugins:
            if (spec, shown) not in self._skipped_plugins:
                self._skipped_plugins.append((spec, shown))
        message = skipped_plugins_message(self._skipped_plugins)
        if before in self.messages:
            self.messages[self.messages.index(before)] = message
        elif message not in self.messages:
            self.messages.append(message)

    def registry_of(self, config: Config) -> Registry:
        return self.registry_for(config.plugins, config.root, config.packs)

    def _load(self, path: str) -> Config:
        cached = self._configs_by_path.get(path)
        if cached is not None:
            return cached
        # Plugins and packs change which rules exist, so read them before validating.
        reg = self.registry_for(
            _peek_list(path, "plugins"),
            os.path.dirname(os.path.abspath(path)),
            _peek_list(path, "packs"),
            named_in=path,
        )
        self.inputs.note(path)
        cfg = load_config_file(path, reg)
        self._configs_by_path[path] = cfg
        return cfg

    def config_for(self, path: str) -> Config:
        if self.fixed_config is not None:
            return self.fixed_config
        d = os.path.dirname(os.path.abspath(path))
        cfg = self._configs_by_dir.get(d)
        if cfg is None:
            found = find_config_file(d, looked_at=self.inputs.note)
            cfg = self._load(found) if found else Config(root=os.getcwd())
            self._configs_by_dir[d] = cfg
        return cfg

    def settings_for(self, path: str, config: Config) -> FileSettings:
        rel = relpath_for(path, config.root)
        key = (config.key(), rel if config.overrides else "")
        settings = self._settings.get(key)
        if settings is None:
            settings = resolve(config, rel, self.registry_of(config), self.cli)
            self._settings[key] = settings
        return settings

    def site_data(self, config: Config, settings: FileSettings) -> dict[str, Any]:
        """Data loaded once per config (authors registry, image metadata ...)."""
        key = config.key()
        data = self._site.get(key)
        if data is None:
            data = {}
            reg = self.registry_of(config)
            sections = {r.section.name for r in settings.rules if r.section is not None}
            for loader in reg.loaders:
                if loader.section not in sections:
                    continue
                opts = next(
                    (settings.options[r.id] for r in settings.rules if r.section and r.section.name == loader.section),
                    None,
                )
                if loader.inputs is None:
                    self.inputs.block(f"site data {loader.name!r} does not name its inputs")
                else:
                    try:
                        for input_path in loader.inputs(config.root, opts):
                            self.inputs.note(input_path)
                    except Exception as exc:  # noqa: BLE001 - then the run is not replayable
                        self.inputs.block(f"site data {loader.name!r} inputs failed: {exc}")
                try:
                    data[loader.name] = loader.load(config.root, opts)
                except Exception as exc:  # noqa: BLE001 - reported, the run goes on
                    self.messages.append(f"could not load site data {loader.name!r}: {exc}")
            self._site[key] = data
        return data


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []


def _peek_list(path: str, key: str) -> tuple[str, ...]:
    """Read one list key from a config file before full validation."""
    try:
        from ..reading import read_site_text

        cfg_text = read_site_text(path)
        if path.endswith(".toml"):
            try:
                import tomllib  # type: ignore[import-not-found]
            except ModuleNotFoundError:
                import tomli as tomllib  # type: ignore[no-redef]
            data = tomllib.loads(cfg_text).get("tool", {}).get("edlint", {})
        else:
            from ..parsers.frontmatter import load_yaml

            data = load_yaml(cfg_text) or {}
        value = data.get(key, ()) if isinstance(data, dict) else ()
        if isinstance(value, str):
            value = [value]
        return tuple(str(v) for v in value) if isinstance(value, list) else ()
    except Exception:  # noqa: BLE001 - full validation reports the problem properly
        return ()

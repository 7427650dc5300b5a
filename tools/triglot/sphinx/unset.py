"""The project's settings win: triglot gives a Sphinx setting a value only where nobody else gave it one.

"Somebody" is the project's ``conf.py``, a ``-D`` on the command line, or a
theme or extension that set it in a ``config-inited`` handler before
triglot's (triglot's handlers that call these run late, at priority 800 and
above, after the default 500 of other extensions' handlers).
"""

from __future__ import annotations

from sphinx.config import Config


def is_set(config: Config, name: str) -> bool:
    """Whether *name* has a value from conf.py, the command line, or a theme or extension."""
    if name in config._raw_config or name in config.overrides:
        return True
    if name not in config.__dict__:  # never assigned: still the default (a callable default is never cached)
        return False
    default = config._options[name].default
    return callable(default) or config.__dict__[name] != default


def set_unset(config: Config, name: str, value: object) -> None:
    """Give *name* the value *value* unless somebody else gave it one (see :func:`is_set`)."""
    if not is_set(config, name):
        setattr(config, name, value)

"""Reading a user's YAML safely: PyYAML's SafeLoader hardened against duplicate keys, alias bombs and tagged
values it cannot read, and `load_yaml_text`, which keeps every plain scalar as the text written."""

from __future__ import annotations

from typing import Any

from ..textfiles import shown

# PyYAML's constructors of explicit tags raise these on a value they cannot read (`!!int abc`: ValueError,
# `!!bool maybe`: KeyError, `!!int ''`: IndexError, `!!timestamp x`: AttributeError)
_CONSTRUCTOR_CRASHES = (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError)
# the start of the problem a typed value that cannot be read gives (the loaders' callers pick their fix by it)
TAGGED_VALUE_PROBLEM = "cannot read the value"
TAGGED_VALUE_FIX = "write a value of that type, or remove its tag (e.g. !!int)"
# the most values a file's aliases (`*name`) may repeat: nine lines of anchors each repeating the one before nine
# times (an alias bomb) is 9**9 values, and quoting such a value in an error (its repr) never ended; a file's real
# reuse of an anchor (shared synonyms, `<<: *defaults`) repeats thousands
MAX_ALIASED_VALUES = 1_000_000
ALIAS_BOMB_PROBLEM = "aliases repeat more than"
ALIAS_BOMB_FIX = (
    "write the values out, or repeat an anchor (*name) fewer times: anchors that repeat one another multiply"
)


def _alias_bomb(root: Any) -> Any | None:
    """The anchored node whose repeats take the values aliases repeat past MAX_ALIASED_VALUES, or None. Counted on
    the composed nodes (an alias is the anchored node itself, met again), each node's size once: linear in the
    file, however much the aliases multiply."""
    import yaml

    sizes: dict[int, int] = {}
    repeated = 0
    culprit: list[Any] = []

    def size(node: Any) -> int:
        nonlocal repeated
        key = id(node)
        if key in sizes:  # an alias: the anchored node's values once more
            repeated += sizes[key]
            if repeated > MAX_ALIASED_VALUES and not culprit:
                culprit.append(node)
            return sizes[key]
        sizes[key] = 1  # a node that holds itself (`&a [*a]`) counts once
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = []
        sizes[key] = 1 + sum(size(child) for child in children)
        return sizes[key]

    size(root)
    return culprit[0] if culprit else None


def safe_yaml_loader(libyaml: bool = True) -> type:
    """PyYAML's SafeLoader (with `libyaml`, libyaml's parser when PyYAML has it: about 10x faster, its messages
    worded otherwise) for a user's file, with two things it lacks:
    a key given twice in one mapping is an error (PyYAML keeps the last silently), and an explicitly tagged
    value it cannot read (`!!int abc`, `!!bool maybe`, `!!timestamp 2024-13-01`, `!!map text`) is a YAML
    error with its line, not a ValueError or KeyError from inside PyYAML."""
    import yaml

    base: type = yaml.SafeLoader
    if libyaml and yaml.__with_libyaml__:
        from yaml.cyaml import CSafeLoader

        base = CSafeLoader  # libyaml's parser with PyYAML's SafeConstructor and Resolver

    class SafeUserLoader(base):  # type: ignore[valid-type,misc]
        def construct_document(self, node: Any) -> Any:
            bomb = _alias_bomb(node)
            if bomb is not None:  # before a value is built: every use of it (a check, an error quoting it) is then safe
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"{ALIAS_BOMB_PROBLEM} {MAX_ALIASED_VALUES:,} values in all (this anchor's, repeated by the "
                    "aliases that name it, and the anchors that repeat it)",
                    bomb.start_mark,
                )
            try:
                return super().construct_document(node)
            except _CONSTRUCTOR_CRASHES as exc:  # one a tagged node's own constructor did not turn into a mark
                raise yaml.constructor.ConstructorError(None, None, f"a value cannot be read ({exc})") from None

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            except _CONSTRUCTOR_CRASHES as exc:
                short = str(node.tag).replace("tag:yaml.org,2002:", "!!")
                value = shown(node.value) if isinstance(node, yaml.ScalarNode) else f"(a {node.id})"
                why = "" if isinstance(exc, KeyError) else f" ({shown(str(exc), 120)[1:-1]})"  # KeyError: the value
                raise yaml.constructor.ConstructorError(
                    None, None, f"{TAGGED_VALUE_PROBLEM} {value} as {short}{why}", node.start_mark
                ) from None

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            """A key given twice in one mapping is an error (PyYAML would keep the last silently)."""
            seen: set[str] = set()
            # the mapping's own keys (a node tagged !!map that is not a mapping is PyYAML's error); `<<` merges
            # may be overridden
            for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key_node.value}' (a key may appear once per mapping)",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
            return super().construct_mapping(node, deep=deep)

    return SafeUserLoader


def _text_loader() -> type:
    """`safe_yaml_loader` reading every plain scalar as the text written (only null and `<<` resolved). The
    constructor and the resolvers are PyYAML's Python ones whichever parser runs, so both parse alike."""
    import yaml

    class TextLoader(safe_yaml_loader()):  # type: ignore[misc]
        pass

    keep = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
    TextLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in keep]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextLoader


def load_yaml_text(text: str) -> Any:
    """Parse YAML keeping plain scalars as strings (`0012`, `12:30`, `1.50`, `yes` stay as written)."""
    import yaml

    return yaml.load(text, Loader=_text_loader())  # noqa: S506 - a SafeLoader subclass

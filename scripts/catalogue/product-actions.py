#!/usr/bin/env python3
"""Writes runtime/src/catalogue/ProductActions.def from the facts on OOS cloud
product actions (../shared/docs/oos-cloud-product-actions.md: names, property
types, which are required, outputs) and, for the actions the runtime
implements (runtime/actions/<Product>/<Name>.yaml), their defaults, allowed
values and descriptions.

A maintainer's tool, run by hand when the facts change; the build uses the
.def file it writes. Needs python3 with PyYAML.

    scripts/catalogue/product-actions.py [path/to/oos-cloud-product-actions.md]
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_FACTS = ROOT.parent / "shared" / "docs" / "oos-cloud-product-actions.md"
OUTPUT = ROOT / "runtime" / "src" / "catalogue" / "ProductActions.def"
TYPES = {"String", "Number", "Boolean", "List", "Json"}
ROW = re.compile(r"^\| (ACS::[A-Za-z0-9:]+) \| (.*?) \| (.*?) \|$", re.M)


def c_string(text):
    text = str(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fields(cell):
    """'a*:String, b:Number' -> [(name, type, required)]"""
    if cell.strip() == "-":
        return []
    result = []
    for item in cell.split(", "):
        name, kind = item.split(":")
        if kind not in TYPES:
            sys.exit(f"unknown type {kind!r} in {item!r}")
        result.append((name.rstrip("*"), kind, name.endswith("*")))
    return result


def english(text):
    if isinstance(text, dict):
        text = text.get("en") or next(iter(text.values()), "")
    return " ".join(str(text or "").split())


def scalar_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return ""  # structured defaults are not kept as text
    return str(value)


def implemented(name):
    """The runtime's template for an action, or None."""
    _, product, action = name.split("::")
    path = ROOT / "runtime" / "actions" / product / f"{action}.yaml"
    return yaml.safe_load(path.read_text()) if path.exists() else None


def property_line(name, kind, required, spec):
    # A required property has no default, whatever an implementation says.
    default = scalar_text(spec.get("Default")) if "Default" in spec and not required else ""
    allowed = [scalar_text(v) for v in spec.get("AllowedValues") or []]
    if any("|" in value for value in allowed):
        sys.exit(f"an allowed value of {name} contains '|'")
    return (f"OOSC_PROPERTY({c_string(name)}, {kind}, {'Required' if required else 'Optional'}, "
            f"{c_string(default)}, {c_string('|'.join(allowed))}, {c_string(english(spec.get('Description')))})")


def main():
    facts = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FACTS
    rows = ROW.findall(facts.read_text())
    lines = [
        "//===- ProductActions.def - The cloud-product actions ACS::<Product>::<Name> ===//",
        "//",
        "// Written by scripts/catalogue/product-actions.py from the facts in",
        "// oos-cloud-product-actions.md (names, property types, required properties,",
        "// outputs) and, for the actions the runtime implements, runtime/actions.",
        "// Record format: see BuiltinActions.def. Regenerate rather than edit.",
        "//",
        "//===----------------------------------------------------------------------===//",
        "",
    ]
    for name, properties, outputs in rows:
        template = implemented(name) or {}
        parameters = template.get("Parameters") or {}
        lines.append(f"OOSC_ACTION({c_string(name)}, Product, Loops, OutputsKnown, "
                     f"{c_string(english(template.get('Description')))})")
        for prop, kind, required in fields(properties):
            lines.append(property_line(prop, kind, required, parameters.get(prop) or {}))
        for output, kind in ((n, k) for n, k, _ in fields(outputs)):
            lines.append(f"OOSC_OUTPUT({c_string(output)}, {kind})")
        lines.append("")
    OUTPUT.write_text("\n".join(lines))
    print(f"{OUTPUT.relative_to(ROOT)}: {len(rows)} actions")


if __name__ == "__main__":
    main()

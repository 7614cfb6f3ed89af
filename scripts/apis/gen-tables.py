#!/usr/bin/env python3
"""Writes apis/data/ApiTables.inc, oosc's own table of Alibaba Cloud APIs,
from the OpenAPI metadata in ../shared/apimeta (products.json, apis/*.jsonl,
responses/*.jsonl; see its README), with apis/supplement/ for the APIs the
metadata lacks (its README says which and from where).

A maintainer's tool, run when the metadata changes; the build compiles the
file it writes and never reads the metadata. Regenerate rather than edit:

    scripts/apis/gen-tables.py [path/to/apimeta]

The table is one OOSC_PRODUCT record per product. A product's APIs and its
answer shapes are each one text block of one line per API, sorted by name,
so that oosc indexes a product only when a template calls it and decodes an
API only when it is looked up. The notation is described in
apis/include/oosc/apis/ApiTable.h.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_META = ROOT.parent / "shared" / "apimeta"
OUTPUT = ROOT / "apis" / "data" / "ApiTables.inc"
SUPPLEMENT = ROOT / "apis" / "supplement"

TYPE_CODES = {"String": "S", "Integer": "I", "Long": "L", "Boolean": "B", "Float": "F",
              "Double": "D", "Json": "J", "RepeatList": "R", "Array": "A", "Struct": "T",
              "Any": "Y"}
POSITION_CODES = {"Query": "Q", "Body": "B", "Path": "P", "FormData": "F", "Header": "H",
                  "Host": "O"}
LEAF_CODES = {"string": "s", "number": "n", "boolean": "b", "any": "a"}
NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
DELIMITER = "oosc"


def checked_name(name, where):
    if not NAME.match(name):
        sys.exit(f"{where}: name {name!r} has characters the table notation cannot hold")
    return name


def parameter_text(parameter, api):
    name = checked_name(parameter["name"], api)
    text = name + ":" + TYPE_CODES[parameter["type"]] + POSITION_CODES[parameter["position"]]
    if parameter.get("required"):
        text += "!"
    fields = parameter.get("sub_parameters") or []
    if fields:
        text += "(" + ",".join(parameter_text(field, api) for field in fields) + ")"
    return text


def api_line(api):
    name = checked_name(api["name"], "api")
    parameters = ",".join(parameter_text(p, name) for p in api["parameters"])
    for field in (api["method"], api["protocol"], api["pathPattern"]):
        if "\t" in field or "\n" in field:
            sys.exit(f"{name}: a tab or newline in {field!r}")
    return "\t".join([name, api["method"], api["protocol"], api["pathPattern"], parameters])


def shape_text(shape, api):
    if isinstance(shape, str):
        return LEAF_CODES[shape]
    if isinstance(shape, list):
        return "[" + (shape_text(shape[0], api) if shape else "a") + "]"
    return "{" + ",".join(checked_name(key, api) + ":" + shape_text(value, api) if key != "*"
                          else "*:" + shape_text(value, api)
                          for key, value in shape.items()) + "}"


def block(lines):
    text = "\n".join(sorted(lines))
    if ")" + DELIMITER + '"' in text:
        sys.exit("the raw-string delimiter occurs in the data")
    return 'R"' + DELIMITER + "(" + text + ")" + DELIMITER + '"'


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def endpoints(mapping):
    return ";".join(f"{region}={host}" for region, host in sorted(mapping.items()))


def read_lines(path, convert):
    if not path.exists():
        return []
    return [convert(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]


def merged(meta_lines, supplement_lines):
    """The metadata's lines, then the supplement's for names it lacks, sorted."""
    names = {line.split("\t", 1)[0] for line in meta_lines}
    added = [line for line in supplement_lines if line.split("\t", 1)[0] not in names]
    return sorted(meta_lines + added, key=lambda line: line.split("\t", 1)[0]), len(added)


def main():
    meta = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_META
    products = json.loads((meta / "products.json").read_text(encoding="utf-8"))["products"]
    out = [
        "//===- ApiTables.inc - Alibaba Cloud's APIs, one record per product -----===//",
        "//",
        "// Written by scripts/apis/gen-tables.py from the OpenAPI metadata",
        "// (../shared/apimeta: products, versions, endpoints, parameters, answer",
        "// shapes) and apis/supplement/ (APIs the metadata lacks). Regenerate",
        "// rather than edit. Record format and notation:",
        "// apis/include/oosc/apis/ApiTable.h.",
        "//",
        "//===----------------------------------------------------------------------===//",
        "",
    ]
    api_count = 0
    supplemented = 0
    for product in sorted(products, key=lambda p: p["code"].lower()):
        code = product["code"]
        stem = code.lower()
        shape_line = lambda r: checked_name(r["name"], code) + "\t" + shape_text(r["body"], r["name"])
        apis, added = merged(read_lines(meta / "apis" / f"{stem}.jsonl", api_line),
                             read_lines(SUPPLEMENT / "apis" / f"{stem}.jsonl", api_line))
        shapes, _ = merged(read_lines(meta / "responses" / f"{stem}.jsonl", shape_line),
                           read_lines(SUPPLEMENT / "responses" / f"{stem}.jsonl", shape_line))
        api_count += len(apis)
        supplemented += added
        style = "Restful" if product["api_style"] == "restful" else "Rpc"
        out.append(f"OOSC_PRODUCT({c_string(code)}, {c_string(product['version'])}, "
                   f"{c_string(product['location_service_code'] or '')}, {style},")
        out.append(f"  {c_string(product['global_endpoint'] or '')},")
        out.append(f"  {c_string(endpoints(product['regional_endpoints'] or {}))},")
        out.append(f"  {c_string(endpoints(product['regional_vpc_endpoints'] or {}))},")
        out.append(f"  {block(apis)},")
        out.append(f"  {block(shapes)})")
    OUTPUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(products)} products, {api_count} APIs "
          f"({supplemented} from apis/supplement)")


if __name__ == "__main__":
    main()

"""The summary formats checked from outside Nabo (docs/FORMAT.md): the frozen fixtures verify
with the few lines of Python FORMAT.md quotes (verify_nabo_file.py), a changed copy does not,
every fixture fits its JSON Schema, and a file Nabo makes today does too."""
import base64
import hashlib
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest
import rfc8785
from cryptography.exceptions import InvalidSignature
from referencing import Registry, Resource

from verify_nabo_file import open_file, verify

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/summary"
SCHEMAS = ROOT / "docs/schemas"
IDENTITY = str(FIXTURES / "TEST-ONLY-coordinator.age-identity")
FILES = {
    "hanne.nabo-card": "nabo-identity-card",
    "amina-2026-11.nabo-summary": "nabo-summary",
    "amina-2026-11.plain.nabo-summary": "nabo-summary",
    "amina.nabo-receipt": "nabo-receipt",
}


def schema(fmt: str, version: int = 1) -> dict:
    return json.loads((SCHEMAS / f"{fmt}.v{version}.schema.json").read_text())


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_fixture_verifies_and_fits_its_schema(name):
    doc = json.loads(open_file(str(FIXTURES / name), IDENTITY))
    verified = verify(json.dumps(doc).encode())
    assert verified["format"] == FILES[name]
    # The fixtures are version 1 files (a summary from before format 2), still read.
    jsonschema.validate(doc, schema(FILES[name], doc["version"]))


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_changed_digit_or_name_is_caught(name):
    doc = json.loads(open_file(str(FIXTURES / name), IDENTITY))
    text = json.dumps(doc)
    changed = text.replace('"Amina"', '"Amira"', 1) if '"Amina"' in text else text.replace('"Hanne"', '"Hanna"', 1)
    assert changed != text
    with pytest.raises(InvalidSignature):
        verify(changed.encode())


def test_the_fingerprint_is_computed_as_format_md_says():
    card = json.loads((FIXTURES / "hanne.nabo-card").read_text())
    digest = hashlib.sha256(base64.b64decode(card["signing_key"])).digest()
    bits = int.from_bytes(digest[:13], "big") >> 4  # the first 100 bits
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars = "".join(alphabet[(bits >> (5 * (19 - i))) & 31] for i in range(20))
    fingerprint = "-".join(chars[i : i + 4] for i in range(0, 20, 4))
    assert len(fingerprint) == 24
    assert fingerprint == fingerprint_from_nabo(card_path=FIXTURES / "hanne.nabo-card")


def fingerprint_from_nabo(card_path) -> str:
    """The fingerprint Nabo shows for a card: set it as the coordinator of a new database."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "v.db")
        env = {**os.environ, "NABO_LANG": "en"}
        env.pop("NABO_DB", None)
        subprocess.run([os.environ["NABO_BIN"], "--db", db, "init", "--name", "Test"], env=env, check=True, capture_output=True)
        out = subprocess.run(
            [os.environ["NABO_BIN"], "--db", db, "coordinator", "set", str(card_path), "--json"],
            env=env, check=True, capture_output=True, text=True,
        )
        return json.loads(out.stdout)["fingerprint"]


def test_a_summary_nabo_makes_today_fits_the_schema(tmp_path):
    nabo = os.environ["NABO_BIN"]
    env = {**os.environ, "NABO_LANG": "en", "NABO_NOW": "2026-12-02T10:00:00Z"}
    env.pop("NABO_DB", None)
    db = str(tmp_path / "a.db")
    run = lambda *args: subprocess.run([nabo, "--db", db, *args], env=env, check=True, capture_output=True, text=True)
    run("init", "--name", "Sara")
    run("plan", "meeting", "--start", "2026-11-10T17:00", "--duration", "2h", "--venue", "Huset", "--theme", "Sundhed", "--area", "Hasle")
    run("record", "1", "reached=7", "new=2")
    run("plan", "meeting", "--start", "2026-11-12T17:00", "--duration", "2h", "--venue", "Huset", "--theme", "Sprog", "--area", "Gellerup")
    run("record", "2", "reached=4", "new=1")
    run("plan", "visit", "--start", "2026-11-13T10:00", "--duration", "1h", "--area", "Hasle", "--household", "H-1")
    run("record", "3", "reached=2", "new=2")
    out = tmp_path / "s.nabo-summary"
    run("export-summary", "--period", "2026-11", "--out", str(out), "--plain")
    doc = json.loads(out.read_bytes())
    assert doc["version"] == 2
    jsonschema.validate(doc, schema("nabo-summary", 2))
    doc = verify(out.read_bytes())
    assert doc["totals"]["reached"] == 13
    # By area and kind together, as FORMAT.md says: each pair once, zeros left out, adding up
    # to the totals by kind and by area.
    pairs = {(p["area"], p["kind"]): p["totals"] for p in doc["by_area_kind"]}
    assert {k: t["reached"] for k, t in pairs.items()} == {
        ("Hasle", "group_meeting"): 7,
        ("Gellerup", "group_meeting"): 4,
        ("Hasle", "home_visit"): 2,
    }
    assert all(v > 0 for t in pairs.values() for v in t.values())
    for kind, k in doc["by_kind"].items():
        for key, value in k["totals"].items():
            assert value == sum(t.get(key, 0) for (_, pk), t in pairs.items() if pk == kind), (kind, key)
    for a in doc["by_area"]:
        for key, value in a["totals"].items():
            assert value == sum(t.get(key, 0) for (pa, _), t in pairs.items() if pa == a["area"]), (a["area"], key)


def test_a_rollup_carries_each_summary_as_signed_and_fits_the_schema(tmp_path):
    """A roll-up Nabo makes today: its coordinator's signature verifies, each summary in it
    verifies with its volunteer's key and hashes to its `sha256`, and its totals are their sum."""
    nabo = os.environ["NABO_BIN"]
    env = {**os.environ, "NABO_LANG": "en", "NABO_NOW": "2026-12-02T10:00:00Z"}
    env.pop("NABO_DB", None)

    def run(db, *args):
        return subprocess.run([nabo, "--db", str(tmp_path / db), *args], env=env, check=True, capture_output=True, text=True)

    run("hanne.db", "init", "--role", "coordinator", "--name", "Hanne")
    run("hanne.db", "key", "export", "--out", str(tmp_path / "hanne.nabo-card"))
    files = []
    for name, reached in (("Sara", 7), ("Leila", 4)):
        db = f"{name}.db"
        run(db, "init", "--name", name)
        run(db, "coordinator", "set", str(tmp_path / "hanne.nabo-card"))
        run(db, "plan", "meeting", "--start", "2026-11-10T17:00", "--duration", "2h", "--venue", "Huset", "--theme", "Sundhed", "--area", "Hasle")
        run(db, "record", "1", f"reached={reached}", "new=1")
        out = tmp_path / f"{name}.nabo-summary"
        run(db, "export-summary", "--period", "2026-11", "--out", str(out))
        files.append(str(out))
    run("hanne.db", "import-summary", *files)
    rollup = tmp_path / "hanne-2026-Q4.nabo-rollup"
    run("hanne.db", "export-rollup", "--period", "2026-Q4", "--out", str(rollup))
    doc = json.loads(rollup.read_bytes())
    rollup_schema = schema("nabo-rollup")
    summaries = {v: schema("nabo-summary", v) for v in (1, 2)}
    # The roll-up's schema refers to the summary's (either version) by its file name.
    registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (rollup_schema, *summaries.values())]
        + [(f"nabo-summary.v{v}.schema.json", Resource.from_contents(s)) for v, s in summaries.items()]
    )
    jsonschema.Draft202012Validator(rollup_schema, registry=registry).validate(doc)
    verify(rollup.read_bytes())
    total = 0
    for c in doc["summaries"]:
        inner = verify(json.dumps(c["summary"]).encode())
        assert inner["volunteer"]["signing_key"] == c["volunteer_key"]
        assert hashlib.sha256(rfc8785.dumps(c["summary"])).hexdigest() == c["sha256"]
        total += inner["totals"]["reached"]
    assert total == doc["totals"]["reached"] == 11
    # Her report of the same months fits the report's schema, the 4 of Leila's hidden.
    report = tmp_path / "report.json"
    run("hanne.db", "report", "--from", "2026-11", "--to", "2026-11", "--rows", "area", "--cols", "month",
        "--format", "json", "--out", str(report))
    table = json.loads(report.read_bytes())
    jsonschema.validate(table, schema("nabo-report"))
    assert table["total"] == {"value": 11, "suppressed": None}
